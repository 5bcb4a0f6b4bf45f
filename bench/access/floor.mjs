// Calls per write route of a roster apply (roster-emulator's stats) against the floor
// the API allows for the benchmark's changes (changes.json):
//   groups/members/add     one per group that gains members (any number of members a call)
//   groups/members/remove  one per group that loses members
//   groups/members/set_access_type, members/set_admin_permissions_v2: one per change
//                          (no batch route exists)
//   members/secondary_emails/add, /delete: ceil(emails / 20)
//   member_space_limits/set_custom_quota, /remove_custom_quota: ceil(members / 1000)
// Usage: node floor.mjs changes.json STATS.json   (exit 1 when a route is above its floor)
import { readFileSync } from 'node:fs';

const [changesPath, statsPath] = process.argv.slice(2);
const c = JSON.parse(readFileSync(changesPath, 'utf8'));
const calls = JSON.parse(readFileSync(statsPath, 'utf8')).calls ?? {};
const groups = (list) => new Set(list.map((x) => x.group)).size;
const floor = {
  'team/groups/members/add': groups(c.join),
  'team/groups/members/remove': groups(c.leave),
  'team/groups/members/set_access_type': c.access.length,
  'team/members/set_admin_permissions_v2': c.grant.length + c.revoke.length,
  'team/members/secondary_emails/add': Math.ceil(c.add_email.length / 20),
  'team/members/secondary_emails/delete': Math.ceil(c.delete_email.length / 20),
  'team/member_space_limits/set_custom_quota': Math.ceil(c.set_quota.length / 1000),
  'team/member_space_limits/remove_custom_quota': Math.ceil(c.remove_quota.length / 1000),
};
const changes = Object.entries(c).filter(([k]) => k !== 'role_names')
  .reduce((n, [, list]) => n + list.length, 0);
let above = 0;
let writes = 0;
let floorTotal = 0;
console.log(`  ${'write route'.padEnd(46)} ${'calls'.padStart(6)} ${'floor'.padStart(6)}`);
for (const [route, min] of Object.entries(floor)) {
  const n = calls[route] ?? 0;
  writes += n;
  floorTotal += min;
  if (n > min) above += 1;
  console.log(`  ${route.padEnd(46)} ${String(n).padStart(6)} ${String(min).padStart(6)}${n > min ? '  ABOVE' : ''}`);
}
console.log(`  ${'writes for ' + changes + ' changes'}`.padEnd(48) + ` ${String(writes).padStart(6)} ${String(floorTotal).padStart(6)}`);
const reads = Object.entries(calls).filter(([route]) => !(route in floor))
  .map(([route, n]) => `${route.replace(/^team\//, '')} ${n}`);
console.log(`  reads and probes: ${reads.join(', ')}`);
process.exit(above === 0 ? 0 : 1);
