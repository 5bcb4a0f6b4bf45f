// roster doctor: one line per check of what a live run needs (docs/cli.md, decision 0044).
#include <fmt/format.h>

#include "commands.hpp"
#include "doctor_checks.hpp"
#include "roster/dropbox/scope_needs.hpp"

namespace roster::cli {

namespace {

// How many timed requests the latency is the median of.
constexpr int k_pings = 5;

// Prints each check as it finishes and remembers whether one failed.
struct Report {
  Environment& env;
  bool failed = false;

  void add(const Check& check) {
    env.out << format_check(check) << '\n';
    failed = failed || check.status == CheckStatus::fail;
  }
  void add(CheckStatus status, std::string name, std::string detail) {
    add(Check{status, std::move(name), std::move(detail)});
  }
};

bool is_missing_scope(const core::Error& error) {
  return error.api_tag == "missing_scope";
}

// Reachability, latency and the clock, from a few timed requests; false when unreachable.
bool check_api(dropbox::TeamApi& api, const std::string& url, Report& report) {
  std::vector<dropbox::ApiPing> pings;
  for (int i = 0; i < k_pings; ++i) {
    auto ping = api.ping();
    if (!ping) {
      // Without a token to send (a refused refresh grant), the server was not asked.
      bool token = ping.error().kind == core::ErrorKind::unauthorized;
      report.add(CheckStatus::fail, token ? "token" : "api", ping.error().message);
      return false;
    }
    pings.push_back(*ping);
  }
  report.add(judge_latency(url, pings));
  const std::chrono::sys_seconds local{std::chrono::seconds(report.env.now())};
  report.add(judge_clock(pings.back(), local));
  return true;
}

// Which team and admin the token belongs to; the team's facts, or nullopt when refused.
std::optional<dropbox::TeamInfo> check_token(dropbox::TeamApi& api, Report& report) {
  auto admin = api.get_authenticated_admin();
  if (!admin) {
    report.add(CheckStatus::fail, "token", admin.error().message);
    return std::nullopt;
  }
  auto info = api.get_team_info();
  if (!info) {
    report.add(CheckStatus::fail, "token", info.error().message);
    return std::nullopt;
  }
  report.add(CheckStatus::ok, "token",
             fmt::format("valid: team \"{}\" ({}), admin {} ({})", info->name, info->team_id,
                         admin->email, admin->team_member_id));
  report.add(CheckStatus::ok, "scope team_info.read",
             "proved by team/token/get_authenticated_admin and team/get_info");
  return std::move(*info);
}

// The read scopes, proved by reading; members.read is needed by every plan, groups.read
// only when a manifest lists groups.
void check_read_scopes(dropbox::TeamApi& api, Report& report) {
  std::string cursor;
  auto members = api.list_members_page("", cursor);
  if (members) {
    report.add(CheckStatus::ok, "scope members.read", "proved by team/members/list_v2");
  } else {
    report.add(CheckStatus::fail, "scope members.read", members.error().message);
  }
  auto groups = api.list_groups();
  if (groups) {
    report.add(CheckStatus::ok, "scope groups.read", "proved by team/groups/list");
  } else if (is_missing_scope(groups.error())) {
    report.add(CheckStatus::warn, "scope groups.read",
               "missing: plans of manifests that list groups will fail (team/groups/list, 401 "
               "missing_scope)");
  } else {
    report.add(CheckStatus::fail, "scope groups.read", groups.error().message);
  }
}

// The write scopes, asked with the read-only job polls apply asks before writing
// (decision 0012). A missing one is a warning: a read-only token is right for plan in CI.
void check_write_scopes(dropbox::TeamApi& api, Report& report) {
  const std::vector<dropbox::Write> all(std::begin(dropbox::k_all_writes),
                                        std::end(dropbox::k_all_writes));
  for (const auto& need : dropbox::scope_needs(all)) {
    auto granted = api.check_scopes(need.writes);
    const std::string name = "scope " + need.scope;
    if (granted) {
      report.add(CheckStatus::ok, name, "granted (asked with team/" + need.probe + ")");
    } else if (is_missing_scope(granted.error())) {
      report.add(CheckStatus::warn, name,
                 "missing: plan works, apply cannot call " + need.routes + " (401 missing_scope)");
    } else {
      report.add(CheckStatus::fail, name, granted.error().message);
    }
  }
}

void check_live(const Options& options, Environment& env, Report& report) {
  auto credentials = dropbox::load_credentials(env.getenv, options.token_file);
  if (!credentials) {
    report.add(CheckStatus::fail, "credentials", credentials.error().message);
    return;
  }
  report.add(CheckStatus::ok, "credentials", "from " + credentials->source);
  auto config = client_config(options, env);
  if (!config) {
    report.failed = true;
    return;
  }
  config->timeout = options.doctor_timeout;
  LiveTeam live;
  live.stop.set_deadline(live.clock.now() + options.doctor_timeout);
  auto api = dropbox::make_http_team_api(*config, std::move(*credentials), live.stop, live.gate);
  if (!api) {
    report.add(CheckStatus::fail, "api", api.error().message);
    return;
  }
  if (!check_api(**api, config->api_url, report)) return;
  auto info = check_token(**api, report);
  if (!info) return;
  check_read_scopes(**api, report);
  check_write_scopes(**api, report);
  report.add(judge_licenses(*info));
}

// The same validation as `roster validate`, in one line: the first error and a count.
Check check_manifest(const std::string& path) {
  auto loaded = manifest::load_manifest(path);
  const auto& found = loaded.diagnostics;
  if (!found.has_errors()) {
    return {CheckStatus::ok, "manifest",
            fmt::format("{}: valid: {} members in {} file{}", path, loaded.team.members.size(),
                        loaded.files.size(), loaded.files.size() == 1 ? "" : "s")};
  }
  std::string first;
  for (const auto& d : found.items()) {
    if (d.severity == core::Severity::error) {
      first = core::format_diagnostic(d);
      break;
    }
  }
  if (found.error_count() > 1) {
    first += fmt::format(" (and {} more: roster validate -f {} lists them)",
                         found.error_count() - 1, path);
  }
  return {CheckStatus::fail, "manifest", first};
}

}  // namespace

ExitCode run_doctor(const Options& options, Environment& env) {
  Report report{env};
  check_live(options, env, report);
  if (!options.manifest_path.empty()) report.add(check_manifest(options.manifest_path));
  return report.failed ? ExitCode::error : ExitCode::success;
}

}  // namespace roster::cli
