#pragma once

#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "options.hpp"
#include "roster/apply/progress.hpp"
#include "roster/cli/run.hpp"
#include "roster/core/request_log.hpp"

namespace roster::cli {

/// "debug", "info" or "warn" as a level; nullopt for anything else.
[[nodiscard]] std::optional<core::LogLevel> parse_log_level(const std::string& text);

/// The run's request log and the file it writes to, if any (docs/cli.md "Request log").
struct RequestLogSetup {
  std::unique_ptr<std::ofstream> file;
  std::unique_ptr<core::RequestLog> log;  // null: no log asked for
  std::string error;                      // why there can be no log; "" when fine
};

/// The level: --log-level, else ROSTER_LOG, else info when --log-file or --log-format
/// asks for a log, else none. The log goes to --log-file (appended), else stderr; never to
/// the journal.
[[nodiscard]] RequestLogSetup open_request_log(const Options& options, Environment& env);

/// Writes each apply step's outcome to the request log.
class StepLog final : public apply::ProgressSink {
 public:
  explicit StepLog(core::RequestLog& log) : m_log(log) {}
  void step_started(std::size_t, const plan::PlanStep&) override {}
  void step_finished(std::size_t index, const plan::PlanStep& step,
                     const apply::StepOutcome& outcome) override;

 private:
  core::RequestLog& m_log;
};

}  // namespace roster::cli
