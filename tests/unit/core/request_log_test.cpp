// The request log's line formats and what each level lets through.
#include <catch2/catch.hpp>

#include <sstream>

#include "roster/core/request_log.hpp"

using namespace roster::core;

namespace {

// 2026-11-30T15:47:39.123Z
std::chrono::system_clock::time_point k_time =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 30} + std::chrono::hours(15) +
    std::chrono::minutes(47) + std::chrono::seconds(39) + std::chrono::milliseconds(123);

RequestRecord request(std::optional<int> status, bool write = false, int attempt = 1) {
  RequestRecord r;
  r.time = k_time;
  r.route = "team/members/suspend";
  r.attempt = attempt;
  r.write = write;
  r.status = status;
  r.latency_ms = 42;
  r.request_id = "0123456789abcdef0123456789abcdef";
  return r;
}

}  // namespace

TEST_CASE("a request line: UTC time, route, attempt, status, error tag, latency, request id",
          "[log]") {
  auto ok = request(200, true);
  CHECK(format_log_line(ok, LogFormat::text) ==
        "2026-11-30T15:47:39.123Z request route=team/members/suspend attempt=1 write=yes "
        "status=200 error=- latency_ms=42 request_id=0123456789abcdef0123456789abcdef");
  CHECK(format_log_line(ok, LogFormat::json) ==
        R"({"time":"2026-11-30T15:47:39.123Z","event":"request","route":"team/members/suspend",)"
        R"("attempt":1,"write":true,"status":200,"error":null,"latency_ms":42,)"
        R"("request_id":"0123456789abcdef0123456789abcdef"})");

  auto refused = request(409, true, 2);
  refused.api_tag = "user_not_found";
  CHECK(
      format_log_line(refused, LogFormat::text) ==
      "2026-11-30T15:47:39.123Z request route=team/members/suspend attempt=2 write=yes "
      "status=409 error=user_not_found latency_ms=42 request_id=0123456789abcdef0123456789abcdef");
}

TEST_CASE("a transport failure has no status and quotes its reason", "[log]") {
  auto failed = request(std::nullopt);
  failed.request_id.clear();
  failed.failure = "cannot reach http://127.0.0.1:1: Connection refused";
  CHECK(format_log_line(failed, LogFormat::text) ==
        "2026-11-30T15:47:39.123Z request route=team/members/suspend attempt=1 write=no "
        "status=none error=- failure=\"cannot reach http://127.0.0.1:1: Connection refused\" "
        "latency_ms=42 request_id=-");
  CHECK(format_log_line(failed, LogFormat::json) ==
        R"({"time":"2026-11-30T15:47:39.123Z","event":"request","route":"team/members/suspend",)"
        R"("attempt":1,"write":false,"status":null,"error":null,)"
        R"("failure":"cannot reach http://127.0.0.1:1: Connection refused","latency_ms":42,)"
        R"("request_id":null})");
}

TEST_CASE("a step line: index, action, subject, outcome, error tag, attempts, note", "[log]") {
  StepRecord step{k_time,           3, "suspend",       "ann@example.com", "failed",
                  "user_not_found", 1, "no such member"};
  CHECK(format_log_line(step, LogFormat::text) ==
        "2026-11-30T15:47:39.123Z step index=3 action=suspend subject=ann@example.com "
        "outcome=failed error=user_not_found attempts=1 note=\"no such member\"");
  CHECK(format_log_line(step, LogFormat::json) ==
        R"({"time":"2026-11-30T15:47:39.123Z","event":"step","index":3,"action":"suspend",)"
        R"("subject":"ann@example.com","outcome":"failed","error":"user_not_found",)"
        R"("attempts":1,"note":"no such member"})");
}

TEST_CASE("levels: debug every request, info writes failures and retries, warn failures", "[log]") {
  std::ostringstream out;
  RequestLog debug(LogLevel::debug, LogFormat::text, out);
  RequestLog info(LogLevel::info, LogFormat::text, out);
  RequestLog warn(LogLevel::warn, LogFormat::text, out);
  const auto read = request(200), write = request(200, true), retried = request(200, false, 2),
             failed = request(503), unanswered = request(std::nullopt);
  CHECK(debug.wants(read));
  CHECK_FALSE(info.wants(read));
  CHECK(info.wants(write));
  CHECK(info.wants(retried));
  CHECK(info.wants(failed));
  CHECK_FALSE(warn.wants(write));
  CHECK_FALSE(warn.wants(retried));
  CHECK(warn.wants(failed));
  CHECK(warn.wants(unanswered));
  CHECK(info.wants_step(false));
  CHECK_FALSE(warn.wants_step(false));
  CHECK(warn.wants_step(true));

  warn.request(read);
  CHECK(out.str().empty());
  warn.request(failed);
  CHECK(out.str().find(" status=503 ") != std::string::npos);
  CHECK(out.str().back() == '\n');
}
