#include "member_events.hpp"

#include <fmt/format.h>

#include <array>

#include "roster/model/email.hpp"

namespace bench_json {

namespace model = roster::model;

namespace {

struct Required {
  unsigned bit;
  const char* where;  // the object that must hold it, after "members[i]"
  const char* key;
};
constexpr std::array k_required{
    Required{profile_seen, "", "profile"},
    Required{member_id_seen, ".profile", "team_member_id"},
    Required{email_seen, ".profile", "email"},
    Required{status_seen, ".profile", "status"},
    Required{name_seen, ".profile", "name"},
    Required{given_seen, ".profile.name", "given_name"},
    Required{surname_seen, ".profile.name", "surname"},
};

bool is_timestamp_key(const std::string& key) {
  return key == "invited_on" || key == "joined_on" || key == "suspended_on";
}

}  // namespace

bool MemberEvents::fail(std::size_t offset, std::string message) {
  if (!m_result.failed) m_result = {{}, true, {offset, std::move(message), false}};
  return false;
}

bool MemberEvents::fail_at_value(std::size_t offset, std::string message) {
  const Frame& top = m_stack.back();
  if (top.array || m_result.failed) return fail(offset, std::move(message));
  m_result = {{}, true, {top.key_end, std::move(message), true}};
  return false;
}

std::string MemberEvents::path() const {
  std::string out;
  for (std::size_t i = 1; i < m_stack.size(); ++i) {
    const Frame& parent = m_stack[i - 1];
    if (parent.array) {
      out += fmt::format("[{}]", parent.count - 1);
    } else {
      out += (i == 1 ? "" : ".") + parent.key;
    }
  }
  return out;
}

bool MemberEvents::wrong_type(std::size_t offset, const char* expected, const char* found) {
  const Frame& top = m_stack.back();
  std::string field = top.array ? fmt::format("element {}", top.count - 1) : "\"" + top.key + "\"";
  return fail_at_value(offset,
                       fmt::format("{}: {} must be {}, found {}", path(), field, expected, found));
}

// What a container opened at the current place is; `skipped` for anything not decoded.
MemberEvents::Role MemberEvents::child_role() const {
  const Frame& top = m_stack.back();
  const std::string& key = top.key;
  switch (top.role) {
    case Role::root:
      return key == "members" ? Role::members : Role::skipped;
    case Role::members:
      return Role::member;
    case Role::member:
      if (key == "profile") return Role::profile;
      return key == "roles" ? Role::roles : Role::skipped;
    case Role::profile:
      if (key == "status") return Role::status;
      if (key == "name") return Role::name;
      if (key == "groups") return Role::groups;
      return key == "secondary_emails" ? Role::emails : Role::skipped;
    case Role::emails:
      return Role::email;
    case Role::roles:
      return Role::role;
    default:
      return Role::skipped;
  }
}

// Whether a scalar value is decoded at the current place (so a container there is wrong).
bool MemberEvents::expects_scalar() const {
  const Frame& top = m_stack.back();
  const std::string& k = top.key;
  switch (top.role) {
    case Role::profile:
      return k == "team_member_id" || k == "email" || k == "external_id" || is_timestamp_key(k);
    case Role::status:
      return k == ".tag" || k == "is_recoverable" || k == "is_disconnected";
    case Role::name:
      return k == "given_name" || k == "surname";
    case Role::groups:
      return true;
    case Role::email:
      return k == "email" || k == "is_verified";
    case Role::role:
      return k == "role_id" || k == "name";
    default:
      return false;
  }
}

bool MemberEvents::open(bool array, std::size_t offset) {
  if (m_stack.empty()) {
    if (array) return fail(offset, "a snapshot must be a JSON object {\"members\": [...]}");
    m_stack.push_back({.role = Role::root,
                       .array = false,
                       .offset = offset,
                       .count = 0,
                       .key = {},
                       .key_end = 0});
    return true;
  }
  // Decision 0020's bound, on the same count of open containers as core/json's reader.
  if (m_stack.size() >= k_max_depth) {
    return fail(offset, fmt::format("malformed JSON: nesting deeper than {} levels", k_max_depth));
  }
  Frame& top = m_stack.back();
  if (top.array) ++top.count;
  if (expects_scalar()) return wrong_type(offset, "a scalar", array ? "list" : "object");
  Role role = child_role();
  bool wants_array =
      role == Role::members || role == Role::groups || role == Role::emails || role == Role::roles;
  if (role != Role::skipped && array != wants_array) {
    return wrong_type(offset, wants_array ? "a list" : "an object", array ? "list" : "object");
  }
  if (role == Role::member) {
    m_member = {};
    m_seen = 0;
  }
  if (role == Role::profile) {
    m_seen |= profile_seen;
    m_profile_offset = offset;
  }
  if (role == Role::name) {
    m_seen |= name_seen;
    m_name_offset = offset;
  }
  m_stack.push_back(
      {.role = role, .array = array, .offset = offset, .count = 0, .key = {}, .key_end = 0});
  return true;
}

bool MemberEvents::start_object(std::size_t offset) {
  return open(false, offset);
}
bool MemberEvents::start_array(std::size_t offset) {
  return open(true, offset);
}

bool MemberEvents::end_array() {
  m_stack.pop_back();
  return true;
}

bool MemberEvents::end_object() {
  Frame frame = std::move(m_stack.back());
  m_stack.pop_back();
  switch (frame.role) {
    case Role::member:
      return finish_member(frame.offset);
    case Role::email:
      m_email.email = model::normalise_email(m_email.email);
      m_member.secondary_emails.push_back(std::move(m_email));
      m_email = {};
      return true;
    case Role::role:
      m_member.roles.push_back(std::move(m_role));
      m_role = {};
      return true;
    case Role::status:
      if (m_member.status == model::MemberStatus::removed &&
          (m_seen & (recoverable_seen | disconnected_seen)) !=
              (recoverable_seen | disconnected_seen)) {
        return fail(frame.offset, path() + ".status: missing required field \"is_recoverable\"");
      }
      return true;
    default:
      return true;
  }
}

// A missing field is reported at the object that lacks it, as FieldReader does.
bool MemberEvents::finish_member(std::size_t offset) {
  for (const Required& r : k_required) {
    if ((m_seen & r.bit) == 0) {
      std::string_view where = r.where;
      std::size_t at = where.empty()         ? offset
                       : where == ".profile" ? m_profile_offset
                                             : m_name_offset;
      return fail(at, fmt::format("{}[{}]{}: missing required field \"{}\"", path(),
                                  m_stack.back().count - 1, r.where, r.key));
    }
  }
  m_result.members.push_back(std::move(m_member));
  return true;
}

bool MemberEvents::key(std::string_view name, std::size_t offset) {
  m_stack.back().key.assign(name);
  m_stack.back().key_end = offset;
  return true;
}

}  // namespace bench_json
