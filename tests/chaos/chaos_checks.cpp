#include "chaos_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <sstream>

namespace roster::chaos {

namespace {

using nlohmann::json;

constexpr int k_examples = 5;  // problems reported one by one per check; the rest are counted

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string text_of(const json& value, const char* key) {
  auto it = value.find(key);
  return it != value.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string step_key(const std::string& action, const std::string& email, const std::string& id) {
  return action + " " + (action == "invite" ? lower(email) : id);
}

std::string excerpt(const std::string& text) {
  return text.size() <= 160 ? text : text.substr(0, 160) + "...";
}

void report(Problems& problems, int count, const std::string& message) {
  if (count <= k_examples) problems.push_back(message);
}

json parse_or_report(const std::string& text, const char* what, Problems& problems) {
  json value = json::parse(text, nullptr, false);
  if (value.is_discarded() || !value.is_object()) {
    problems.push_back(fmt::format("{} is not a JSON object: {}", what, excerpt(text)));
    return json::object();
  }
  return value;
}

// team_member_id → the record as text (nlohmann sorts keys, so equal records print equal).
std::map<std::string, std::pair<std::string, std::string>> records(const json& state) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  auto members = state.find("members");
  if (members == state.end() || !members->is_array()) return out;
  for (const auto& m : *members)
    out[text_of(m, "team_member_id")] = {lower(text_of(m, "email")), m.dump()};
  return out;
}

// Why a journal line is not an entry of the run it names, or "" when it is: each run
// starts with one apply_started line, and every other line names a started run.
std::string entry_problem(const json& entry, std::set<std::string>& runs) {
  if (!entry.is_object()) return "not a JSON object";
  std::string run = text_of(entry, "run_id");
  std::string event = text_of(entry, "event");
  if (run.empty()) return "without run_id";
  if (event == "apply_started")
    return runs.insert(run).second ? "" : "a second apply_started of its run";
  if (event != "step_started" && event != "step_finished" && event != "apply_finished")
    return "of an unknown event";
  return runs.count(run) ? "" : "of a run that never started";
}

// A step line: a step the first plan named; an invite not refused as already sent.
void check_step(const json& entry, int number, const std::string& line, const PlannedSteps& plan,
                ChaosFigures& figures, Problems& problems) {
  std::string action = text_of(entry, "action");
  if (!plan.keys.count(
          step_key(action, text_of(entry, "email"), text_of(entry, "team_member_id")))) {
    ++figures.steps_outside_plan;
    report(problems, figures.steps_outside_plan,
           fmt::format("journal line {}: a step the first plan did not name: {}", number,
                       excerpt(line)));
  }
  if (text_of(entry, "event") == "step_finished" && action == "invite" &&
      (text_of(entry, "error_tag") == "user_already_on_team" ||
       text_of(entry, "note").find("user_already_on_team") != std::string::npos)) {
    ++figures.repeated_invitations;
    report(problems, figures.repeated_invitations,
           fmt::format("journal line {}: an invitation sent again: {}", number, excerpt(line)));
  }
}

}  // namespace

PlannedSteps read_plan(const std::string& plan_json, Problems& problems) {
  PlannedSteps plan;
  json doc = parse_or_report(plan_json, "the first plan", problems);
  if (doc.value("refused", false)) problems.push_back("the first plan was refused by a guard");
  // The scenario re-invites members removed beyond recovery on purpose: the plan's note that
  // this makes new, empty accounts (decision 0032) is expected; any other warning is not.
  json unexpected = json::array();
  for (const auto& w : doc.value("warnings", json::array())) {
    if (text_of(w, "message").rfind("removed and no longer recoverable: the invitation", 0) != 0)
      unexpected.push_back(w);
  }
  if (!unexpected.empty())
    problems.push_back("the first plan has warnings: " + excerpt(unexpected.dump()));
  for (const auto& step : doc.value("steps", json::array())) {
    std::string action = text_of(step, "action");
    std::string id = text_of(step, "team_member_id");
    plan.keys.insert(step_key(action, text_of(step, "email"), id));
    if (!id.empty()) plan.member_ids.insert(id);
    if (action == "invite") plan.invited_emails.insert(lower(text_of(step, "email")));
    ++plan.by_action[action];
    ++plan.total;
  }
  return plan;
}

void check_journal(const std::string& text, const PlannedSteps& plan, ChaosFigures& figures,
                   Problems& problems) {
  if (!text.empty() && text.back() != '\n')
    problems.push_back("the journal ends in an incomplete line: " +
                       excerpt(text.substr(text.rfind('\n') + 1)));
  std::set<std::string> runs;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    ++figures.journal_lines;
    json entry = json::parse(line, nullptr, false);
    std::string wrong = entry.is_discarded() ? "not JSON" : entry_problem(entry, runs);
    if (!wrong.empty()) {
      ++figures.journal_invalid_lines;
      report(problems, figures.journal_invalid_lines,
             fmt::format("journal line {} is {}: {}", number, wrong, excerpt(line)));
      continue;
    }
    std::string event = text_of(entry, "event");
    figures.journal_runs += event == "apply_started" ? 1 : 0;
    figures.journal_finished_runs += event == "apply_finished" ? 1 : 0;
    if (event == "step_started" || event == "step_finished")
      check_step(entry, number, line, plan, figures, problems);
  }
}

void check_records(const std::string& before, const std::string& after, const PlannedSteps& plan,
                   ChaosFigures& figures, Problems& problems) {
  auto old_records = records(parse_or_report(before, "the state before", problems));
  auto new_records = records(parse_or_report(after, "the state after", problems));
  for (const auto& [id, record] : old_records) {
    if (plan.member_ids.count(id)) continue;
    ++figures.bystanders;
    auto now = new_records.find(id);
    if (now != new_records.end() && now->second.second == record.second) continue;
    ++figures.bystanders_changed;
    report(problems, figures.bystanders_changed,
           fmt::format("{} ({}) was not in the plan but changed: was {}, is {}", record.first, id,
                       excerpt(record.second),
                       now == new_records.end() ? "gone" : excerpt(now->second.second)));
  }
  std::map<std::string, int> created;  // email → records the run created
  for (const auto& [id, record] : new_records) {
    if (!old_records.count(id)) ++created[record.first];
  }
  for (const auto& email : plan.invited_emails) {
    if (!created.count(email)) problems.push_back("no invitation was recorded for " + email);
  }
  for (const auto& [email, count] : created) {
    int extra = plan.invited_emails.count(email) ? count - 1 : count;
    if (extra <= 0) continue;
    figures.duplicate_invitations += extra;
    report(problems, figures.duplicate_invitations,
           fmt::format("{} has {} records created by the run ({} invited)", email, count,
                       plan.invited_emails.count(email) ? "1" : "none"));
  }
}

void check_writes(const std::string& stats, const PlannedSteps& plan, ChaosFigures& figures,
                  Problems& problems) {
  json doc = parse_or_report(stats, "the emulator's stats", problems);
  const json calls = doc.value("calls", json::object());
  for (const auto& [route, count] : calls.items())
    figures.requests += count.get<long>();
  const json statuses = doc.value("statuses", json::object());
  for (const char* status : {"429", "500", "503", "dropped"})
    figures.faults[status] = statuses.value(status, 0);
  const std::pair<const char*, const char*> writes[] = {
      {"team/members/recover", "recover"},
      {"team/members/unsuspend", "unsuspend"},
      {"team/members/set_profile_v2", "update_profile"},
      {"team/members/suspend", "suspend"},
      {"team/members/remove", "remove"}};
  const json route_statuses = doc.value("route_statuses", json::object());
  for (const auto& [route, action] : writes) {
    int ok = route_statuses.value(route, json::object()).value("200", 0);
    auto planned = plan.by_action.find(action);
    int allowed = planned == plan.by_action.end() ? 0 : planned->second;
    if (ok <= allowed) continue;
    figures.writes_beyond_plan += ok - allowed;
    problems.push_back(
        fmt::format("{} succeeded {} times; the plan has {} {} steps", route, ok, allowed, action));
  }
}

}  // namespace roster::chaos
