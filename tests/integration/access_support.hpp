// Shared by the live tests of the access routes (issue 9): a client on the emulator and a
// seed with groups, secondary emails and space limits.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "roster/dropbox/http_team_api.hpp"
#include "roster/dropbox/observe.hpp"
#include "support/emulator_runner.hpp"

namespace roster::test {

struct AccessClient {
  core::SystemClock clock;
  core::RunStop stop{clock};
  core::RateGate gate;
  std::unique_ptr<dropbox::TeamApi> api;

  explicit AccessClient(EmulatorRunner& emulator, int max_attempts = 6) {
    dropbox::HttpTeamApiConfig config;
    config.api_url = emulator.url();
    config.retry.max_attempts = max_attempts;
    config.retry.initial_backoff = std::chrono::milliseconds(20);
    dropbox::Credentials credentials;
    credentials.access_token = emulator.token();
    auto made = dropbox::make_http_team_api(config, std::move(credentials), stop, gate);
    REQUIRE(made);
    api = std::move(*made);
  }

  // The team_member_id of `email`, read through members/list_v2.
  std::string id_of(const std::string& email) {
    auto member = find(email);
    REQUIRE(member);
    return member->team_member_id;
  }

  std::optional<model::ObservedMember> find(const std::string& email) {
    auto team = dropbox::observe_team(*api);
    REQUIRE(team);
    for (auto& m : team->members) {
      if (m.email == email) return m;
    }
    return std::nullopt;
  }

  std::string group_id(const std::string& name) {
    auto groups = api->list_groups();
    REQUIRE(groups);
    for (const auto& g : *groups) {
      if (g.name == name) return g.group_id;
    }
    FAIL("no group " << name);
    return "";
  }
};

// A small team: an admin, amy (active, in Sales as owner), bob (active), ian (invited),
// sue (suspended); groups Sales, Eng (bob) and a system-managed Everyone; a member space
// limit of 100 GB, amy with a custom quota of 50, bob excluded.
inline nlohmann::json access_seed() {
  using nlohmann::json;
  return json{
      {"team_name", "Acme Corp"},
      {"team_id", "dbtid:AAtest"},
      {"admin_email", "admin@acme.com"},
      {"member_space_limit_gb", 100},
      {"members", json::array({
                      {{"email", "admin@acme.com"}, {"role", "team_admin"}},
                      {{"email", "amy@acme.com"},
                       {"custom_quota_gb", 50},
                       {"secondary_emails",
                        json::array({{{"email", "amy@old.acme.com"}, {"is_verified", true}}})}},
                      {{"email", "bob@acme.com"}, {"space_limit_excluded", true}},
                      {{"email", "ian@acme.com"}, {"status", "invited"}},
                      {{"email", "sue@acme.com"}, {"status", "suspended"}},
                  })},
      {"groups",
       json::array({
           {{"group_name", "Sales"},
            {"group_external_id", "sales"},
            {"members", json::array({{{"email", "amy@acme.com"}, {"access_type", "owner"}}})}},
           {{"group_name", "Eng"},
            {"group_management_type", "user_managed"},
            {"members", json::array({{{"email", "bob@acme.com"}}})}},
           {{"group_name", "Everyone"}, {"group_management_type", "system_managed"}},
       })},
  };
}

}  // namespace roster::test
