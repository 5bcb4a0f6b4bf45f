#include "roster/core/request_log.hpp"

#include <fmt/format.h>

#include "roster/core/json.hpp"

namespace roster::core {

namespace {

// "2026-11-30T15:47:39.123Z": UTC, milliseconds.
std::string utc_time(std::chrono::system_clock::time_point time) {
  using namespace std::chrono;
  auto ms = floor<milliseconds>(time);
  auto day = floor<days>(ms);
  year_month_day date{day};
  hh_mm_ss clock{ms - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", int(date.year()),
                     unsigned(date.month()), unsigned(date.day()), clock.hours().count(),
                     clock.minutes().count(), clock.seconds().count(), clock.subseconds().count());
}

// A text value: bare when it is one plain word, else a quoted JSON string; "-" when empty.
std::string text_value(const std::string& value) {
  if (value.empty()) return "-";
  for (char c : value) {
    if (c == ' ' || c == '"' || c == '=' || c == '\\' || static_cast<unsigned char>(c) < 0x20) {
      return json::quote(value);
    }
  }
  return value;
}

void optional_string(json::Writer& w, std::string_view key, const std::string& value) {
  w.key(key);
  if (value.empty()) {
    w.null();
  } else {
    w.string(value);
  }
}

std::string request_json(const RequestRecord& r) {
  std::string out;
  json::Writer w(out);
  w.begin_object().key("time").string(utc_time(r.time)).key("event").string("request");
  w.key("route").string(r.route).key("attempt").integer(r.attempt);
  w.key("write").boolean(r.write).key("status");
  if (r.status) {
    w.integer(*r.status);
  } else {
    w.null();
  }
  optional_string(w, "error", r.api_tag);
  if (!r.failure.empty()) w.key("failure").string(r.failure);
  w.key("latency_ms").integer(r.latency_ms);
  optional_string(w, "request_id", r.request_id);
  w.end_object();
  return out;
}

std::string step_json(const StepRecord& r) {
  std::string out;
  json::Writer w(out);
  w.begin_object().key("time").string(utc_time(r.time)).key("event").string("step");
  w.key("index").integer(static_cast<std::int64_t>(r.index)).key("action").string(r.action);
  w.key("subject").string(r.subject).key("outcome").string(r.outcome);
  optional_string(w, "error", r.api_tag);
  w.key("attempts").integer(r.attempts);
  optional_string(w, "note", r.note);
  w.end_object();
  return out;
}

}  // namespace

std::string format_log_line(const RequestRecord& r, LogFormat format) {
  if (format == LogFormat::json) return request_json(r);
  std::string line = fmt::format(
      "{} request route={} attempt={} write={} status={} error={}", utc_time(r.time),
      text_value(r.route), r.attempt, r.write ? "yes" : "no",
      r.status ? std::to_string(*r.status) : std::string("none"), text_value(r.api_tag));
  if (!r.failure.empty()) line += " failure=" + text_value(r.failure);
  line += fmt::format(" latency_ms={} request_id={}", r.latency_ms, text_value(r.request_id));
  return line;
}

std::string format_log_line(const StepRecord& r, LogFormat format) {
  if (format == LogFormat::json) return step_json(r);
  std::string line = fmt::format(
      "{} step index={} action={} subject={} outcome={} error={} "
      "attempts={}",
      utc_time(r.time), r.index, text_value(r.action), text_value(r.subject), text_value(r.outcome),
      text_value(r.api_tag), r.attempts);
  if (!r.note.empty()) line += " note=" + text_value(r.note);
  return line;
}

bool RequestLog::wants(const RequestRecord& r) const noexcept {
  const bool failed = !r.status || *r.status != 200;
  switch (m_level) {
    case LogLevel::debug:
      return true;
    case LogLevel::info:
      return failed || r.write || r.attempt > 1;
    case LogLevel::warn:
      return failed;
  }
  return true;
}

bool RequestLog::wants_step(bool failed) const noexcept {
  return m_level != LogLevel::warn || failed;
}

void RequestLog::request(const RequestRecord& record) {
  if (wants(record)) write(format_log_line(record, m_format));
}

void RequestLog::step(const StepRecord& record) {
  if (wants_step(record.outcome == "failed")) write(format_log_line(record, m_format));
}

void RequestLog::write(const std::string& line) {
  std::lock_guard lock(m_mutex);
  m_out << line << '\n';
  m_out.flush();
}

}  // namespace roster::core
