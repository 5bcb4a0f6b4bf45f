// roster-emulator's call counts (GET /_emulator/stats) for the apply benchmark.
//   node stats.mjs get URL                 the stats document, one JSON line
//   node stats.mjs watch URL FILE          appends {"t": epoch ms, "calls": {...}} to FILE
//                                          every 100 ms until SIGTERM
//   node stats.mjs summary STATS.json      calls per route, 200s, 429s, other statuses
//   node stats.mjs phases FILE START END   when each phase's calls were made, in seconds
//                                          from START (epoch seconds, as bash's EPOCHREALTIME)
// Admin endpoints are not counted by the emulator, so watching changes no figure.
import { appendFileSync, readFileSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);

async function stats(url) {
  const response = await fetch(`${url}/_emulator/stats`);
  if (!response.ok) throw new Error(`GET /_emulator/stats answered ${response.status}`);
  return response.json();
}

// Routes grouped by the phase of the apply they belong to.
const PHASES = [
  ['read', ['team/get_info', 'team/token/get_authenticated_admin', 'team/members/list_v2',
            'team/members/list/continue_v2']],
  ['invite', ['team/members/add_v2', 'team/members/add/job_status/get_v2']],
  ['unsuspend', ['team/members/unsuspend']],
  ['suspend', ['team/members/suspend']],
  ['remove', ['team/members/remove', 'team/members/remove/job_status/get']],
];

if (command === 'get') {
  console.log(JSON.stringify(await stats(args[0])));
} else if (command === 'watch') {
  const [url, file] = args;
  let stop = false;
  process.on('SIGTERM', () => { stop = true; });
  process.on('SIGINT', () => { stop = true; });
  while (!stop) {
    try {
      const { calls } = await stats(url);
      appendFileSync(file, JSON.stringify({ t: Date.now(), calls }) + '\n');
    } catch {
      // the emulator is stopping; the last sample is already written
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
} else if (command === 'summary') {
  const doc = JSON.parse(readFileSync(args[0], 'utf8'));
  const statuses = doc.statuses ?? {};
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  const tooMany = statuses['429'] ?? 0;
  const ok = statuses['200'] ?? 0;
  const routes = Object.entries(doc.calls ?? {}).sort(([a], [b]) => a.localeCompare(b));
  for (const [route, n] of routes) console.log(`  ${route.padEnd(40)} ${String(n).padStart(6)}`);
  console.log(`  ${'total requests'.padEnd(40)} ${String(total).padStart(6)}   statuses ${JSON.stringify(statuses)}`);
  // The last line is for the run script: total, not-429, 200, 429.
  console.log(`counts ${total} ${total - tooMany} ${ok} ${tooMany}`);
} else if (command === 'phases') {
  const [file, start, end] = args;
  const startMs = Number(start) * 1000;
  const samples = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const last = samples.at(-1)?.calls ?? {};
  const count = (calls, routes) => routes.reduce((n, r) => n + (calls[r] ?? 0), 0);
  const parts = [];
  for (const [name, routes] of PHASES) {
    const final = count(last, routes);
    if (final === 0) continue;
    const first = samples.find((s) => count(s.calls, routes) > 0);
    const done = samples.find((s) => count(s.calls, routes) === final);
    const from = ((first.t - startMs) / 1000).toFixed(1);
    const to = ((done.t - startMs) / 1000).toFixed(1);
    parts.push(`${name} ${from}-${to} s (${final} calls)`);
  }
  const total = (Number(end) - Number(start)).toFixed(1);
  console.log(`  phases (from 100 ms samples of /_emulator/stats): ${parts.join(', ')}; exit at ${total} s`);
} else {
  console.error('usage: node stats.mjs get URL | watch URL FILE | summary STATS.json | phases FILE START END');
  process.exit(2);
}
