// The access keys of a member and of `defaults` (decision 0023/0024): role, groups,
// secondary_emails, space_limit.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <unordered_map>

#include "access_values.hpp"
#include "manifest_builder.hpp"
#include "roster/model/roles.hpp"

namespace roster::manifest {

namespace {

constexpr std::string_view k_role_list =
    "team_admin, user_management_admin, support_admin, billing_admin, content_admin, "
    "security_admin, compliance_admin, reporting_admin, member_only";

}  // namespace

std::optional<std::uint64_t> whole_number(const YamlNode& n, std::uint64_t max) {
  if (n.kind != YamlNode::Kind::scalar || !n.plain || n.value.empty()) return std::nullopt;
  std::uint64_t value = 0;
  const char* first = n.value.data();
  const char* last = first + n.value.size();
  if (!std::all_of(first, last, [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || ptr != last || value > max) return std::nullopt;
  return value;
}

std::optional<model::Role> read_role(NodeReader& reader, std::uint32_t node,
                                     std::string_view what) {
  auto text = reader.read_string(node, what);
  if (!text) return std::nullopt;
  auto role = model::role_from_tag(*text);
  if (!role || *role == model::Role::other_admin) {
    reader.error(node, fmt::format("unknown {} \"{}\" (expected one of: {})", what,
                                   core::excerpt(*text), k_role_list));
    return std::nullopt;
  }
  return role;
}

std::optional<model::SpaceLimit> read_space_limit(NodeReader& reader, std::uint32_t node,
                                                  std::string_view what) {
  const auto& n = reader.node(node);
  if (n.kind == YamlNode::Kind::scalar && n.value == "team_default") {
    return model::SpaceLimit{true, 0};
  }
  auto gb = whole_number(n, std::numeric_limits<std::uint32_t>::max());
  if (gb && *gb >= model::k_min_quota_gb) {
    return model::SpaceLimit{false, static_cast<std::uint32_t>(*gb)};
  }
  reader.error(node, fmt::format("\"{}\" must be a whole number of GB (at least {}) or "
                                 "team_default, found {}",
                                 what, model::k_min_quota_gb, describe(n)));
  return std::nullopt;
}

std::optional<std::size_t> read_count(NodeReader& reader, std::uint32_t node,
                                      std::string_view what) {
  const auto& n = reader.node(node);
  if (auto value = whole_number(n, std::numeric_limits<std::uint32_t>::max())) {
    return static_cast<std::size_t>(*value);
  }
  reader.error(
      node, fmt::format("\"{}\" must be a whole number (0 or more), found {}", what, describe(n)));
  return std::nullopt;
}

std::optional<model::GroupAccess> read_access(NodeReader& reader, std::uint32_t node) {
  auto text = reader.read_string(node, "access");
  if (!text) return std::nullopt;
  auto access = model::group_access_from_string(*text);
  if (!access) {
    reader.error(node, fmt::format("unknown access \"{}\" (expected member or owner)",
                                   core::excerpt(*text)));
  }
  return access;
}

// `groups` of a member or of defaults: each entry a group name, or {name, access}.
void ManifestBuilder::read_group_refs(NodeReader& reader, std::uint32_t node, std::string_view what,
                                      std::uint32_t file_index, std::vector<AccessRef>& refs) {
  reader.for_each_element(node, what, [&](std::uint32_t element) {
    AccessRef ref;
    ref.mark = mark(reader, element, file_index);
    if (reader.node(element).kind != YamlNode::Kind::mapping) {
      auto name = reader.read_string(element, "group name");
      if (!name) return;
      ref.key = std::move(*name);
      refs.push_back(std::move(ref));
      return;
    }
    bool ok = true;
    bool has_name = false;
    bool is_mapping =
        reader.for_each_entry(element, "groups entry", {"name", "access"},
                              [&](std::string_view key, std::uint32_t, std::uint32_t value) {
                                if (key == "name") {
                                  has_name = true;
                                  auto name = reader.read_string(value, "name");
                                  ok = ok && name.has_value();
                                  if (name) ref.key = std::move(*name);
                                } else if (auto access = read_access(reader, value)) {
                                  ref.access = *access;
                                } else {
                                  ok = false;
                                }
                              });
    if (!is_mapping) return;
    if (!has_name) reader.error(element, "groups entry has no \"name\"");
    if (ok && has_name) refs.push_back(std::move(ref));
  });
}

// One of the access keys of a member; false when `key` is not one.
bool ManifestBuilder::read_member_access(NodeReader& reader, std::string_view key,
                                         std::uint32_t value, std::uint32_t file_index,
                                         model::DesiredMember& member, MemberMarks& marks) {
  if (key == "role") {
    member.role = read_role(reader, value, "role");
    marks.role = mark(reader, value, file_index);
  } else if (key == "space_limit") {
    member.space_limit = read_space_limit(reader, value, "space_limit");
  } else if (key == "groups") {
    marks.has_groups = true;
    if (!reader.is_null(value)) read_group_refs(reader, value, "groups", file_index, marks.groups);
  } else if (key == "secondary_emails") {
    if (reader.is_null(value)) return true;  // left empty: not managed, like other keys
    auto& emails = member.secondary_emails.emplace();
    std::unordered_map<std::string, std::uint32_t> first_line;  // hashed: lists may be long
    reader.for_each_element(value, "secondary_emails", [&](std::uint32_t element) {
      auto email = read_email(reader, element, "secondary_emails");
      if (!email) return;
      auto where = mark(reader, element, file_index);
      auto [same, fresh] = first_line.emplace(*email, where.line);
      if (!fresh) {
        reader.error(element, fmt::format("duplicate secondary email \"{}\" (first at line {})",
                                          *email, same->second));
        return;
      }
      emails.push_back(*email);
      marks.secondary_emails.push_back({*email, {}, where});
    });
    std::sort(emails.begin(), emails.end());
  } else {
    return false;
  }
  return true;
}

// After a member's keys are read: the checks that need its email and state, then defaults.
void ManifestBuilder::finish_member_access(model::DesiredMember& member, const MemberMarks& marks) {
  using model::DesiredState;
  if (member.role && *member.role != model::Role::member_only &&
      member.state != DesiredState::active) {
    bool suspended = member.state == DesiredState::suspended;
    m_diagnostics.error(
        location(marks.role),
        fmt::format("role \"{}\" is not allowed on a {} member (only member_only: {})",
                    model::to_string(*member.role), model::to_string(member.state),
                    suspended ? "Dropbox cannot set a suspended member's permissions"
                              : "a removal takes the role with it"));
  }
  for (const auto& ref : marks.secondary_emails) {
    if (ref.key != member.email || member.email.empty()) continue;
    m_diagnostics.error(location(ref.mark),
                        fmt::format("secondary email \"{}\" is the member's own email", ref.key));
  }
  if (member.state == DesiredState::active && !member.role) member.role = m_defaults.role;
  if (member.state != DesiredState::removed && !member.space_limit) {
    member.space_limit = m_defaults.space_limit;
  }
}

void ManifestBuilder::read_default_access(NodeReader& reader, std::string_view key,
                                          std::uint32_t value, std::uint32_t file_index) {
  if (key == "role") {
    m_defaults.role = read_role(reader, value, "defaults.role");
  } else if (key == "space_limit") {
    m_defaults.space_limit = read_space_limit(reader, value, "defaults.space_limit");
  } else if (!reader.is_null(value)) {
    // Every member joins these as `member`: owners are named per group or per member.
    reader.for_each_element(value, "defaults.groups", [&](std::uint32_t element) {
      if (auto name = reader.read_string(element, "defaults.groups entry")) {
        m_defaults.groups.push_back({std::move(*name), {}, mark(reader, element, file_index)});
      }
    });
  }
}

}  // namespace roster::manifest
