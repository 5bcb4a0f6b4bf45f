// Reading seed and state documents and journal records (docs/emulator.md).
#include <algorithm>
#include <initializer_list>

#include <nlohmann/json.hpp>

#include "persistence/record_reader.hpp"
#include "persistence/state_checks.hpp"
#include "persistence/state_codec.hpp"
#include "store/ids.hpp"
#include "store/roles.hpp"
#include "store/timestamp.hpp"
#include "wire/input_checks.hpp"

namespace roster::emulator {

namespace {

using nlohmann::json;

Error invalid(std::string message) {
  return make_error(ErrorKind::invalid_input, std::move(message));
}

// Deep documents are refused before parsing: copies and dumps of them recurse.
Error too_deep(std::string_view what) {
  return invalid(std::string(what) + "JSON nested deeper than " + std::to_string(k_max_json_depth) +
                 " levels");
}

std::optional<MemberStatus> parse_status(std::string_view tag) {
  if (tag == "active") return MemberStatus::active;
  if (tag == "invited") return MemberStatus::invited;
  if (tag == "suspended") return MemberStatus::suspended;
  if (tag == "removed") return MemberStatus::removed;
  return std::nullopt;
}

// The member's secondary emails, custom quota and space-limit exclusion.
void read_member_settings(RecordReader& r, const std::string& where, Member& m,
                          std::string& error) {
  const auto* list = r.get("secondary_emails");
  if (list != nullptr && !list->is_array()) r.fail("secondary_emails", "expected a list");
  for (std::size_t i = 0; list != nullptr && list->is_array() && i < list->size(); ++i) {
    RecordReader entry((*list)[i], where + ".secondary_emails[" + std::to_string(i) + "]", error);
    entry.allow({"email", "is_verified"});
    SecondaryEmail secondary{entry.text("email", true).value_or(""),
                             entry.flag("is_verified", false)};
    if (secondary.email.find('@') == std::string::npos) entry.fail("email", "not an email address");
    m.secondary_emails.push_back(std::move(secondary));
  }
  m.custom_quota_gb = r.count("custom_quota_gb", 2);
  m.space_limit_excluded = r.flag("space_limit_excluded", false);
}

Member read_member(const json& value, const std::string& where, std::uint64_t seq, UnixSeconds now,
                   std::string& error) {
  RecordReader r(value, where, error);
  r.allow({"team_member_id", "account_id",       "email",           "given_name",
           "surname",        "external_id",      "status",          "role",
           "email_verified", "invited_on",       "joined_on",       "suspended_on",
           "removed_on",     "recoverable",      "is_disconnected", "member_folder_id",
           "root_folder_id", "secondary_emails", "custom_quota_gb", "space_limit_excluded",
           "persistent_id",  "membership_type"});
  Member m;
  m.email = r.text("email", true).value_or("");
  if (m.email.find('@') == std::string::npos) r.fail("email", "not an email address");
  m.team_member_id = r.text("team_member_id").value_or(make_team_member_id(seq));
  m.account_id = r.text("account_id").value_or(make_account_id(seq));
  if (m.account_id.size() != 40) r.fail("account_id", "must be exactly 40 characters");
  m.given_name = r.text("given_name").value_or("");
  m.surname = r.text("surname").value_or("");
  m.external_id = r.text("external_id");
  m.persistent_id = r.text("persistent_id");
  const auto membership = r.text("membership_type").value_or("full");
  if (membership != "full" && membership != "limited")
    r.fail("membership_type", "expected full or limited");
  m.limited = membership == "limited";
  const auto status = parse_status(r.text("status").value_or("active"));
  if (!status) r.fail("status", "expected active, invited, suspended or removed");
  m.status = status.value_or(MemberStatus::active);
  // The role's key for now: resolve_roles() turns it into the id once the roles are read.
  const auto role = r.text("role").value_or("member_only");
  if (role != "member_only") m.role_id = role;
  const bool invited = m.status == MemberStatus::invited;
  m.email_verified = r.flag("email_verified", !invited);
  m.invited_on = r.time("invited_on", invited ? now : 0);
  m.joined_on = r.time("joined_on", invited ? 0 : now);
  m.suspended_on = r.time("suspended_on", m.status == MemberStatus::suspended ? now : 0);
  m.removed_on = r.time("removed_on", m.status == MemberStatus::removed ? now : 0);
  m.is_disconnected = r.flag("is_disconnected", false);
  m.removal_recoverable = r.flag("recoverable", !m.is_disconnected);
  m.member_folder_id = r.text("member_folder_id").value_or(std::to_string(1000000 + 2 * seq));
  m.root_folder_id = r.text("root_folder_id").value_or(std::to_string(1000001 + 2 * seq));
  read_member_settings(r, where, m, error);
  return m;
}

// read_member() leaves the role's seed-file key in role_id; this makes it the role's id.
void resolve_role(const TeamInfo& info, Member& m, const std::string& where, std::string& error) {
  if (m.role_id.empty()) return;
  const auto* role = find_role_by_key(info, m.role_id);
  if (role == nullptr && error.empty()) error = where + ".role: unknown role \"" + m.role_id + "\"";
  m.role_id = role == nullptr ? "" : role->role_id;
}

std::optional<GroupManagement> parse_management(std::string_view tag) {
  if (tag == "user_managed") return GroupManagement::user_managed;
  if (tag == "company_managed") return GroupManagement::company_managed;
  if (tag == "system_managed") return GroupManagement::system_managed;
  return std::nullopt;
}

// Group members name a member by team_member_id (state files) or email (seed files).
Group read_group(const json& value, const std::string& where, const TeamState& state,
                 const std::unordered_map<std::string, std::size_t>& by_id, std::uint64_t seq,
                 UnixSeconds now, std::string& error) {
  RecordReader r(value, where, error);
  r.allow({"group_id", "group_name", "group_external_id", "group_management_type", "created",
           "members", "deleted"});
  Group g;
  g.group_id = r.text("group_id").value_or(make_group_id(seq));
  g.name = r.text("group_name", true).value_or("");
  g.external_id = r.text("group_external_id");
  const auto management =
      parse_management(r.text("group_management_type").value_or("company_managed"));
  if (!management) r.fail("group_management_type", "unknown management type");
  g.management = management.value_or(GroupManagement::company_managed);
  g.created_ms = r.number<std::uint64_t>("created", static_cast<std::uint64_t>(now) * 1000);
  g.deleted = r.flag("deleted", false);
  const auto* members = r.get("members");
  for (std::size_t i = 0; members != nullptr && members->is_array() && i < members->size(); ++i) {
    RecordReader entry((*members)[i], where + ".members[" + std::to_string(i) + "]", error);
    entry.allow({"team_member_id", "email", "access_type"});
    std::optional<std::size_t> index;
    if (const auto id = entry.text("team_member_id")) {
      if (auto it = by_id.find(*id); it != by_id.end()) index = it->second;
    } else if (const auto email = entry.text("email")) {
      const auto wanted = lower_ascii(*email);
      for (std::size_t m = state.members.size(); m-- > 0 && !index;) {
        if (lower_ascii(state.members[m].email) == wanted) index = m;
      }
    }
    if (!index) entry.fail("", "names no member of the team");
    const auto access = entry.text("access_type").value_or("member");
    if (access != "member" && access != "owner")
      entry.fail("access_type", "expected member or owner");
    if (index)
      g.members.push_back({*index, access == "owner" ? GroupAccess::owner : GroupAccess::member});
  }
  return g;
}

Job read_job(const json& value, const std::string& where, std::string& error) {
  RecordReader r(value, where, error);
  r.allow({"id", "route", "result", "polls_in_progress"});
  Job job;
  job.id = r.text("id", true).value_or("");
  job.route = r.text("route", true).value_or("");
  job.polls_in_progress = r.number<int>("polls_in_progress", 0);
  if (const auto* result = r.get("result")) job.result = result->dump();
  return job;
}

// Settings no route changes (seed only): absent keys leave them as they are.
void read_team_settings(RecordReader& r, TeamInfo& info) {
  if (const auto limit = r.count("member_space_limit_gb", 1)) info.member_space_limit_gb = limit;
  if (auto domains = r.texts("verified_domains")) {
    for (auto& domain : *domains)
      domain = lower_ascii(domain);
    info.verified_domains = std::move(domains);
  }
  info.secondary_emails_enabled = r.flag("secondary_emails_enabled", info.secondary_emails_enabled);
}

// A team's own roles (state files of a team seeded from a snapshot).
void read_roles(RecordReader& r, TeamInfo& info, std::string& error) {
  const auto* roles = r.get("roles");
  if (roles == nullptr) return;
  if (!roles->is_array() || roles->empty()) return r.fail("roles", "expected a list of roles");
  info.roles.clear();
  for (std::size_t i = 0; i < roles->size(); ++i) {
    RecordReader role((*roles)[i], "roles[" + std::to_string(i) + "]", error);
    role.allow({"key", "role_id", "name", "description"});
    info.roles.push_back(
        {role.text("key", true).value_or(""), role.text("role_id", true).value_or(""),
         role.text("name", true).value_or(""), role.text("description").value_or("")});
  }
  info.team_admin_role_id = r.text("team_admin_role_id", true).value_or("");
}

void read_info(const json& value, TeamInfo& info, std::string& error) {
  RecordReader r(value, "info", error);
  read_team_settings(r, info);
  read_roles(r, info, error);
  info.name = r.text("team_name").value_or(info.name);
  info.team_id = r.text("team_id").value_or(info.team_id);
  info.num_licensed_users = r.number<std::uint32_t>("num_licensed_users", info.num_licensed_users);
  info.admin_email = r.text("admin_email").value_or(info.admin_email);
  if (const auto* others = r.get("other_team_emails")) {
    info.other_team_emails.clear();
    for (const auto& email : *others) {
      if (!email.is_string()) return r.fail("other_team_emails", "expected a list of emails");
      info.other_team_emails.push_back(lower_ascii(email.get<std::string>()));
    }
  }
  info.clock_offset_seconds =
      r.number<std::int64_t>("clock_offset_seconds", info.clock_offset_seconds);
  if (info.clock_offset_seconds > k_max_clock_offset_seconds ||
      info.clock_offset_seconds < -k_max_clock_offset_seconds) {
    r.fail("clock_offset_seconds", "must be within 100 years (3155760000 s)");
    info.clock_offset_seconds = 0;
  }
  info.next_member_seq = r.number<std::uint64_t>("next_member_seq", info.next_member_seq);
  info.next_group_seq = r.number<std::uint64_t>("next_group_seq", info.next_group_seq);
  info.next_job_seq = r.number<std::uint64_t>("next_job_seq", info.next_job_seq);
}

}  // namespace

Result<TeamState> decode_state(std::string_view text, UnixSeconds now) {
  if (is_nested_deeper_than(text, k_max_json_depth)) return too_deep("");
  TeamState state;
  std::string error;
  std::string top_key;
  // Members are converted one by one and dropped from the DOM, so a 100,000-member
  // document never exists as one nlohmann tree (peak memory).
  json::parser_callback_t keep = [&](int depth, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::key && depth == 1) top_key = parsed.get<std::string>();
    if (event == json::parse_event_t::object_end && depth == 2 && top_key == "members") {
      const auto seq = state.members.size() + 1;
      state.members.push_back(read_member(
          parsed, "members[" + std::to_string(state.members.size()) + "]", seq, now, error));
      return false;
    }
    return true;
  };
  json document;
  try {
    document = json::parse(text.begin(), text.end(), keep);
  } catch (const json::exception& e) {
    return invalid(std::string("not valid JSON: ") + e.what());
  }
  if (!document.is_object()) return invalid("expected a JSON object");
  static constexpr std::string_view k_keys[] = {"format",
                                                "team_name",
                                                "team_id",
                                                "num_licensed_users",
                                                "admin_email",
                                                "other_team_emails",
                                                "member_space_limit_gb",
                                                "verified_domains",
                                                "secondary_emails_enabled",
                                                "clock_offset_seconds",
                                                "next_member_seq",
                                                "next_group_seq",
                                                "next_job_seq",
                                                "roles",
                                                "team_admin_role_id",
                                                "members",
                                                "groups",
                                                "jobs"};
  for (const auto& item : document.items()) {
    if (std::find(std::begin(k_keys), std::end(k_keys), item.key()) == std::end(k_keys)) {
      return invalid("unknown key \"" + item.key() + "\"");
    }
  }
  state.info.next_member_seq = state.members.size() + 1;
  read_info(document, state.info, error);
  for (std::size_t i = 0; i < state.members.size(); ++i)
    resolve_role(state.info, state.members[i], "members[" + std::to_string(i) + "]", error);
  std::unordered_map<std::string, std::size_t> by_id;
  for (std::size_t i = 0; i < state.members.size(); ++i) {
    if (!by_id.emplace(state.members[i].team_member_id, i).second && error.empty()) {
      error = "members[" + std::to_string(i) + "].team_member_id: duplicate";
    }
  }
  if (const auto it = document.find("groups"); it != document.end() && it->is_array()) {
    for (std::size_t i = 0; i < it->size(); ++i) {
      state.groups.push_back(read_group((*it)[i], "groups[" + std::to_string(i) + "]", state, by_id,
                                        i + 1, now, error));
    }
    state.info.next_group_seq = std::max<std::uint64_t>(state.info.next_group_seq, it->size() + 1);
  }
  if (const auto it = document.find("jobs"); it != document.end() && it->is_array()) {
    for (std::size_t i = 0; i < it->size(); ++i) {
      state.jobs.push_back(read_job((*it)[i], "jobs[" + std::to_string(i) + "]", error));
    }
  }
  if (!error.empty()) return invalid(error);
  if (auto problem = check_state(state)) return invalid(*problem);
  return state;
}

JournalReplay::JournalReplay(TeamState& state) : m_state(state) {
  for (std::size_t i = 0; i < state.members.size(); ++i)
    m_members[state.members[i].team_member_id] = i;
  for (std::size_t i = 0; i < state.groups.size(); ++i)
    m_groups[state.groups[i].group_id] = i;
  for (std::size_t i = 0; i < state.jobs.size(); ++i)
    m_jobs[state.jobs[i].id] = i;
}

Result<void> JournalReplay::apply(std::string_view record) {
  if (is_nested_deeper_than(record, k_max_json_depth)) return too_deep("journal record: ");
  json document;
  try {
    document = json::parse(record.begin(), record.end());
  } catch (const json::exception& e) {
    return invalid(std::string("journal record is not valid JSON: ") + e.what());
  }
  std::string error;
  for (const auto& value : document.value("members", json::array())) {
    auto member = read_member(value, "journal member", m_state.members.size() + 1, 0, error);
    resolve_role(m_state.info, member, "journal member", error);
    const auto [it, inserted] = m_members.emplace(member.team_member_id, m_state.members.size());
    if (inserted) {
      m_state.members.push_back(std::move(member));
    } else {
      m_state.members[it->second] = std::move(member);
    }
  }
  for (const auto& value : document.value("groups", json::array())) {
    auto group = read_group(value, "journal group", m_state, m_members, 0, 0, error);
    const auto [it, inserted] = m_groups.emplace(group.group_id, m_state.groups.size());
    if (inserted) {
      m_state.groups.push_back(std::move(group));
    } else {
      m_state.groups[it->second] = std::move(group);
    }
  }
  for (const auto& value : document.value("jobs", json::array())) {
    auto job = read_job(value, "journal job", error);
    const auto [it, inserted] = m_jobs.emplace(job.id, m_state.jobs.size());
    if (inserted) {
      m_state.jobs.push_back(std::move(job));
    } else {
      m_state.jobs[it->second] = std::move(job);
    }
  }
  if (const auto it = document.find("info"); it != document.end())
    read_info(*it, m_state.info, error);

  if (!error.empty()) return invalid(error);
  return {};
}

}  // namespace roster::emulator
