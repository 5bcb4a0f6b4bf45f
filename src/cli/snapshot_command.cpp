// `roster snapshot -o FILE`: the live team as Dropbox lists it, for `plan --observed`,
// `rehearse --observed` and `roster-emulator --seed` (docs/cli.md).
#include "commands.hpp"
#include "roster/core/file.hpp"
#include "roster/dropbox/take_snapshot.hpp"
#include "signals.hpp"

namespace roster::cli {

std::optional<dropbox::TakenSnapshot> take_live_snapshot(const Options& options, Environment& env) {
  auto credentials = dropbox::load_credentials(env.getenv, options.token_file);
  if (!credentials) {
    fail(env, credentials.error().message);
    return std::nullopt;
  }
  auto config = client_config(options, env);
  if (!config) return std::nullopt;
  core::SystemClock clock;
  core::RunStop stop{clock};
  core::RateGate gate;
  stop.set_deadline(clock.now() + options.timeout);  // --timeout bounds the whole read
  auto reads = dropbox::make_http_wire_reads(*config, std::move(*credentials), stop, gate);
  if (!reads) {
    fail(env, reads.error().message);
    return std::nullopt;
  }
  ArmedSignals armed(env.signals, stop);  // Ctrl-C stops the reads, not the process
  auto taken = dropbox::take_snapshot(**reads, model::format_timestamp(env.now()));
  if (!taken) {
    fail(env, taken.error().message);
    return std::nullopt;
  }
  return std::move(*taken);
}

ExitCode run_snapshot(const Options& options, Environment& env) {
  auto taken = take_live_snapshot(options, env);
  if (!taken) return ExitCode::error;
  auto written = core::write_file_atomically(*options.output_path, taken->text);
  if (!written)
    return fail(env, "cannot write " + *options.output_path + ": " + written.error().message);
  env.err << "roster: wrote a snapshot of " << taken->members << " member records to "
          << *options.output_path << '\n';
  return ExitCode::success;
}

}  // namespace roster::cli
