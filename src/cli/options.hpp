#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "roster/core/request_log.hpp"
#include "roster/render/format.hpp"

namespace roster::cli {

enum class Command {
  validate,
  plan,
  apply,
  show,
  report,
  export_team,
  import_csv,
  doctor,
  version,
  snapshot,
  rehearse
};

inline constexpr const char* k_default_journal = "roster-journal.jsonl";

/// A parsed command line. Pure data: parse_options() touches nothing outside.
struct Options {
  Command command = Command::version;
  std::string manifest_path;              // -f
  std::optional<std::string> plan_file;   // apply PLANFILE, show PLANFILE
  std::optional<std::string> input_file;  // import-csv FILE
  std::optional<std::string> observed_path;
  std::optional<std::string> out_path;  // plan --out
  bool detailed_exitcode = false;
  std::optional<double> max_removal_fraction;
  std::optional<std::size_t> max_demotions;
  /// plan/apply --target: only the steps about these members (normalised, as given).
  std::vector<std::string> targets;
  bool auto_approve = false;
  std::string journal_path = k_default_journal;
  std::chrono::seconds timeout{3600};       // apply, snapshot, rehearse --timeout: the whole run
  std::chrono::seconds doctor_timeout{30};  // doctor --timeout: each request and the whole run
  bool no_bulk = false;                     // apply --no-bulk: no members/bulk_suspend
  std::optional<std::string> output_path;   // export -o, report -o, snapshot -o
  std::string export_format = "yaml";
  render::Format format = render::Format::human;

  // Global: accepted before or after the command name.
  std::string api_url;  // empty: ROSTER_API_URL, else the Dropbox API
  std::optional<std::string> token_file;
  std::optional<std::string> ca_file;  // empty: SSL_CERT_FILE, else the system's CAs
  int parallelism = 8;
  std::chrono::seconds max_retry_wait{300};   // longest Retry-After roster waits for
  std::optional<core::LogLevel> log_level;    // none: ROSTER_LOG, else no log (see --log-file)
  std::optional<std::string> log_file;        // none: the log goes to stderr
  std::optional<core::LogFormat> log_format;  // none: text
};

/// The outcome of parsing: options, or text to print (help) and whether that is an error.
struct ParsedCommandLine {
  std::optional<Options> options;
  std::string output;  // help text (stdout) or one-line error (stderr)
  bool is_error = false;
};

/// Parses argv (without the program name). `--help` anywhere gives help text.
[[nodiscard]] ParsedCommandLine parse_options(const std::vector<std::string>& args);

}  // namespace roster::cli
