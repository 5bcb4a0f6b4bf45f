#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>

namespace roster::core {

/// How much the request log says (docs/cli.md "Request log", decision 0042):
/// `debug` every request attempt; `info` writes, failures and retries, and every apply
/// step's outcome; `warn` failed requests and failed steps only.
enum class LogLevel { debug, info, warn };
enum class LogFormat { text, json };

/// One API request attempt. Never holds a header or a body: nothing secret can reach it.
struct RequestRecord {
  std::chrono::system_clock::time_point time;
  std::string route;  // "team/members/list_v2"
  int attempt = 1;    // 1, then 2, 3... when the call is retried
  bool write = false;
  std::optional<int> status;  // none: the request got no answer (`failure` says why)
  std::string failure;
  std::string api_tag;  // Dropbox's error tag, if any
  std::int64_t latency_ms = 0;
  std::string request_id;  // X-Dropbox-Request-Id, if the server sent one
};

/// One apply step's outcome.
struct StepRecord {
  std::chrono::system_clock::time_point time;
  std::size_t index = 0;  // in the plan, from 0
  std::string action;
  std::string subject;
  std::string outcome;  // succeeded, failed, skipped
  std::string api_tag;
  int attempts = 0;
  std::string note;  // why a step failed or was skipped
};

/// The line (without its newline) that the log writes for a record.
[[nodiscard]] std::string format_log_line(const RequestRecord& record, LogFormat format);
[[nodiscard]] std::string format_log_line(const StepRecord& record, LogFormat format);

/// The request log: thread-safe, one whole line per record, flushed at once.
class RequestLog {
 public:
  RequestLog(LogLevel level, LogFormat format, std::ostream& out)
      : m_level(level), m_format(format), m_out(out) {}

  /// Whether `record` is written at this level; callers may skip building it otherwise.
  [[nodiscard]] bool wants(const RequestRecord& record) const noexcept;
  [[nodiscard]] bool wants_step(bool failed) const noexcept;

  void request(const RequestRecord& record);
  void step(const StepRecord& record);

 private:
  void write(const std::string& line);
  LogLevel m_level;
  LogFormat m_format;
  std::mutex m_mutex;
  std::ostream& m_out;
};

}  // namespace roster::core
