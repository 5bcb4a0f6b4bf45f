#include "roster/dropbox/member_codec.hpp"

#include "roster/model/email.hpp"

namespace roster::dropbox {

namespace json = core::json;

namespace {

// Small helpers that record the first decoding failure and return nullptr/false.
class Fields {
 public:
  Fields(const json::Value& object, std::string path, DecodeError& error)
      : m_object(object), m_path(std::move(path)), m_error(error) {}

  bool fail(const json::Value& at, const std::string& message) {
    m_error = {m_path + ": " + message, at.offset()};
    return false;
  }

  const json::Value* get(std::string_view key, bool required) {
    const json::Value* v = m_object.find(key);
    if ((v == nullptr || v->is_null()) && required) {
      fail(m_object, "missing required field \"" + std::string(key) + "\"");
      return nullptr;
    }
    return v != nullptr && !v->is_null() ? v : nullptr;
  }

  bool string(std::string_view key, std::string& out, bool required = true) {
    const json::Value* v = get(key, required);
    if (v == nullptr) return !required;
    if (!v->is_string()) {
      return fail(*v, "\"" + std::string(key) + "\" must be a string, found " + v->type_name());
    }
    out = v->as_string();
    return true;
  }

  bool optional_string(std::string_view key, std::optional<std::string>& out) {
    const json::Value* v = get(key, false);
    if (v == nullptr) return true;
    if (!v->is_string()) {
      return fail(*v, "\"" + std::string(key) + "\" must be a string, found " + v->type_name());
    }
    out = v->as_string();
    return true;
  }

  bool boolean(std::string_view key, bool& out) {
    const json::Value* v = get(key, true);
    if (v == nullptr) return false;
    if (!v->is_bool()) {
      return fail(*v, "\"" + std::string(key) + "\" must be a boolean, found " + v->type_name());
    }
    out = v->as_bool();
    return true;
  }

  bool timestamp(std::string_view key, std::optional<model::Timestamp>& out) {
    std::optional<std::string> text;
    if (!optional_string(key, text)) return false;
    if (!text) return true;
    out = model::parse_timestamp(*text);
    if (!out) {
      return fail(*m_object.find(key), "\"" + std::string(key) + "\" is not a timestamp like " +
                                           "2015-05-12T15:50:38Z: \"" + *text + "\"");
    }
    return true;
  }

  const std::string& path() const { return m_path; }
  DecodeError& error() { return m_error; }

 private:
  const json::Value& m_object;
  std::string m_path;
  DecodeError& m_error;
};

// Union tags: servers send {".tag": "x", ...}; the compact form "x" is accepted too.
const std::string* union_tag(const json::Value& v) {
  if (v.is_string()) return &v.as_string();
  if (const json::Value* tag = v.find(".tag"); tag != nullptr && tag->is_string()) {
    return &tag->as_string();
  }
  return nullptr;
}

bool decode_status(Fields& profile, model::ObservedMember& member) {
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
    if (!status->is_object()) return profile.fail(*status, "removed status lacks its fields");
    Fields fields(*status, profile.path() + ".status", profile.error());
    return fields.boolean("is_recoverable", member.is_recoverable) &&
           fields.boolean("is_disconnected", member.is_disconnected);
  } else {
    return profile.fail(*status, "unknown member status \"" + *tag + "\"");
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
  if (!value.is_object()) {
    error = {path + ": must be an object, found " + value.type_name(), value.offset()};
    return std::nullopt;
  }
  Fields info(value, path, error);
  const json::Value* profile_value = info.get("profile", true);
  if (profile_value == nullptr) return std::nullopt;
  if (!profile_value->is_object()) {
    info.fail(*profile_value, "\"profile\" must be an object");
    return std::nullopt;
  }
  Fields profile(*profile_value, path + ".profile", error);
  model::ObservedMember member;
  std::string email;
  if (!profile.string("team_member_id", member.team_member_id) || !profile.string("email", email) ||
      !profile.optional_string("external_id", member.external_id) ||
      !decode_status(profile, member) || !profile.timestamp("invited_on", member.invited_on) ||
      !profile.timestamp("joined_on", member.joined_on) ||
      !profile.timestamp("suspended_on", member.suspended_on)) {
    return std::nullopt;
  }
  member.email = model::normalise_email(email);
  const json::Value* name_value = profile.get("name", true);
  if (name_value == nullptr) return std::nullopt;
  if (!name_value->is_object()) {
    profile.fail(*name_value, "\"name\" must be an object");
    return std::nullopt;
  }
  Fields name(*name_value, path + ".profile.name", error);
  if (!name.string("given_name", member.given_name) || !name.string("surname", member.surname)) {
    return std::nullopt;
  }
  member.role = decode_role(value);
  return member;
}

}  // namespace roster::dropbox
