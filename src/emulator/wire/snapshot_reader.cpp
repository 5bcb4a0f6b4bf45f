// A snapshot (`roster snapshot`, format 1) as the emulated team: the top-level keys.
#include "wire/snapshot_reader.hpp"

#include <algorithm>

#include "store/ids.hpp"
#include "wire/snapshot_fields.hpp"

namespace roster::emulator {

namespace {

// The API does not tell a team's member space limit; a team whose custom quotas were read
// is given this one so that set_custom_quota works (decision 0114).
constexpr std::uint32_t k_assumed_space_limit_gb = 1000;

void check_format(SnapshotFields& top) {
  const auto* format = top.get("snapshot_format", true);
  if (format == nullptr) return;
  if (!format->is_number_integer()) return top.fail("snapshot_format", "expected an integer");
  if (format->get<std::int64_t>() != k_snapshot_format) {
    top.fail("snapshot_format", "unsupported snapshot_format " + format->dump() +
                                    "; roster-emulator reads " + std::to_string(k_snapshot_format));
  }
}

// `team/get_info`: the team's name, id and licenses. num_provisioned_users and
// num_used_licenses are derived from the members; policies are not modelled.
void decode_team_info(const nlohmann::json& value, SnapshotDecoding& out) {
  SnapshotFields info(value, "team_info", out.error);
  auto& team = out.state.info;
  team.name = info.text("name").value_or(team.name);
  team.team_id = info.text("team_id").value_or(team.team_id);
  const auto licenses = info.whole("num_licensed_users");
  if (licenses) team.num_licensed_users = static_cast<std::uint32_t>(*licenses);
}

// The token's admin: `authenticated_admin` (get_authenticated_admin's result), else the
// first active member holding the Team admin role, else nobody (mapping_not_found).
void decode_token_admin(const nlohmann::json* value, SnapshotDecoding& out) {
  auto& state = out.state;
  if (value == nullptr) {
    for (const auto& m : state.members) {
      if (m.status == MemberStatus::active && m.role_id == state.info.team_admin_role_id) {
        state.info.admin_email = m.email;
        return;
      }
    }
    state.info.admin_email.clear();
    return;
  }
  SnapshotFields result(*value, "authenticated_admin", out.error);
  const auto* profile_value = result.object("admin_profile");
  if (profile_value == nullptr) return;
  SnapshotFields profile(*profile_value, result.path_of("admin_profile"), out.error);
  const auto id = profile.text("team_member_id");
  if (!id) return;
  const auto it = out.by_member_id.find(*id);
  if (it == out.by_member_id.end()) {
    return profile.fail("team_member_id", "\"" + *id + "\" is not a member of the snapshot");
  }
  state.info.admin_email = state.members[it->second].email;
}

// Counters continue above every id the snapshot carries (and above its numeric folder
// ids), so ids the emulator makes later never repeat one.
void continue_counters(TeamState& state) {
  std::uint64_t member_seq = state.members.size();
  auto above = [](std::uint64_t& floor, std::optional<std::uint64_t> seq) {
    if (seq) floor = std::max(floor, *seq);
  };
  for (const auto& m : state.members) {
    above(member_seq, team_member_id_seq(m.team_member_id));
    above(member_seq, account_id_seq(m.account_id));
    for (const auto* folder : {&m.member_folder_id, &m.root_folder_id}) {
      const bool numeric =
          !folder->empty() && folder->size() <= 18 &&
          std::all_of(folder->begin(), folder->end(), [](char c) { return c >= '0' && c <= '9'; });
      if (numeric && std::stoull(*folder) >= 1000000)
        above(member_seq, (std::stoull(*folder) - 1000000) / 2);
    }
  }
  state.info.next_member_seq = member_seq + 1;
  std::uint64_t group_seq = state.groups.size();
  for (const auto& g : state.groups)
    above(group_seq, group_id_seq(g.group_id));
  state.info.next_group_seq = group_seq + 1;
  for (auto& m : state.members) {
    if (m.account_id.empty()) m.account_id = make_account_id(state.info.next_member_seq++);
  }
}

}  // namespace

bool is_snapshot(const nlohmann::json& document) {
  return document.is_object() && document.contains("snapshot_format");
}

Result<TeamState> decode_snapshot(const nlohmann::json& document, SnapshotDecoding members) {
  // An unsupported format is the answer, whatever else the document holds.
  std::string format_error;
  SnapshotFields format(document, "", format_error);
  check_format(format);
  if (!format_error.empty()) return make_error(ErrorKind::invalid_input, format_error);
  SnapshotDecoding out = std::move(members);
  SnapshotFields top(document, "", out.error);
  out.taken_at = top.time("taken_at", true);
  if (const auto* listed = top.get("members", true); listed != nullptr) {
    decode_members(*listed, out);
  }
  if (const auto* roles = top.get("available_roles"); roles != nullptr && out.error.empty()) {
    decode_available_roles(*roles, out);
  }
  finish_members(out);
  if (const auto* info = top.get("team_info"); info != nullptr && out.error.empty()) {
    decode_team_info(*info, out);
  }
  if (out.error.empty()) decode_token_admin(top.get("authenticated_admin"), out);
  if (out.error.empty()) decode_groups(top.get("groups"), top.get("group_members"), out);
  if (out.error.empty()) decode_quotas(top.get("custom_quotas"), top.get("quota_excluded"), out);
  if (!out.error.empty()) return make_error(ErrorKind::invalid_input, out.error);
  if (top.get("custom_quotas") != nullptr) {
    out.state.info.member_space_limit_gb = k_assumed_space_limit_gb;
  }
  continue_counters(out.state);
  return std::move(out.state);
}

}  // namespace roster::emulator
