// Secondary emails (up to 20 a call) and custom quotas (up to 1,000 members a call): Dropbox
// answers per item, so each step of the batch gets its own outcome (decision 0030).
#include <algorithm>
#include <map>
#include <numeric>

#include <fmt/format.h>

#include "run_task.hpp"

namespace roster::apply::detail {

using core::Result;
using plan::Action;
using Items = std::vector<dropbox::ItemOutcome>;

namespace {

const char* route_of(Action action) {
  switch (action) {
    case Action::add_secondary_email:
      return "members/secondary_emails/add";
    case Action::delete_secondary_email:
      return "members/secondary_emails/delete";
    case Action::set_space_limit:
      return "member_space_limits/set_custom_quota";
    default:
      return "member_space_limits/remove_custom_quota";
  }
}

// One item's answer as the outcome of its step.
StepOutcome item_outcome(const plan::PlanStep& step, const dropbox::ItemOutcome& item,
                         const core::Retried<Items>& call) {
  StepOutcome outcome;
  outcome.attempts = call.attempts;
  if (item.ok()) {
    outcome.status = StepOutcome::Status::succeeded;
  } else if (call.ambiguous && is_already_done(step.action, item.error_tag)) {
    outcome.status = StepOutcome::Status::succeeded;
    outcome.note = "done by an earlier attempt (" + item.error_tag + " on retry)";
  } else if (item.error_tag == "placeholder_user") {
    // An invitee who has not joined: not an error, the step waits until they do.
    outcome.status = StepOutcome::Status::skipped;
    outcome.note = fmt::format(
        "{} has not joined the team yet (placeholder_user): secondary "
        "emails wait until they do",
        step.email);
  } else {
    outcome.status = StepOutcome::Status::failed;
    auto what =
        step.secondary_email.empty() ? step.email : step.secondary_email + " for " + step.email;
    outcome.error = core::make_error(
        core::ErrorKind::conflict,
        fmt::format("{} refused {}: {}", route_of(step.action), what, item.error_tag));
    outcome.error.api_tag = item.error_tag;
  }
  return outcome;
}

// Every step's outcome from one call's per-item answers (`order`: the step behind each item).
std::vector<StepOutcome> outcomes_of(const std::vector<std::size_t>& steps,
                                     const std::vector<std::size_t>& order,
                                     const core::Retried<Items>& call, TaskContext& context) {
  if (auto skipped = not_sent(call, context.stop)) {
    return std::vector<StepOutcome>(steps.size(), *skipped);
  }
  StepOutcome failed;
  failed.status = StepOutcome::Status::failed;
  failed.attempts = call.attempts;
  if (!call.result || call.result->size() != order.size()) {
    failed.error = call.result ? core::make_error(
                                     core::ErrorKind::internal,
                                     fmt::format("{} answered {} results for {} items",
                                                 route_of(context.plan.steps[steps.front()].action),
                                                 call.result->size(), order.size()))
                               : call.result.error();
    return std::vector<StepOutcome>(steps.size(), failed);
  }
  std::vector<StepOutcome> outcomes(steps.size(), failed);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto& step = context.plan.steps[steps[order[i]]];
    outcomes[order[i]] = item_outcome(step, (*call.result)[i], call);
  }
  return outcomes;
}

// Dropbox's per-email answers that mean "not now": the email is sent again.
bool is_retryable_item(const std::string& tag) {
  return tag == "rate_limited" || tag == "too_many_updates" || tag == "transient_error";
}

// One UserSecondaryEmailsArg per member among `some` (positions in `steps`), in the order
// members first appear; `order` gets the position behind each (member, email) answer.
std::vector<dropbox::MemberEmails> emails_batch(const std::vector<std::size_t>& steps,
                                                const std::vector<std::size_t>& some,
                                                const plan::Plan& plan,
                                                std::vector<std::size_t>& order) {
  std::vector<dropbox::MemberEmails> batch;
  std::vector<std::vector<std::size_t>> slots;  // per member: positions in `steps`
  std::map<std::string, std::size_t> member_of;
  for (auto j : some) {
    const auto& step = plan.steps[steps[j]];
    auto user = user_of(step);
    auto key = user.team_member_id.empty() ? "email:" + user.email : user.team_member_id;
    auto [it, added] = member_of.emplace(key, batch.size());
    if (added) {
      batch.push_back({user, {}});
      slots.emplace_back();
    }
    batch[it->second].emails.push_back(step.secondary_email);
    slots[it->second].push_back(j);
  }
  order.clear();
  for (const auto& member : slots)  // answers come per member, then per email
    order.insert(order.end(), member.begin(), member.end());
  return batch;
}

// Each email's outcome once the rounds are over: its last answer when it settled (or ran
// out of turns asking to retry), else the call's failure or the run's stop.
std::vector<StepOutcome> email_outcomes(
    const std::vector<std::size_t>& steps,
    const std::vector<std::optional<dropbox::ItemOutcome>>& last, const std::vector<int>& sent,
    const core::Retried<Items>& call, TaskContext& context) {
  auto skipped = not_sent(call, context.stop);
  const bool out_of_turns =
      !call.result && call.result.error().kind == core::ErrorKind::rate_limited;
  std::vector<StepOutcome> outcomes(steps.size());
  for (std::size_t j = 0; j < steps.size(); ++j) {
    const bool settled = last[j] && !is_retryable_item(last[j]->error_tag);
    if (settled || (last[j] && out_of_turns)) {
      outcomes[j] = item_outcome(context.plan.steps[steps[j]], *last[j], call);
    } else if (skipped) {
      outcomes[j] = *skipped;
    } else {
      outcomes[j].status = StepOutcome::Status::failed;
      outcomes[j].error = call.result.error();
    }
    outcomes[j].attempts = sent[j];
  }
  return outcomes;
}

}  // namespace

std::vector<StepOutcome> run_secondary_emails(const std::vector<std::size_t>& steps,
                                              TaskContext& context) {
  const auto& plan = context.plan;
  const auto action = plan.steps[steps.front()].action;
  std::vector<std::size_t> pending(steps.size());
  std::iota(pending.begin(), pending.end(), std::size_t{0});
  std::vector<std::optional<dropbox::ItemOutcome>> last(steps.size());
  std::vector<int> sent(steps.size(), 0);
  // Each round sends the emails not settled yet; an item answered rate_limited (or
  // too_many_updates, transient_error) is sent again with the run's backoff, the others
  // keep their answer.
  auto call = retried<Items>(context, [&]() -> Result<Items> {
    std::vector<std::size_t> order;
    auto batch = emails_batch(steps, pending, plan, order);
    for (auto j : order)
      ++sent[j];
    auto answer = action == Action::add_secondary_email
                      ? context.api.add_secondary_emails(batch)
                      : context.api.delete_secondary_emails(batch);
    if (!answer) return answer.error();
    if (answer->size() != order.size()) {
      return core::make_error(core::ErrorKind::internal,
                              fmt::format("{} answered {} results for {} emails", route_of(action),
                                          answer->size(), order.size()));
    }
    pending.clear();
    for (std::size_t k = 0; k < order.size(); ++k) {
      last[order[k]] = (*answer)[k];
      if (is_retryable_item((*answer)[k].error_tag)) pending.push_back(order[k]);
    }
    if (pending.empty()) return Items{};
    return core::make_error(
        core::ErrorKind::rate_limited,
        fmt::format("{} asked to retry {} emails later", route_of(action), pending.size()));
  });
  return email_outcomes(steps, last, sent, call, context);
}

std::vector<StepOutcome> run_quotas(const std::vector<std::size_t>& steps, TaskContext& context) {
  const auto& plan = context.plan;
  const bool set = plan.steps[steps.front()].action == Action::set_space_limit;
  auto send = [&](const std::vector<std::size_t>& some) {
    return retried<Items>(context, [&]() -> Result<Items> {
      if (!set) {
        std::vector<dropbox::UserRef> users;
        for (auto index : some)
          users.push_back(user_of(plan.steps[index]));
        return context.api.remove_custom_quotas(users);
      }
      std::vector<dropbox::MemberQuota> quotas;
      for (auto index : some)
        quotas.push_back({user_of(plan.steps[index]), plan.steps[index].quota_gb});
      return context.api.set_custom_quotas(quotas);
    });
  };
  std::vector<std::size_t> order(steps.size());
  for (std::size_t j = 0; j < steps.size(); ++j)
    order[j] = j;
  auto call = send(steps);
  // set_custom_quota refuses the whole call when one member is on the excluded list: try
  // each alone, so that only the excluded ones fail.
  if (!call.result && steps.size() > 1 &&
      call.result.error().api_tag == "some_users_are_excluded") {
    std::vector<StepOutcome> outcomes;
    for (auto index : steps) {
      auto alone = send({index});
      auto outcome = outcomes_of({index}, {0}, alone, context).front();
      outcome.attempts += call.attempts;
      outcomes.push_back(std::move(outcome));
    }
    return outcomes;
  }
  return outcomes_of(steps, order, call, context);
}

}  // namespace roster::apply::detail
