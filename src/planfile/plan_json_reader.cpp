#include <array>
#include <limits>

#include "plan_scope_json.hpp"
#include "roster/core/diagnostic.hpp"
#include "roster/core/file.hpp"
#include "roster/core/json_fields.hpp"
#include "roster/core/text_position.hpp"
#include "roster/model/desired.hpp"
#include "roster/model/roles.hpp"
#include "roster/planfile/saved_plan.hpp"
#include "time_json.hpp"

namespace roster::planfile {

namespace json = core::json;
using json::FieldReader;

namespace {

// An enumeration's value by its name, through the enum's one name table (`read`).
template <typename Enum>
bool parse_enum(FieldReader& fields, std::string_view key,
                std::optional<Enum> (*read)(std::string_view), Enum& out) {
  std::string text;
  if (!fields.string(key, text)) return false;
  if (auto value = read(text)) {
    out = *value;
    return true;
  }
  return fields.fail(*fields.get(key, true),
                     "unknown " + std::string(key) + " \"" + core::excerpt(text) + "\"");
}

// Counts and ages in a plan file are far below this; anything above is not a count.
constexpr std::int64_t k_max_count = std::numeric_limits<std::int32_t>::max();

std::optional<model::Role> role_named(std::string_view text) {
  return model::role_from_tag(text);
}

bool read_precondition(FieldReader& step, Precondition& p) {
  const json::Value* pre = step.object("precondition");
  if (pre == nullptr) return false;
  FieldReader fields(*pre, step.path() + ".precondition", step.failure());
  std::string fingerprint;
  if (!fields.string("fingerprint", fingerprint)) return false;
  const json::Value* observed = fields.get("observed", false);
  if (observed != nullptr) {
    FieldReader o(*observed, fields.path() + ".observed", step.failure());
    p.on_team = true;
    if (!o.string("team_member_id", p.team_member_id) || !o.string("email", p.email) ||
        !o.string("status", p.status) || !o.boolean("is_recoverable", p.is_recoverable) ||
        !o.string("given_name", p.given_name) || !o.string("surname", p.surname) ||
        !o.string("external_id", p.external_id) || !o.string("role", p.role)) {
      return false;
    }
  }
  // Format 1.2 adds what access steps depend on; older plans have no access steps.
  if (fields.get("access", false) != nullptr) {
    const json::Value* items = fields.array("access");
    if (items == nullptr) return false;
    for (const auto& item : items->as_array()) {
      FieldReader f(item, fields.path() + ".access", step.failure());
      std::pair<std::string, std::string> fact;
      if (!f.string("field", fact.first) || !f.string("value", fact.second)) return false;
      p.access.push_back(std::move(fact));
    }
  }
  // The fingerprint guards against hand edits of the recorded facts.
  if (p.fingerprint() != fingerprint) {
    return fields.fail(*fields.get("fingerprint", true),
                       "the fingerprint does not match the recorded observed state (edited?)");
  }
  return true;
}

bool read_changes(FieldReader& step, plan::PlanStep& s) {
  const json::Value* changes = step.array("changes");
  if (changes == nullptr) return false;
  for (const auto& c : changes->as_array()) {
    FieldReader f(c, step.path() + ".changes", step.failure());
    plan::FieldChange change;
    if (!f.string("field", change.field) || !f.string("before", change.before) ||
        !f.string("after", change.after)) {
      return false;
    }
    s.changes.push_back(std::move(change));
  }
  return true;
}

bool read_group(FieldReader& step, plan::PlanStep& s) {
  const json::Value* v = step.object("group");
  if (v == nullptr) return false;
  FieldReader f(*v, step.path() + ".group", step.failure());
  if (!f.string("id", s.group_id, false) || !f.string("name", s.group_name)) return false;
  if (s.action != plan::Action::create_group && s.action != plan::Action::update_group) {
    return true;
  }
  model::GroupManagement management{};
  if (!f.optional_string("external_id", s.group_external_id)) return false;
  if (f.get("management_type", false) == nullptr) return !f.failed();
  if (!parse_enum(f, "management_type", &model::group_management_from_string, management)) {
    return false;
  }
  s.group_management = management;
  return true;
}

bool read_object(FieldReader& step, const char* key, plan::PlanStep& s) {
  const json::Value* v = step.object(key);
  if (v == nullptr) return false;
  FieldReader f(*v, step.path() + "." + key, step.failure());
  if (s.action == plan::Action::invite) {
    return f.optional_string("given_name", s.given_name) &&
           f.optional_string("surname", s.surname) &&
           f.optional_string("external_id", s.external_id) &&
           f.boolean("send_welcome_email", s.send_welcome_email);
  }
  if (s.action == plan::Action::suspend) return f.boolean("wipe_data", s.wipe_data);
  return f.boolean("wipe_data", s.wipe_data) && f.boolean("keep_account", s.keep_account) &&
         f.boolean("retain_team_shares", s.retain_team_shares) &&
         f.string("transfer_to", s.transfer_to, false) &&
         f.string("transfer_admin", s.transfer_admin, false) &&
         read_recoverable(f, s.recoverable_until);
}

// The payload keys write_payload() writes for the step's action (docs/json-output.md).
bool read_payload(FieldReader& step, plan::PlanStep& s) {
  using plan::Action;
  switch (s.action) {
    case Action::invite:
      return read_object(step, "invite", s);
    case Action::suspend:
      return read_object(step, "suspend", s);
    case Action::remove:
      return read_object(step, "remove", s);
    case Action::update_profile:
      return read_changes(step, s);
    case Action::revoke_role:
    case Action::set_role: {
      model::Role role{};
      if (!parse_enum(step, "role", &role_named, role)) return false;
      s.role = role;
      return read_changes(step, s);
    }
    case Action::create_group:
    case Action::delete_group:
    case Action::remove_from_group:
      return read_group(step, s);
    case Action::update_group:
      return read_group(step, s) && read_changes(step, s);
    case Action::add_to_group:
    case Action::set_group_access:
      return read_group(step, s) &&
             parse_enum(step, "access", &model::group_access_from_string, s.group_access);
    case Action::add_secondary_email:
    case Action::delete_secondary_email:
      return step.string("secondary_email", s.secondary_email);
    case Action::set_space_limit: {
      std::int64_t gb = 0;
      if (!step.integer("quota_gb", gb, model::k_min_quota_gb, 1'000'000)) return false;
      s.quota_gb = static_cast<std::uint32_t>(gb);
      return true;
    }
    case Action::recover:
    case Action::resend_welcome_email:
    case Action::unsuspend:
    case Action::remove_space_limit:
      return true;
  }
  return true;
}

bool read_step(const json::Value& value, std::size_t index, SavedPlan& saved,
               FieldReader::Failure& failure) {
  FieldReader step(value, "steps[" + std::to_string(index) + "]", failure);
  plan::PlanStep s;
  Precondition p;
  std::optional<std::string> status;
  if (!parse_enum(step, "action", &plan::action_from_string, s.action) ||
      !parse_enum(step, "reason", &plan::reason_from_string, s.reason) ||
      !step.string("email", s.email, !plan::is_group_step(s)) ||
      !step.string("team_member_id", s.team_member_id, false) ||
      !step.string("observed_email", s.observed_email, false) ||
      !step.optional_string("observed_status", status) || !read_payload(step, s) ||
      !step.string("note", s.note, false) || !read_precondition(step, p)) {
    return false;
  }
  // Format 1.0 had no observed_email: the precondition recorded it. Where both exist they
  // must agree, so that the name a reviewer reads is the account the step changes.
  if (s.observed_email.empty() && p.on_team) s.observed_email = p.email;
  if (p.on_team ? s.observed_email != p.email : !s.observed_email.empty()) {
    return step.fail(*step.get("observed_email", true),
                     "observed_email \"" + s.observed_email +
                         "\" differs from the precondition's email \"" + p.email + "\"");
  }
  if (status) {
    s.observed_status = model::member_status_from_string(*status);
  }
  saved.plan.summary.steps_by_action[static_cast<std::size_t>(s.action)]++;
  saved.plan.steps.push_back(std::move(s));
  saved.preconditions.push_back(std::move(p));
  return true;
}

bool read_lists(FieldReader& root, SavedPlan& saved) {
  auto& p = saved.plan;
  const json::Value* warnings = root.array("warnings");
  const json::Value* drift = root.array("drift");
  const json::Value* guards = root.array("guards");
  if (warnings == nullptr || drift == nullptr || guards == nullptr) return false;
  for (const auto& w : warnings->as_array()) {
    FieldReader f(w, "warnings", root.failure());
    plan::PlanWarning warning;
    if (!f.string("email", warning.email) || !f.string("message", warning.message)) return false;
    p.warnings.push_back(std::move(warning));
  }
  for (const auto& d : drift->as_array()) {
    FieldReader f(d, "drift", root.failure());
    plan::DriftItem item;
    std::int64_t age = 0;
    if (!parse_enum(f, "kind", &plan::drift_kind_from_string, item.kind) ||
        !f.string("email", item.email) ||
        !parse_enum(f, "status", &model::member_status_from_string, item.status) ||
        !f.integer("age_days", age, 0, k_max_count, false)) {
      return false;
    }
    if (f.get("age_days", false) != nullptr) item.age_days = age;
    std::optional<std::string> group_name;
    if (!f.optional_string("group_name", group_name)) return false;
    item.group_name = group_name.value_or("");
    if (!read_recoverable(f, item.recoverable_until)) return false;
    p.drift.push_back(std::move(item));
  }
  if (!read_scheduled(root, p.scheduled)) return false;
  for (const auto& g : guards->as_array()) {
    FieldReader f(g, "guards", root.failure());
    plan::GuardResult guard;
    if (!f.string("name", guard.name) ||
        !parse_enum(f, "status", &plan::guard_status_from_string, guard.status) ||
        !f.string("message", guard.message)) {
      return false;
    }
    p.guards.push_back(std::move(guard));
  }
  return read_plan_scope(root, p);
}

bool read_summary(FieldReader& root, SavedPlan& saved) {
  const json::Value* summary = root.object("summary");
  if (summary == nullptr) return false;
  FieldReader f(*summary, "summary", root.failure());
  std::int64_t desired = 0, live = 0, removed = 0, removals = 0;
  if (!f.integer("desired_members", desired, 0, k_max_count) ||
      !f.integer("live_members", live, 0, k_max_count) ||
      !f.integer("removed_members", removed, 0, k_max_count) ||
      !f.integer("removals", removals, 0, k_max_count)) {
    return false;
  }
  // Format 1.2; absent (0) in older files, which had no access steps.
  std::int64_t demotions = 0, group_deletions = 0;
  if (!f.integer("demotions", demotions, 0, k_max_count, false) ||
      !f.integer("group_deletions", group_deletions, 0, k_max_count, false)) {
    return false;
  }
  saved.plan.summary.demotions = static_cast<std::size_t>(demotions);
  saved.plan.summary.group_deletions = static_cast<std::size_t>(group_deletions);
  saved.plan.summary.desired_members = static_cast<std::size_t>(desired);
  saved.plan.summary.live_members = static_cast<std::size_t>(live);
  saved.plan.summary.removed_members = static_cast<std::size_t>(removed);
  saved.plan.summary.removals = static_cast<std::size_t>(removals);
  return true;
}

bool read_document(const json::Value& doc, SavedPlan& saved, FieldReader::Failure& failure) {
  FieldReader root(doc, "plan", failure);
  if (!root.string("format_version", saved.format_version)) return false;
  if (saved.format_version.rfind("1.", 0) != 0) {
    return root.fail(
        *root.get("format_version", true),
        "unsupported format_version \"" + saved.format_version + "\" (this roster reads 1.x)");
  }
  const json::Value* team = root.object("team");
  const json::Value* manifest = root.object("manifest");
  const json::Value* steps = root.array("steps");
  if (team == nullptr || manifest == nullptr || steps == nullptr) return false;
  FieldReader team_fields(*team, "team", failure);
  FieldReader manifest_fields(*manifest, "manifest", failure);
  if (!root.string("roster_version", saved.roster_version) ||
      !root.string("created_at", saved.created_at) || !root.string("source", saved.source) ||
      !team_fields.optional_string("id", saved.team_id) ||
      !team_fields.optional_string("name", saved.team_name) ||
      !manifest_fields.string("digest", saved.manifest_digest) || !read_summary(root, saved)) {
    return false;
  }
  for (std::size_t i = 0; i < steps->as_array().size(); ++i) {
    if (!read_step(steps->as_array()[i], i, saved, failure)) return false;
  }
  return read_lists(root, saved);
}

}  // namespace

LoadedPlan parse_saved_plan(std::string_view text, const std::string& name) {
  LoadedPlan loaded;
  json::Value doc;
  if (auto failure = json::read(text, doc)) {
    auto where = core::position_of(text, failure->offset);
    loaded.diagnostics.error({name, where.line, where.column},
                             "malformed JSON: " + failure->message);
    return loaded;
  }
  SavedPlan saved;
  FieldReader::Failure failure;
  if (!read_document(doc, saved, failure)) {
    auto where = core::position_of(text, failure.offset);
    loaded.diagnostics.error({name, where.line, where.column},
                             "not a roster plan file: " + failure.message);
    return loaded;
  }
  loaded.saved = std::move(saved);
  return loaded;
}

LoadedPlan read_saved_plan(const std::string& path) {
  auto text = core::read_file(path);
  if (!text) {
    LoadedPlan loaded;
    loaded.diagnostics.error({path, 0, 0}, "cannot read plan file: " + text.error().message);
    return loaded;
  }
  return parse_saved_plan(*text, path);
}

}  // namespace roster::planfile
