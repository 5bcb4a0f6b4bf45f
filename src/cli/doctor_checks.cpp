#include "doctor_checks.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>

namespace roster::cli {

namespace {

const char* status_name(CheckStatus status) {
  switch (status) {
    case CheckStatus::ok:
      return "ok";
    case CheckStatus::warn:
      return "warn";
    case CheckStatus::fail:
      return "fail";
  }
  return "fail";
}

// "42 s" under a minute, else whole minutes ("about 10 min"): the Date header counts whole
// seconds, so a second either way is noise, and past a minute only the order matters.
std::string describe_skew(std::chrono::seconds skew) {
  const auto size = skew < skew.zero() ? -skew : skew;
  if (size.count() == 0) return "level with the server's";
  const char* side = skew < skew.zero() ? "behind" : "ahead of";
  if (size < std::chrono::minutes(1))
    return fmt::format("{} s {} the server's", size.count(), side);
  return fmt::format("about {} min {} the server's", (size.count() + 30) / 60, side);
}

}  // namespace

std::string format_check(const Check& check) {
  return fmt::format("{:<6}{}: {}", status_name(check.status), check.name, check.detail);
}

Check judge_latency(const std::string& api_url, const std::vector<dropbox::ApiPing>& pings) {
  std::vector<std::chrono::milliseconds> latencies;
  for (const auto& ping : pings)
    latencies.push_back(ping.latency);
  std::sort(latencies.begin(), latencies.end());
  const auto median = latencies[latencies.size() / 2];
  Check check{CheckStatus::ok, "api",
              fmt::format("{} answers, median latency {} ms over {} requests", api_url,
                          median.count(), latencies.size())};
  if (median >= k_slow_latency) {
    check.status = CheckStatus::warn;
    check.detail += fmt::format(" (slow: {} ms or more)", k_slow_latency.count());
  }
  return check;
}

Check judge_clock(const dropbox::ApiPing& ping, std::chrono::sys_seconds local) {
  if (!ping.date) return {CheckStatus::warn, "clock", "the server sent no Date header to compare"};
  // Positive: this machine is ahead of the server.
  const auto skew = local - *ping.date;
  Check check{CheckStatus::ok, "clock", "this machine's clock is " + describe_skew(skew)};
  const auto size = skew < skew.zero() ? -skew : skew;
  if (size > k_skew_fail) {
    check.status = CheckStatus::fail;
    check.detail += fmt::format(
        " (over {} min: dates in plans, grace periods and recovery "
        "windows would be judged wrongly; set the clock, e.g. with NTP)",
        k_skew_fail.count() / 60);
  } else if (size > k_skew_warn) {
    check.status = CheckStatus::warn;
    check.detail += fmt::format(" (over {} min)", k_skew_warn.count() / 60);
  }
  return check;
}

Check judge_licenses(const dropbox::TeamInfo& info) {
  const auto licensed = info.num_licensed_users;
  const auto used = info.num_used_licenses;
  const auto free = licensed > used ? licensed - used : 0;
  if (free > 0) {
    return {CheckStatus::ok, "licenses", fmt::format("{} of {} free", free, licensed)};
  }
  return {CheckStatus::warn, "licenses",
          fmt::format("none of {} free ({} used): invitations will fail until licenses are added "
                      "or members removed",
                      licensed, used)};
}

}  // namespace roster::cli
