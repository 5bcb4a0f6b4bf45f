#include "commands.hpp"
#include "roster/render/render_diagnostics.hpp"

namespace roster::cli {

ExitCode run_validate(const Options& options, Environment& env) {
  if (options.format == render::Format::json) {
    auto loaded = manifest::load_manifest(options.manifest_path);
    bool valid = !loaded.diagnostics.has_errors();
    render::render_validation_json(loaded.diagnostics, valid ? loaded.team.members.size() : 0,
                                   loaded.files, env.out);
    return valid ? ExitCode::success : ExitCode::error;
  }
  auto loaded = load_valid_manifest(options.manifest_path, env);
  if (!loaded) return ExitCode::error;
  std::size_t counts[3] = {};
  for (const auto& m : loaded->team.members)
    counts[static_cast<int>(m.state)]++;
  env.out << options.manifest_path << ": valid: " << loaded->team.members.size() << " members ("
          << counts[0] << " active, " << counts[1] << " suspended, " << counts[2] << " removed) in "
          << loaded->files.size() << (loaded->files.size() == 1 ? " file" : " files") << '\n';
  return ExitCode::success;
}

ExitCode run_version(const Options&, Environment& env) {
  env.out << "roster " ROSTER_VERSION "\n";
  return ExitCode::success;
}

}  // namespace roster::cli
