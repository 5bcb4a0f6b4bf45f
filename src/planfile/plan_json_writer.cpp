#include <algorithm>

#include "plan_scope_json.hpp"
#include "roster/core/json.hpp"
#include "roster/planfile/saved_plan.hpp"
#include "time_json.hpp"

namespace roster::planfile {

using core::json::Writer;

namespace {

void optional_string(Writer& w, const char* key, const std::optional<std::string>& value) {
  w.key(key);
  value ? w.string(*value) : w.null();
}

void write_precondition(Writer& w, const Precondition& p) {
  w.key("precondition").begin_object().key("fingerprint").string(p.fingerprint());
  w.key("observed");
  if (!p.on_team) {
    w.null();
  } else {
    w.begin_object()
        .key("team_member_id")
        .string(p.team_member_id)
        .key("email")
        .string(p.email)
        .key("status")
        .string(p.status)
        .key("is_recoverable")
        .boolean(p.is_recoverable)
        .key("given_name")
        .string(p.given_name)
        .key("surname")
        .string(p.surname)
        .key("external_id")
        .string(p.external_id)
        .key("role")
        .string(p.role)
        .end_object();
  }
  // Format 1.2: what an access step depends on besides the member (issue 9).
  w.key("access").begin_array();
  for (const auto& [field, value] : p.access)
    w.begin_object().key("field").string(field).key("value").string(value).end_object();
  w.end_array();
  w.end_object();
}

void write_changes(Writer& w, const std::vector<plan::FieldChange>& changes) {
  w.key("changes").begin_array();
  for (const auto& c : changes) {
    w.begin_object().key("field").string(c.field).key("before").string(c.before);
    w.key("after").string(c.after).end_object();
  }
  w.end_array();
}

// `group` of a group step or a membership step; `id` is null for a group the plan creates.
void write_group(Writer& w, const plan::PlanStep& s) {
  w.key("group").begin_object().key("id");
  s.group_id.empty() ? w.null() : w.string(s.group_id);
  w.key("name").string(s.group_name);
  if (s.action == plan::Action::create_group || s.action == plan::Action::update_group) {
    optional_string(w, "external_id", s.group_external_id);
    w.key("management_type");
    s.group_management ? w.string(model::to_string(*s.group_management)) : w.null();
  }
  w.end_object();
}

// What the step sends beside its member: one key per kind of payload (docs/json-output.md).
void write_payload(Writer& w, const plan::PlanStep& s) {
  using plan::Action;
  switch (s.action) {
    case Action::invite:
      w.key("invite").begin_object();
      optional_string(w, "given_name", s.given_name);
      optional_string(w, "surname", s.surname);
      optional_string(w, "external_id", s.external_id);
      w.key("send_welcome_email").boolean(s.send_welcome_email).end_object();
      break;
    case Action::update_profile:
      write_changes(w, s.changes);
      break;
    case Action::suspend:
      w.key("suspend").begin_object().key("wipe_data").boolean(s.wipe_data).end_object();
      break;
    case Action::remove:
      w.key("remove").begin_object().key("wipe_data").boolean(s.wipe_data);
      w.key("keep_account").boolean(s.keep_account);
      w.key("retain_team_shares").boolean(s.retain_team_shares);
      w.key("transfer_to");
      s.transfer_to.empty() ? w.null() : w.string(s.transfer_to);
      w.key("transfer_admin");
      s.transfer_admin.empty() ? w.null() : w.string(s.transfer_admin);
      write_recoverable(w, s.recoverable_until, "if_applied_now");  // format 1.3
      w.end_object();
      break;
    case Action::revoke_role:
    case Action::set_role:
      w.key("role").string(model::to_string(s.role.value_or(model::Role::member_only)));
      write_changes(w, s.changes);
      break;
    case Action::create_group:
    case Action::delete_group:
      write_group(w, s);
      break;
    case Action::update_group:
      write_group(w, s);
      write_changes(w, s.changes);
      break;
    case Action::add_to_group:
    case Action::set_group_access:
      write_group(w, s);
      w.key("access").string(model::to_string(s.group_access));
      break;
    case Action::remove_from_group:
      write_group(w, s);
      break;
    case Action::add_secondary_email:
    case Action::delete_secondary_email:
      w.key("secondary_email").string(s.secondary_email);
      break;
    case Action::set_space_limit:
      w.key("quota_gb").integer(s.quota_gb);
      break;
    case Action::recover:
    case Action::resend_welcome_email:
    case Action::unsuspend:
    case Action::remove_space_limit:
      break;
  }
}

void write_step(Writer& w, const plan::PlanStep& s, std::size_t index, const Precondition* pre) {
  w.begin_object().key("index").integer(static_cast<std::int64_t>(index));
  w.key("action").string(plan::to_string(s.action)).key("reason").string(plan::to_string(s.reason));
  w.key("privilege_change").boolean(plan::is_privilege_change(s));
  w.key("email").string(s.email);
  w.key("team_member_id");
  s.team_member_id.empty() ? w.null() : w.string(s.team_member_id);
  w.key("observed_email");
  s.observed_email.empty() ? w.null() : w.string(s.observed_email);
  w.key("observed_status");
  s.observed_status ? w.string(model::to_string(*s.observed_status)) : w.null();
  write_payload(w, s);
  w.key("note").string(s.note);
  if (pre != nullptr) write_precondition(w, *pre);
  w.end_object();
}

void write_summary(Writer& w, const plan::Plan& p) {
  w.key("summary").begin_object().key("steps").begin_object();
  for (std::size_t a = 0; a < plan::k_action_count; ++a) {
    w.key(plan::to_string(static_cast<plan::Action>(a)))
        .integer(static_cast<std::int64_t>(p.summary.steps_by_action[a]));
  }
  w.end_object();
  w.key("total_steps").integer(static_cast<std::int64_t>(p.steps.size()));
  w.key("desired_members").integer(static_cast<std::int64_t>(p.summary.desired_members));
  w.key("live_members").integer(static_cast<std::int64_t>(p.summary.live_members));
  w.key("removed_members").integer(static_cast<std::int64_t>(p.summary.removed_members));
  w.key("removals").integer(static_cast<std::int64_t>(p.summary.removals));
  w.key("privilege_changes")
      .integer(std::count_if(p.steps.begin(), p.steps.end(), &plan::is_privilege_change));
  w.key("demotions").integer(static_cast<std::int64_t>(p.summary.demotions));
  w.key("group_deletions").integer(static_cast<std::int64_t>(p.summary.group_deletions));
  w.key("warnings").integer(static_cast<std::int64_t>(p.warnings.size()));
  w.key("drift").integer(static_cast<std::int64_t>(p.drift.size()));
  w.key("scheduled").integer(static_cast<std::int64_t>(p.scheduled.size()));  // format 1.3
  w.end_object();
}

}  // namespace

std::string to_json(const SavedPlan& saved) {
  const auto& p = saved.plan;
  std::string out;
  Writer w(out, 2);
  w.begin_object().key("format_version").string(saved.format_version);
  w.key("roster_version").string(saved.roster_version);
  w.key("created_at").string(saved.created_at).key("source").string(saved.source);
  w.key("team").begin_object();
  optional_string(w, "id", saved.team_id);
  optional_string(w, "name", saved.team_name);
  w.end_object();
  w.key("manifest").begin_object().key("digest").string(saved.manifest_digest).end_object();
  w.key("has_changes").boolean(p.has_changes()).key("refused").boolean(p.is_refused());
  write_summary(w, p);
  w.key("steps").begin_array();
  for (std::size_t i = 0; i < p.steps.size(); ++i) {
    write_step(w, p.steps[i], i,
               i < saved.preconditions.size() ? &saved.preconditions[i] : nullptr);
  }
  w.end_array().key("warnings").begin_array();
  for (const auto& warning : p.warnings) {
    w.begin_object().key("email").string(warning.email).key("message").string(warning.message);
    w.end_object();
  }
  w.end_array().key("drift").begin_array();
  for (const auto& d : p.drift) {
    w.begin_object().key("kind").string(plan::to_string(d.kind)).key("email").string(d.email);
    w.key("status").string(model::to_string(d.status)).key("age_days");
    d.age_days ? w.integer(*d.age_days) : w.null();
    w.key("group_name");  // format 1.2: unmanaged_group items name their group
    d.group_name.empty() ? w.null() : w.string(d.group_name);
    write_recoverable(w, d.recoverable_until, "at_the_latest");  // format 1.3
    w.end_object();
  }
  w.end_array();
  write_scheduled(w, p.scheduled);
  w.key("guards").begin_array();
  for (const auto& g : p.guards) {
    w.begin_object().key("name").string(g.name).key("status").string(plan::to_string(g.status));
    w.key("message").string(g.message).end_object();
  }
  w.end_array();
  write_plan_scope(w, p);  // format 1.3
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace roster::planfile
