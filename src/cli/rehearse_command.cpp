// `roster rehearse -f MANIFEST [--observed SNAPSHOT]`: the manifest applied to an emulated
// copy of the team (roster::emulator, in-process on loopback), never to the team itself.
// The only requests the real team sees are the snapshot's reads (docs/cli.md,
// docs/decisions/0056).
#include <stdlib.h>

#include <filesystem>
#include <random>

#include "commands.hpp"
#include "observe_options.hpp"
#include "rehearsal_text.hpp"
#include "roster/core/file.hpp"
#include "roster/dropbox/snapshot.hpp"
#include "roster/emulator/emulator.hpp"
#include "roster/render/render_diagnostics.hpp"

namespace roster::cli {

namespace {

// A private directory for the emulator's state and the rehearsal's journal, removed with
// everything in it when the rehearsal ends.
class ScratchDir {
 public:
  ScratchDir() {
    std::error_code error;  // an unusable TMPDIR is a failed ok(), not an exception
    auto base = std::filesystem::temp_directory_path(error);
    if (error) return;
    std::string pattern = (base / "roster-rehearse-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) m_path = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    if (!m_path.empty()) std::filesystem::remove_all(m_path, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  [[nodiscard]] bool ok() const { return !m_path.empty(); }
  [[nodiscard]] std::string file(const char* name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

// The token of the emulated team's admin: random, so that no other process guesses it.
std::string random_token() {
  std::random_device device;
  std::string token = "rehearsal-";
  for (int i = 0; i < 32; ++i)
    token += "0123456789abcdef"[device() % 16];
  return token;
}

// The snapshot to rehearse on: --observed, else a fresh one of the live team.
std::optional<std::string> snapshot_text(const Options& options, Environment& env) {
  if (!options.observed_path) {
    auto taken = take_live_snapshot(options, env);
    if (!taken) return std::nullopt;
    return std::move(taken->text);
  }
  auto text = core::read_file(*options.observed_path);
  if (!text) {
    fail(env, "cannot read " + *options.observed_path + ": " + text.error().message);
    return std::nullopt;
  }
  return std::move(*text);
}

// The snapshot read as plan --observed reads it. Only a document `roster snapshot` wrote
// carries what the emulator needs (the token's admin, the team's facts), so a hand-made
// listing is refused.
std::optional<model::ObservedTeam> read_rehearsal_snapshot(const std::string& text,
                                                           const Options& options,
                                                           Environment& env) {
  const std::string name = options.observed_path.value_or("the snapshot");
  auto snapshot = dropbox::read_snapshot_text(text, name);
  render::render_diagnostics(snapshot.diagnostics, render::Format::human, env.err);
  if (snapshot.diagnostics.has_errors()) return std::nullopt;
  if (!snapshot.has_snapshot_format) {
    fail(env, name +
                  " is not a snapshot written by `roster snapshot` (no snapshot_format); "
                  "rehearse needs the team's facts it records");
    return std::nullopt;
  }
  return std::move(snapshot.team);
}

// Starts the emulator on the snapshot; an error names the snapshot, not the scratch copy.
std::unique_ptr<emulator::Emulator> start_emulator(const emulator::EmulatorOptions& options,
                                                   const std::string& text, const std::string& name,
                                                   Environment& env) {
  if (auto written = core::write_file_atomically(options.seed_path, text); !written) {
    fail(env, "cannot write the rehearsal's seed: " + written.error().message);
    return nullptr;
  }
  auto started = emulator::Emulator::start(options);
  if (started) return std::move(*started);
  std::string message = started.error().message;
  for (auto at = message.find(options.seed_path); at != std::string::npos;
       at = message.find(options.seed_path, at + name.size())) {
    message.replace(at, options.seed_path.size(), name);
  }
  fail(env, "cannot start the rehearsal's emulator: " + message);
  return nullptr;
}

// The rehearsal's client: the real one, against the emulator, with the emulator's token.
std::unique_ptr<LiveTeam> connect_emulated(const emulator::Emulator& emulated,
                                           const std::string& token, const Options& options,
                                           Environment& env) {
  auto config = client_config(options, env);
  if (!config) return nullptr;
  config->api_url = emulated.url();
  config->ca_file.clear();
  auto live = std::make_unique<LiveTeam>();
  dropbox::Credentials credentials;
  credentials.access_token = token;
  credentials.source = "the rehearsal's emulator";
  auto api = dropbox::make_http_team_api(*config, std::move(credentials), live->stop, live->gate);
  if (!api) {
    fail(env, api.error().message);
    return nullptr;
  }
  live->api = std::move(*api);
  live->stop.set_deadline(live->clock.now() + options.timeout);
  return live;
}

void print_summary(const model::ObservedTeam& before, const model::ObservedTeam& after,
                   const plan::Plan& applied, const plan::Plan& second, Environment& env) {
  env.out << "\nTeam before: " << team_counts(before) << "\nTeam after:  " << team_counts(after)
          << '\n';
  if (second.has_changes()) {
    const std::size_t n = second.steps.size();
    env.out << "Second plan: " << n << (n == 1 ? " change remains" : " changes remain")
            << " (the manifest does not converge in one apply)\n";
  } else {
    env.out << "Second plan: no changes (the manifest converges)\n";
  }
  auto limits = rehearsal_limits(applied);
  if (limits.empty()) return;
  env.out << "\nNot rehearsed (the emulator cannot know Dropbox's answer):\n";
  for (const auto& line : limits)
    env.out << "  - " << line << '\n';
}

}  // namespace

ExitCode run_rehearse(const Options& options, Environment& env) {
  auto desired = load_valid_manifest(options.manifest_path, env);
  if (!desired) return ExitCode::error;
  auto text = snapshot_text(options, env);
  if (!text) return ExitCode::error;
  if (!read_rehearsal_snapshot(*text, options, env)) return ExitCode::error;

  ScratchDir dir;
  if (!dir.ok()) return fail(env, "cannot create a directory for the rehearsal's emulator");
  emulator::EmulatorOptions emulated_options;
  emulated_options.seed_path = dir.file("snapshot.json");
  emulated_options.state_path = dir.file("state.json");
  emulated_options.token = random_token();
  auto emulated =
      start_emulator(emulated_options, *text, options.observed_path.value_or("the snapshot"), env);
  if (!emulated) return ExitCode::error;
  auto live = connect_emulated(*emulated, emulated_options.token, options, env);
  if (!live) return ExitCode::error;

  const auto what = observe_options_for(desired->team);
  auto observed = observe(*live, env, what);
  if (!observed) return ExitCode::error;
  if (!targets_are_known(options, *desired, *observed, env)) return ExitCode::error;
  env.out << "Rehearsal on an emulated copy of team \"" << observed->team_name.value_or("?")
          << "\": the team itself is not changed.\n\n";
  auto saved = make_saved_plan(*desired, *observed, "rehearsal", options, env);
  show_plan(saved, render::Format::human, env);
  if (saved.plan.is_refused()) return ExitCode::refused;
  ExitCode code = ExitCode::success;
  if (saved.plan.has_changes()) {
    Options rehearsal = options;
    rehearsal.journal_path = dir.file("journal.jsonl");  // the real team's journal is untouched
    rehearsal.format = render::Format::human;
    code = execute_plan(saved, *observed, "rehearsal", *live, rehearsal, env);
  }
  auto after = observe(*live, env, what);
  if (!after) return ExitCode::error;
  auto second = plan::make_plan(desired->team, *after,
                                plan::PlanOptions{env.now(), options.max_removal_fraction,
                                                  options.max_demotions, options.targets});
  print_summary(*observed, *after, saved.plan, second, env);
  return code;
}

}  // namespace roster::cli
