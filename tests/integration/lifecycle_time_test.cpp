// Time in the plan (issue 10) end to end: the real CLI and client against roster-emulator,
// whose clock is advanced (POST /_emulator/clock) in step with the clock roster plans with.
#include <catch2/catch.hpp>

#include <ctime>
#include <regex>
#include <sstream>

#include "live_support.hpp"
#include "support/emulator_runner.hpp"
#include "support/seed.hpp"

using namespace roster;
using test::CliRun;
using test::EmulatorRunner;
using test::SeedMember;

namespace {

constexpr long k_day = 86400;

// roster and the emulator on one clock: the emulator runs on real time plus the offset
// it was advanced by, and so does every roster command run here.
class Clocked {
 public:
  explicit Clocked(EmulatorRunner& emulator) : m_emulator(emulator) {}

  [[nodiscard]] model::Timestamp now() const { return std::time(nullptr) + m_offset; }
  void advance(long seconds) {
    m_emulator.advance_clock(seconds);
    m_offset += seconds;
  }
  [[nodiscard]] std::string day_after(long days) const {
    return model::format_date(now() + days * k_day);
  }

  CliRun operator()(std::vector<std::string> args) {
    args.insert(args.end(), {"--api-url", m_emulator.url()});
    if (args[0] == "apply") {
      args.insert(args.end(),
                  {"--auto-approve", "--journal", m_emulator.dir().file("journal.jsonl")});
    }
    std::istringstream in;
    std::ostringstream out, err;
    auto token = m_emulator.token();
    auto at = now();
    cli::Environment env{in,
                         out,
                         err,
                         false,
                         false,
                         [token](const char* name) {
                           return std::string(name) == "DROPBOX_TOKEN" ? token : std::string();
                         },
                         [at] { return at; }};
    auto code = cli::run(args, env);
    return {code, out.str(), err.str()};
  }

 private:
  EmulatorRunner& m_emulator;
  long m_offset = 0;
};

bool has(const CliRun& run, const std::string& text) {
  return run.out.find(text) != std::string::npos;
}

// A step line of the human plan: "  ~ suspend   ada@acme.com  ...".
bool has_step(const CliRun& run, const std::string& word, const std::string& email) {
  return std::regex_search(run.out, std::regex("\\n  . " + word + " +" + email + " "));
}

}  // namespace

TEST_CASE("staged removal: suspend now, remove on the night the grace period ends",
          "[live][time]") {
  EmulatorRunner emulator(test::make_seed({{"ada@acme.com"}}));
  auto manifest = emulator.dir().write("team.yaml",
                                       "version: 1\n"
                                       "policy: {max_removal_fraction: 1.0}\n"
                                       "members:\n"
                                       "  - email: admin@acme.com\n"
                                       "  - email: ada@acme.com\n"
                                       "    state: removed\n"
                                       "    remove: {after_suspended_days: 30}\n");
  Clocked roster(emulator);
  auto plan = roster({"plan", "-f", manifest, "--detailed-exitcode"});
  CHECK(plan.code == cli::ExitCode::changes);
  CHECK(has_step(plan, "suspend", "ada@acme.com"));
  CHECK(has(plan, "ada@acme.com: remove on " + roster.day_after(30) + ", in 30 days"));
  REQUIRE(roster({"apply", "-f", manifest}).code == cli::ExitCode::success);
  CHECK(emulator.calls("team/members/suspend") == 1);

  // Every night until the period ends: nothing to apply, the removal shown with its date.
  auto waiting = roster({"plan", "-f", manifest, "--detailed-exitcode"});
  CHECK(waiting.code == cli::ExitCode::success);
  CHECK(has(waiting, "in 30 days"));
  roster.advance(29 * k_day);
  waiting = roster({"plan", "-f", manifest, "--detailed-exitcode"});
  CHECK(waiting.code == cli::ExitCode::success);
  CHECK(has(waiting, "ada@acme.com: remove on " + roster.day_after(1) + ", in 1 day"));

  roster.advance(k_day + 60);
  auto due = roster({"plan", "-f", manifest, "--detailed-exitcode"});
  CHECK(due.code == cli::ExitCode::changes);
  CHECK(has(due, "suspended for 30 days (remove.after_suspended_days: 30)"));
  CHECK(has(due, "recoverable until " + roster.day_after(7)));
  REQUIRE(roster({"apply", "-f", manifest}).code == cli::ExitCode::success);
  CHECK(emulator.calls("team/members/remove") == 1);

  auto after = roster({"plan", "-f", manifest, "--detailed-exitcode"});
  CHECK(after.code == cli::ExitCode::success);
  CHECK(has(after, "ada@acme.com: declared removed, already removed; recoverable until " +
                       roster.day_after(7) + " at the latest"));
}

TEST_CASE("stale invitations: resent on day 7 once, cancelled on day 30, not invited again",
          "[live][time]") {
  EmulatorRunner emulator(test::make_seed({}));
  const std::string head =
      "version: 1\n"
      "policy:\n  max_removal_fraction: 1.0\n"
      "  invitations: {resend_after_days: 7, cancel_after_days: 30}\n"
      "members:\n  - email: admin@acme.com\n";
  auto manifest = emulator.dir().write("team.yaml", head + "  - email: ian@acme.com\n");
  Clocked roster(emulator);
  REQUIRE(roster({"apply", "-f", manifest}).code == cli::ExitCode::success);

  roster.advance(7 * k_day + 60);
  auto resend = roster({"plan", "-f", manifest, "--detailed-exitcode"});
  CHECK(resend.code == cli::ExitCode::changes);
  CHECK(has_step(resend, "resend invite", "ian@acme.com"));
  REQUIRE(roster({"apply", "-f", manifest}).code == cli::ExitCode::success);
  CHECK(emulator.calls("team/members/send_welcome_email") == 1);
  roster.advance(k_day);
  CHECK(roster({"plan", "-f", manifest, "--detailed-exitcode"}).code == cli::ExitCode::success);

  roster.advance(22 * k_day);
  auto cancel = roster({"plan", "-f", manifest, "--detailed-exitcode"});
  CHECK(cancel.code == cli::ExitCode::changes);
  CHECK(has(cancel, "invited 30 days ago (policy.invitations.cancel_after_days: 30)"));
  REQUIRE(roster({"apply", "-f", manifest}).code == cli::ExitCode::success);

  // The loop is broken: the next nights invite nobody, and say how to invite again.
  roster.advance(k_day);
  auto after = roster({"plan", "-f", manifest, "--detailed-exitcode"});
  INFO(after.out);
  CHECK(after.code == cli::ExitCode::success);
  CHECK_FALSE(has_step(after, "invite", "ian@acme.com"));
  CHECK(has(after, "set reinvite: true on the member to send a new invitation"));
  auto again =
      emulator.dir().write("team.yaml", head + "  - {email: ian@acme.com, reinvite: true}\n");
  auto reinvite = roster({"plan", "-f", again, "--detailed-exitcode"});
  CHECK(reinvite.code == cli::ExitCode::changes);
  CHECK(has_step(reinvite, "invite", "ian@acme.com"));
}

TEST_CASE("recovery windows: shown while they last, gone after 7 days", "[live][time]") {
  SeedMember gone("frank@acme.com", "removed");
  gone.recoverable = false;
  EmulatorRunner emulator(test::make_seed({{"oops@acme.com", "removed"}, {"carl@acme.com"}, gone}));
  auto manifest = emulator.dir().write("team.yaml",
                                       "version: 1\n"
                                       "policy: {max_removal_fraction: 1.0}\n"
                                       "members:\n"
                                       "  - email: admin@acme.com\n"
                                       "  - {email: carl@acme.com, state: removed}\n"
                                       "  - email: frank@acme.com\n");
  Clocked roster(emulator);
  auto plan = roster({"plan", "-f", manifest});
  CHECK(has(plan,
            "? oops@acme.com: removed outside roster, not in the manifest; recoverable "
            "until " +
                roster.day_after(7) + " at the latest"));
  CHECK(has(plan, "recoverable until " + roster.day_after(7) + "; declared removed"));
  CHECK(has(plan,
            "! frank@acme.com: removed and no longer recoverable: the invitation creates "
            "a new, empty account (the old files are gone or were transferred)"));
  REQUIRE(roster({"apply", "-f", manifest}).code == cli::ExitCode::success);

  roster.advance(8 * k_day);
  auto later = roster({"plan", "-f", manifest});
  CHECK_FALSE(has(later, "oops@acme.com"));
  CHECK_FALSE(has(later, "recoverable until"));
}
