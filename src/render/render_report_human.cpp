#include <fmt/format.h>
#include <fmt/ostream.h>

#include <mutex>

#include "roster/render/render_report.hpp"
#include "step_text.hpp"

namespace roster::render {

using apply::StepOutcome;

namespace {

std::string paint(const Style& style, const char* colour, std::string_view text) {
  if (!style.color) return std::string(text);
  return fmt::format("{}{}\x1b[0m", colour, text);
}

std::string outcome_detail(const StepOutcome& outcome) {
  switch (outcome.status) {
    case StepOutcome::Status::succeeded:
      return outcome.note;
    case StepOutcome::Status::skipped:
      return "skipped: " + outcome.note;
    case StepOutcome::Status::failed:
      return outcome.error.message + (outcome.attempts > 1
                                          ? fmt::format(" (after {} attempts)", outcome.attempts)
                                          : std::string());
  }
  return "";
}

const char* status_label(const Style& style, StepOutcome::Status status, std::string& storage) {
  switch (status) {
    case StepOutcome::Status::succeeded:
      storage = paint(style, "\x1b[32m", "ok  ");
      break;
    case StepOutcome::Status::failed:
      storage = paint(style, "\x1b[1;31m", "FAIL");
      break;
    case StepOutcome::Status::skipped:
      storage = paint(style, "\x1b[33m", "skip");
      break;
  }
  return storage.c_str();
}

class ProgressPrinter final : public apply::ProgressSink {
 public:
  ProgressPrinter(std::size_t total, const Style& style, std::ostream& out)
      : m_total(total), m_style(style), m_out(out), m_width(std::to_string(total).size()) {}

  void step_started(std::size_t, const plan::PlanStep&) override {}

  void step_finished(std::size_t, const plan::PlanStep& step, const StepOutcome& outcome) override {
    std::lock_guard lock(m_mutex);
    ++m_done;
    std::string label;
    std::string detail = outcome_detail(outcome);
    fmt::print(m_out, "[{:>{}}/{}] {} {} {} {}{}\n", m_done, m_width, m_total,
               status_label(m_style, outcome.status, label), action_symbol(step.action),
               action_word(step.action), progress_subject(step),
               detail.empty() ? "" : ": " + detail);
    m_out.flush();
  }

 private:
  std::size_t m_total;
  Style m_style;
  std::ostream& m_out;
  std::size_t m_width;
  std::mutex m_mutex;
  std::size_t m_done = 0;
};

}  // namespace

void render_report_human(const plan::Plan& plan, const apply::ApplyReport& report,
                         const Style& style, std::ostream& out) {
  auto failed = report.count(StepOutcome::Status::failed);
  auto skipped = report.count(StepOutcome::Status::skipped);
  if (failed + skipped > 0) {
    out << "\nNot done:\n";
    for (std::size_t i = 0; i < report.outcomes.size(); ++i) {
      const auto& outcome = report.outcomes[i];
      if (outcome.status == StepOutcome::Status::succeeded) continue;
      const auto& step = plan.steps[i];
      std::string label;
      fmt::print(out, "  {} {} {} {}: {}\n", status_label(style, outcome.status, label),
                 action_symbol(step.action), action_word(step.action), progress_subject(step),
                 outcome_detail(outcome));
    }
  }
  fmt::print(out, "\nApply: {} {}: {} succeeded, {} failed, {} skipped.\n",
             report.outcomes.size(), report.outcomes.size() == 1 ? "step" : "steps",
             report.count(StepOutcome::Status::succeeded), failed, skipped);
}

std::unique_ptr<apply::ProgressSink> make_progress_printer(std::size_t total, const Style& style,
                                                           std::ostream& out) {
  return std::make_unique<ProgressPrinter>(total, style, out);
}

}  // namespace roster::render
