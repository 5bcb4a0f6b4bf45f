#include "request_log_setup.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace roster::cli {

namespace {

// Whether two paths name the same file, existing or not.
bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (std::filesystem::equivalent(a, b, ec)) return true;
  auto left = std::filesystem::weakly_canonical(a, ec);
  if (ec) return false;
  auto right = std::filesystem::weakly_canonical(b, ec);
  return !ec && left == right;
}

}  // namespace

std::optional<core::LogLevel> parse_log_level(const std::string& text) {
  if (text == "debug") return core::LogLevel::debug;
  if (text == "info") return core::LogLevel::info;
  if (text == "warn") return core::LogLevel::warn;
  return std::nullopt;
}

RequestLogSetup open_request_log(const Options& options, Environment& env) {
  RequestLogSetup setup;
  std::optional<core::LogLevel> level = options.log_level;
  if (level) {
    // --log-level wins over ROSTER_LOG (checked by parse_options)
  } else if (auto variable = env.getenv("ROSTER_LOG"); !variable.empty()) {
    level = parse_log_level(variable);
    if (!level) {
      setup.error = "ROSTER_LOG: \"" + variable + "\" is not a log level (use debug, info or warn)";
    }
  } else if (options.log_file || options.log_format) {
    level = core::LogLevel::info;
  }
  if (!setup.error.empty() || !level) return setup;
  const auto format = options.log_format.value_or(core::LogFormat::text);
  if (!options.log_file) {
    setup.log = std::make_unique<core::RequestLog>(*level, format, env.err);
    return setup;
  }
  const std::string& path = *options.log_file;
  if (options.command == Command::apply && same_file(path, options.journal_path)) {
    setup.error = "--log-file " + path + " is the journal; give the log a file of its own";
    return setup;
  }
  setup.file = std::make_unique<std::ofstream>(path, std::ios::app);
  if (!*setup.file) {
    setup.error = "cannot open the log file " + path + ": " + std::strerror(errno);
    return setup;
  }
  setup.log = std::make_unique<core::RequestLog>(*level, format, *setup.file);
  return setup;
}

void StepLog::step_finished(std::size_t index, const plan::PlanStep& step,
                            const apply::StepOutcome& outcome) {
  const bool failed = outcome.status == apply::StepOutcome::Status::failed;
  if (!m_log.wants_step(failed)) return;
  core::StepRecord record;
  record.time = std::chrono::system_clock::now();
  record.index = index;
  record.action = plan::to_string(step.action);
  record.subject = !step.email.empty() ? step.email : step.group_name;
  record.outcome = apply::to_string(outcome.status);
  record.attempts = outcome.attempts;
  if (failed) {
    record.api_tag = outcome.error.api_tag;
    record.note = outcome.error.message;
  } else {
    record.note = outcome.note;
  }
  m_log.step(record);
}

}  // namespace roster::cli
