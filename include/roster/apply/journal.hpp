#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "roster/apply/progress.hpp"
#include "roster/core/file.hpp"

namespace roster::apply {

/// What the journal says about the run as a whole.
struct JournalRun {
  std::string run_id;
  std::string source;  // "live" (re-planned) or "planfile"
  std::string team_id;
  std::string team_name;
  std::string manifest_digest;
};

/// The audit journal (`apply --journal FILE`): one JSON line per event — the run's start,
/// each step's start and outcome (time, step, member, API job id, result or error tag,
/// attempts), an early stop (timeout or interruption, with how many steps were never
/// started), the run's end. Every line is fsync'd before the executor goes on, so a
/// killed apply leaves a valid journal up to its last line. Lines never hold a token.
class Journal final : public ProgressSink {
 public:
  using WallClock = std::function<std::int64_t()>;  // seconds since the epoch

  Journal(std::unique_ptr<core::AppendFile> file, const plan::Plan& plan, JournalRun run,
          WallClock now);

  [[nodiscard]] core::Result<void> run_started();
  [[nodiscard]] core::Result<void> run_finished(const ApplyReport& report);
  void step_started(std::size_t index, const plan::PlanStep& step) override;
  void step_finished(std::size_t index, const plan::PlanStep& step,
                     const StepOutcome& outcome) override;
  /// A batch's lines with one write and one fsync.
  void steps_started(const std::vector<std::size_t>& indices, const plan::Plan& plan) override;
  void steps_finished(const std::vector<std::size_t>& indices, const plan::Plan& plan,
                      const std::vector<StepOutcome>& outcomes) override;
  void run_stopped(core::StopReason reason, std::size_t not_started) override;

  /// The first write failure, if any (the executor cannot be stopped from a sink).
  [[nodiscard]] const std::string& failure() const { return m_failure; }

 private:
  void write(const std::vector<std::string>& lines);
  [[nodiscard]] std::string started_line(std::size_t index, const plan::PlanStep& step);
  [[nodiscard]] std::string finished_line(std::size_t index, const plan::PlanStep& step,
                                          const StepOutcome& outcome);

  std::unique_ptr<core::AppendFile> m_file;
  const plan::Plan& m_plan;
  JournalRun m_run;
  WallClock m_now;
  std::mutex m_mutex;
  std::string m_failure;
};

/// Sends every progress event to two sinks (the terminal printer and the journal).
class TeeProgress final : public ProgressSink {
 public:
  TeeProgress(ProgressSink& first, ProgressSink& second) : m_first(first), m_second(second) {}
  void step_started(std::size_t index, const plan::PlanStep& step) override {
    m_first.step_started(index, step);
    m_second.step_started(index, step);
  }
  void step_finished(std::size_t index, const plan::PlanStep& step,
                     const StepOutcome& outcome) override {
    m_first.step_finished(index, step, outcome);
    m_second.step_finished(index, step, outcome);
  }
  void steps_started(const std::vector<std::size_t>& indices, const plan::Plan& plan) override {
    m_first.steps_started(indices, plan);
    m_second.steps_started(indices, plan);
  }
  void steps_finished(const std::vector<std::size_t>& indices, const plan::Plan& plan,
                      const std::vector<StepOutcome>& outcomes) override {
    m_first.steps_finished(indices, plan, outcomes);
    m_second.steps_finished(indices, plan, outcomes);
  }
  void run_stopped(core::StopReason reason, std::size_t not_started) override {
    m_first.run_stopped(reason, not_started);
    m_second.run_stopped(reason, not_started);
  }

 private:
  ProgressSink& m_first;
  ProgressSink& m_second;
};

}  // namespace roster::apply
