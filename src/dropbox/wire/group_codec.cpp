#include "roster/dropbox/group_codec.hpp"

#include <limits>

#include "dropbox/wire/union_tag.hpp"
#include "roster/core/diagnostic.hpp"
#include "roster/model/email.hpp"

namespace roster::dropbox {

namespace json = core::json;
using json::FieldReader;

namespace {

bool decode_management(FieldReader& fields, model::GroupManagement& out) {
  const json::Value* type = fields.get("group_management_type", true);
  if (type == nullptr) return false;
  const std::string* tag = union_tag(*type);
  if (tag == nullptr) return fields.fail(*type, "\"group_management_type\" must be a tagged union");
  out = model::group_management_from_string(*tag).value_or(model::GroupManagement::system_managed);
  return true;
}

}  // namespace

std::optional<model::ObservedGroup> decode_group_summary(const json::Value& value,
                                                         const std::string& path,
                                                         DecodeError& error) {
  FieldReader fields(value, path, error);
  model::ObservedGroup group;
  if (!fields.string("group_name", group.name) || !fields.string("group_id", group.group_id) ||
      !fields.optional_string("group_external_id", group.external_id) ||
      !decode_management(fields, group.management)) {
    return std::nullopt;
  }
  if (fields.get("member_count", false) != nullptr) {
    std::int64_t count = 0;
    if (!fields.integer("member_count", count, 0, std::numeric_limits<std::uint32_t>::max())) {
      return std::nullopt;
    }
    group.member_count = static_cast<std::uint32_t>(count);
  }
  if (fields.failed()) return std::nullopt;
  return group;
}

std::optional<model::ObservedGroupMember> decode_group_member(const json::Value& value,
                                                              const std::string& path,
                                                              DecodeError& error) {
  FieldReader fields(value, path, error);
  const json::Value* profile_value = fields.object("profile");
  if (profile_value == nullptr) return std::nullopt;
  FieldReader profile(*profile_value, path + ".profile", error);
  model::ObservedGroupMember member;
  if (!profile.string("team_member_id", member.team_member_id) ||
      !profile.string("email", member.email)) {
    return std::nullopt;
  }
  member.email = model::normalise_email(member.email);
  const json::Value* access = fields.get("access_type", true);
  if (access == nullptr) return std::nullopt;
  const std::string* tag = union_tag(*access);
  auto parsed = tag != nullptr ? model::group_access_from_string(*tag) : std::nullopt;
  if (!parsed) {
    fields.fail(*access, tag == nullptr
                             ? "\"access_type\" must be a tagged union"
                             : "unknown group access type \"" + core::excerpt(*tag) + "\"");
    return std::nullopt;
  }
  member.access = *parsed;
  return member;
}

}  // namespace roster::dropbox
