// Safety guards decided from the plan and the listing (PRODUCT.md §6, decision 0009). A
// refused guard leaves the plan intact for review; apply will not run it.
#include "roster/plan/guards.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "planner.hpp"
#include "roster/model/roles.hpp"

namespace roster::plan {

namespace {

using Status = GuardResult::Status;

// "admin@acme.com" or "admin@acme.com (declared as ada.new@acme.com)".
std::string account_of(const PlanStep& s) {
  const auto& on_team = observed_email_of(s);
  if (on_team == s.email) return on_team;
  return fmt::format("{} (declared as {})", on_team, s.email);
}

std::size_t count_live(const model::ObservedTeam& observed) {
  return static_cast<std::size_t>(
      std::count_if(observed.members.begin(), observed.members.end(),
                    [](const model::ObservedMember& m) { return model::is_live(m); }));
}

}  // namespace

bool is_demotion(model::Role before, model::Role after) noexcept {
  if (!model::is_admin(before)) return false;
  return after == model::Role::member_only ||
         (before == model::Role::team_admin && after != model::Role::team_admin);
}

namespace {

// The role a role step changes from and to, as the plan recorded it.
std::optional<std::pair<model::Role, model::Role>> role_change(const PlanStep& s) {
  if (!is_privilege_change(s)) return std::nullopt;
  for (const auto& c : s.changes) {
    if (c.field != "role") continue;
    auto before = model::role_from_tag(c.before);
    auto after = model::role_from_tag(c.after);
    if (before && after) return std::pair{*before, *after};
  }
  return std::nullopt;
}

}  // namespace

namespace {

// "suspend", "remove", or "demote" for a role step: what a guard says the plan would do.
const char* verb_of(const PlanStep& s) {
  return is_privilege_change(s) ? "demote" : to_string(s.action);
}

// What the manifest declares that leads to the step: "suspended", "removed", "member_only".
std::string declared_as(const PlanStep& s) {
  if (s.action == Action::suspend) return "suspended";
  if (s.action == Action::remove) return "removed";
  return fmt::format("with role {}", model::to_string(s.role.value_or(model::Role::member_only)));
}

}  // namespace

namespace {

// A leaving admin's revoke_role: judged with the suspension or removal it precedes, which
// names what the plan does to the account.
bool goes_with_leaving(const PlanStep& s) {
  return s.reason == Reason::leaving_admin;
}

}  // namespace

bool demotes(const PlanStep& s) noexcept {
  auto change = role_change(s);
  return change && is_demotion(change->first, change->second);
}

bool takes_team_admin(const PlanStep& s) noexcept {
  auto change = role_change(s);
  return change && change->first == model::Role::team_admin &&
         change->second != model::Role::team_admin;
}

bool takes_away_access(const PlanStep& s) noexcept {
  return (s.action == Action::suspend || s.action == Action::remove) && s.observed_status &&
         *s.observed_status != model::MemberStatus::removed;
}

const std::string& observed_email_of(const PlanStep& s) noexcept {
  return s.observed_email.empty() ? s.email : s.observed_email;
}

GuardResult check_last_admin(const std::vector<PlanStep>& steps,
                             const model::ObservedTeam& observed) {
  std::unordered_set<std::string_view> admins;
  for (const auto& m : observed.members) {
    if (m.status == model::MemberStatus::active && m.role == model::Role::team_admin) {
      admins.insert(m.team_member_id);
    }
  }
  std::size_t taking = 0;
  bool demoting = false;  // a plan that only suspends and removes says so in those words
  std::unordered_set<std::string_view> lost;
  for (const auto& s : steps) {
    bool leaves = takes_away_access(s);
    // A leaving admin's revoke_role goes with its suspension or removal: one account.
    if (!leaves && !takes_team_admin(s)) continue;
    if (leaves || s.reason != Reason::leaving_admin) ++taking;
    if (!leaves && !goes_with_leaving(s)) demoting = true;
    if (admins.count(s.team_member_id) != 0) lost.insert(s.team_member_id);
  }
  const char* what = demoting ? "suspends, removes or demotes" : "suspends or removes";
  GuardResult g{"last_admin", Status::passed, ""};
  if (admins.empty()) {
    // Fail closed: without a recognisable admin, roster cannot tell whether a removal
    // takes the last one (roles are read by role_id; decision 0009).
    if (taking == 0) {
      g.message =
          "no active team admin is recognised in the listing; the plan takes access "
          "from nobody";
    } else {
      g.status = Status::refused;
      g.message = fmt::format(
          "no active team admin can be recognised in the listing (roles are read by role_id), "
          "so roster cannot tell whether the plan's {} suspension{} or removal{}{} leave one",
          taking, taking == 1 ? "" : "s", taking == 1 ? "" : "s",
          demoting ? fmt::format(" or demotion{}", taking == 1 ? "" : "s") : "");
    }
    return g;
  }
  std::size_t left = admins.size() - lost.size();
  g.message = fmt::format("{} of {} active team admins remain after the plan", left, admins.size());
  if (left == 0) {
    g.status = Status::refused;
    g.message = fmt::format("the plan {} every active team admin ({}); at least one must remain",
                            what, admins.size());
  }
  return g;
}

GuardResult check_token_admin(const std::vector<PlanStep>& steps,
                              const model::ObservedTeam& observed) {
  GuardResult g{"token_admin", Status::passed, ""};
  const auto& email = observed.authenticated_admin_email;
  const auto& id = observed.authenticated_admin_id;
  if (!email && !id) {
    g.status = Status::not_checked;
    g.message =
        "the token's admin is known only when planning live (or from a snapshot "
        "that records it)";
    return g;
  }
  std::string name = email.value_or(id.value_or(""));
  g.message = fmt::format("{} (the token's admin) is not suspended or removed", name);
  for (const auto& s : steps) {
    bool is_admin = id ? s.team_member_id == *id : observed_email_of(s) == *email;
    if (goes_with_leaving(s)) continue;
    if ((takes_away_access(s) || takes_team_admin(s)) && is_admin) {
      g.status = Status::refused;
      g.message = fmt::format("the plan would {} {}, the admin whose token roster uses", verb_of(s),
                              account_of(s));
      break;
    }
  }
  return g;
}

GuardResult check_protected(const std::vector<PlanStep>& steps, const model::Policy& policy) {
  GuardResult g{"protected", Status::passed, ""};
  const auto& list = policy.protected_emails;
  auto is_protected = [&](const std::string& email) {
    return std::binary_search(list.begin(), list.end(), email);
  };
  g.message =
      fmt::format("no member of policy.protected ({} listed) is suspended or removed", list.size());
  for (const auto& s : steps) {
    bool lowers = takes_away_access(s) || (demotes(s) && !goes_with_leaving(s));
    if (lowers && (is_protected(observed_email_of(s)) || is_protected(s.email))) {
      g.status = Status::refused;
      g.message = fmt::format("the plan would {} {}, which policy.protected lists", verb_of(s),
                              account_of(s));
      break;
    }
  }
  return g;
}

GuardResult check_external_id_match(const std::vector<PlanStep>& steps) {
  GuardResult g{"external_id_match", Status::passed,
                "no suspension or removal rests on a match by external_id alone"};
  for (const auto& s : steps) {
    if ((takes_away_access(s) || (demotes(s) && !goes_with_leaving(s))) &&
        !s.team_member_id.empty() && observed_email_of(s) != s.email) {
      g.status = Status::refused;
      g.message = fmt::format(
          "{} is declared {} but only its external_id matches {} on the team; roster does not "
          "{} an account under another email (declare {} itself)",
          s.email, declared_as(s), observed_email_of(s), verb_of(s), observed_email_of(s));
      break;
    }
  }
  return g;
}

std::vector<GuardResult> recheck_guards(const Plan& plan, const model::ObservedTeam& live) {
  return {check_last_admin(plan.steps, live), check_token_admin(plan.steps, live)};
}

void Planner::check_guards() {
  check_removal_fraction();
  check_max_demotions();
  m_plan.guards.push_back(check_last_admin(m_plan.steps, m_observed));
  m_plan.guards.push_back(check_token_admin(m_plan.steps, m_observed));
  m_plan.guards.push_back(check_protected(m_plan.steps, m_desired.policy));
  m_plan.guards.push_back(check_external_id_match(m_plan.steps));
  check_team_name();
}

void Planner::check_removal_fraction() {
  std::size_t live = count_live(m_observed);
  std::size_t removals = static_cast<std::size_t>(
      std::count_if(m_plan.steps.begin(), m_plan.steps.end(), takes_away_access));
  m_plan.summary.removals = removals;
  double limit = m_options.max_removal_fraction.value_or(m_desired.policy.max_removal_fraction);
  auto allowed = static_cast<std::size_t>(std::floor(limit * static_cast<double>(live) + 1e-9));
  double fraction = live == 0 ? 0.0 : static_cast<double>(removals) / static_cast<double>(live);
  GuardResult g{"removal_fraction", Status::passed, ""};
  g.message = fmt::format(
      "suspends or removes {} of {} live members ({:.1f}%); max_removal_fraction {} allows {}",
      removals, live, fraction * 100.0, limit, allowed);
  if (removals > allowed) g.status = Status::refused;
  if (m_desired.manages_groups && m_observed.groups_read) {
    // Deleting groups counts too, against the groups roster may touch (issue 9).
    auto groups = static_cast<std::size_t>(std::count_if(
        m_observed.groups.begin(), m_observed.groups.end(), [](const model::ObservedGroup& grp) {
          return grp.management != model::GroupManagement::system_managed;
        }));
    auto deletions = static_cast<std::size_t>(
        std::count_if(m_plan.steps.begin(), m_plan.steps.end(),
                      [](const PlanStep& st) { return st.action == Action::delete_group; }));
    auto allowed_groups =
        static_cast<std::size_t>(std::floor(limit * static_cast<double>(groups) + 1e-9));
    m_plan.summary.group_deletions = deletions;
    g.message +=
        fmt::format("; deletes {} of {} groups, allows {}", deletions, groups, allowed_groups);
    if (deletions > allowed_groups) g.status = Status::refused;
  }
  m_plan.guards.push_back(std::move(g));
}

// Admins who lose or lower their role, one count per member (a leaving admin's revoke
// counts here and its removal in removal_fraction).
void Planner::check_max_demotions() {
  std::size_t admins = static_cast<std::size_t>(std::count_if(
      m_observed.members.begin(), m_observed.members.end(),
      [](const model::ObservedMember& m) { return model::is_live(m) && model::is_admin(m.role); }));
  std::unordered_set<std::string_view> demoted;
  for (const auto& st : m_plan.steps) {
    if (demotes(st)) demoted.insert(st.team_member_id);
  }
  m_plan.summary.demotions = demoted.size();
  std::size_t allowed = std::max<std::size_t>(1, admins / 10);
  const char* source = "max(1, 10% of admins)";
  if (m_options.max_demotions) {
    allowed = *m_options.max_demotions;
    source = "--max-demotions";
  } else if (m_desired.policy.max_demotions) {
    allowed = *m_desired.policy.max_demotions;
    source = "policy.max_demotions";
  }
  GuardResult g{"max_demotions", Status::passed, ""};
  g.message =
      fmt::format("demotes {} of {} admins; {} allows {}", demoted.size(), admins, source, allowed);
  if (demoted.size() > allowed) g.status = Status::refused;
  m_plan.guards.push_back(std::move(g));
}

void Planner::check_team_name() {
  GuardResult g{"team_name", Status::passed, ""};
  const auto& want = m_desired.team_name;
  const auto& have = m_observed.team_name;
  if (!want) {
    g.status = Status::not_checked;
    g.message = "the manifest declares no team.name";
  } else if (!have) {
    g.status = Status::not_checked;
    g.message =
        "the team's name is known only when planning live (or from a snapshot that "
        "records it)";
  } else if (*want != *have) {
    g.status = Status::refused;
    g.message = fmt::format("the manifest is for team \"{}\" but the token belongs to team \"{}\"",
                            *want, *have);
  } else {
    g.message = fmt::format("team \"{}\" matches team.name", *have);
  }
  m_plan.guards.push_back(std::move(g));
}

}  // namespace roster::plan
