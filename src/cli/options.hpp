#pragma once

#include <optional>
#include <string>
#include <vector>

#include "roster/render/format.hpp"

namespace roster::cli {

enum class Command { validate, plan, version };

/// A parsed command line. Pure data: parse_options() touches nothing outside.
struct Options {
  Command command = Command::version;
  std::string manifest_path;
  std::optional<std::string> observed_path;
  bool detailed_exitcode = false;
  std::optional<double> max_removal_fraction;
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
