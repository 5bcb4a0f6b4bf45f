#include "options.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>

namespace roster::cli {

namespace {

// CLI11 reports "--observed: 1 required TEXT missing"; keep its words, on one line.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ')
    text.pop_back();
  return text;
}

void add_manifest_option(CLI::App* command, Options& options) {
  command->add_option("-f,--file", options.manifest_path, "Manifest file or directory")->required();
}

void add_guard_override(CLI::App* command, Options& options) {
  command
      ->add_option("--max-removal-fraction", options.max_removal_fraction,
                   "Override policy.max_removal_fraction for this run (0 to 1)")
      ->check(CLI::Range(0.0, 1.0));
}

}  // namespace

ParsedCommandLine parse_options(const std::vector<std::string>& args) {
  Options options;
  CLI::App app{"roster: declarative membership for Dropbox teams", "roster"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the command name
  app.set_version_flag("--version", "roster " ROSTER_VERSION);
  app.add_option("--api-url", options.api_url,
                 "Dropbox API base URL (default https://api.dropboxapi.com; http:// only on "
                 "loopback, e.g. roster-emulator)");
  app.add_option("--token-file", options.token_file,
                 "File holding the access token (else DROPBOX_TOKEN, or DROPBOX_REFRESH_TOKEN + "
                 "DROPBOX_APP_KEY + DROPBOX_APP_SECRET)");
  app.add_option("--parallelism", options.parallelism, "Requests in flight at most during apply")
      ->check(CLI::Range(1, 64));

  auto* validate = app.add_subcommand("validate", "Check a manifest and report every problem");
  add_manifest_option(validate, options);

  auto* plan = app.add_subcommand("plan", "Show the changes that would make the team match");
  add_manifest_option(plan, options);
  plan->add_option("--observed", options.observed_path,
                   "Plan offline against a saved listing {\"members\": [TeamMemberInfoV2...]}");
  plan->add_flag("--detailed-exitcode", options.detailed_exitcode,
                 "Exit 2 when the plan has changes (0: none, 1: error, 3: refused)");
  add_guard_override(plan, options);

  auto* apply = app.add_subcommand("apply", "Re-plan from the live team, confirm, then execute");
  add_manifest_option(apply, options);
  apply->add_flag("--auto-approve", options.auto_approve,
                  "Apply without asking (required when stdin is not a terminal)");
  add_guard_override(apply, options);

  auto* export_team = app.add_subcommand("export", "Write the live team as a manifest");
  export_team->add_option("-o,--output", options.output_path, "File to write (default: stdout)");
  export_team->add_option("--format", options.export_format, "yaml or json")
      ->check(CLI::IsMember({"yaml", "json"}));

  app.add_subcommand("version", "Print roster's version");

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  ParsedCommandLine result;
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    result.output = app.help();
    for (auto* sub : {validate, plan, apply, export_team}) {
      if (sub->parsed()) result.output = sub->help();
    }
    return result;
  } catch (const CLI::CallForVersion&) {
    result.output = "roster " ROSTER_VERSION "\n";
    return result;
  } catch (const CLI::ParseError& e) {
    result.is_error = true;
    result.output = one_line(e.what());
    return result;
  }
  if (validate->parsed()) options.command = Command::validate;
  if (plan->parsed()) options.command = Command::plan;
  if (apply->parsed()) options.command = Command::apply;
  if (export_team->parsed()) options.command = Command::export_team;
  result.options = options;
  return result;
}

}  // namespace roster::cli
