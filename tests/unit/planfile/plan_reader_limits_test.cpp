// Saved plans edited by hand or by an attacker: numbers out of range, deep nesting, NUL.
#include <catch2/catch.hpp>

#include "roster/planfile/saved_plan.hpp"

using namespace roster;

namespace {

// A small plan with one pending invitation, as `roster plan --out` writes it.
std::string plan_text() {
  planfile::SavedPlan saved;
  saved.roster_version = "0.1.0";
  saved.created_at = "2026-11-26T12:00:00Z";
  saved.source = "observed";
  saved.manifest_digest = "sha256:00";
  saved.plan.summary.desired_members = 1;
  saved.plan.summary.live_members = 1;
  saved.plan.drift.push_back({plan::DriftItem::Kind::pending_invite,
                              "amy@acme.com",
                              model::MemberStatus::invited,
                              3,
                              {},
                              {}});
  return planfile::to_json(saved);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string error_of(const std::string& text) {
  auto loaded = planfile::parse_saved_plan(text, "x.plan");
  REQUIRE_FALSE(loaded.saved);
  REQUIRE(loaded.diagnostics.items().size() == 1);
  return core::format_diagnostic(loaded.diagnostics.items()[0]);
}

}  // namespace

TEST_CASE("the plan used by these tests reads back", "[planfile][limits]") {
  auto loaded = planfile::parse_saved_plan(plan_text(), "x.plan");
  REQUIRE(loaded.saved);
  CHECK(loaded.saved->plan.drift.at(0).age_days == 3);
  CHECK(loaded.saved->plan.summary.live_members == 1);
}

TEST_CASE("a count in a saved plan out of range is refused, not narrowed", "[planfile][limits]") {
  auto text = plan_text();
  CHECK(error_of(replaced(text, "\"live_members\": 1", "\"live_members\": 1e300")) ==
        "x.plan:39:21: error: not a roster plan file: summary: \"live_members\" must be a whole "
        "number from 0 to 2147483647, found 1e+300");
  CHECK(error_of(replaced(text, "\"live_members\": 1", "\"live_members\": -1")) ==
        "x.plan:39:21: error: not a roster plan file: summary: \"live_members\" must be a whole "
        "number from 0 to 2147483647, found -1");
  CHECK(error_of(replaced(text, "\"removals\": 0", "\"removals\": 2.5")) ==
        "x.plan:41:17: error: not a roster plan file: summary: \"removals\" must be a whole "
        "number from 0 to 2147483647, found 2.5");
  CHECK(error_of(replaced(text, "\"removals\": 0", "\"removals\": \"0\"")) ==
        "x.plan:41:17: error: not a roster plan file: summary: \"removals\" must be a whole "
        "number from 0 to 2147483647, found string");
}

TEST_CASE("age_days out of range is refused, not narrowed", "[planfile][limits]") {
  auto text = plan_text();
  CHECK(error_of(replaced(text, "\"age_days\": 3", "\"age_days\": 1e300")) ==
        "x.plan:56:19: error: not a roster plan file: drift: \"age_days\" must be a whole "
        "number from 0 to 2147483647, found 1e+300");
  CHECK(error_of(replaced(text, "\"age_days\": 3", "\"age_days\": 9223372036854775808")) ==
        "x.plan:56:19: error: not a roster plan file: drift: \"age_days\" must be a whole "
        "number from 0 to 2147483647, found 9.223372036854776e+18");
}

TEST_CASE("a saved plan nested too deep or followed by a NUL byte is refused",
          "[planfile][limits]") {
  auto text = plan_text();
  CHECK(error_of(replaced(text, "\"warnings\": []", "\"warnings\": " + std::string(100000, '['))) ==
        "x.plan:50:78: error: malformed JSON: nesting deeper than 64 levels");
  CHECK(error_of(text + std::string(1, '\0') + "{}") ==
        "x.plan:" + std::to_string(std::count(text.begin(), text.end(), '\n') + 1) +
            ":1: error: malformed JSON: the document root must not be followed by other values");
}
