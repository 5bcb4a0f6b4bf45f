// Group memberships said three ways (a group's `members`, a member's `groups`,
// `defaults.groups`) resolved into one answer per (member, group), and the checks that
// need every member: decision 0023 "one answer per (member, group)".
#include <fmt/format.h>

#include <map>

#include "manifest_builder.hpp"

namespace roster::manifest {

namespace {

// Dropbox refuses a group whose name differs from another's only by case
// (`group_name_already_used`), so names are compared ASCII case-insensitively.
std::string fold_case(std::string_view name) {
  std::string out(name);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct Claim {
  model::GroupAccess access;
  Mark mark;
};

}  // namespace

std::unordered_map<std::string, std::size_t> ManifestBuilder::index_groups(
    const model::DesiredTeam& team) {
  std::unordered_map<std::string, std::size_t> by_name;
  std::unordered_map<std::string_view, std::size_t> by_external_id;
  for (std::size_t i = 0; i < team.groups.size(); ++i) {
    const auto& group = team.groups[i];
    const auto& marks = m_group_marks[i];
    auto [first, fresh] = by_name.emplace(fold_case(group.name), i);
    if (!fresh) {
      const auto& other = team.groups[first->second];
      m_diagnostics.error(
          location(marks.name),
          fmt::format("duplicate group \"{}\" (first declared as \"{}\" at {}; Dropbox compares "
                      "group names ignoring case)",
                      core::excerpt(group.name), core::excerpt(other.name),
                      at(location(m_group_marks[first->second].name))));
    }
    if (!group.external_id || group.external_id->empty()) continue;
    auto [other, inserted] = by_external_id.emplace(*group.external_id, i);
    if (!inserted) {
      m_diagnostics.error(
          location(marks.external_id),
          fmt::format("duplicate group external_id \"{}\" (also group \"{}\" at {})",
                      core::excerpt(*group.external_id),
                      core::excerpt(team.groups[other->second].name),
                      at(location(m_group_marks[other->second].external_id))));
    }
  }
  return by_name;
}

void ManifestBuilder::resolve_groups(model::DesiredTeam& team, const EmailIndex& index) {
  auto by_name = index_groups(team);
  std::vector<std::map<std::string, Claim>> claims(team.groups.size());

  auto claim = [&](std::size_t group, const std::string& email, const AccessRef& ref) {
    auto [it, fresh] = claims[group].emplace(email, Claim{ref.access, ref.mark});
    if (fresh || it->second.access == ref.access) return;
    m_diagnostics.error(
        location(ref.mark),
        fmt::format("contradictory access for {} in group \"{}\": {} here, {} at {}", email,
                    core::excerpt(team.groups[group].name), model::to_string(ref.access),
                    model::to_string(it->second.access), at(location(it->second.mark))));
  };
  auto find_group = [&](const AccessRef& ref) -> std::optional<std::size_t> {
    if (auto found = by_name.find(fold_case(ref.key)); found != by_name.end()) {
      return found->second;
    }
    m_diagnostics.error(
        location(ref.mark),
        fmt::format("group \"{}\" is not declared in {}", core::excerpt(ref.key),
                    team.manages_groups ? "the groups section"
                                        : "the manifest (it has no groups section)"));
    return std::nullopt;
  };

  for (std::size_t g = 0; g < team.groups.size(); ++g) {
    for (const auto& ref : m_group_marks[g].members) {
      if (index.count(ref.key) != 0) {
        claim(g, ref.key, ref);
        continue;
      }
      m_diagnostics.error(location(ref.mark),
                          fmt::format("group \"{}\" lists {}, who is not a member in this manifest",
                                      core::excerpt(team.groups[g].name), ref.key));
    }
  }
  std::vector<std::optional<std::size_t>> default_groups;
  for (const auto& ref : m_defaults.groups)
    default_groups.push_back(find_group(ref));
  for (std::size_t i = 0; i < team.members.size(); ++i) {
    const auto& member = team.members[i];
    const auto& marks = m_member_marks[i];
    for (const auto& ref : marks.groups) {
      if (auto g = find_group(ref)) claim(*g, member.email, ref);
    }
    if (marks.has_groups || member.state == model::DesiredState::removed) continue;
    for (std::size_t d = 0; d < default_groups.size(); ++d) {
      if (default_groups[d]) claim(*default_groups[d], member.email, m_defaults.groups[d]);
    }
  }

  for (std::size_t g = 0; g < team.groups.size(); ++g) {
    auto& group = team.groups[g];
    for (const auto& [email, c] : claims[g]) {
      auto found = index.find(email);
      const auto& member = team.members[found->second];
      auto state_at = at(location(m_member_marks[found->second].state));
      if (member.state == model::DesiredState::removed) {
        m_diagnostics.error(
            location(c.mark),
            fmt::format("{} is declared removed at {} and cannot be in group \"{}\" "
                        "(the removal takes the member's groups with it)",
                        email, state_at, core::excerpt(group.name)));
      } else if (member.state == model::DesiredState::suspended &&
                 c.access == model::GroupAccess::owner) {
        m_diagnostics.error(
            location(c.mark),
            fmt::format("{} is declared suspended at {} and cannot own group \"{}\" "
                        "(Dropbox: user_must_be_active_to_be_owner)",
                        email, state_at, core::excerpt(group.name)));
      }
      group.members.push_back({email, c.access, location(c.mark)});
    }
  }
}

// Secondary emails against every member's primary and secondary emails.
void ManifestBuilder::check_secondary_emails(const model::DesiredTeam& team,
                                             const EmailIndex& index) {
  // Secondary email → the member and place that declared it first.
  std::unordered_map<std::string_view, std::pair<std::size_t, Mark>> owner;
  for (std::size_t i = 0; i < team.members.size(); ++i) {
    for (const auto& ref : m_member_marks[i].secondary_emails) {
      if (ref.key == team.members[i].email) continue;  // reported with the member
      if (auto primary = index.find(ref.key); primary != index.end()) {
        m_diagnostics.error(location(ref.mark),
                            fmt::format("secondary email \"{}\" is the email of member {} at {}",
                                        ref.key, team.members[primary->second].email,
                                        at(location(m_member_marks[primary->second].email))));
        continue;
      }
      auto [first, fresh] = owner.emplace(ref.key, std::pair{i, ref.mark});
      if (fresh) continue;
      m_diagnostics.error(
          location(ref.mark),
          fmt::format("secondary email \"{}\" is also a secondary email of {} at {}", ref.key,
                      team.members[first->second.first].email, at(location(first->second.second))));
    }
  }
}

}  // namespace roster::manifest
