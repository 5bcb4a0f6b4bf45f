#include <sstream>

#include "commands.hpp"
#include "roster/core/file.hpp"
#include "roster/model/observed.hpp"
#include "roster/plan/export_manifest.hpp"
#include "roster/render/render_manifest.hpp"

namespace roster::cli {

ExitCode run_export(const Options& options, Environment& env) {
  auto live = connect(options, env);
  if (!live) return ExitCode::error;
  // Export writes every access key: groups with their members, and quotas.
  auto observed = observe(*live, env, dropbox::ObserveOptions::everything());
  if (!observed) return ExitCode::error;
  model::DesiredTeam team = plan::export_manifest(*observed);
  std::ostringstream text;
  if (options.export_format == "json") {
    render::render_manifest_json(team, text);
  } else {
    render::render_manifest_yaml(
        team,
        "Exported by roster " ROSTER_VERSION " from team \"" + observed->team_name.value_or("?") +
            "\" (" + observed->team_id.value_or("?") + ") at " + model::format_timestamp(env.now()),
        text);
  }
  if (!options.output_path) {
    env.out << text.str();
    return ExitCode::success;
  }
  auto written = core::write_file_atomically(*options.output_path, text.str());
  if (!written)
    return fail(env, "cannot write " + *options.output_path + ": " + written.error().message);
  env.err << "roster: wrote " << team.members.size() << " members to " << *options.output_path
          << '\n';
  return ExitCode::success;
}

}  // namespace roster::cli
