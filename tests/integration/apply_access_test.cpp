// The executor's access steps (issue 9) through the real client against roster-emulator:
// hand-built plans applied with apply_plan, checked in the team and in the emulator's
// per-route call counts (the batching floor).
#include "access_support.hpp"
#include "roster/apply/apply_plan.hpp"

using namespace roster;
using plan::Action;
using Status = apply::StepOutcome::Status;
using test::AccessClient;
using test::EmulatorRunner;

namespace {

class Applier {
 public:
  explicit Applier(AccessClient& client) : m_client(client) {}

  // Applies `steps` in phase order (stable within an action).
  apply::ApplyReport operator()(std::vector<plan::PlanStep> steps) {
    std::stable_sort(steps.begin(), steps.end(),
                     [](const auto& a, const auto& b) { return a.action < b.action; });
    m_plan.steps = std::move(steps);
    return apply::apply_plan(m_plan, *m_client.api, m_options, m_client.stop, m_client.gate,
                             m_progress);
  }

 private:
  AccessClient& m_client;
  apply::NullProgress m_progress;
  apply::ApplyOptions m_options;
  plan::Plan m_plan;
};

plan::PlanStep member(Action action, AccessClient& client, const std::string& email) {
  plan::PlanStep s;
  s.action = action;
  s.email = email;
  if (action != Action::invite) s.team_member_id = client.id_of(email);
  return s;
}

plan::PlanStep in_group(plan::PlanStep s, const std::string& name, const std::string& id,
                        model::GroupAccess access = model::GroupAccess::member) {
  s.group_name = name;
  s.group_id = id;
  s.group_access = access;
  return s;
}

std::string outcomes(const apply::ApplyReport& report) {
  std::string out;
  for (const auto& o : report.outcomes)
    out += std::string(apply::to_string(o.status)) + " (" + std::to_string(o.attempts) +
           " attempts) " + o.error.message + o.note + "\n";
  return out;
}

}  // namespace

TEST_CASE("apply sets and revokes roles with the team's role ids", "[live][apply][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  auto grant = member(Action::set_role, client, "amy@acme.com");
  grant.role = model::Role::user_management_admin;
  auto billing = member(Action::set_role, client, "bob@acme.com");
  billing.role = model::Role::billing_admin;
  Applier apply(client);
  const std::string roles_route = "team/members/get_available_team_member_roles";
  const int roles_read = emulator.calls(roles_route);  // observing reads them too
  auto report = apply({grant, billing});
  INFO(outcomes(report));
  CHECK(report.all_succeeded());
  CHECK(emulator.calls(roles_route) == roles_read + 1);  // once per apply, not per step
  CHECK(client.find("amy@acme.com")->role == model::Role::user_management_admin);
  CHECK(client.find("bob@acme.com")->role == model::Role::billing_admin);

  auto revoke = member(Action::revoke_role, client, "amy@acme.com");
  revoke.role = model::Role::member_only;
  auto suspend = member(Action::suspend, client, "amy@acme.com");
  const int roles_before_revoke = emulator.calls(roles_route);
  auto second = apply({revoke, suspend});
  CHECK(emulator.calls(roles_route) == roles_before_revoke);  // revoking needs no role id
  INFO(outcomes(second));
  CHECK(second.all_succeeded());
  auto amy = client.find("amy@acme.com");
  CHECK(amy->role == model::Role::member_only);
  CHECK(amy->status == model::MemberStatus::suspended);
  CHECK(emulator.calls("team/members/set_admin_permissions_v2") == 3);  // one per role change
}

TEST_CASE("a role change Dropbox refuses fails its step and holds the suspension behind it",
          "[live][apply][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  auto revoke = member(Action::revoke_role, client, "admin@acme.com");  // the last team admin
  revoke.role = model::Role::member_only;
  auto suspend = member(Action::suspend, client, "admin@acme.com");
  Applier apply(client);
  auto report = apply({revoke, suspend});
  CHECK(report.outcomes[0].status == Status::failed);
  CHECK(report.outcomes[0].error.api_tag == "last_admin");
  CHECK(report.outcomes[1].status == Status::skipped);
  CHECK(report.outcomes[1].note == "needs revoke_role admin@acme.com, which failed");
  CHECK(emulator.calls("team/members/suspend") == 0);
}

TEST_CASE("apply creates, changes and deletes groups, one membership call per group",
          "[live][apply][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  const std::string sales = client.group_id("Sales");
  const std::string eng = client.group_id("Eng");
  plan::PlanStep create;
  create.action = Action::create_group;
  create.group_name = "Ops";
  create.group_external_id = "ops";
  create.group_management = model::GroupManagement::company_managed;
  plan::PlanStep rename;
  rename.action = Action::update_group;
  rename.group_id = eng;
  rename.group_name = "Engineering";
  rename.changes.push_back({"name", "Eng", "Engineering"});
  auto invitee = member(Action::invite, client, "new@acme.com");
  auto new_in_ops = in_group(member(Action::invite, client, "new@acme.com"), "Ops", "");
  new_in_ops.action = Action::add_to_group;  // selected by email: no id before the invite
  Applier apply(client);
  auto report = apply({
      create,
      rename,
      invitee,
      in_group(member(Action::add_to_group, client, "amy@acme.com"), "Ops", ""),
      in_group(member(Action::add_to_group, client, "bob@acme.com"), "Ops", ""),
      new_in_ops,
      in_group(member(Action::add_to_group, client, "bob@acme.com"), "Sales", sales),
      in_group(member(Action::set_group_access, client, "bob@acme.com"), "Engineering", eng,
               model::GroupAccess::owner),
      in_group(member(Action::remove_from_group, client, "amy@acme.com"), "Sales", sales),
  });
  INFO(outcomes(report));
  CHECK(report.all_succeeded());
  const std::string ops = client.group_id("Ops");
  CHECK(report.outcomes[1].group_id == ops);  // after the invite, in phase order
  auto ops_members = client.api->list_group_members(ops);
  REQUIRE(ops_members);
  CHECK(ops_members->size() == 3);
  auto sales_members = client.api->list_group_members(sales);
  REQUIRE(sales_members);
  REQUIRE(sales_members->size() == 1);
  CHECK(sales_members->front().email == "bob@acme.com");
  CHECK(client.group_id("Engineering") == eng);
  CHECK(emulator.calls("team/groups/create") == 1);
  CHECK(emulator.calls("team/groups/update") == 1);
  CHECK(emulator.calls("team/groups/members/add") == 2);  // Ops (three members), Sales
  CHECK(emulator.calls("team/groups/members/remove") == 1);
  CHECK(emulator.calls("team/groups/members/set_access_type") == 1);

  plan::PlanStep remove;
  remove.action = Action::delete_group;
  remove.group_id = ops;
  remove.group_name = "Ops";
  auto deleted = apply({remove});
  CHECK(deleted.all_succeeded());
  CHECK(emulator.calls("team/groups/delete") == 1);
}

TEST_CASE("a membership batch refused for one member gives each member its true outcome",
          "[live][apply][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  const std::string sales = client.group_id("Sales");
  Applier apply(client);
  // amy is in Sales already (someone added her since the plan): duplicate_user for the call.
  auto report = apply({
      in_group(member(Action::add_to_group, client, "amy@acme.com"), "Sales", sales),
      in_group(member(Action::add_to_group, client, "bob@acme.com"), "Sales", sales),
      in_group(member(Action::add_to_group, client, "sue@acme.com"), "Sales", sales),
  });
  INFO(outcomes(report));
  CHECK(report.outcomes[0].status == Status::failed);
  CHECK(report.outcomes[0].error.api_tag == "duplicate_user");
  CHECK(report.outcomes[1].status == Status::succeeded);
  CHECK(report.outcomes[2].status == Status::succeeded);
  CHECK(emulator.calls("team/groups/members/add") == 1 + 3);
  auto members = client.api->list_group_members(sales);
  REQUIRE(members);
  CHECK(members->size() == 3);
}

TEST_CASE("a group that could not be created skips its memberships", "[live][apply][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  plan::PlanStep create;
  create.action = Action::create_group;
  create.group_name = "Sales";  // taken
  Applier apply(client);
  auto report =
      apply({create, in_group(member(Action::add_to_group, client, "bob@acme.com"), "Sales", "")});
  CHECK(report.outcomes[0].status == Status::failed);
  CHECK(report.outcomes[0].error.api_tag == "group_name_already_used");
  CHECK(report.outcomes[1].status == Status::skipped);
  CHECK(report.outcomes[1].note == "needs create_group Sales, which failed");
  CHECK(emulator.calls("team/groups/members/add") == 0);
}

TEST_CASE("apply adds secondary emails 20 a call, each with its own outcome",
          "[live][apply][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  std::vector<plan::PlanStep> steps;
  auto email = [&](Action action, const std::string& who, const std::string& address) {
    auto s = member(action, client, who);
    s.secondary_email = address;
    steps.push_back(s);
  };
  for (int i = 0; i < 12; ++i)
    email(Action::add_secondary_email, "bob@acme.com", "bob" + std::to_string(i) + "@acme.com");
  for (int i = 0; i < 8; ++i)
    email(Action::add_secondary_email, "admin@acme.com", "it" + std::to_string(i) + "@acme.com");
  email(Action::add_secondary_email, "ian@acme.com", "ian2@acme.com");  // invited: placeholder
  email(Action::delete_secondary_email, "amy@acme.com", "amy@old.acme.com");
  Applier apply(client);
  auto report = apply(steps);
  INFO(outcomes(report));
  CHECK(report.count(Status::succeeded) == 10 + 8 + 1);
  // The emulator's limit is 10 a member (decision 0108): bob's last two are refused alone.
  CHECK(report.outcomes[10].status == Status::failed);
  CHECK(report.outcomes[10].error.message ==
        "members/secondary_emails/add refused bob10@acme.com for bob@acme.com: reached_limit");
  CHECK(report.outcomes[11].error.api_tag == "reached_limit");
  CHECK(report.outcomes[20].status == Status::skipped);
  CHECK(report.outcomes[20].note ==
        "ian@acme.com has not joined the team yet (placeholder_user): secondary emails wait "
        "until they do");
  CHECK(emulator.calls("team/members/secondary_emails/add") == 2);  // ceil(21 / 20)
  CHECK(emulator.calls("team/members/secondary_emails/delete") == 1);
  CHECK(client.find("bob@acme.com")->secondary_emails.size() == 10);
  CHECK(client.find("amy@acme.com")->secondary_emails.empty());
}

TEST_CASE("apply sets and removes custom quotas in one call - an excluded member fails alone",
          "[live][apply][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  auto quota = [&](Action action, const std::string& who, std::uint32_t gb) {
    auto s = member(action, client, who);
    s.quota_gb = gb;
    return s;
  };
  Applier apply(client);
  auto report = apply({quota(Action::set_space_limit, "admin@acme.com", 20),
                       quota(Action::set_space_limit, "bob@acme.com", 30),  // excluded
                       quota(Action::remove_space_limit, "amy@acme.com", 0)});
  INFO(outcomes(report));
  CHECK(report.outcomes[0].status == Status::succeeded);
  CHECK(report.outcomes[1].status == Status::failed);
  CHECK(report.outcomes[1].error.api_tag == "some_users_are_excluded");
  CHECK(report.outcomes[2].status == Status::succeeded);
  CHECK(emulator.calls("team/member_space_limits/set_custom_quota") == 1 + 2);
  CHECK(emulator.calls("team/member_space_limits/remove_custom_quota") == 1);
  auto quotas = client.api->get_custom_quotas(
      {{client.id_of("admin@acme.com"), ""}, {client.id_of("amy@acme.com"), ""}});
  REQUIRE(quotas);
  CHECK((*quotas)[0] == 20u);
  CHECK_FALSE((*quotas)[1]);
}

TEST_CASE(
    "batched access writes refused with 503, 429 or a dropped connection are retried as "
    "one call",
    "[live][apply][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  const std::string eng = client.group_id("Eng");
  emulator.fault(R"({"route": "team/groups/members/add", "kind": "503", "count": 1})");
  emulator.fault(
      R"({"route": "team/members/secondary_emails/add", "kind": "429", "count": 1, "retry_after": 0})");
  emulator.fault(
      R"({"route": "team/member_space_limits/set_custom_quota", "kind": "drop", "count": 1})");
  auto alias = member(Action::add_secondary_email, client, "admin@acme.com");
  alias.secondary_email = "it@acme.com";
  auto quota = member(Action::set_space_limit, client, "admin@acme.com");
  quota.quota_gb = 30;
  Applier apply(client);
  auto report = apply({in_group(member(Action::add_to_group, client, "amy@acme.com"), "Eng", eng),
                       in_group(member(Action::add_to_group, client, "admin@acme.com"), "Eng", eng),
                       alias, quota});
  INFO(outcomes(report));
  CHECK(report.all_succeeded());
  CHECK(report.outcomes[0].attempts == 2);  // 503, then the same batch again
  CHECK(report.outcomes[1].attempts == 2);
  CHECK(report.outcomes[2].attempts == 2);  // 429
  // A connection dropped without an answer is sent again by the executor, and only by it:
  // a write never travels on a reused connection, which cpprestsdk would silently send
  // again (decision 0040). Every call the emulator saw is an attempt roster counted.
  CHECK(report.outcomes[3].attempts == 2);
  CHECK(emulator.calls("team/groups/members/add") == 2);  // the batch, twice; never split
  CHECK(emulator.calls("team/members/secondary_emails/add") == 2);
  CHECK(emulator.calls("team/member_space_limits/set_custom_quota") == 2);
  auto members = client.api->list_group_members(eng);
  REQUIRE(members);
  CHECK(members->size() == 3);
}
