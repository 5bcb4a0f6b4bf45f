#include "roster/dropbox/member_codec.hpp"

#include "roster/core/diagnostic.hpp"
#include "roster/core/json_fields.hpp"
#include "roster/model/email.hpp"

namespace roster::dropbox {

namespace json = core::json;
using json::FieldReader;

namespace {

// Union tags: servers send {".tag": "x", ...}; the compact form "x" is accepted too.
const std::string* union_tag(const json::Value& v) {
  if (v.is_string()) return &v.as_string();
  if (const json::Value* tag = v.find(".tag"); tag != nullptr && tag->is_string()) {
    return &tag->as_string();
  }
  return nullptr;
}

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
  if (*tag == "active") {
    member.status = model::MemberStatus::active;
  } else if (*tag == "invited") {
    member.status = model::MemberStatus::invited;
  } else if (*tag == "suspended") {
    member.status = model::MemberStatus::suspended;
  } else if (*tag == "removed") {
    member.status = model::MemberStatus::removed;
    FieldReader fields(*status, profile.path() + ".status", profile.failure());
    return fields.boolean("is_recoverable", member.is_recoverable) &&
           fields.boolean("is_disconnected", member.is_disconnected);
  } else {
    return profile.fail(*status, "unknown member status \"" + core::excerpt(*tag) + "\"");
  }
  return true;
}

model::Role decode_role(const json::Value& info) {
  model::Role role = model::Role::member_only;
  if (const json::Value* roles = info.find("roles"); roles != nullptr && roles->is_array()) {
    for (const auto& r : roles->as_array()) {
      const json::Value* name = r.find("name");
      if (name == nullptr || !name->is_string()) continue;
      model::Role found = role_from_name(name->as_string());
      if (role == model::Role::member_only || found == model::Role::team_admin) role = found;
    }
  } else if (const json::Value* tier = info.find("role"); tier != nullptr) {
    // v1 `AdminTier`, in case a v1 listing is given.
    if (const std::string* tag = union_tag(*tier)) {
      if (*tag == "team_admin") role = model::Role::team_admin;
      if (*tag == "user_management_admin") role = model::Role::user_management_admin;
      if (*tag == "support_admin") role = model::Role::support_admin;
    }
  }
  return role;
}

}  // namespace

model::Role role_from_name(std::string_view name) {
  std::string lower = model::normalise_email(name);
  if (lower == "team admin") return model::Role::team_admin;
  if (lower == "user management admin") return model::Role::user_management_admin;
  if (lower == "support admin") return model::Role::support_admin;
  if (lower.empty() || lower == "member only" || lower == "member") return model::Role::member_only;
  return model::Role::other_admin;
}

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
  member.role = decode_role(value);
  return member;
}

}  // namespace roster::dropbox
