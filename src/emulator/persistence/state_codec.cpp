#include "persistence/state_codec.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "store/ids.hpp"
#include "store/roles.hpp"
#include "store/timestamp.hpp"
#include "wire/member_json.hpp"

namespace roster::emulator {

namespace {

using nlohmann::json;

std::string role_key(const TeamInfo& info, const std::string& role_id) {
  const auto* role = find_role_by_id(info, role_id);
  return role == nullptr ? "member_only" : role->key;
}

json member_record(const TeamInfo& info, const Member& member) {
  json record = {{"team_member_id", member.team_member_id},
                 {"account_id", member.account_id},
                 {"email", member.email},
                 {"given_name", member.given_name},
                 {"surname", member.surname},
                 {"status", status_tag(member.status)},
                 {"role", role_key(info, member.role_id)},
                 {"email_verified", member.email_verified},
                 {"member_folder_id", member.member_folder_id},
                 {"root_folder_id", member.root_folder_id}};
  if (member.external_id) record["external_id"] = *member.external_id;
  if (member.persistent_id) record["persistent_id"] = *member.persistent_id;
  if (member.limited) record["membership_type"] = "limited";
  const std::pair<const char*, UnixSeconds> times[] = {{"invited_on", member.invited_on},
                                                       {"joined_on", member.joined_on},
                                                       {"suspended_on", member.suspended_on},
                                                       {"removed_on", member.removed_on}};
  for (const auto& [key, value] : times) {
    if (value != 0) record[key] = format_timestamp(value);
  }
  if (member.status == MemberStatus::removed) {
    record["recoverable"] = member.removal_recoverable;
    record["is_disconnected"] = member.is_disconnected;
  }
  if (!member.secondary_emails.empty()) {
    auto& list = record["secondary_emails"] = json::array();
    for (const auto& secondary : member.secondary_emails)
      list.push_back({{"email", secondary.email}, {"is_verified", secondary.verified}});
  }
  if (member.custom_quota_gb) record["custom_quota_gb"] = *member.custom_quota_gb;
  if (member.space_limit_excluded) record["space_limit_excluded"] = true;
  return record;
}

json group_record(const TeamState& state, const Group& group) {
  json members = json::array();
  for (const auto& entry : group.members) {
    members.push_back({{"team_member_id", state.members[entry.member].team_member_id},
                       {"access_type", access_tag(entry.access)}});
  }
  json record = {{"group_id", group.group_id},
                 {"group_name", group.name},
                 {"group_management_type", management_tag(group.management)},
                 {"created", group.created_ms},
                 {"members", std::move(members)}};
  if (group.external_id) record["group_external_id"] = *group.external_id;
  if (group.deleted) record["deleted"] = true;
  return record;
}

std::string job_record(const Job& job) {
  return "{\"id\":" + json(job.id).dump() + ",\"route\":" + json(job.route).dump() +
         ",\"polls_in_progress\":" + std::to_string(job.polls_in_progress) +
         ",\"result\":" + (job.result.empty() ? std::string("null") : job.result) + "}";
}

json info_record(const TeamInfo& info) {
  json record = {{"team_name", info.name},
                 {"team_id", info.team_id},
                 {"num_licensed_users", info.num_licensed_users},
                 {"admin_email", info.admin_email},
                 {"other_team_emails", info.other_team_emails},
                 {"secondary_emails_enabled", info.secondary_emails_enabled},
                 {"clock_offset_seconds", info.clock_offset_seconds},
                 {"next_member_seq", info.next_member_seq},
                 {"next_group_seq", info.next_group_seq},
                 {"next_job_seq", info.next_job_seq}};
  if (info.member_space_limit_gb) record["member_space_limit_gb"] = *info.member_space_limit_gb;
  if (info.verified_domains) record["verified_domains"] = *info.verified_domains;
  if (!has_default_roles(info)) {
    auto& roles = record["roles"] = json::array();
    for (const auto& role : info.roles) {
      roles.push_back({{"key", role.key},
                       {"role_id", role.role_id},
                       {"name", role.name},
                       {"description", role.description}});
    }
    record["team_admin_role_id"] = info.team_admin_role_id;
  }
  return record;
}

// Appends `items` as a JSON array, one element per line.
template <typename Items, typename Encode>
void append_array(std::string& out, const Items& items, Encode&& encode) {
  out += '[';
  bool first = true;
  for (const auto& item : items) {
    out += first ? "\n" : ",\n";
    out += encode(item);
    first = false;
  }
  out += ']';
}

}  // namespace

std::string encode_state(const TeamState& state) {
  auto head = info_record(state.info);
  head["format"] = "roster-emulator-state/1";
  std::string out = head.dump();
  out.pop_back();  // reopen the object
  out += ",\"members\":";
  append_array(out, state.members,
               [&](const Member& m) { return member_record(state.info, m).dump(); });
  out += ",\"groups\":";
  append_array(out, state.groups, [&](const Group& g) { return group_record(state, g).dump(); });
  out += ",\"jobs\":";
  append_array(out, state.jobs, job_record);
  out += "}\n";
  return out;
}

std::string encode_changes(const TeamState& state, const ChangeSet& changes) {
  std::string out = "{\"members\":";
  std::vector<const Member*> members;
  for (const auto index : changes.members)
    members.push_back(&state.members[index]);
  append_array(out, members, [&](const Member* m) { return member_record(state.info, *m).dump(); });
  std::vector<const Group*> groups;
  for (const auto index : changes.groups)
    groups.push_back(&state.groups[index]);
  out += ",\"groups\":";
  append_array(out, groups, [&](const Group* g) { return group_record(state, *g).dump(); });
  std::vector<const Job*> jobs;
  for (const auto index : changes.jobs)
    jobs.push_back(&state.jobs[index]);
  out += ",\"jobs\":";
  append_array(out, jobs, [](const Job* j) { return job_record(*j); });
  if (changes.info) out += ",\"info\":" + info_record(state.info).dump();
  out += '}';
  std::replace(out.begin(), out.end(), '\n', ' ');  // one record, one line
  return out;
}

TeamState default_state(UnixSeconds now) {
  TeamState state;
  state.info.admin_email = "admin@example.com";
  Member admin;
  admin.team_member_id = make_team_member_id(1);
  admin.account_id = make_account_id(1);
  admin.email = state.info.admin_email;
  admin.given_name = "Team";
  admin.surname = "Admin";
  admin.status = MemberStatus::active;
  admin.role_id = state.info.team_admin_role_id;
  admin.email_verified = true;
  admin.joined_on = now;
  admin.member_folder_id = "1000002";
  admin.root_folder_id = "1000003";
  state.members.push_back(std::move(admin));
  state.info.next_member_seq = 2;
  return state;
}

}  // namespace roster::emulator
