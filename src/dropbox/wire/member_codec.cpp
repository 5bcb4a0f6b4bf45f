#include "roster/dropbox/member_codec.hpp"

#include "dropbox/wire/union_tag.hpp"
#include "roster/core/diagnostic.hpp"
#include "roster/core/json_fields.hpp"
#include "roster/model/email.hpp"

namespace roster::dropbox {

namespace json = core::json;
using json::FieldReader;

namespace {

bool decode_timestamp(FieldReader& fields, std::string_view key,
                      std::optional<model::Timestamp>& out) {
  std::optional<std::string> text;
  if (!fields.optional_string(key, text)) return false;
  if (!text) return true;
  out = model::parse_timestamp(*text);
  if (!out) {
    return fields.fail(*fields.get(key, true), "\"" + std::string(key) +
                                                   "\" is not a timestamp like "
                                                   "2015-05-12T15:50:38Z: \"" +
                                                   core::excerpt(*text) + "\"");
  }
  return true;
}

bool decode_status(FieldReader& profile, model::ObservedMember& member) {
  const json::Value* status = profile.get("status", true);
  if (status == nullptr) return false;
  const std::string* tag = union_tag(*status);
  if (tag == nullptr) return profile.fail(*status, "\"status\" must be a tagged union");
  const auto named = model::member_status_from_string(*tag);
  if (!named) {
    return profile.fail(*status, "unknown member status \"" + core::excerpt(*tag) + "\"");
  }
  member.status = *named;
  if (member.status == model::MemberStatus::removed) {
    FieldReader fields(*status, profile.path() + ".status", profile.failure());
    return fields.boolean("is_recoverable", member.is_recoverable) &&
           fields.boolean("is_disconnected", member.is_disconnected);
  }
  return true;
}

// v2 `roles` (TeamMemberRole list) are kept as listed; the role they stand for is decided
// by id, once the team's role table is known (model::recognise_roles). v1 `AdminTier` tags
// name the role directly.
bool decode_roles(FieldReader& info, model::ObservedMember& member) {
  if (const json::Value* roles = info.array("roles", false); roles != nullptr) {
    std::size_t index = 0;
    for (const auto& r : roles->as_array()) {
      FieldReader fields(r, info.path() + ".roles[" + std::to_string(index++) + "]",
                         info.failure());
      model::TeamRole role;
      if (!fields.string("role_id", role.role_id) || !fields.string("name", role.name)) {
        return false;
      }
      member.roles.push_back(std::move(role));
    }
    return true;
  }
  if (info.failed()) return false;
  if (const json::Value* tier = info.get("role", false); tier != nullptr) {
    if (const std::string* tag = union_tag(*tier)) {
      if (*tag == "team_admin") member.role = model::Role::team_admin;
      if (*tag == "user_management_admin") member.role = model::Role::user_management_admin;
      if (*tag == "support_admin") member.role = model::Role::support_admin;
    }
  }
  return true;
}

// `TeamMemberProfile.groups` (GroupId list) and `MemberProfile.secondary_emails`
// (SecondaryEmail list). Both are read when present: saved listings from before issue 9
// have neither, and Dropbox omits secondary_emails for members without any.
bool decode_access(FieldReader& profile, model::ObservedMember& member) {
  if (const json::Value* groups = profile.array("groups", false); groups != nullptr) {
    for (const auto& id : groups->as_array()) {
      if (!id.is_string()) {
        return profile.fail(
            id, std::string("\"groups\" must hold group ids (strings), found ") + id.type_name());
      }
      member.group_ids.push_back(id.as_string());
    }
  }
  if (profile.failed()) return false;
  const json::Value* emails = profile.array("secondary_emails", false);
  if (emails == nullptr) return !profile.failed();
  std::size_t index = 0;
  for (const auto& e : emails->as_array()) {
    FieldReader fields(e, profile.path() + ".secondary_emails[" + std::to_string(index++) + "]",
                       profile.failure());
    model::SecondaryEmail email;
    if (!fields.string("email", email.email) || !fields.boolean("is_verified", email.is_verified)) {
      return false;
    }
    email.email = model::normalise_email(email.email);
    member.secondary_emails.push_back(std::move(email));
  }
  return true;
}

}  // namespace

std::optional<model::ObservedMember> decode_member_info(const json::Value& value,
                                                        const std::string& path,
                                                        DecodeError& error) {
  FieldReader info(value, path, error);
  const json::Value* profile_value = info.object("profile");
  if (profile_value == nullptr) return std::nullopt;
  FieldReader profile(*profile_value, path + ".profile", error);
  model::ObservedMember member;
  std::string email;
  if (!profile.string("team_member_id", member.team_member_id) || !profile.string("email", email) ||
      !profile.optional_string("external_id", member.external_id) ||
      !decode_status(profile, member) ||
      !decode_timestamp(profile, "invited_on", member.invited_on) ||
      !decode_timestamp(profile, "joined_on", member.joined_on) ||
      !decode_timestamp(profile, "suspended_on", member.suspended_on)) {
    return std::nullopt;
  }
  member.email = model::normalise_email(email);
  const json::Value* name_value = profile.object("name");
  if (name_value == nullptr) return std::nullopt;
  FieldReader name(*name_value, path + ".profile.name", error);
  if (!name.string("given_name", member.given_name) || !name.string("surname", member.surname)) {
    return std::nullopt;
  }
  if (!decode_access(profile, member) || !decode_roles(info, member)) return std::nullopt;
  return member;
}

}  // namespace roster::dropbox
