// The judgements of `roster doctor` (decision 0044): thresholds and their exact lines.
#include <catch2/catch.hpp>

#include "cli/doctor_checks.hpp"

using namespace roster;
using namespace std::chrono_literals;
using cli::CheckStatus;

namespace {

dropbox::ApiPing ping(std::chrono::milliseconds latency, std::optional<std::int64_t> date = {}) {
  dropbox::ApiPing p;
  p.status = 200;
  p.latency = latency;
  if (date) p.date = std::chrono::sys_seconds(std::chrono::seconds(*date));
  return p;
}

std::string clock_line(std::int64_t server, std::int64_t local) {
  return cli::format_check(
      cli::judge_clock(ping(0ms, server), std::chrono::sys_seconds(std::chrono::seconds(local))));
}

}  // namespace

TEST_CASE("doctor's latency is the median, and slow from 2 s on", "[cli][doctor]") {
  auto fast = cli::judge_latency("https://x", {ping(900ms), ping(5ms), ping(7ms)});
  CHECK(cli::format_check(fast) ==
        "ok    api: https://x answers, median latency 7 ms over 3 requests");
  auto slow = cli::judge_latency("https://x", {ping(2000ms), ping(2500ms), ping(5ms)});
  CHECK(slow.status == CheckStatus::warn);
  CHECK(slow.detail ==
        "https://x answers, median latency 2000 ms over 3 requests (slow: 2000 ms "
        "or more)");
}

TEST_CASE("doctor's clock check: ok to 1 min, a warning to 5 min, a failure past",
          "[cli][doctor]") {
  CHECK(clock_line(1000, 1000) == "ok    clock: this machine's clock is level with the server's");
  CHECK(clock_line(1000, 1042) ==
        "ok    clock: this machine's clock is 42 s ahead of the server's");
  CHECK(clock_line(1000, 1060) ==
        "ok    clock: this machine's clock is about 1 min ahead of the server's");
  CHECK(clock_line(1000, 1061) ==
        "warn  clock: this machine's clock is about 1 min ahead of the server's (over 1 min)");
  CHECK(clock_line(1300, 1000) ==
        "warn  clock: this machine's clock is about 5 min behind the server's (over 1 min)");
  CHECK(cli::judge_clock(ping(0ms, 1301), std::chrono::sys_seconds(1000s)).status ==
        CheckStatus::fail);
  CHECK(cli::format_check(cli::judge_clock(ping(0ms), std::chrono::sys_seconds(1000s))) ==
        "warn  clock: the server sent no Date header to compare");
}

TEST_CASE("doctor warns when no license is free", "[cli][doctor]") {
  dropbox::TeamInfo info;
  info.num_licensed_users = 10;
  info.num_used_licenses = 7;
  CHECK(cli::format_check(cli::judge_licenses(info)) == "ok    licenses: 3 of 10 free");
  info.num_used_licenses = 11;  // Dropbox can report more used than licensed
  CHECK(cli::format_check(cli::judge_licenses(info)) ==
        "warn  licenses: none of 10 free (11 used): invitations will fail until licenses are "
        "added or members removed");
}
