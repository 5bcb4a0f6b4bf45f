#include "commands.hpp"

namespace roster::cli {

ExitCode run_validate(const Options& options, Environment& env) {
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
