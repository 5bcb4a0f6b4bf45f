// The OAuth2 refresh answer's expires_in is range-checked before it becomes a duration.
#include <catch2/catch.hpp>

#include "dropbox/transport/token_source.hpp"
#include "support/fake_team_api.hpp"

using namespace roster;

namespace {

// Answers every POST with one fixed response.
class FixedTransport final : public dropbox::HttpTransport {
 public:
  explicit FixedTransport(std::string body) : m_body(std::move(body)) {}
  core::Result<dropbox::HttpResponse> post(const std::string&, const std::string&,
                                           const std::string&,
                                           const std::vector<std::pair<std::string, std::string>>&,
                                           dropbox::Connection) override {
    ++calls;
    return dropbox::HttpResponse{200, m_body, "application/json", std::nullopt, {}};
  }
  int calls = 0;

 private:
  std::string m_body;
};

dropbox::Credentials refresh_grant() {
  dropbox::Credentials c;
  c.refresh_token = "refresh-secret";
  c.app_key = "key";
  c.app_secret = "app-secret";
  return c;
}

}  // namespace

TEST_CASE("a refresh answer with a usable expires_in gives a token", "[token][limits]") {
  FixedTransport transport(R"({"access_token": "tok-1", "expires_in": 14400})");
  test::ManualClock clock;
  dropbox::TokenSource tokens(refresh_grant(), transport, clock);
  auto token = tokens.current();
  REQUIRE(token);
  CHECK(*token == "tok-1");
  CHECK(tokens.current());
  CHECK(transport.calls == 1);  // still valid: no second refresh
}

TEST_CASE("an expires_in out of range is an error, not a wrapped duration", "[token][limits]") {
  auto body = GENERATE(as<std::string>{}, "1e300", "-1", "2.5", "\"14400\"", "31536001");
  FixedTransport transport(R"({"access_token": "tok-1", "expires_in": )" + body + "}");
  test::ManualClock clock;
  dropbox::TokenSource tokens(refresh_grant(), transport, clock);
  auto token = tokens.current();
  REQUIRE_FALSE(token);
  CHECK(token.error().message ==
        "the OAuth2 refresh answer has an invalid expires_in (expected whole seconds from 0 to "
        "31536000)");
}
