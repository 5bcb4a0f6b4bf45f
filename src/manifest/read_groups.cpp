// The top-level `groups:` section: the groups roster manages (decision 0023). Every file
// of a multi-file manifest may declare groups; a group is declared once (decision 0024).
#include <fmt/format.h>

#include "access_values.hpp"
#include "manifest_builder.hpp"

namespace roster::manifest {

namespace {

// A group's `members`: each entry an email, or {email, access}.
void read_group_members(NodeReader& reader, std::uint32_t node,
                        const std::function<std::optional<std::string>(std::uint32_t)>& email_at,
                        const std::function<Mark(std::uint32_t)>& mark_at,
                        std::vector<AccessRef>& refs) {
  reader.for_each_element(node, "group members", [&](std::uint32_t element) {
    AccessRef ref;
    ref.mark = mark_at(element);
    if (reader.node(element).kind != YamlNode::Kind::mapping) {
      auto email = email_at(element);
      if (!email) return;
      ref.key = std::move(*email);
      refs.push_back(std::move(ref));
      return;
    }
    bool ok = true;
    bool has_email = false;
    bool is_mapping =
        reader.for_each_entry(element, "group member", {"email", "access"},
                              [&](std::string_view key, std::uint32_t, std::uint32_t value) {
                                if (key == "email") {
                                  has_email = true;
                                  auto email = email_at(value);
                                  ok = ok && email.has_value();
                                  if (email) ref.key = std::move(*email);
                                } else if (auto access = read_access(reader, value)) {
                                  ref.access = *access;
                                } else {
                                  ok = false;
                                }
                              });
    if (!is_mapping) return;
    if (!has_email) reader.error(element, "group member has no \"email\"");
    if (ok && has_email) refs.push_back(std::move(ref));
  });
}

std::optional<model::GroupManagement> read_management(NodeReader& reader, std::uint32_t node) {
  auto text = reader.read_string(node, "management_type");
  if (!text) return std::nullopt;
  if (*text == "company_managed") return model::GroupManagement::company_managed;
  if (*text == "user_managed") return model::GroupManagement::user_managed;
  reader.error(node, fmt::format("unknown management_type \"{}\" (expected company_managed or "
                                 "user_managed; roster never manages system_managed groups)",
                                 core::excerpt(*text)));
  return std::nullopt;
}

}  // namespace

void ManifestBuilder::read_groups(File& file, std::uint32_t file_index, model::DesiredTeam& team) {
  if (file.groups == YamlNode::k_none) return;
  team.manages_groups = true;
  NodeReader reader = reader_for(file);
  if (reader.is_null(file.groups)) return;  // `groups:` left empty: manages, declares none
  reader.for_each_element(file.groups, "groups", [&](std::uint32_t element) {
    read_group(reader, element, file_index, team);
  });
}

void ManifestBuilder::read_group(NodeReader& reader, std::uint32_t node, std::uint32_t file_index,
                                 model::DesiredTeam& team) {
  model::DesiredGroup group;
  GroupMarks marks;
  group.location = reader.where(node);
  bool ok = true;
  bool has_name = false;
  auto email_at = [&](std::uint32_t n) { return read_email(reader, n, "group members"); };
  auto mark_at = [&](std::uint32_t n) { return mark(reader, n, file_index); };
  bool is_mapping = reader.for_each_entry(
      node, "group", {"name", "external_id", "management_type", "members"},
      [&](std::string_view key, std::uint32_t, std::uint32_t value) {
        if (key == "name") {
          has_name = true;
          auto name = reader.read_string(value, "group name");
          if (name && name->empty()) reader.error(value, "\"group name\" must not be empty");
          if (!name || name->empty()) {
            ok = false;
            return;
          }
          group.name = std::move(*name);
          marks.name = mark_at(value);
        } else if (key == "external_id") {
          auto id = reader.read_string(value, "group external_id");  // "" clears it
          if (!id) {
            ok = false;
            return;
          }
          group.external_id = std::move(*id);
          marks.external_id = mark_at(value);
        } else if (key == "management_type") {
          auto management = read_management(reader, value);
          ok = ok && management.has_value();
          if (management) group.management = *management;
        } else if (!reader.is_null(value)) {
          read_group_members(reader, value, email_at, mark_at, marks.members);
        }
      });
  if (!is_mapping) return;
  if (!has_name) {
    reader.error(node, "group has no \"name\"");
    return;
  }
  if (!ok) return;
  team.groups.push_back(std::move(group));
  m_group_marks.push_back(std::move(marks));
}

}  // namespace roster::manifest
