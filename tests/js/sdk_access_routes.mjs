// The access routes of issue 9 through the official SDK: roles, groups, secondary emails
// and member space limits, each with at least one error. Where a route's error type is
// Void (get_available_team_member_roles, secondary_emails/delete and resend), its errors are
// the per-item results, or the 401 every route gives a wrong token.
// Expects the seed of sdk_client_test.mjs: admin@example.com (team admin), amy@example.com,
// a system-managed group Everyone, a 100 GB member space limit, js.two@example.com invited.

const email = (address) => ({ '.tag': 'email', email: address });
const byId = (id) => ({ '.tag': 'group_id', group_id: id });
const byExternalId = (id) => ({ '.tag': 'group_external_id', group_external_id: id });

async function expectStatus(promise, status, check, what) {
  try {
    await promise;
  } catch (error) {
    check(error.status === status, `${what}: expected ${status}, got ${error.status}`);
    return error;
  }
  throw new Error(`${what}: expected HTTP ${status}`);
}

async function roles({ dbx, stranger, check, expectRouteError }) {
  const listed = await dbx.teamMembersGetAvailableTeamMemberRoles();
  const ids = listed.result.roles.map((role) => role.role_id);
  check(ids.includes('pid_dbtmr:team_admin') && ids.includes('pid_dbtmr:billing_admin'),
        'get_available_team_member_roles lists the roles');
  const error = await expectStatus(stranger.teamMembersGetAvailableTeamMemberRoles(), 401, check,
                                   'roles with a wrong token');
  check(error.error.error['.tag'] === 'invalid_access_token', 'roles: invalid_access_token');

  const granted = await dbx.teamMembersSetAdminPermissionsV2({
    user: email('amy@example.com'), new_roles: ['pid_dbtmr:user_management_admin'],
  });
  check(granted.result.roles[0].role_id === 'pid_dbtmr:user_management_admin',
        'set_admin_permissions_v2 answers the new roles');
  await expectRouteError(dbx.teamMembersSetAdminPermissionsV2({
    user: email('amy@example.com'), new_roles: ['pid_dbtmr:nope'],
  }), 'role_not_found');
}

async function groupRecords({ dbx, check, expectRouteError }) {
  const everyone = (await dbx.teamGroupsList({})).result.groups
    .find((group) => group.group_name === 'Everyone');
  const created = await dbx.teamGroupsCreate({ group_name: 'Eng', group_external_id: 'eng' });
  const id = created.result.group_id;
  check(created.result.group_management_type['.tag'] === 'company_managed', 'groups/create');

  const infos = await dbx.teamGroupsGetInfo({ '.tag': 'group_external_ids',
                                              group_external_ids: ['eng', 'nope'] });
  check(infos.result[0]['.tag'] === 'group_info' && infos.result[0].group_id === id,
        'groups/get_info group_info');
  check(infos.result[1]['.tag'] === 'id_not_found' && infos.result[1].id_not_found === 'nope',
        'groups/get_info id_not_found');
  await expectStatus(dbx.teamGroupsGetInfo({ '.tag': 'group_names', group_names: ['Eng'] }), 400,
                     check, 'groups/get_info with an unknown selector');

  const updated = await dbx.teamGroupsUpdate({ group: byExternalId('eng'),
                                               new_group_name: 'Engineering',
                                               new_group_external_id: '' });
  check(updated.result.group_name === 'Engineering' && !('group_external_id' in updated.result),
        'groups/update renames and clears the external id');
  await expectRouteError(dbx.teamGroupsUpdate({ group: byId(everyone.group_id), new_group_name: 'All' }),
                         'system_managed_group_disallowed');
  await expectRouteError(dbx.teamGroupsUpdate({ group: byId(id), new_group_name: 'everyone' }),
                         'group_name_already_used');
  return id;
}

async function groupMembers({ dbx, check, expectRouteError }, id) {
  const added = await dbx.teamGroupsMembersAdd({
    group: byId(id),
    members: [{ user: email('amy@example.com'), access_type: 'owner' },
              { user: email('js.two@example.com'), access_type: 'member' }],
  });
  check(added.result.group_info.member_count === 2, 'groups/members/add');
  await expectRouteError(dbx.teamGroupsMembersAdd({
    group: byId(id), members: [{ user: email('amy@example.com'), access_type: 'member' }],
  }), 'duplicate_user');

  const changed = await dbx.teamGroupsMembersSetAccessType({
    group: byId(id), user: email('amy@example.com'), access_type: 'member',
  });
  check(changed.result.length === 1 && changed.result[0]['.tag'] === 'group_info',
        'groups/members/set_access_type answers the group');
  await expectRouteError(dbx.teamGroupsMembersSetAccessType({
    group: byId(id), user: email('admin@example.com'), access_type: 'owner',
  }), 'member_not_in_group');

  const page = await dbx.teamGroupsMembersList({ group: byId(id), limit: 1 });
  check(page.result.members.length === 1 && page.result.has_more === true, 'groups/members/list');
  const rest = await dbx.teamGroupsMembersListContinue({ cursor: page.result.cursor });
  check(rest.result.members.length === 1 && rest.result.has_more === false,
        'groups/members/list/continue');
  await expectRouteError(dbx.teamGroupsMembersList({ group: byId('g:missing') }), 'group_not_found');

  const removed = await dbx.teamGroupsMembersRemove({ group: byId(id),
                                                     users: [email('js.two@example.com')] });
  check(removed.result.group_info.member_count === 1, 'groups/members/remove');
  await expectRouteError(dbx.teamGroupsMembersRemove({ group: byId(id),
                                                      users: [email('admin@example.com')] }),
                         'member_not_in_group');
  const amy = await dbx.teamMembersGetInfoV2({ members: [email('amy@example.com')] });
  check(amy.result.members_info[0].profile.groups.includes(id), 'profile.groups lists the group');
}

async function groupDelete({ dbx, check, expectRouteError, pollUntilComplete }, id) {
  const launched = await dbx.teamGroupsDelete(byId(id));
  check(launched.result['.tag'] === 'async_job_id', 'groups/delete answers with a job');
  const done = await pollUntilComplete((arg) => dbx.teamGroupsJobStatusGet(arg),
                                       launched.result.async_job_id);
  check(done['.tag'] === 'complete', 'groups/job_status/get completes');
  await expectRouteError(dbx.teamGroupsDelete(byId(id)), 'group_already_deleted');
  await expectRouteError(dbx.teamGroupsJobStatusGet({ async_job_id: 'no-such-job' }),
                         'invalid_async_job_id');
}

async function secondaryEmails({ dbx, check, expectRouteError }) {
  const added = await dbx.teamMembersSecondaryEmailsAdd({ new_secondary_emails: [
    { user: email('amy@example.com'),
      secondary_emails: ['amy.work@example.com', 'amy@home.example.org', 'admin@example.com'] },
    { user: email('js.two@example.com'), secondary_emails: ['two@example.com'] },
  ] });
  const [amy, invitee] = added.result.results;
  check(amy['.tag'] === 'success' && amy.user.email === 'amy@example.com', 'secondary_emails/add');
  check(amy.results[0]['.tag'] === 'success' && amy.results[0].is_verified === true,
        'an address on the admin domain is verified');
  check(amy.results[1]['.tag'] === 'success' && amy.results[1].is_verified === false,
        'another address is pending');
  check(amy.results[2]['.tag'] === 'unavailable', 'another member\'s address is unavailable');
  check(invitee['.tag'] === 'placeholder_user', 'an invitee is a placeholder_user');
  const many = Array.from({ length: 21 }, (_, i) => `amy${i}@example.com`);
  await expectRouteError(dbx.teamMembersSecondaryEmailsAdd({ new_secondary_emails: [
    { user: email('amy@example.com'), secondary_emails: many }] }), 'too_many_emails');

  const resent = await dbx.teamMembersSecondaryEmailsResendVerificationEmails({ emails_to_resend: [
    { user: email('amy@example.com'), secondary_emails: ['amy@home.example.org', 'amy.work@example.com'] },
  ] });
  const resentItems = resent.result.results[0].results;
  check(resentItems[0]['.tag'] === 'success' && resentItems[1]['.tag'] === 'not_pending',
        'resend_verification_emails: success and not_pending');

  const deleted = await dbx.teamMembersSecondaryEmailsDelete({ emails_to_delete: [
    { user: email('amy@example.com'),
      secondary_emails: ['amy.work@example.com', 'nope@example.com', 'amy@example.com'] },
    { user: email('ghost@example.com'), secondary_emails: ['g@example.com'] },
  ] });
  const [amyDeleted, ghost] = deleted.result.results;
  check(amyDeleted.results.map((item) => item['.tag']).join()
        === 'success,not_found,cannot_remove_primary', 'secondary_emails/delete per email');
  check(ghost['.tag'] === 'invalid_user', 'secondary_emails/delete invalid_user');

  const listed = await dbx.teamMembersListV2({});
  const profile = listed.result.members.find((m) => m.profile.email === 'amy@example.com').profile;
  check(profile.secondary_emails.length === 1
        && profile.secondary_emails[0].email === 'amy@home.example.org'
        && profile.secondary_emails[0].is_verified === false, 'list_v2 shows secondary emails');
}

async function customQuotas({ dbx, check, expectRouteError }) {
  const tooMany = Array.from({ length: 1001 }, (_, i) => email(`u${i}@example.com`));
  const set = await dbx.teamMemberSpaceLimitsSetCustomQuota({ users_and_quotas: [
    { user: email('amy@example.com'), quota_gb: 10 }, { user: email('ghost@example.com'), quota_gb: 10 },
  ] });
  check(set.result[0]['.tag'] === 'success' && set.result[0].quota_gb === 10, 'set_custom_quota');
  check(set.result[1]['.tag'] === 'invalid_user', 'set_custom_quota invalid_user');
  await expectRouteError(dbx.teamMemberSpaceLimitsSetCustomQuota({
    users_and_quotas: tooMany.map((user) => ({ user, quota_gb: 5 })) }), 'too_many_users');

  const got = await dbx.teamMemberSpaceLimitsGetCustomQuota({ users: [email('amy@example.com')] });
  check(got.result[0].quota_gb === 10, 'get_custom_quota');
  await expectRouteError(dbx.teamMemberSpaceLimitsGetCustomQuota({ users: tooMany }), 'too_many_users');

  const removed = await dbx.teamMemberSpaceLimitsRemoveCustomQuota({
    users: [email('amy@example.com'), email('ghost@example.com')] });
  check(removed.result[0]['.tag'] === 'success' && removed.result[1]['.tag'] === 'invalid_user',
        'remove_custom_quota');
  await expectRouteError(dbx.teamMemberSpaceLimitsRemoveCustomQuota({ users: tooMany }),
                         'too_many_users');
  const after = await dbx.teamMemberSpaceLimitsGetCustomQuota({ users: [email('amy@example.com')] });
  check(!('quota_gb' in after.result[0]), 'no custom quota after removal');
}

async function excludedUsers({ dbx, check, expectRouteError }) {
  const added = await dbx.teamMemberSpaceLimitsExcludedUsersAdd({
    users: [email('amy@example.com'), email('admin@example.com')] });
  check(added.result.status['.tag'] === 'success', 'excluded_users/add');
  await expectRouteError(dbx.teamMemberSpaceLimitsExcludedUsersAdd({ users: [email('ghost@example.com')] }),
                         'users_not_in_team');
  await expectRouteError(dbx.teamMemberSpaceLimitsSetCustomQuota({ users_and_quotas: [
    { user: email('amy@example.com'), quota_gb: 5 }] }), 'some_users_are_excluded');

  const page = await dbx.teamMemberSpaceLimitsExcludedUsersList({ limit: 1 });
  check(page.result.users.length === 1 && page.result.has_more === true, 'excluded_users/list');
  const rest = await dbx.teamMemberSpaceLimitsExcludedUsersListContinue({ cursor: page.result.cursor });
  check(rest.result.users.length === 1 && rest.result.has_more === false,
        'excluded_users/list/continue');
  await expectRouteError(dbx.teamMemberSpaceLimitsExcludedUsersListContinue({ cursor: 'forged' }),
                         'invalid_cursor');
  await expectStatus(dbx.teamMemberSpaceLimitsExcludedUsersList({ limit: 0 }), 400, check,
                     'excluded_users/list with limit 0');

  const removed = await dbx.teamMemberSpaceLimitsExcludedUsersRemove({ users: [email('amy@example.com')] });
  check(removed.result.status['.tag'] === 'success', 'excluded_users/remove');
  await expectRouteError(dbx.teamMemberSpaceLimitsExcludedUsersRemove({ users: [email('ghost@example.com')] }),
                         'users_not_in_team');
  const left = await dbx.teamMemberSpaceLimitsExcludedUsersList({});
  check(left.result.users.map((user) => user.email).join() === 'admin@example.com',
        'excluded_users/list after removal');
}

export async function accessRoutes(context) {
  await roles(context);
  const id = await groupRecords(context);
  await groupMembers(context, id);
  await groupDelete(context, id);
  await secondaryEmails(context);
  await customQuotas(context);
  await excludedUsers(context);
}
