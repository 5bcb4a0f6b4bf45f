// with_retries and the rate gate with a manual clock: bounded waits, honest attempts.
#include <catch2/catch.hpp>

#include <deque>

#include "roster/core/retry.hpp"
#include "support/fake_team_api.hpp"

using namespace roster;
using namespace std::chrono;

namespace {

// A call that fails with the scripted errors, in order, then succeeds with 42.
struct Scripted {
  std::deque<core::Error> errors;
  int calls = 0;
  core::Result<int> operator()() {
    ++calls;
    if (errors.empty()) return 42;
    auto e = errors.front();
    errors.pop_front();
    return e;
  }
};

core::Error rate_limited(seconds wait) {
  auto e = core::make_error(core::ErrorKind::rate_limited,
                            "rate limited by Dropbox on team/members/suspend (429), retry after " +
                                std::to_string(wait.count()) + " s");
  e.retry_after = wait;
  return e;
}

struct Fixture {
  test::ManualClock clock;
  core::RunStop stop{clock};
  core::RateGate gate;
  core::RetryPolicy policy;

  core::Retried<int> run(Scripted& call) {
    return core::with_retries<int>(policy, stop, gate, [&] { return call(); });
  }
};

}  // namespace

TEST_CASE("a Retry-After within --max-retry-wait is waited for", "[retry]") {
  Fixture f;
  Scripted call{{rate_limited(seconds(300))}};
  auto r = f.run(call);
  REQUIRE(r.result);
  CHECK(r.attempts == 2);
  CHECK(f.clock.slept() == seconds(300));
}

TEST_CASE("a longer Retry-After fails the call at once with that reason", "[retry]") {
  Fixture f;
  f.policy.max_retry_wait = seconds(60);
  Scripted call{{rate_limited(seconds(3600))}};
  auto r = f.run(call);
  REQUIRE_FALSE(r.result);
  CHECK(r.attempts == 1);
  CHECK(f.clock.slept() == seconds(0));  // not slept through
  CHECK(r.result.error().kind == core::ErrorKind::rate_limited);
  CHECK(r.result.error().message ==
        "rate limited by Dropbox on team/members/suspend (429), retry after 3600 s; not retried: "
        "longer than the 60 s roster waits at most (--max-retry-wait)");
  CHECK_FALSE(core::is_retryable(r.result.error()));

  // The gate stays closed for everyone: the next call is not even sent.
  Scripted next{};
  auto n = f.run(next);
  REQUIRE_FALSE(n.result);
  CHECK(next.calls == 0);
  CHECK(n.attempts == 0);
  CHECK(n.result.error().message ==
        "not sent: Dropbox asked to wait 3600 s (Retry-After), longer than the 60 s roster waits "
        "at most (--max-retry-wait)");
}

TEST_CASE("a huge Retry-After from a 5xx is refused without overflow", "[retry]") {
  Fixture f;
  auto e = core::make_error(core::ErrorKind::unavailable, "Dropbox server error 503 on team/x");
  e.retry_after = seconds(1'000'000'000);
  Scripted call{{e}};
  auto r = f.run(call);
  REQUIRE_FALSE(r.result);
  CHECK(r.result.error().message ==
        "Dropbox server error 503 on team/x; not retried: Dropbox asked to wait 1000000000 s "
        "(Retry-After), longer than the 300 s roster waits at most (--max-retry-wait)");
  CHECK(f.clock.slept() == seconds(0));
}

TEST_CASE("attempts are bounded and unavailability is marked ambiguous, rate limits not",
          "[retry]") {
  Fixture f;
  auto unavailable = core::make_error(core::ErrorKind::unavailable, "dropped");
  Scripted limited{{rate_limited(seconds(1)), rate_limited(seconds(1))}};
  auto a = f.run(limited);
  CHECK(a.result);
  CHECK(a.attempts == 3);
  CHECK_FALSE(a.ambiguous);
  Scripted dropped{{rate_limited(seconds(1)), unavailable}};
  auto b = f.run(dropped);
  CHECK(b.result);
  CHECK(b.ambiguous);
  Scripted down{std::deque<core::Error>(10, unavailable)};
  auto c = f.run(down);
  CHECK_FALSE(c.result);
  CHECK(c.attempts == f.policy.max_attempts);
  CHECK(down.calls == f.policy.max_attempts);
}

TEST_CASE("a run's deadline cuts a wait short and nothing more is sent", "[retry][stop]") {
  Fixture f;
  f.stop.set_deadline(f.clock.now() + seconds(100));
  Scripted call{{rate_limited(seconds(250))}};
  auto r = f.run(call);
  REQUIRE_FALSE(r.result);
  CHECK(call.calls == 1);
  CHECK(f.clock.slept() == seconds(100));  // up to the deadline, not the 250 s asked
  CHECK(f.stop.reason() == core::StopReason::timeout);
  CHECK(r.result.error().message ==
        "rate limited by Dropbox on team/members/suspend (429), retry after 250 s; not retried: "
        "the run's time limit (--timeout) was reached");
  Scripted later{};
  auto n = f.run(later);
  CHECK(later.calls == 0);
  CHECK(n.attempts == 0);
  CHECK(n.result.error().message == "not sent: the run's time limit (--timeout) was reached");
}

TEST_CASE("a stop request wakes a real sleep at once", "[retry][stop]") {
  core::SystemClock clock;
  core::RunStop stop{clock};
  std::thread stopper([&] {
    std::this_thread::sleep_for(milliseconds(50));
    stop.request(core::StopReason::interrupted);
  });
  auto started = steady_clock::now();
  CHECK_FALSE(stop.sleep_for(minutes(10)));
  stopper.join();
  CHECK(steady_clock::now() - started < seconds(5));
  CHECK(stop.reason() == core::StopReason::interrupted);
  CHECK_FALSE(stop.sleep_for(minutes(10)));  // every later wait returns at once
  stop.set_deadline(clock.now());            // the first reason is kept
  CHECK(stop.reason() == core::StopReason::interrupted);
}
