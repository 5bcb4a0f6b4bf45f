// Drives roster-emulator with the official Dropbox JavaScript SDK, an independent
// client: if the SDK can talk to the emulator, the emulator speaks Dropbox's wire format.
// Usage: node sdk_client_test.mjs /path/to/roster-emulator
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import assert from 'node:assert/strict';
import { accessRoutes } from './sdk_access_routes.mjs';

let Dropbox;
try {
  ({ Dropbox } = await import('dropbox'));
} catch {
  console.error('tests/js: node_modules is missing; run scripts/test (it runs npm ci in tests/js)');
  process.exit(2);
}

const binary = process.argv[2];
if (!binary) {
  console.error('usage: node sdk_client_test.mjs /path/to/roster-emulator');
  process.exit(2);
}

const TOKEN = 'sdk-test-token';
const dir = mkdtempSync(join(tmpdir(), 'roster-emulator-js-'));
// A team with a member space limit (custom quotas need one), a second member and a
// system-managed group, so every access route has something to work on.
writeFileSync(join(dir, 'seed.json'), JSON.stringify({
  num_licensed_users: 1000,
  member_space_limit_gb: 100,
  admin_email: 'admin@example.com',
  members: [
    { email: 'admin@example.com', given_name: 'Team', surname: 'Admin', role: 'team_admin' },
    { email: 'amy@example.com', given_name: 'Amy', surname: 'Smith' },
  ],
  groups: [{ group_name: 'Everyone', group_management_type: 'system_managed' }],
}));
const child = spawn(binary, ['--port', '0', '--state', join(dir, 'state.json'), '--token', TOKEN,
                             '--seed', join(dir, 'seed.json')],
                    { stdio: ['ignore', 'pipe', 'inherit'] });

function cleanup() {
  child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}

const base = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('emulator did not start')), 10000);
  child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  createInterface({ input: child.stdout }).once('line', (line) => {
    clearTimeout(timer);
    const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
    match ? resolve(match[1]) : reject(new Error(`unexpected first line: ${line}`));
  });
}).catch((error) => { cleanup(); throw error; });

// The SDK builds https://api.dropboxapi.com/... URLs; send them to the emulator instead.
const emulatorFetch = (url, options) => fetch(url.replace('https://api.dropboxapi.com', base), options);
const dbx = new Dropbox({ accessToken: TOKEN, fetch: emulatorFetch });

const email = (address) => ({ '.tag': 'email', email: address });
let checks = 0;
const check = (condition, message) => { assert.ok(condition, message); checks += 1; };

async function expectRouteError(promise, tag) {
  try {
    await promise;
  } catch (error) {
    check(error.status === 409, `expected 409, got ${error.status}`);
    check(error.error.error['.tag'] === tag, `expected ${tag}, got ${JSON.stringify(error.error)}`);
    check(error.error.error_summary.startsWith(`${tag}/`), 'error_summary starts with the tag');
    return;
  }
  assert.fail(`expected route error ${tag}`);
}

async function pollUntilComplete(poll, jobId) {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const { result } = await poll({ async_job_id: jobId });
    if (result['.tag'] !== 'in_progress') return result;
  }
  throw new Error(`job ${jobId} never completed`);
}

async function main() {
  const info = await dbx.teamGetInfo();
  check(info.status === 200 && info.result.num_licensed_users === 1000, 'team/get_info');

  const first = await dbx.teamMembersListV2({ limit: 1 });
  check(first.result.members.length === 1 && typeof first.result.cursor === 'string', 'list_v2 page');
  const rest = await dbx.teamMembersListContinueV2({ cursor: first.result.cursor });
  check(rest.result.has_more === false, 'list/continue_v2');

  const added = await dbx.teamMembersAddV2({
    new_members: [{ member_email: 'js.one@example.com', member_given_name: 'Js', member_surname: 'One' }],
  });
  check(added.result['.tag'] === 'complete', 'add_v2 answers synchronously');
  check(added.result.complete[0]['.tag'] === 'success', 'add_v2 success');
  check(added.result.complete[0].profile.status['.tag'] === 'invited', 'new member is invited');

  const launched = await dbx.teamMembersAddV2({
    new_members: [{ member_email: 'js.two@example.com', member_given_name: 'Js', member_surname: 'Two' }],
    force_async: true,
  });
  check(launched.result['.tag'] === 'async_job_id', 'force_async answers with a job');
  const job = await pollUntilComplete((arg) => dbx.teamMembersAddJobStatusGetV2(arg),
                                      launched.result.async_job_id);
  check(job['.tag'] === 'complete' && job.complete[0]['.tag'] === 'success', 'async add completes');

  const infos = await dbx.teamMembersGetInfoV2({ members: [email('JS.ONE@example.com'), email('nobody@example.com')] });
  check(infos.result.members_info[0]['.tag'] === 'member_info', 'get_info_v2 member_info');
  check(infos.result.members_info[1]['.tag'] === 'id_not_found', 'get_info_v2 id_not_found');

  await expectRouteError(dbx.teamMembersSuspend({ user: email('js.one@example.com') }), 'suspend_inactive_user');
  await expectRouteError(dbx.teamMembersSuspend({ user: email('ghost@example.com') }), 'user_not_found');

  const accepted = await fetch(`${base}/_emulator/accept_invite`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'js.one@example.com' }),
  });
  check(accepted.status === 200, 'accept_invite');

  const suspended = await dbx.teamMembersSuspend({ user: email('js.one@example.com'), wipe_data: false });
  check(suspended.result === null, 'suspend returns null');
  await expectRouteError(dbx.teamMembersSuspend({ user: email('js.one@example.com') }), 'suspend_inactive_user');
  const unsuspended = await dbx.teamMembersUnsuspend({ user: email('js.one@example.com') });
  check(unsuspended.result === null, 'unsuspend returns null');
  await expectRouteError(dbx.teamMembersUnsuspend({ user: email('js.one@example.com') }),
                         'unsuspend_non_suspended_member');

  const removal = await dbx.teamMembersRemove({ user: email('js.one@example.com'), wipe_data: false });
  check(removal.result['.tag'] === 'async_job_id', 'remove answers with a job');
  const removed = await pollUntilComplete((arg) => dbx.teamMembersRemoveJobStatusGet(arg),
                                          removal.result.async_job_id);
  check(removed['.tag'] === 'complete', 'remove job completes');
  const listed = await dbx.teamMembersListV2({ include_removed: true });
  const gone = listed.result.members.find((m) => m.profile.email === 'js.one@example.com');
  check(gone.profile.status['.tag'] === 'removed' && gone.profile.status.is_recoverable === true,
        'removed member is listed as recoverable');

  const again = await dbx.teamMembersAddV2({ new_members: [{ member_email: 'js.one@example.com' }] });
  check(again.result.complete[0]['.tag'] === 'user_already_on_team', 'recoverable member cannot be re-added');
  const recovered = await dbx.teamMembersRecover({ user: email('js.one@example.com') });
  check(recovered.result === null, 'recover returns null');
  await expectRouteError(dbx.teamMembersRecover({ user: email('js.one@example.com') }), 'user_unrecoverable');

  const welcomed = await dbx.teamMembersSendWelcomeEmail(email('js.two@example.com'));
  check(welcomed.result === null, 'send_welcome_email returns null');
  await expectRouteError(dbx.teamMembersSendWelcomeEmail(email('ghost@example.com')), 'user_not_found');

  const wrongToken = new Dropbox({ accessToken: 'wrong', fetch: emulatorFetch });
  await accessRoutes({ dbx, stranger: wrongToken, check, expectRouteError, pollUntilComplete });

  const refreshing = new Dropbox({
    refreshToken: 'roster-emulator-refresh-token',
    clientId: 'roster-emulator-app-key',
    clientSecret: 'roster-emulator-app-secret',
    fetch: emulatorFetch,
  });
  const viaRefresh = await refreshing.teamGetInfo();
  check(viaRefresh.status === 200, 'a token from the refresh grant works');

  const stranger = new Dropbox({ accessToken: 'wrong', fetch: emulatorFetch });
  try {
    await stranger.teamGetInfo();
    assert.fail('a wrong token must be refused');
  } catch (error) {
    check(error.status === 401 && error.error.error['.tag'] === 'invalid_access_token', '401 for a wrong token');
  }
}

try {
  await main();
  console.log(`sdk client test: ${checks} checks`);
  console.log(`${checks} passed, 0 failed`);
  cleanup();
} catch (error) {
  console.error(error);
  cleanup();
  process.exit(1);
}
