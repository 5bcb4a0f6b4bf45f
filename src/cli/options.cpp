#include "options.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <map>

#include "duration.hpp"
#include "request_log_setup.hpp"
#include "roster/model/email.hpp"

namespace roster::cli {

namespace {

// CLI11 reports "--observed: 1 required TEXT missing"; keep its words, on one line.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ')
    text.pop_back();
  return text;
}

CLI::Option* add_manifest_option(CLI::App* command, Options& options) {
  return command->add_option("-f,--file", options.manifest_path, "Manifest file or directory");
}

void add_guard_override(CLI::App* command, Options& options) {
  command
      ->add_option("--max-removal-fraction", options.max_removal_fraction,
                   "Override policy.max_removal_fraction for this run (0 to 1)")
      ->check(CLI::Range(0.0, 1.0));
  command
      ->add_option("--max-demotions", options.max_demotions,
                   "Override policy.max_demotions for this run: how many admins the plan may "
                   "demote")
      ->check(CLI::Range(0, 1000000));
}

void add_target(CLI::App* command, Options& options) {
  command->add_option("--target", options.targets,
                      "Plan only the changes about this member (email; repeatable); the others "
                      "are counted and left out");
}

// --target emails, normalised; an error message for one that is no email address, or "".
std::string read_targets(std::vector<std::string>& targets) {
  for (auto& t : targets) {
    if (!model::is_valid_email(t)) return "--target: \"" + t + "\" is not an email address";
    t = model::normalise_email(t);
  }
  return "";
}

void add_format(CLI::App* command, Options& options, const std::vector<std::string>& names) {
  static const std::map<std::string, render::Format> k_formats = {
      {"human", render::Format::human},
      {"json", render::Format::json},
      {"markdown", render::Format::markdown},
      {"html", render::Format::html}};
  std::map<std::string, render::Format> allowed;
  std::string list;
  for (const auto& n : names) {
    allowed.emplace(n, k_formats.at(n));
    list += (list.empty() ? "" : "|") + n;
  }
  command->add_option("--format", options.format, "Output format: " + list)
      ->transform(CLI::CheckedTransformer(allowed, CLI::ignore_case));
}

// A duration flag's text, checked against its range; an error message, or "".
std::string read_duration(const std::string& flag, const std::string& text,
                          std::chrono::seconds low, std::chrono::seconds high,
                          std::chrono::seconds& out) {
  if (text.empty()) return "";
  auto duration = parse_duration(text);
  if (!duration) {
    return flag + ": \"" + text +
           "\" is not a duration (use whole numbers with a unit, e.g. 90s, 30m, 1h or 1h30m)";
  }
  if (*duration < low || *duration > high) {
    return flag + " " + text + " is out of range (" + format_duration(low) + " to " +
           format_duration(high) + ")";
  }
  out = *duration;
  return "";
}

// --log-level and --log-format texts into options; an error message, or "".
std::string read_log_options(const std::string& level, const std::string& format,
                             Options& options) {
  if (!level.empty()) {
    options.log_level = parse_log_level(level);
    if (!options.log_level) {
      return "--log-level: \"" + level + "\" is not a log level (use debug, info or warn)";
    }
  }
  if (format == "text") options.log_format = core::LogFormat::text;
  if (format == "json") options.log_format = core::LogFormat::json;
  if (!format.empty() && !options.log_format) {
    return "--log-format: \"" + format + "\" is not a log format (use text or json)";
  }
  return "";
}

}  // namespace

ParsedCommandLine parse_options(const std::vector<std::string>& args) {
  Options options;
  CLI::App app{"roster: declarative membership for Dropbox teams", "roster"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the command name
  app.set_version_flag("--version", "roster " ROSTER_VERSION);
  app.add_option("--api-url", options.api_url,
                 "Dropbox API base URL (default: ROSTER_API_URL, else "
                 "https://api.dropboxapi.com; http:// only on loopback, e.g. roster-emulator)");
  app.add_option("--token-file", options.token_file,
                 "File holding the access token (else DROPBOX_TOKEN, or DROPBOX_REFRESH_TOKEN + "
                 "DROPBOX_APP_KEY + DROPBOX_APP_SECRET)");
  app.add_option("--ca-file", options.ca_file,
                 "PEM file of the only CAs to trust for https (else SSL_CERT_FILE, else the "
                 "system's)");
  app.add_option("--parallelism", options.parallelism, "Requests in flight at most during apply")
      ->check(CLI::Range(1, 64));
  std::string retry_wait_text;
  app.add_option("--max-retry-wait", retry_wait_text,
                 "Longest Retry-After to wait for (default 5m, at most 24h); a longer one fails "
                 "the call");

  std::string log_level_text;
  std::string log_format_text;
  app.add_option("--log-level", log_level_text,
                 "Log API requests and apply steps: debug (every request), info (writes, "
                 "failures, retries, steps) or warn (failures); default ROSTER_LOG, else none");
  app.add_option("--log-file", options.log_file,
                 "Append the request log to this file (default stderr; implies info)");
  app.add_option("--log-format", log_format_text, "Request log lines: text or json");

  auto* validate = app.add_subcommand("validate", "Check a manifest and report every problem");
  add_manifest_option(validate, options)->required();
  add_format(validate, options, {"human", "json"});

  auto* plan = app.add_subcommand("plan", "Show the changes that would make the team match");
  add_manifest_option(plan, options)->required();
  plan->add_option("--observed", options.observed_path,
                   "Plan offline against a saved listing {\"members\": [TeamMemberInfoV2...]}");
  plan->add_option("--out", options.out_path, "Save the plan for `roster apply PLANFILE`");
  plan->add_flag("--detailed-exitcode", options.detailed_exitcode,
                 "Exit 2 when the plan has changes or the team has drift");
  add_guard_override(plan, options);
  add_target(plan, options);
  add_format(plan, options, {"human", "json", "markdown"});

  auto* apply = app.add_subcommand(
      "apply", "Apply a saved plan, or re-plan from the live team (-f), confirm, then execute");
  auto* apply_manifest = add_manifest_option(apply, options);
  auto* apply_plan = apply->add_option("PLANFILE", options.plan_file,
                                       "A plan saved by `roster plan --out` (no confirmation)");
  apply_manifest->excludes(apply_plan);
  apply->add_flag("--auto-approve", options.auto_approve,
                  "Apply without asking (required when stdin is not a terminal)");
  apply->add_option("--journal", options.journal_path,
                    std::string("Audit journal to append to (default ") + k_default_journal + ")");
  apply->add_flag("--no-bulk", options.no_bulk,
                  "Suspend one call per member instead of members/bulk_suspend jobs");
  std::string timeout_text;
  apply->add_option("--timeout", timeout_text,
                    "Stop starting steps after this long, e.g. 90s, 30m, 1h (default 1h)");
  add_guard_override(apply, options);
  add_target(apply, options);
  add_format(apply, options, {"human", "json"});

  auto* show = app.add_subcommand("show", "Print a saved plan");
  show->add_option("PLANFILE", options.plan_file, "A plan saved by `roster plan --out`")
      ->required();
  add_format(show, options, {"human", "json", "markdown", "html"});

  auto* report = app.add_subcommand(
      "report", "Write the team, the plan and the drift as one self-contained HTML page");
  add_manifest_option(report, options)->required();
  report->add_option("--observed", options.observed_path,
                     "Report offline on a saved listing instead of the live team");
  report->add_option("-o,--output", options.output_path, "File to write (default: stdout)");
  add_guard_override(report, options);

  auto* export_team = app.add_subcommand("export", "Write the live team as a manifest");
  export_team->add_option("-o,--output", options.output_path, "File to write (default: stdout)");
  export_team->add_option("--format", options.export_format, "yaml or json")
      ->check(CLI::IsMember({"yaml", "json"}));

  auto* import_csv =
      app.add_subcommand("import-csv", "Turn an HR export (CSV) into manifest members on stdout");
  import_csv->add_option("FILE", options.input_file, "CSV file with a header row")->required();

  auto* doctor = app.add_subcommand(
      "doctor", "Check the token, its scopes, the API, the clock, licenses and a manifest");
  add_manifest_option(doctor, options);
  std::string doctor_timeout_text;
  doctor->add_option("--timeout", doctor_timeout_text,
                     "Bound on each request and on the whole check, e.g. 10s (default 30s)");

  app.add_subcommand("version", "Print roster's version");

  // Issue 13: a copy of the live team, and a rehearsal of a manifest on it.
  auto* snapshot = app.add_subcommand(
      "snapshot", "Write the live team as Dropbox lists it, for plan --observed and rehearse");
  snapshot->add_option("-o,--output", options.output_path, "Snapshot file to write")->required();
  snapshot->add_option("--timeout", timeout_text,
                       "Give up reading the team after this long, e.g. 90s, 30m (default 1h)");
  auto* rehearse = app.add_subcommand(
      "rehearse", "Apply a manifest to an emulated copy of the team; the team is not touched");
  add_manifest_option(rehearse, options)->required();
  rehearse->add_option("--observed", options.observed_path,
                       "Rehearse on this snapshot (roster snapshot) instead of a fresh one");
  rehearse->add_option("--timeout", timeout_text,
                       "Stop after this long, e.g. 90s, 30m (default 1h)");
  add_guard_override(rehearse, options);

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  ParsedCommandLine result;
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    result.output = app.help();
    for (auto* sub : {validate, plan, apply, show, report, export_team, import_csv, doctor,
                      snapshot, rehearse}) {
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
  for (const auto& problem :
       {read_duration("--timeout", timeout_text, std::chrono::seconds(1), std::chrono::hours(720),
                      options.timeout),
        read_duration("--timeout", doctor_timeout_text, std::chrono::seconds(1),
                      std::chrono::minutes(10), options.doctor_timeout),
        read_duration("--max-retry-wait", retry_wait_text, std::chrono::seconds(0),
                      std::chrono::hours(24), options.max_retry_wait),
        read_targets(options.targets),
        read_log_options(log_level_text, log_format_text, options)}) {
    if (!problem.empty()) {
      result.is_error = true;
      result.output = problem;
      return result;
    }
  }
  if (apply->parsed() && options.manifest_path.empty() && !options.plan_file) {
    result.is_error = true;
    result.output = "apply needs -f MANIFEST (re-plan from the live team) or a PLANFILE";
    return result;
  }
  if (apply->parsed() && options.plan_file && !options.targets.empty()) {
    result.is_error = true;
    result.output = "--target applies to planning: a saved plan keeps the targets it was made with";
    return result;
  }
  const std::pair<CLI::App*, Command> commands[] = {
      {validate, Command::validate},     {plan, Command::plan},
      {apply, Command::apply},           {show, Command::show},
      {report, Command::report},         {export_team, Command::export_team},
      {import_csv, Command::import_csv}, {doctor, Command::doctor},
      {snapshot, Command::snapshot},     {rehearse, Command::rehearse}};
  for (const auto& [sub, command] : commands) {
    if (sub->parsed()) options.command = command;
  }
  result.options = options;
  return result;
}

}  // namespace roster::cli
