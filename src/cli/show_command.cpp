#include "commands.hpp"
#include "roster/render/render_diagnostics.hpp"
#include "roster/render/render_plan.hpp"

namespace roster::cli {

ExitCode run_show(const Options& options, Environment& env) {
  auto loaded = planfile::read_saved_plan(*options.plan_file);
  render::render_diagnostics(loaded.diagnostics, render::Format::human, env.err);
  if (!loaded.saved) return ExitCode::error;
  render::render_plan(*loaded.saved, options.format, output_style(env), env.out);
  return ExitCode::success;
}

}  // namespace roster::cli
