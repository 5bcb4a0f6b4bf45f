#include "commands.hpp"
#include "roster/core/file.hpp"
#include "roster/manifest/import_csv.hpp"
#include "roster/render/render_diagnostics.hpp"
#include "roster/render/render_members.hpp"

namespace roster::cli {

ExitCode run_import_csv(const Options& options, Environment& env) {
  const std::string& path = *options.input_file;
  auto text = core::read_file(path);
  if (!text) return fail(env, "cannot read " + path + ": " + text.error().message);
  auto imported = manifest::import_csv(*text, path);
  render::render_diagnostics(imported.diagnostics, render::Format::human, env.err);
  if (imported.diagnostics.has_errors()) return ExitCode::error;
  render::render_members_yaml(imported.members,
                              "members imported from " + path + " by roster import-csv", env.out);
  return ExitCode::success;
}

}  // namespace roster::cli
