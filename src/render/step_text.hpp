#pragma once

#include <string>

#include "roster/plan/plan.hpp"

namespace roster::render {

/// The words every view uses for a step, so human and Markdown output agree.
[[nodiscard]] const char* action_symbol(plan::Action action);  // "+", "-", "~", "↺"
[[nodiscard]] const char* action_word(plan::Action action);    // "invite", "update", ...
[[nodiscard]] const char* action_colour(plan::Action action);  // an ANSI colour sequence
[[nodiscard]] std::string reason_text(const plan::PlanStep& step);
/// Who the step changes: "ada@acme.com", or "ada.new@acme.com (on the team as
/// admin@acme.com)" when the record on the team has another email than the manifest's.
[[nodiscard]] std::string subject_text(const plan::PlanStep& step);
/// subject_text, and for a membership step its group: lines that stand alone (apply's
/// progress and "Not done" list) have no details column to name it.
[[nodiscard]] std::string progress_subject(const plan::PlanStep& step);
/// What the step sends that matters to a reviewer: wipe, transfer, welcome email, changes.
[[nodiscard]] std::string details_text(const plan::PlanStep& step);
[[nodiscard]] std::string drift_text(const plan::DriftItem& item);
/// "remove on 2027-01-02, in 30 days (declared removed; remove.after_suspended_days: 30)"
[[nodiscard]] std::string scheduled_text(const plan::ScheduledRemoval& item);
/// "1 removal scheduled." or "" when none.
[[nodiscard]] std::string scheduled_summary(const plan::Plan& plan);
/// What a drift item is about: the member's email, or `group "Sales"`.
[[nodiscard]] std::string drift_subject(const plan::DriftItem& item);
/// "email: message", or the message alone for a warning about no one member (a group).
[[nodiscard]] std::string warning_text(const plan::PlanWarning& warning);
/// "Plan: 2 to invite, 1 to remove." or "No changes: the team matches the manifest."
[[nodiscard]] std::string summary_text(const plan::Plan& plan);

}  // namespace roster::render
