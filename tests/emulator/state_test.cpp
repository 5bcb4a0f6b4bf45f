// Seed and state documents, journal records, and the durable journal on disk.
#include <catch2/catch.hpp>
#include <fstream>

#include "persistence/state_codec.hpp"
#include "persistence/state_journal.hpp"
#include "store/team_store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_team.hpp"

using namespace roster::emulator;
using namespace roster::emulator::test;

namespace {

TeamState decode(const std::string& text) {
  auto state = decode_state(fill_times(text, 1780272000), 1780272000);
  if (!state) FAIL(state.error().message);
  return std::move(*state);
}

}  // namespace

TEST_CASE("a seed document fills in ids, timestamps and roles", "[emulator][state]") {
  const auto state = decode(R"({"team_name": "T", "num_licensed_users": 3, "admin_email": "a@t.com",
    "members": [{"email": "a@t.com", "role": "team_admin"}, {"email": "b@t.com", "status": "invited"}]})");
  CHECK(state.info.name == "T");
  CHECK(state.info.num_licensed_users == 3);
  REQUIRE(state.members.size() == 2);
  CHECK(state.members[0].account_id.size() == 40);
  CHECK(state.members[0].team_member_id != state.members[1].team_member_id);
  CHECK(state.members[0].role_id == "pid_dbtmr:team_admin");
  CHECK(state.members[0].joined_on == 1780272000);
  CHECK(state.members[1].invited_on == 1780272000);
  CHECK(state.info.next_member_seq == 3);
}

TEST_CASE("invalid seeds are refused with the place of the problem", "[emulator][state]") {
  auto message = [](const std::string& text) {
    auto state = decode_state(text, 0);
    REQUIRE_FALSE(state.has_value());
    return state.error().message;
  };
  CHECK(message("{").find("not valid JSON") != std::string::npos);
  CHECK(message(R"({"team": "x"})") == "unknown key \"team\"");
  CHECK(message(R"({"members": [{"email": "a@t.com", "status": "gone"}]})") ==
        "members[0].status: expected active, invited, suspended or removed");
  CHECK(message(R"({"members": [{"email": "a@t.com", "role": "boss"}]})") ==
        "members[0].role: unknown role \"boss\"");
  CHECK(message(R"({"members": [{"email": "a@t.com", "stauts": "active"}]})") ==
        "members[0].stauts: unknown key");
  CHECK(message(R"({"members": [{"email": "a@t.com", "removed_on": "yesterday"}]})") ==
        "members[0].removed_on: expected a real UTC time like 2026-05-12T15:50:38Z, got "
        "\"yesterday\"");
  CHECK(message(R"({"members": [{"email": "a@t.com"}, {"email": "A@t.com"}]})") ==
        "members[1].email: A@t.com is already a live member");
}

TEST_CASE("a seed or state nested too deeply or with an absurd clock offset is refused",
          "[emulator][state][abuse]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const std::string deep_job = R"({"jobs": [{"id": "j", "route": "r", "result": )" + deep + "}]}";
  for (const auto& text : {deep, deep_job}) {
    const auto state = decode_state(text, 0);
    REQUIRE_FALSE(state.has_value());
    CHECK(state.error().message == "JSON nested deeper than 64 levels");
  }
  TeamState replayed;
  JournalReplay replay(replayed);
  const auto applied = replay.apply(deep_job);
  REQUIRE_FALSE(applied.has_value());
  CHECK(applied.error().message == "journal record: JSON nested deeper than 64 levels");
  const auto far = decode_state(R"({"clock_offset_seconds": 9223372036854775807})", 0);
  REQUIRE_FALSE(far.has_value());
  CHECK(far.error().message ==
        "info.clock_offset_seconds: must be within 100 years (3155760000 s)");
}

TEST_CASE("a state document round-trips through encode and decode", "[emulator][state]") {
  TestTeam source(Mode::routes, acme_seed());
  const auto first = decode(source.admin_get("state").body);
  const auto again = encode_state(decode(encode_state(first)));
  CHECK(again == encode_state(first));
  CHECK(first.groups[0].members.size() == 1);
  CHECK(first.members[7].is_disconnected);
}

TEST_CASE("journal records replay as idempotent upserts", "[emulator][state]") {
  TeamStore store(decode(acme_seed()));
  (void)store.take_changes();
  REQUIRE_FALSE(store.suspend({UserSelector::Kind::email, "amy@acme.com"}, 1780272000));
  store.add_member({"new@acme.com", "N", "M", std::nullopt, std::nullopt, ""}, 1780272000);
  const auto record = encode_changes(store.state(), store.take_changes());
  CHECK(record.find('\n') == std::string::npos);

  auto replayed = decode(acme_seed());
  JournalReplay replay(replayed);
  REQUIRE(replay.apply(record).has_value());
  REQUIRE(replay.apply(record).has_value());  // twice: same result
  REQUIRE(replayed.members.size() == 9);
  CHECK(replayed.members[1].status == MemberStatus::suspended);
  CHECK(replayed.members[8].email == "new@acme.com");
  CHECK(replayed.info.next_member_seq == store.state().info.next_member_seq);
}

TEST_CASE("the journal survives a restart and a torn last record is dropped", "[emulator][state]") {
  TempDir dir;
  const auto path = dir.file("state.json");
  TeamStore store(decode(acme_seed()));
  {
    auto journal = StateJournal::open(path);
    REQUIRE(journal.has_value());
    REQUIRE((*journal)->write_snapshot(encode_state(store.state())));
    REQUIRE_FALSE(store.suspend({UserSelector::Kind::email, "amy@acme.com"}, 1780272000));
    const auto ticket = (*journal)->append(encode_changes(store.state(), store.take_changes()));
    REQUIRE(ticket == 1);
    REQUIRE((*journal)->sync_through(ticket));
  }
  std::ofstream(journal_path(path), std::ios::app) << "{\"members\": [{\"email\": ";  // torn
  auto loaded = load_saved_state(path, 1780272000);
  REQUIRE(loaded.has_value());
  CHECK(loaded->members[1].status == MemberStatus::suspended);

  std::ofstream(journal_path(path), std::ios::app) << "\n{}\n";  // now a broken middle line
  const auto broken = load_saved_state(path, 1780272000);
  REQUIRE_FALSE(broken.has_value());
  CHECK(broken.error().message.find("state.json.journal:2:") != std::string::npos);
}

TEST_CASE("a snapshot replaces the journal", "[emulator][state]") {
  TempDir dir;
  const auto path = dir.file("state.json");
  auto journal = StateJournal::open(path);
  REQUIRE(journal.has_value());
  REQUIRE((*journal)->append("{}") == 1);
  REQUIRE((*journal)->write_snapshot(encode_state(decode(acme_seed()))));
  std::ifstream record(journal_path(path));
  CHECK(record.peek() == std::ifstream::traits_type::eof());
  CHECK(load_saved_state(path, 0)->members.size() == 8);
  CHECK_FALSE(std::ifstream(path + ".tmp").good());
}
