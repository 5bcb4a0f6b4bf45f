// Builds the members of a `{"members": [TeamMemberInfoV2, ...]}` snapshot from push-parser
// events (nlohmann-json's SAX, RapidJSON's Reader), keeping exactly what
// dropbox::decode_member_info keeps, so every parser in this benchmark fills the same
// model::ObservedMember values. A benchmark tool: members only (team facts and access are
// skipped), and it stops at the first problem instead of collecting them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "roster/model/observed.hpp"

namespace bench_json {

/// The first problem and the byte offset it is reported at.
struct Problem {
  std::size_t offset = 0;
  std::string message;
  /// The offset is a key's closing quote and the problem is its value: the first byte
  /// after it that is neither white space nor ':'. The events of a SAX parser come after
  /// their token, so this is how a message points at where the value starts.
  bool after_key = false;
};

/// What each parser hands back: the members, or the first problem.
struct Parsed {
  std::vector<roster::model::ObservedMember> members;
  bool failed = false;
  Problem problem;
};

/// The fields decode_member_info requires, one bit each (MemberEvents tracks them).
enum Seen : unsigned {
  profile_seen = 1U << 0,
  member_id_seen = 1U << 1,
  email_seen = 1U << 2,
  status_seen = 1U << 3,
  name_seen = 1U << 4,
  given_seen = 1U << 5,
  surname_seen = 1U << 6,
  recoverable_seen = 1U << 7,
  disconnected_seen = 1U << 8,
};

class MemberEvents {
 public:
  static constexpr std::size_t k_max_depth = 64;

  // Each returns false once a problem is recorded; the parser then stops. Offsets are
  // where the parser stands when it reports the event.
  bool start_object(std::size_t offset);
  bool end_object();
  bool start_array(std::size_t offset);
  bool end_array();
  bool key(std::string_view name, std::size_t offset);
  bool string(std::string_view text, std::size_t offset);
  bool boolean(bool value, std::size_t offset);
  bool other(std::size_t offset, bool null);  // a number, or null

  bool fail(std::size_t offset, std::string message);
  Parsed take() { return std::move(m_result); }

 private:
  // What an open container is, as far as a member's decoding is concerned.
  enum class Role : unsigned char {
    root,
    members,
    member,
    profile,
    status,
    name,
    groups,
    emails,
    email,
    roles,
    role,
    skipped
  };
  struct Frame {
    Role role = Role::skipped;
    bool array = false;
    std::size_t offset = 0;   // where it opened
    std::size_t count = 0;    // elements so far, in a list
    std::string key;          // the key of the value being read, in an object
    std::size_t key_end = 0;  // the offset of its closing quote
  };
  bool open(bool array, std::size_t offset);
  [[nodiscard]] Role child_role() const;
  [[nodiscard]] bool expects_scalar() const;
  bool scalar(std::size_t offset, const char* found);
  bool profile_string(std::string_view text, std::size_t offset);
  bool status_tag(std::string_view tag, std::size_t offset);
  bool finish_member(std::size_t offset);
  bool fail_at_value(std::size_t offset, std::string message);
  bool wrong_type(std::size_t offset, const char* expected, const char* found);
  [[nodiscard]] std::string path() const;

  std::vector<Frame> m_stack;
  roster::model::ObservedMember m_member;
  roster::model::SecondaryEmail m_email;
  roster::model::TeamRole m_role;
  std::size_t m_profile_offset = 0;  // where the current member's profile opened
  std::size_t m_name_offset = 0;     // and its name
  unsigned m_seen = 0;               // which required fields the current member has shown
  Parsed m_result;
};

}  // namespace bench_json
