// Running a plan: journal, progress, executor, report. Shared by both forms of apply.
#include <unistd.h>

#include <algorithm>

#include "commands.hpp"
#include "duration.hpp"
#include "request_log_setup.hpp"
#include "roster/apply/apply_plan.hpp"
#include "roster/apply/journal.hpp"
#include "roster/render/render_report.hpp"
#include "signals.hpp"

namespace roster::cli {

namespace {

apply::JournalRun journal_run(const planfile::SavedPlan& saved, const std::string& source,
                              Environment& env) {
  apply::JournalRun run;
  run.run_id = model::format_timestamp(env.now()) + "-" + std::to_string(::getpid());
  run.source = source;
  run.team_id = saved.team_id.value_or("");
  run.team_name = saved.team_name.value_or("");
  run.manifest_digest = saved.manifest_digest;
  return run;
}

// Why the run stopped early, for stderr: the report lists every step it skipped.
void report_stop(const apply::ApplyReport& report, const Options& options, Environment& env) {
  if (!report.stopped) return;
  std::string why = "apply was interrupted";
  if (*report.stopped == core::StopReason::timeout) {
    why = "apply --timeout " + format_duration(options.timeout) + " expired";
  } else if (*report.stopped == core::StopReason::refused) {
    why = "apply stopped: Dropbox refused the token (see the failed step)";
  }
  env.err << "roster: error: " << why << ": " << report.not_started << " of "
          << report.outcomes.size()
          << " steps were not started; run apply again to finish (it plans from the team as it "
             "is now)\n";
}

}  // namespace

ExitCode execute_plan(const planfile::SavedPlan& saved, const model::ObservedTeam& observed,
                      const std::string& source, LiveTeam& live, const Options& options,
                      Environment& env) {
  const auto& plan = saved.plan;
  const bool human = options.format == render::Format::human;
  // Before the first write: a plan the token may not carry out fails here, whole.
  if (auto scopes = apply::check_token_scopes(plan, *live.api); !scopes) {
    return fail(env, scopes.error().message + "; nothing was changed");
  }
  auto file = core::AppendFile::open(options.journal_path);
  if (!file) {
    return fail(env, "cannot open the journal " + options.journal_path + ": " +
                         file.error().message + " (nothing was changed)");
  }
  apply::Journal journal(std::move(*file), plan, journal_run(saved, source, env), env.now);
  if (auto started = journal.run_started(); !started) {
    return fail(env, "cannot write the journal " + options.journal_path + ": " +
                         started.error().message + " (nothing was changed)");
  }

  std::ostream& progress_out = human ? env.out : env.err;
  if (human) env.out << "\nApplying " << plan.steps.size() << " steps:\n";
  auto printer = render::make_progress_printer(plan.steps.size(), output_style(env), progress_out);
  apply::TeeProgress journaled(*printer, journal);
  apply::NullProgress no_log;
  std::optional<StepLog> step_log;
  if (env.log != nullptr) step_log.emplace(*env.log);
  apply::TeeProgress progress(journaled, step_log ? static_cast<apply::ProgressSink&>(*step_log)
                                                  : static_cast<apply::ProgressSink&>(no_log));
  apply::ApplyOptions apply_options;
  // The client bounds requests in flight to --parallelism; tasks waiting on async jobs
  // hold no request, so more of them may be in progress.
  apply_options.workers = std::min(4 * options.parallelism, 64);
  apply_options.retry.max_retry_wait = options.max_retry_wait;
  apply_options.team_roles = observed.available_roles;  // read moments ago: not again
  if (options.no_bulk) apply_options.bulk_suspend_threshold = 0;
  auto report = [&] {
    ArmedSignals armed(env.signals, live.stop);  // Ctrl-C now stops the run, not the process
    return apply::apply_plan(plan, *live.api, apply_options, live.stop, live.gate, progress);
  }();
  auto finished = journal.run_finished(report);

  if (human) {
    render::render_report_human(plan, report, output_style(env), env.out);
  } else {
    render::render_report_json(plan, report, env.out);
  }
  report_stop(report, options, env);
  if (!finished || !journal.failure().empty()) {
    env.err << "roster: warning: the journal " << options.journal_path
            << " is incomplete: " << (finished ? journal.failure() : finished.error().message)
            << '\n';
  }
  return report.all_succeeded() ? ExitCode::success : ExitCode::partial;
}

}  // namespace roster::cli
