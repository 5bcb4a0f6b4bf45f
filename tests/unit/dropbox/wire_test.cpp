// What roster sends and how it reads Dropbox's answers, without HTTP.
#include <catch2/catch.hpp>

#include <map>

#include "dropbox/wire/error_mapping.hpp"
#include "dropbox/wire/request_codec.hpp"
#include "roster/dropbox/credentials.hpp"

using namespace roster;
using namespace roster::dropbox;

TEST_CASE("request bodies follow the Stone encoding", "[dropbox]") {
  CHECK(encode_suspend("dbmid:1", false) ==
        R"({"user":{".tag":"team_member_id","team_member_id":"dbmid:1"},"wipe_data":false})");
  CHECK(encode_remove("dbmid:1", {false, false, false, "a@x.com", "it@x.com"}) ==
        R"({"user":{".tag":"team_member_id","team_member_id":"dbmid:1"},"wipe_data":false,)"
        R"("transfer_dest_id":{".tag":"email","email":"a@x.com"},)"
        R"("transfer_admin_id":{".tag":"email","email":"it@x.com"},"keep_account":false,)"
        R"("retain_team_shares":false})");
  CHECK(encode_add_members({{"a@x.com", "Amy", std::nullopt, "E1", false}}) ==
        R"({"new_members":[{"member_email":"a@x.com","member_given_name":"Amy",)"
        R"("member_external_id":"E1","send_welcome_email":false}],"force_async":false})");
  ProfileUpdate update;
  update.new_email = "new@x.com";
  update.new_surname = "S";
  CHECK(encode_set_profile("dbmid:1", update) ==
        R"({"user":{".tag":"team_member_id","team_member_id":"dbmid:1"},"new_email":"new@x.com",)"
        R"("new_surname":"S"})");
  CHECK(encode_list_members() == R"({"limit":1000,"include_removed":true})");
}

TEST_CASE("HTTP answers are classified once, with the Dropbox tag", "[dropbox]") {
  auto classify = [](int status, std::string body, std::optional<int> retry_after = {}) {
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    if (retry_after) r.retry_after = std::chrono::seconds(*retry_after);
    return classify_response("members/suspend", r);
  };
  auto e409 = classify(
      409,
      R"({"error_summary": "suspend_last_admin/..", "error": {".tag": "suspend_last_admin"}})");
  CHECK(e409.kind == core::ErrorKind::conflict);
  CHECK(e409.api_tag == "suspend_last_admin");
  CHECK(e409.message == "team/members/suspend failed: suspend_last_admin");
  CHECK_FALSE(core::is_retryable(e409));
  auto e429 = classify(
      429,
      R"({"error_summary": "too_many_requests/", "error": {"reason": {".tag": "too_many_requests"}, "retry_after": 7}})",
      7);
  CHECK(e429.kind == core::ErrorKind::rate_limited);
  CHECK(e429.retry_after == std::chrono::seconds(7));
  CHECK(core::is_retryable(e429));
  CHECK(classify(429, "too many requests", {}).retry_after == std::chrono::seconds(1));
  auto e401 = classify(
      401,
      R"({"error_summary": "missing_scope/", "error": {".tag": "missing_scope", "required_scope": "members.write"}})");
  CHECK(e401.kind == core::ErrorKind::unauthorized);
  CHECK(e401.message ==
        "the Dropbox token lacks the scope members.write needed by "
        "team/members/suspend (401 missing_scope)");
  auto e403 = classify(
      403, R"({"error_summary": "team_access_denied/", "error": {".tag": "team_access_denied"}})");
  CHECK(e403.kind == core::ErrorKind::forbidden);
  CHECK(e403.message == "the app may not use team/members/suspend (403 team_access_denied)");
  auto e400 = classify(400, "Error in call to API function \"team/members/suspend\": bad\nmore");
  CHECK(e400.kind == core::ErrorKind::invalid_input);
  CHECK(e400.message ==
        "Dropbox rejected the call to team/members/suspend (400): Error in call "
        "to API function \"team/members/suspend\": bad");
  auto e503 = classify(503, "<html>busy</html>");
  CHECK(e503.kind == core::ErrorKind::unavailable);
  CHECK(core::is_retryable(e503));
}

TEST_CASE("credentials: --token-file, then DROPBOX_TOKEN, then the refresh grant", "[dropbox]") {
  std::map<std::string, std::string> vars;
  auto env = [&](const char* name) { return vars.count(name) ? vars[name] : std::string(); };
  auto none = load_credentials(env, std::nullopt);
  REQUIRE_FALSE(none);
  CHECK(none.error().kind == core::ErrorKind::unauthorized);
  vars["DROPBOX_REFRESH_TOKEN"] = "r";
  CHECK(load_credentials(env, std::nullopt).error().message ==
        "DROPBOX_REFRESH_TOKEN needs DROPBOX_APP_KEY and DROPBOX_APP_SECRET as well");
  vars["DROPBOX_APP_KEY"] = "k";
  vars["DROPBOX_APP_SECRET"] = "s";
  auto refresh = load_credentials(env, std::nullopt);
  REQUIRE(refresh);
  CHECK(refresh->uses_refresh());
  vars["DROPBOX_TOKEN"] = " t1 \n";
  CHECK(load_credentials(env, std::nullopt)->access_token == "t1");
  auto missing = load_credentials(env, std::string("/nonexistent/token"));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message ==
        "cannot read --token-file /nonexistent/token: No such file or directory");
}
