// libFuzzer harness: the saved-listing reader and the TeamMemberInfoV2 decoder
// (src/dropbox/snapshot.cpp, member_codec.cpp) used by `plan --observed`.
// Properties: never crashes; every diagnostic is one located line; a member it accepts
// has an id and an email, and its timestamps format and parse back to the same instant.
// Any JSON value is also fed to the member decoder directly, with the same properties.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz_checks.hpp"
#include "roster/core/json.hpp"
#include "roster/dropbox/member_codec.hpp"
#include "roster/dropbox/snapshot.hpp"

namespace {

using roster::fuzz::check;

void check_timestamp(const std::optional<roster::model::Timestamp>& t) {
  if (!t) return;
  const std::string text = roster::model::format_timestamp(*t);
  check(roster::model::parse_timestamp(text) == t, "timestamp does not round-trip", text);
}

void check_member(const roster::model::ObservedMember& m) {
  check(!m.team_member_id.empty(), "member without an id", m.email);
  check(!m.email.empty(), "member without an email", m.team_member_id);
  check_timestamp(m.invited_on);
  check_timestamp(m.joined_on);
  check_timestamp(m.suspended_on);
}

void decode_directly(std::string_view text) {
  namespace json = roster::core::json;
  json::Value value;
  std::string error;
  if (!json::parse(text, value, error)) return;
  roster::dropbox::DecodeError failure;
  if (auto member = roster::dropbox::decode_member_info(value, "member", failure)) {
    check_member(*member);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace roster;
  const auto text = fuzz::as_text(data, size);
  auto loaded = dropbox::read_snapshot_text(text, "fuzz.json");
  fuzz::check_diagnostics(loaded.diagnostics, text, "fuzz.json");
  if (!loaded.diagnostics.has_errors()) {
    for (const auto& member : loaded.team.members)
      check_member(member);
  }
  decode_directly(text);
  return 0;
}
