// The baseline of the access benchmark (issue 9): the loop a simple script built on the
// official Dropbox JavaScript SDK would run. One awaited call per change, one member per
// call, in roster's phase order:
//   revoke / grant  teamMembersSetAdminPermissionsV2 (new_roles [] / [the role's id])
//   join            teamGroupsMembersAdd with one member
//   access          teamGroupsMembersSetAccessType (owner)
//   leave           teamGroupsMembersRemove with one member
//   add / delete    teamMembersSecondaryEmailsAdd / Delete with one email
//   set / remove    teamMemberSpaceLimitsSetCustomQuota / RemoveCustomQuota, one member
// Members are addressed by email; groups by id and roles by id, from one groups/list and
// one get_available_team_member_roles read before the loop (counted under "setup").
// No retries: the baseline runs against an emulator without a rate limit.
// Usage: node baseline.mjs API_URL TOKEN changes.json
// Prints per-phase wall times and call counts as one JSON line; exits 1 on any failure.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let Dropbox;
try {
  ({ Dropbox } = require('../../tests/js/node_modules/dropbox'));
} catch {
  console.error('bench/access: tests/js/node_modules is missing; run npm ci in tests/js');
  process.exit(2);
}

const [base, token, changesPath] = process.argv.slice(2);
if (!changesPath) {
  console.error('usage: node baseline.mjs API_URL TOKEN changes.json');
  process.exit(2);
}
const changes = JSON.parse(readFileSync(changesPath, 'utf8'));

let calls = 0;
const emulatorFetch = (url, options) => {
  calls += 1;
  return fetch(url.replace('https://api.dropboxapi.com', base), options);
};
const dbx = new Dropbox({ accessToken: token, fetch: emulatorFetch });
const user = (email) => ({ '.tag': 'email', email });

const phases = {};
let failures = 0;
async function phase(name, items, run) {
  const start = performance.now();
  const before = calls;
  for (const item of items) {
    try {
      await run(item);
    } catch (error) {
      failures += 1;
      const detail = error?.error?.error_summary ?? error?.message ?? String(error);
      console.error(`baseline: ${name} ${item.email} failed: ${detail}`);
    }
  }
  phases[name] = { steps: items.length, calls: calls - before,
                   seconds: +((performance.now() - start) / 1000).toFixed(2) };
}

// Answers that carry per-item results fail the item inside a 200: check them.
function expectSuccess(what, results) {
  for (const r of results) {
    const nested = r.results ?? [r];
    for (const item of nested) {
      if (item['.tag'] !== 'success') throw new Error(`${what} answered ${JSON.stringify(r)}`);
    }
  }
}

const start = performance.now();
const setupStart = calls;
const groups = new Map();
let page = (await dbx.teamGroupsList({ limit: 1000 })).result;
for (;;) {
  for (const g of page.groups) groups.set(g.group_name, g.group_id);
  if (!page.has_more) break;
  page = (await dbx.teamGroupsListContinue({ cursor: page.cursor })).result;
}
const roles = new Map();
for (const r of (await dbx.teamMembersGetAvailableTeamMemberRoles()).result.roles) {
  roles.set(r.name.toLowerCase(), r.role_id);
}
phases.setup = { calls: calls - setupStart };
const group = (name) => ({ '.tag': 'group_id', group_id: groups.get(name) });
const roleId = (role) => roles.get(changes.role_names[role].toLowerCase());

await phase('revoke', changes.revoke,
            (c) => dbx.teamMembersSetAdminPermissionsV2({ user: user(c.email), new_roles: [] }));
await phase('grant', changes.grant, (c) => dbx.teamMembersSetAdminPermissionsV2({
  user: user(c.email), new_roles: [roleId(c.role)] }));
await phase('join', changes.join, (c) => dbx.teamGroupsMembersAdd({
  group: group(c.group), members: [{ user: user(c.email), access_type: 'member' }],
  return_members: false }));
await phase('access', changes.access, (c) => dbx.teamGroupsMembersSetAccessType({
  group: group(c.group), user: user(c.email), access_type: 'owner', return_members: false }));
await phase('leave', changes.leave, (c) => dbx.teamGroupsMembersRemove({
  group: group(c.group), users: [user(c.email)], return_members: false }));
await phase('add_email', changes.add_email, async (c) => {
  const { result } = await dbx.teamMembersSecondaryEmailsAdd({
    new_secondary_emails: [{ user: user(c.email), secondary_emails: [c.address] }] });
  expectSuccess('secondary_emails/add', result.results);
});
await phase('delete_email', changes.delete_email, async (c) => {
  const { result } = await dbx.teamMembersSecondaryEmailsDelete({
    emails_to_delete: [{ user: user(c.email), secondary_emails: [c.address] }] });
  expectSuccess('secondary_emails/delete', result.results);
});
await phase('set_quota', changes.set_quota, async (c) => {
  const { result } = await dbx.teamMemberSpaceLimitsSetCustomQuota({
    users_and_quotas: [{ user: user(c.email), quota_gb: c.quota_gb }] });
  expectSuccess('set_custom_quota', result);
});
await phase('remove_quota', changes.remove_quota, async (c) => {
  const { result } = await dbx.teamMemberSpaceLimitsRemoveCustomQuota({ users: [user(c.email)] });
  expectSuccess('remove_custom_quota', result);
});
const seconds = +((performance.now() - start) / 1000).toFixed(2);
console.log(JSON.stringify({ seconds, calls, failures, phases }));
process.exit(failures === 0 ? 0 : 1);
