// The baseline of the apply benchmark (issue 4): the loop a simple script built on the
// official Dropbox JavaScript SDK would run. One awaited call per change, one member per
// call, in the order invite, unsuspend, suspend, remove (roster's phase order):
//   invite     teamMembersAddV2 with one member (it answers `complete` at once for one
//              member; if it ever answered with a job, poll teamMembersAddJobStatusGetV2)
//   unsuspend  teamMembersUnsuspend
//   suspend    teamMembersSuspend, wipe_data: false (as roster sends)
//   remove     teamMembersRemove, wipe_data: false, then poll
//              teamMembersRemoveJobStatusGet until it is no longer in_progress
// Members are addressed by email (what a script given a list of addresses does), so the
// baseline needs no listing of the team. Polls follow each other without a sleep: the
// fastest a straightforward script can be (roster waits 100 ms before its second poll).
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
  console.error('bench/apply: tests/js/node_modules is missing; run npm ci in tests/js');
  process.exit(2);
}

const [base, token, changesPath] = process.argv.slice(2);
if (!changesPath) {
  console.error('usage: node baseline.mjs API_URL TOKEN changes.json');
  process.exit(2);
}
const changes = JSON.parse(readFileSync(changesPath, 'utf8'));

// The SDK builds https://api.dropboxapi.com/... URLs; send them to the emulator instead.
let calls = 0;
const emulatorFetch = (url, options) => {
  calls += 1;
  return fetch(url.replace('https://api.dropboxapi.com', base), options);
};
const dbx = new Dropbox({ accessToken: token, fetch: emulatorFetch });
const byEmail = (email) => ({ '.tag': 'email', email });

async function untilDone(poll, asyncJobId) {
  for (;;) {
    const { result } = await poll({ async_job_id: asyncJobId });
    if (result['.tag'] !== 'in_progress') return result;
  }
}

let failures = 0;
async function attempt(what, email, call) {
  try {
    await call();
  } catch (error) {
    failures += 1;
    const detail = error?.error?.error_summary ?? error?.message ?? String(error);
    console.error(`baseline: ${what} ${email} failed: ${detail}`);
  }
}

async function invite(m) {
  let { result } = await dbx.teamMembersAddV2({
    new_members: [{ member_email: m.email, member_given_name: m.given_name,
                    member_surname: m.surname, send_welcome_email: true }],
  });
  if (result['.tag'] === 'async_job_id') {
    result = await untilDone((arg) => dbx.teamMembersAddJobStatusGetV2(arg), result.async_job_id);
  }
  const item = result['.tag'] === 'complete' ? result.complete[0] : undefined;
  if (item?.['.tag'] !== 'success') throw new Error(`add_v2 answered ${JSON.stringify(result)}`);
}

async function remove(email) {
  const { result } = await dbx.teamMembersRemove({ user: byEmail(email), wipe_data: false });
  if (result['.tag'] === 'async_job_id') {
    const done = await untilDone((arg) => dbx.teamMembersRemoveJobStatusGet(arg), result.async_job_id);
    if (done['.tag'] !== 'complete') throw new Error(`remove job answered ${JSON.stringify(done)}`);
  }
}

const phases = {};
async function phase(name, items, run) {
  const start = performance.now();
  const before = calls;
  for (const item of items) await attempt(name, item.email ?? item, () => run(item));
  phases[name] = { steps: items.length, calls: calls - before,
                   seconds: +((performance.now() - start) / 1000).toFixed(2) };
}

const start = performance.now();
await phase('invite', changes.invite, invite);
await phase('unsuspend', changes.unsuspend, (email) => dbx.teamMembersUnsuspend({ user: byEmail(email) }));
await phase('suspend', changes.suspend,
            (email) => dbx.teamMembersSuspend({ user: byEmail(email), wipe_data: false }));
await phase('remove', changes.remove, remove);
const seconds = +((performance.now() - start) / 1000).toFixed(2);
console.log(JSON.stringify({ seconds, calls, failures, phases }));
process.exit(failures === 0 ? 0 : 1);
