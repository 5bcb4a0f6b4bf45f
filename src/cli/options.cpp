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

}  // namespace

ParsedCommandLine parse_options(const std::vector<std::string>& args) {
  Options options;
  CLI::App app{"roster: declarative membership for Dropbox teams", "roster"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "roster " ROSTER_VERSION);

  auto* validate = app.add_subcommand("validate", "Check a manifest and report every problem");
  validate->add_option("-f,--file", options.manifest_path, "Manifest file or directory")
      ->required();

  auto* plan = app.add_subcommand("plan", "Show the changes that would make the team match");
  plan->add_option("-f,--file", options.manifest_path, "Manifest file or directory")->required();
  plan->add_option("--observed", options.observed_path,
                   "Plan offline against a saved listing {\"members\": [TeamMemberInfoV2...]}");
  plan->add_flag("--detailed-exitcode", options.detailed_exitcode,
                 "Exit 2 when the plan has changes (0: none, 1: error, 3: refused)");
  plan->add_option("--max-removal-fraction", options.max_removal_fraction,
                   "Override policy.max_removal_fraction for this run")
      ->check(CLI::Range(0.0, 1.0));

  app.add_subcommand("version", "Print roster's version");

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  ParsedCommandLine result;
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    result.output = app.help();
    for (auto* sub : {validate, plan}) {
      if (sub->parsed()) result.output = sub->help();
    }
    return result;
  } catch (const CLI::CallForVersion& e) {
    result.output = "roster " ROSTER_VERSION "\n";
    return result;
  } catch (const CLI::ParseError& e) {
    result.is_error = true;
    result.output = one_line(e.what());
    return result;
  }
  if (validate->parsed()) options.command = Command::validate;
  if (plan->parsed()) options.command = Command::plan;
  result.options = options;
  return result;
}

}  // namespace roster::cli
