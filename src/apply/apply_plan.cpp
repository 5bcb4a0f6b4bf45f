// The executor: a small pool of worker threads taking ready tasks in plan order.
#include "roster/apply/apply_plan.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "run_task.hpp"

namespace roster::apply {

namespace {

class Executor {
 public:
  Executor(const plan::Plan& plan, TaskContext context, ProgressSink& progress)
      : m_plan(plan), m_context(context), m_progress(progress) {
    m_tasks = make_schedule(plan, k_invite_batch_size, context.options.bulk_suspend_threshold);
    m_report.outcomes.resize(plan.steps.size());
    m_finished.resize(plan.steps.size(), false);
    for (std::size_t t = 0; t < m_tasks.size(); ++t) {
      if (m_tasks[t].waiting_for == 0) m_ready.push_back(t);
    }
    m_unfinished = m_tasks.size();
  }

  ApplyReport run(int worker_count) {
    auto workers = static_cast<std::size_t>(std::max(1, worker_count));
    workers = std::min(workers, std::max<std::size_t>(1, m_tasks.size()));
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < workers; ++i)
      threads.emplace_back([this] { work(); });
    for (auto& t : threads)
      t.join();
    if (auto reason = m_context.stop.reason(); reason && m_stopping) skip_not_started(*reason);
    return std::move(m_report);
  }

 private:
  void work() {
    while (true) {
      std::size_t task;
      {
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [this] { return m_stopping || !m_ready.empty() || m_unfinished == 0; });
        // Stop starting tasks once the run must stop; the ones in flight finish or fail.
        if (!m_stopping && !m_ready.empty() && m_context.stop.reason()) {
          m_stopping = true;
          m_wake.notify_all();
        }
        if (m_stopping || m_ready.empty()) return;
        // Plan order first: lower task numbers are earlier phases.
        auto first = std::min_element(m_ready.begin(), m_ready.end());
        task = *first;
        m_ready.erase(first);
      }
      auto outcomes = execute(m_tasks[task]);
      stop_if_token_refused(outcomes);
      finish(task, std::move(outcomes));
    }
  }

  // Runs the task's steps whose prerequisites succeeded; the others are skipped, each
  // with the prerequisite it lacked (the rest of a batch still runs).
  std::vector<StepOutcome> execute(const Task& task) {
    std::vector<StepOutcome> outcomes(task.steps.size());
    std::vector<std::size_t> runnable, slots;
    for (std::size_t j = 0; j < task.steps.size(); ++j) {
      std::string blocked = failed_dependency(task.step_needs[j]);
      if (blocked.empty()) {
        runnable.push_back(task.steps[j]);
        slots.push_back(j);
        continue;
      }
      outcomes[j].status = StepOutcome::Status::skipped;
      outcomes[j].note = blocked;
    }
    if (runnable.empty()) return outcomes;
    m_progress.steps_started(runnable, m_plan);
    auto ran = run_task(runnable, m_context);
    for (std::size_t k = 0; k < slots.size(); ++k)
      outcomes[slots[k]] = std::move(ran[k]);
    return outcomes;
  }

  // A 401 (invalid token, missing scope) would fail every later write the same way:
  // stop the run rather than half-apply it (docs/decisions/0012).
  void stop_if_token_refused(const std::vector<StepOutcome>& outcomes) {
    for (const auto& o : outcomes) {
      if (o.status == StepOutcome::Status::failed &&
          o.error.kind == core::ErrorKind::unauthorized) {
        m_context.stop.request(core::StopReason::refused);
        return;
      }
    }
  }

  // Why a step cannot run: a step it needs did not succeed. Empty when it can.
  std::string failed_dependency(const std::vector<std::size_t>& needs) {
    std::lock_guard lock(m_mutex);
    for (auto needed : needs) {
      const auto& outcome = m_report.outcomes[needed];
      if (outcome.status != StepOutcome::Status::succeeded) {
        const auto& step = m_plan.steps[needed];
        return std::string("needs ") + plan::to_string(step.action) + " " +
               (plan::is_group_step(step) ? step.group_name : step.email) + ", which " +
               (outcome.status == StepOutcome::Status::failed ? "failed" : "was skipped");
      }
    }
    return "";
  }

  void finish(std::size_t task, std::vector<StepOutcome> outcomes) {
    const auto& steps = m_tasks[task].steps;
    // Journal and progress first: a step that waited for this one must not be journaled as
    // started before this one is journaled as finished (the audit trail shows the order the
    // API saw).
    m_progress.steps_finished(steps, m_plan, outcomes);
    {
      std::lock_guard lock(m_mutex);
      for (std::size_t i = 0; i < steps.size(); ++i) {
        m_report.outcomes[steps[i]] = outcomes[i];
        m_finished[steps[i]] = true;
      }
      for (auto blocked : m_tasks[task].blocked_tasks) {
        if (--m_tasks[blocked].waiting_for == 0) m_ready.push_back(blocked);
      }
      --m_unfinished;
    }
    m_wake.notify_all();
  }

  // Every step no task finished is skipped for the stop's reason. The count includes the
  // tasks that started but sent nothing (run_task skips them with the same note).
  void skip_not_started(core::StopReason reason) {
    m_report.stopped = reason;
    const std::string note = stopped_note(reason);
    for (std::size_t i = 0; i < m_finished.size(); ++i) {
      auto& outcome = m_report.outcomes[i];
      if (!m_finished[i]) {
        outcome.status = StepOutcome::Status::skipped;
        outcome.note = note;
      }
      if (outcome.status == StepOutcome::Status::skipped && outcome.note == note) {
        ++m_report.not_started;
      }
    }
    m_progress.run_stopped(reason, m_report.not_started);
  }

  const plan::Plan& m_plan;
  TaskContext m_context;
  ProgressSink& m_progress;
  std::vector<Task> m_tasks;
  ApplyReport m_report;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<std::size_t> m_ready;
  std::size_t m_unfinished = 0;
  std::vector<bool> m_finished;  // per step: a task reported its outcome
  bool m_stopping = false;
};

}  // namespace

ApplyReport apply_plan(const plan::Plan& plan, dropbox::TeamApi& api, const ApplyOptions& options,
                       core::RunStop& stop, core::RateGate& gate, ProgressSink& progress) {
  if (plan.steps.empty()) return {};
  TeamRoles roles;
  CreatedGroups groups;
  // Role ids are the team's own: from the table the plan was made with, else read once,
  // and only when a step grants a role.
  if (std::any_of(plan.steps.begin(), plan.steps.end(),
                  [](const auto& s) { return s.action == plan::Action::set_role; })) {
    if (options.team_roles.empty()) {
      roles.table = api.get_available_roles();
    } else {
      roles.table = options.team_roles;
    }
  }
  Executor executor(plan, TaskContext{plan, api, options, stop, gate, roles, groups}, progress);
  return executor.run(options.workers);
}

}  // namespace roster::apply
