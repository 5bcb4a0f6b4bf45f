// Bulk suspension (issue 10, decision 0035): many suspensions with the same options go
// through members/bulk_suspend, whose job reports counts only; every member is then read
// back, and whoever is not suspended is suspended alone, so each step has its own outcome.
#include "bulk_suspend.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>

namespace roster::apply {

using plan::Action;
using Status = StepOutcome::Status;

std::vector<std::size_t> bulk_suspend_jobs(const plan::Plan& plan, std::size_t threshold) {
  const auto& steps = plan.steps;
  std::vector<std::size_t> job(steps.size(), 0);
  if (threshold == 0) return job;
  std::map<bool, std::vector<std::size_t>> by_options;  // wipe_data → suspend steps
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].action == Action::suspend) by_options[steps[i].wipe_data].push_back(i);
  }
  std::size_t next = 1;
  for (const auto& [wipe_data, members] : by_options) {
    if (members.size() < std::max<std::size_t>(threshold, 2)) continue;
    // Even jobs: 501 suspensions are two jobs of 251 and 250, not 500 and a lone one.
    const auto jobs = (members.size() + dropbox::k_max_bulk_suspend_per_call - 1) /
                      dropbox::k_max_bulk_suspend_per_call;
    const auto per_job = (members.size() + jobs - 1) / jobs;
    for (std::size_t j = 0; j < members.size(); ++j)
      job[members[j]] = next + j / per_job;
    next += jobs;
  }
  return job;
}

namespace detail {

namespace {

// What the read-back says of one member after the job.
enum class Seen { unknown, suspended, not_suspended };

// A member to suspend alone, and whether an earlier request (the job) may have done it.
struct Alone {
  std::size_t slot;
  bool earlier_ambiguous;
};

// Runs work(0..count-1) on up to `threads` threads.
template <typename Work>
void in_parallel(std::size_t count, std::size_t threads, Work work) {
  std::atomic<std::size_t> next{0};
  auto loop = [&] {
    for (auto k = next++; k < count; k = next++)
      work(k);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < std::min(count, threads); ++t)
    pool.emplace_back(loop);
  loop();
  for (auto& t : pool)
    t.join();
}

// members/suspend for each of `alone`, concurrently (the client bounds requests in flight).
void suspend_alone(const std::vector<std::size_t>& steps, const std::vector<Alone>& alone,
                   int earlier_attempts, const std::string& note, TaskContext& context,
                   std::vector<StepOutcome>& outcomes) {
  const auto threads = static_cast<std::size_t>(std::max(1, context.options.workers));
  in_parallel(alone.size(), threads, [&](std::size_t k) {
    const auto& step = context.plan.steps[steps[alone[k].slot]];
    auto retried = detail::retried<std::string>(
        context, [&] { return no_job(context.api.suspend(step.team_member_id, step.wipe_data)); });
    auto& outcome = outcomes[alone[k].slot];
    if (auto skipped = not_sent(retried, context.stop)) {
      outcome = *skipped;
      return;
    }
    outcome = outcome_of(retried, Action::suspend, alone[k].earlier_ambiguous);
    outcome.attempts += earlier_attempts;
    if (outcome.status == Status::succeeded && outcome.note.empty()) outcome.note = note;
  });
}

std::vector<Alone> everyone(std::size_t count) {
  std::vector<Alone> alone;
  for (std::size_t slot = 0; slot < count; ++slot)
    alone.push_back({slot, false});
  return alone;
}

std::vector<dropbox::BulkSuspendTarget> targets(const std::vector<std::size_t>& steps,
                                                const plan::Plan& plan) {
  std::vector<dropbox::BulkSuspendTarget> out;
  for (auto index : steps) {
    const auto& step = plan.steps[index];
    out.push_back({"step-" + std::to_string(index), step.team_member_id, step.wipe_data});
  }
  return out;
}

// members/get_info_v2 in batches, concurrently; a batch that cannot be read leaves its
// members unknown.
std::vector<Seen> read_back(const std::vector<std::size_t>& steps, TaskContext& context) {
  std::vector<Seen> seen(steps.size(), Seen::unknown);
  const auto per_call = dropbox::k_max_get_info_per_call;
  const auto batches = (steps.size() + per_call - 1) / per_call;
  const auto threads = static_cast<std::size_t>(std::max(1, context.options.workers));
  in_parallel(batches, threads, [&](std::size_t batch) {
    const auto start = batch * per_call;
    const auto end = std::min(steps.size(), start + per_call);
    std::vector<std::string> ids;
    for (auto k = start; k < end; ++k)
      ids.push_back(context.plan.steps[steps[k]].team_member_id);
    auto members = context.api.get_members(ids);  // a read: retried inside the client
    if (!members) return;
    for (auto k = start; k < end; ++k) {
      const auto& member = (*members)[k - start];
      const bool suspended = member && member->status == model::MemberStatus::suspended;
      seen[k] = suspended ? Seen::suspended : Seen::not_suspended;
    }
  });
  return seen;
}

// A launch error after which the job may exist: an answer lost (5xx, timeout, dropped),
// or a 200 whose body roster could not read (internal).
bool may_have_launched(const core::Retried<std::string>& launch) {
  if (launch.result || launch.ambiguous) return true;
  const auto& error = launch.result.error();
  if (error.kind == core::ErrorKind::internal) return true;
  return error.kind == core::ErrorKind::unavailable && !error.not_sent;
}

// The note of a member read back suspended: plain when the job's counts say every row was
// suspended by it, else what the counts leave open.
std::string suspended_note(const std::string& job_id,
                           const core::Result<dropbox::BulkSuspendJob>& job, bool relaunched) {
  if (!job)
    return fmt::format("bulk job {}; read back suspended ({})", job_id, job.error().message);
  if (!job->failure.empty())
    return fmt::format("bulk job {} failed ({}); read back suspended", job_id, job->failure);
  if (job->failed == 0 && job->unknown == 0 && !relaunched) return "bulk job " + job_id;
  return fmt::format("bulk job {}; read back suspended ({} of {} rows failed, {} unknown)", job_id,
                     job->failed, job->requested, job->unknown);
}

std::vector<StepOutcome> launch_refused(const std::vector<std::size_t>& steps,
                                        const core::Retried<std::string>& launch,
                                        TaskContext& context) {
  const auto& error = launch.result.error();
  std::vector<StepOutcome> outcomes(steps.size());
  if (error.kind == core::ErrorKind::unauthorized) {  // every call would be refused alike
    for (auto& o : outcomes) {
      o.status = Status::failed;
      o.error = error;
      o.attempts = launch.attempts;
    }
    return outcomes;
  }
  const std::string why = error.api_tag.empty() ? error.message : error.api_tag;
  suspend_alone(steps, everyone(steps.size()), launch.attempts,
                fmt::format("sent alone: members/bulk_suspend refused ({})", why), context,
                outcomes);
  return outcomes;
}

}  // namespace

std::vector<StepOutcome> run_bulk_suspend(const std::vector<std::size_t>& steps,
                                          TaskContext& context) {
  std::vector<StepOutcome> outcomes(steps.size());
  const auto threshold = context.options.bulk_suspend_threshold;
  if (threshold == 0 || steps.size() < std::max<std::size_t>(threshold, 2)) {
    suspend_alone(steps, everyone(steps.size()), 0, "", context, outcomes);
    return outcomes;
  }
  auto launch = retried<std::string>(
      context, [&] { return context.api.launch_bulk_suspend(targets(steps, context.plan)); });
  if (auto skipped = not_sent(launch, context.stop))
    return std::vector<StepOutcome>(steps.size(), *skipped);
  if (!may_have_launched(launch)) return launch_refused(steps, launch, context);

  const std::string job_id = launch.result ? *launch.result : std::string("(answer lost)");
  auto job = launch.result ? context.api.wait_bulk_suspend(*launch.result)
                           : core::Result<dropbox::BulkSuspendJob>(launch.result.error());
  const bool job_ambiguous = !job || !job->failure.empty() || launch.ambiguous;
  const auto read = read_back(steps, context);
  std::vector<Alone> alone;
  for (std::size_t slot = 0; slot < steps.size(); ++slot) {
    auto& outcome = outcomes[slot];
    outcome.attempts = launch.attempts;
    outcome.job_id = launch.result ? *launch.result : std::string();
    if (read[slot] == Seen::suspended) {
      outcome.status = Status::succeeded;
      outcome.note = suspended_note(job_id, job, launch.ambiguous);
    } else if (read[slot] == Seen::unknown && context.stop.reason()) {
      outcome.status = Status::failed;
      outcome.error = core::make_error(
          core::ErrorKind::unavailable,
          fmt::format("members/bulk_suspend job {} was launched; the run stopped before this "
                      "member was read back: plan again to see",
                      job_id));
      outcome.error.gave_up = true;
    } else {
      alone.push_back({slot, job_ambiguous || read[slot] == Seen::unknown});
    }
  }
  suspend_alone(steps, alone, launch.attempts,
                fmt::format("sent alone: not suspended by bulk job {}", job_id), context, outcomes);
  return outcomes;
}

}  // namespace detail

}  // namespace roster::apply
