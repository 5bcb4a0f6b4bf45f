// Groups at apply: create/update/delete, one groups/members/add and one remove call per
// group, per-step outcomes of an all-or-nothing batch, ids of groups this apply creates.
#include <catch2/catch.hpp>

#include "apply_support.hpp"

using namespace roster;
using plan::Action;
using Status = apply::StepOutcome::Status;
using test::count;
using test::plan_of;
using test::position;
using test::Run;

namespace {

plan::PlanStep group_step(Action action, const std::string& name, const std::string& id) {
  plan::PlanStep s;
  s.action = action;
  s.group_name = name;
  s.group_id = id;
  return s;
}

plan::PlanStep member_step(Action action, const std::string& email, const std::string& name,
                           const std::string& id,
                           model::GroupAccess access = model::GroupAccess::member) {
  auto s = test::step(action, email);
  s.group_name = name;
  s.group_id = id;
  s.group_access = access;
  return s;
}

}  // namespace

TEST_CASE("one groups/members/add and one remove call per group, whatever the member count",
          "[apply][groups]") {
  Run run;
  auto report = run(plan_of({
      group_step(Action::create_group, "New", ""),
      member_step(Action::add_to_group, "a@x.com", "New", ""),
      member_step(Action::add_to_group, "b@x.com", "New", "", model::GroupAccess::owner),
      member_step(Action::add_to_group, "a@x.com", "Old", "g:old"),
      member_step(Action::add_to_group, "c@x.com", "Old", "g:old"),
      member_step(Action::add_to_group, "d@x.com", "Old", "g:old"),
      member_step(Action::set_group_access, "e@x.com", "Old", "g:old", model::GroupAccess::owner),
      member_step(Action::remove_from_group, "f@x.com", "Old", "g:old"),
      member_step(Action::remove_from_group, "g@x.com", "Old", "g:old"),
      [] {
        auto s = group_step(Action::update_group, "Renamed", "g:ren");
        s.changes.push_back({"name", "Before", "Renamed"});
        return s;
      }(),
      group_step(Action::delete_group, "Gone", "g:gone"),
  }));
  CHECK(report.all_succeeded());
  CHECK(report.outcomes[0].group_id == "g:New");
  auto calls = run.api.calls();
  CHECK(calls.size() == 7);
  CHECK(count(calls, "create_group New") == 1);
  CHECK(count(calls, "update_group g:ren") == 1);
  CHECK(count(calls, "add_group_members g:New id:a@x.com:member id:b@x.com:owner") == 1);
  CHECK(count(calls,
              "add_group_members g:old id:a@x.com:member id:c@x.com:member "
              "id:d@x.com:member") == 1);
  CHECK(count(calls, "set_group_access g:old id:e@x.com owner") == 1);
  CHECK(count(calls, "remove_group_members g:old id:f@x.com id:g@x.com") == 1);
  CHECK(count(calls, "delete_group g:gone") == 1);
  CHECK(position(calls, "create_group New") <
        position(calls, "add_group_members g:New id:a@x.com:member id:b@x.com:owner"));
}

TEST_CASE("a group that could not be created skips its membership steps, not others",
          "[apply][groups]") {
  Run run;
  run.api.script("create_group New", {test::conflict("group_name_invalid")});
  auto report = run(plan_of({group_step(Action::create_group, "New", ""),
                             member_step(Action::add_to_group, "a@x.com", "New", ""),
                             member_step(Action::add_to_group, "b@x.com", "New", ""),
                             member_step(Action::add_to_group, "a@x.com", "Old", "g:old")}));
  CHECK(report.outcomes[0].status == Status::failed);
  CHECK(report.outcomes[0].error.api_tag == "group_name_invalid");
  CHECK(report.outcomes[1].status == Status::skipped);
  CHECK(report.outcomes[1].note == "needs create_group New, which failed");
  CHECK(report.outcomes[2].status == Status::skipped);
  CHECK(report.outcomes[3].status == Status::succeeded);
  CHECK(run.api.calls().size() == 2);
}

TEST_CASE("a created group whose answer was lost is found by name on the retry",
          "[apply][groups]") {
  Run run;
  run.api.script("create_group New",
                 {test::unavailable(), test::conflict("group_name_already_used")});
  model::ObservedGroup made;
  made.group_id = "g:made-before";
  made.name = "New";
  run.api.groups = {made};
  auto report = run(plan_of({group_step(Action::create_group, "New", ""),
                             member_step(Action::add_to_group, "a@x.com", "New", "")}));
  CHECK(report.all_succeeded());
  CHECK(report.outcomes[0].group_id == "g:made-before");
  CHECK(report.outcomes[0].note == "done by an earlier attempt (group_name_already_used on retry)");
  CHECK(count(run.api.calls(), "add_group_members g:made-before id:a@x.com:member") == 1);

  Run taken;  // not after a lost answer: someone else has the name, a real failure
  taken.api.script("create_group New", {test::conflict("group_name_already_used")});
  auto refused = taken(plan_of({group_step(Action::create_group, "New", "")}));
  CHECK(refused.outcomes[0].status == Status::failed);
  CHECK(count(taken.api.calls(), "list_groups") == 0);
}

TEST_CASE("an all-or-nothing batch refused for one member's sake is retried member by member",
          "[apply][groups]") {
  Run run;
  const std::string batch =
      "add_group_members g:s id:a@x.com:member id:b@x.com:member id:c@x.com:owner";
  run.api.script(batch, {test::conflict("duplicate_user")});
  run.api.script("add_group_members g:s id:b@x.com:member", {test::conflict("duplicate_user")});
  run.api.script("add_group_members g:s id:c@x.com:owner",
                 {test::conflict("user_cannot_be_manager_of_company_managed_group")});
  run.api.script("remove_group_members g:s id:d@x.com id:e@x.com",
                 {test::conflict("member_not_in_group")});
  run.api.script("remove_group_members g:s id:e@x.com", {test::conflict("member_not_in_group")});
  auto report = run(
      plan_of({member_step(Action::add_to_group, "a@x.com", "S", "g:s"),
               member_step(Action::add_to_group, "b@x.com", "S", "g:s"),
               member_step(Action::add_to_group, "c@x.com", "S", "g:s", model::GroupAccess::owner),
               member_step(Action::remove_from_group, "d@x.com", "S", "g:s"),
               member_step(Action::remove_from_group, "e@x.com", "S", "g:s")}));
  CHECK(report.outcomes[0].status == Status::succeeded);
  CHECK(report.outcomes[0].attempts == 2);             // the batch, then alone
  CHECK(report.outcomes[1].status == Status::failed);  // not after a lost answer: real
  CHECK(report.outcomes[1].error.api_tag == "duplicate_user");
  CHECK(report.outcomes[2].status == Status::failed);
  CHECK(report.outcomes[2].error.api_tag == "user_cannot_be_manager_of_company_managed_group");
  CHECK(report.outcomes[3].status == Status::succeeded);
  CHECK(report.outcomes[4].status == Status::failed);
  CHECK(report.outcomes[4].error.api_tag == "member_not_in_group");
  CHECK(run.api.calls().size() == 2 + 3 + 2);
}

TEST_CASE("after a lost answer, 'already in the group' means the first attempt did it",
          "[apply][groups]") {
  Run run;
  const std::string batch = "add_group_members g:s id:a@x.com:member id:b@x.com:member";
  run.api.script(batch, {test::unavailable(), test::conflict("duplicate_user")});
  run.api.script("add_group_members g:s id:a@x.com:member", {test::conflict("duplicate_user")});
  run.api.script("add_group_members g:s id:b@x.com:member", {test::conflict("duplicate_user")});
  run.api.script("remove_group_members g:s id:c@x.com",
                 {test::unavailable(), test::conflict("member_not_in_group")});
  auto report = run(plan_of({member_step(Action::add_to_group, "a@x.com", "S", "g:s"),
                             member_step(Action::add_to_group, "b@x.com", "S", "g:s"),
                             member_step(Action::remove_from_group, "c@x.com", "S", "g:s")}));
  CHECK(report.all_succeeded());
  CHECK(report.outcomes[0].note == "done by an earlier attempt (duplicate_user on retry)");
  CHECK(report.outcomes[0].attempts == 3);
  CHECK(report.outcomes[2].note == "done by an earlier attempt (member_not_in_group on retry)");
}

TEST_CASE("a batch refused for the group's sake fails every step, without retrying each",
          "[apply][groups]") {
  Run run;
  run.api.script("add_group_members g:s id:a@x.com:member id:b@x.com:member",
                 {test::conflict("group_not_found")});
  auto report = run(plan_of({member_step(Action::add_to_group, "a@x.com", "S", "g:s"),
                             member_step(Action::add_to_group, "b@x.com", "S", "g:s")}));
  CHECK(report.count(Status::failed) == 2);
  CHECK(report.outcomes[1].error.api_tag == "group_not_found");
  CHECK(run.api.calls().size() == 1);
}

TEST_CASE("invitees join groups by email after their invite - a failed invite skips only theirs",
          "[apply][groups]") {
  Run run;
  run.api.add_outcome("taken@x.com", "user_on_another_team");
  auto invitee = [](const std::string& email) {
    auto s = member_step(Action::add_to_group, email, "S", "g:s");
    s.team_member_id.clear();
    return s;
  };
  auto report = run(
      plan_of({test::step(Action::invite, "new@x.com"), test::step(Action::invite, "taken@x.com"),
               invitee("new@x.com"), invitee("taken@x.com"),
               member_step(Action::add_to_group, "old@x.com", "S", "g:s")}));
  CHECK(report.outcomes[2].status == Status::succeeded);
  CHECK(report.outcomes[3].status == Status::skipped);
  CHECK(report.outcomes[3].note == "needs invite taken@x.com, which failed");
  CHECK(report.outcomes[4].status == Status::succeeded);
  CHECK(count(run.api.calls(), "add_group_members g:s new@x.com:member id:old@x.com:member") == 1);
}

TEST_CASE("group deletions after a lost answer count 'already deleted' as done",
          "[apply][groups]") {
  Run run;
  run.api.script("delete_group g:a",
                 {test::unavailable(), test::conflict("group_already_deleted")});
  run.api.script("delete_group g:b", {test::conflict("group_not_found")});
  auto report = run(plan_of({group_step(Action::delete_group, "A", "g:a"),
                             group_step(Action::delete_group, "B", "g:b")}));
  CHECK(report.outcomes[0].status == Status::succeeded);
  CHECK(report.outcomes[1].status == Status::failed);
}
