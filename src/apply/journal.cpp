#include "roster/apply/journal.hpp"

#include "roster/core/json.hpp"
#include "roster/model/observed.hpp"

namespace roster::apply {

using core::json::Writer;

Journal::Journal(std::unique_ptr<core::AppendFile> file, const plan::Plan& plan, JournalRun run,
                 WallClock now)
    : m_file(std::move(file)), m_plan(plan), m_run(std::move(run)), m_now(std::move(now)) {}

namespace {

Writer& event(Writer& w, const char* name, std::int64_t now, const std::string& run_id) {
  return w.begin_object()
      .key("time")
      .string(model::format_timestamp(now))
      .key("event")
      .string(name)
      .key("run_id")
      .string(run_id);
}

// What an access step (issue 9) is about, only on the lines of such steps: the group
// (name, and id once known), the role, the secondary email, the quota.
void access_fields(Writer& w, const plan::PlanStep& step, const std::string& group_id) {
  if (!step.group_name.empty()) {
    w.key("group").string(step.group_name).key("group_id");
    group_id.empty() ? w.null() : w.string(group_id);
  }
  if (step.role) w.key("role").string(model::to_string(*step.role));
  if (!step.secondary_email.empty()) w.key("secondary_email").string(step.secondary_email);
  if (step.action == plan::Action::set_space_limit) w.key("quota_gb").integer(step.quota_gb);
}

void step_fields(Writer& w, std::size_t index, const plan::PlanStep& step,
                 const std::string& group_id) {
  w.key("step").integer(static_cast<std::int64_t>(index));
  w.key("action").string(plan::to_string(step.action)).key("email").string(step.email);
  w.key("team_member_id");
  step.team_member_id.empty() ? w.null() : w.string(step.team_member_id);
  w.key("observed_email");
  step.observed_email.empty() ? w.null() : w.string(step.observed_email);
  access_fields(w, step, group_id);
}

}  // namespace

void Journal::write(const std::vector<std::string>& lines) {
  auto written = m_file->append_lines(lines);
  if (!written) {
    std::lock_guard lock(m_mutex);
    if (m_failure.empty()) m_failure = written.error().message;
  }
}

core::Result<void> Journal::run_started() {
  std::string line;
  Writer w(line);
  event(w, "apply_started", m_now(), m_run.run_id).key("source").string(m_run.source);
  w.key("team_id").string(m_run.team_id).key("team_name").string(m_run.team_name);
  w.key("manifest_digest").string(m_run.manifest_digest);
  w.key("steps").integer(static_cast<std::int64_t>(m_plan.steps.size())).end_object();
  return m_file->append_line(line);
}

core::Result<void> Journal::run_finished(const ApplyReport& report) {
  std::string line;
  Writer w(line);
  event(w, "apply_finished", m_now(), m_run.run_id);
  for (auto status : k_all_statuses) {
    w.key(to_string(status)).integer(static_cast<std::int64_t>(report.count(status)));
  }
  w.key("stopped");
  report.stopped ? w.string(core::to_string(*report.stopped)) : w.null();
  w.end_object();
  return m_file->append_line(line);
}

void Journal::run_stopped(core::StopReason reason, std::size_t not_started) {
  std::string line;
  Writer w(line);
  event(w, "apply_stopped", m_now(), m_run.run_id).key("reason").string(core::to_string(reason));
  w.key("not_started").integer(static_cast<std::int64_t>(not_started)).end_object();
  write({line});
}

std::string Journal::started_line(std::size_t index, const plan::PlanStep& step) {
  std::string line;
  Writer w(line);
  event(w, "step_started", m_now(), m_run.run_id);
  step_fields(w, index, step, step.group_id);
  w.end_object();
  return line;
}

void Journal::step_started(std::size_t index, const plan::PlanStep& step) {
  write({started_line(index, step)});
}

void Journal::steps_started(const std::vector<std::size_t>& indices, const plan::Plan& plan) {
  std::vector<std::string> lines;
  for (auto index : indices)
    lines.push_back(started_line(index, plan.steps[index]));
  write(lines);
}

void Journal::step_finished(std::size_t index, const plan::PlanStep& step,
                            const StepOutcome& outcome) {
  write({finished_line(index, step, outcome)});
}

void Journal::steps_finished(const std::vector<std::size_t>& indices, const plan::Plan& plan,
                             const std::vector<StepOutcome>& outcomes) {
  std::vector<std::string> lines;
  for (std::size_t k = 0; k < indices.size(); ++k)
    lines.push_back(finished_line(indices[k], plan.steps[indices[k]], outcomes[k]));
  write(lines);
}

std::string Journal::finished_line(std::size_t index, const plan::PlanStep& step,
                                   const StepOutcome& outcome) {
  std::string line;
  Writer w(line);
  event(w, "step_finished", m_now(), m_run.run_id);
  step_fields(w, index, step, outcome.group_id.empty() ? step.group_id : outcome.group_id);
  w.key("result").string(to_string(outcome.status));
  w.key("attempts").integer(outcome.attempts);
  w.key("job_id");
  outcome.job_id.empty() ? w.null() : w.string(outcome.job_id);
  w.key("error_tag");
  outcome.error.api_tag.empty() ? w.null() : w.string(outcome.error.api_tag);
  w.key("error");
  outcome.status == StepOutcome::Status::failed ? w.string(outcome.error.message) : w.null();
  w.key("note").string(outcome.note).end_object();
  return line;
}

}  // namespace roster::apply
