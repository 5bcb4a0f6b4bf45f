// The scalar events of MemberEvents: strings, booleans, numbers and nulls, each checked
// against what decode_member_info expects at its place. A null counts as absent, as
// core::json::FieldReader treats it.
#include <fmt/format.h>

#include "member_events.hpp"
#include "roster/core/diagnostic.hpp"
#include "roster/model/email.hpp"

namespace bench_json {

namespace model = roster::model;

namespace {

bool is_timestamp_key(const std::string& key) {
  return key == "invited_on" || key == "joined_on" || key == "suspended_on";
}

}  // namespace

// Counts the element and refuses a scalar where a member's object or list belongs.
bool MemberEvents::scalar(std::size_t offset, const char* found) {
  Frame& top = m_stack.back();
  if (top.array) ++top.count;
  Role role = child_role();
  if (role == Role::skipped || expects_scalar()) return true;
  // A null field is absent; a null element of a list of objects is not.
  if (std::string_view(found) == "null" && !top.array) return true;
  bool list =
      role == Role::members || role == Role::groups || role == Role::emails || role == Role::roles;
  return wrong_type(offset, list ? "a list" : "an object", found);
}

bool MemberEvents::profile_string(std::string_view text, std::size_t offset) {
  const std::string& key = m_stack.back().key;
  if (key == "team_member_id") {
    m_member.team_member_id.assign(text);
    m_seen |= member_id_seen;
  } else if (key == "email") {
    m_member.email = model::normalise_email(text);
    m_seen |= email_seen;
  } else if (key == "external_id") {
    m_member.external_id.emplace(text);
  } else if (is_timestamp_key(key)) {
    auto time = model::parse_timestamp(text);
    if (!time) {
      return fail_at_value(offset,
                           fmt::format("{}: \"{}\" is not a timestamp like 2015-05-12T15:50:38Z: "
                                       "\"{}\"",
                                       path(), key, roster::core::excerpt(text)));
    }
    auto& slot = key == "invited_on"  ? m_member.invited_on
                 : key == "joined_on" ? m_member.joined_on
                                      : m_member.suspended_on;
    slot = time;
  }
  return true;
}

bool MemberEvents::status_tag(std::string_view tag, std::size_t offset) {
  if (tag == "active") {
    m_member.status = model::MemberStatus::active;
  } else if (tag == "invited") {
    m_member.status = model::MemberStatus::invited;
  } else if (tag == "suspended") {
    m_member.status = model::MemberStatus::suspended;
  } else if (tag == "removed") {
    m_member.status = model::MemberStatus::removed;
  } else {
    return fail_at_value(offset, fmt::format("{}: unknown member status \"{}\"", path(),
                                             roster::core::excerpt(tag)));
  }
  m_seen |= status_seen;
  return true;
}

bool MemberEvents::string(std::string_view text, std::size_t offset) {
  if (!scalar(offset, "string")) return false;
  const std::string& key = m_stack.back().key;
  switch (m_stack.back().role) {
    case Role::profile:
      return profile_string(text, offset);
    case Role::status:
      if (key == ".tag") return status_tag(text, offset);
      return !expects_scalar() || wrong_type(offset, "a boolean", "string");
    case Role::name:
      if (key == "given_name") {
        m_member.given_name.assign(text);
        m_seen |= given_seen;
      } else if (key == "surname") {
        m_member.surname.assign(text);
        m_seen |= surname_seen;
      }
      return true;
    case Role::groups:
      m_member.group_ids.emplace_back(text);
      return true;
    case Role::email:
      if (key == "is_verified") return wrong_type(offset, "a boolean", "string");
      if (key == "email") m_email.email.assign(text);
      return true;
    case Role::role:
      if (key == "role_id") m_role.role_id.assign(text);
      if (key == "name") m_role.name.assign(text);
      return true;
    default:
      return true;
  }
}

bool MemberEvents::boolean(bool value, std::size_t offset) {
  if (!scalar(offset, "boolean")) return false;
  const Frame& top = m_stack.back();
  if (top.role == Role::status && top.key == "is_recoverable") {
    m_member.is_recoverable = value;
    m_seen |= recoverable_seen;
  } else if (top.role == Role::status && top.key == "is_disconnected") {
    m_member.is_disconnected = value;
    m_seen |= disconnected_seen;
  } else if (top.role == Role::email && top.key == "is_verified") {
    m_email.is_verified = value;
  } else if (expects_scalar()) {
    return wrong_type(offset, "a string", "boolean");
  }
  return true;
}

bool MemberEvents::other(std::size_t offset, bool null) {
  const char* found = null ? "null" : "number";
  if (!scalar(offset, found)) return false;
  if (m_stack.back().role == Role::groups) return wrong_type(offset, "a group id (string)", found);
  if (null || !expects_scalar()) return true;  // null: absent, as FieldReader reads it
  const std::string& key = m_stack.back().key;
  bool flag = key == "is_recoverable" || key == "is_disconnected" || key == "is_verified";
  return wrong_type(offset, flag ? "a boolean" : "a string", found);
}

}  // namespace bench_json
