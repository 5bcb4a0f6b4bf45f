// Writes the inputs of the access benchmark (issue 9) into OUTDIR:
//   seed.json      roster-emulator seed: 10,000 members, 200 groups (user_managed, 100
//                  members each), 50 admins to demote, secondary emails and custom quotas
//   manifest.yaml  the desired team: its plan is exactly 2,000 access changes
//   changes.json   the same changes, one entry each, for the one-call-per-change baseline
// The 2,000 changes: 600 joins (3 per group), 400 leaves (2 per group), 200 access
// changes (1 per group, member -> owner), 150 role grants, 50 role revokes, 250 secondary
// emails added, 50 deleted, 200 custom quotas set, 100 removed.
// Usage: node generate.mjs OUTDIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node generate.mjs OUTDIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const DOMAIN = 'bench.example.com';
const ADMIN = `it-admin@${DOMAIN}`;
const MEMBERS = 10000;
const GROUPS = 200;
const pad = (n, w = 5) => String(n).padStart(w, '0');
const email = (i) => `m${pad(i)}@${DOMAIN}`;  // i = 1..MEMBERS
const group = (g) => `Group ${pad(g, 3)}`;     // g = 0..GROUPS-1
const ROLES = ['team_admin', 'user_management_admin', 'support_admin', 'billing_admin',
               'content_admin', 'security_admin', 'compliance_admin', 'reporting_admin'];
const ROLE_NAMES = { team_admin: 'Team Admin', user_management_admin: 'User management admin',
                     support_admin: 'Support admin', billing_admin: 'Billing admin',
                     content_admin: 'Content admin', security_admin: 'Security admin',
                     compliance_admin: 'Compliance admin', reporting_admin: 'Reporting admin' };

// Before: member i is in groups i % 200 and (i * 7 + 3) % 200 (two distinct groups).
const before = (i) => {
  const a = i % GROUPS;
  let b = (i * 7 + 3) % GROUPS;
  if (b === a) b = (b + 1) % GROUPS;
  return [a, b];
};
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

const changes = { join: [], leave: [], access: [], grant: [], revoke: [], add_email: [],
                  delete_email: [], set_quota: [], remove_quota: [] };
const after = new Map();  // i -> [{g, access}] for every member
for (let i = 1; i <= MEMBERS; i += 1) after.set(i, before(i).map((g) => ({ g, access: 'member' })));

// 600 joins: members 1..600 join group (i - 1) % 200 + offset, not one they are in.
for (const i of range(1, 600)) {
  const [a, b] = before(i);
  let g = (i * 13 + 5) % GROUPS;
  while (g === a || g === b) g = (g + 1) % GROUPS;
  after.get(i).push({ g, access: 'member' });
  changes.join.push({ email: email(i), group: group(g) });
}
// 400 leaves: members 601..1000 leave their second group.
for (const i of range(601, 1000)) {
  const [, b] = before(i);
  after.set(i, after.get(i).filter((m) => m.g !== b));
  changes.leave.push({ email: email(i), group: group(b) });
}
// 200 access changes: members 1001..1200 become owners of their first group.
for (const i of range(1001, 1200)) {
  after.get(i)[0].access = 'owner';
  changes.access.push({ email: email(i), group: group(before(i)[0]) });
}
// 150 grants (members 1201..1350, roles in turn); 50 revokes (1351..1400, seeded admins).
const role = new Map();
for (const i of range(1201, 1350)) {
  role.set(i, ROLES[1 + (i % (ROLES.length - 1))]);
  changes.grant.push({ email: email(i), role: role.get(i) });
}
for (const i of range(1351, 1400)) changes.revoke.push({ email: email(i) });
// Secondary emails: 250 added (1401..1650), 50 deleted (1651..1700 have one, declared []).
for (const i of range(1401, 1650)) changes.add_email.push({ email: email(i), address: `alt.${pad(i)}@${DOMAIN}` });
for (const i of range(1651, 1700)) changes.delete_email.push({ email: email(i), address: `old.${pad(i)}@${DOMAIN}` });
// Quotas: 200 set to 10 GB (1701..1900), 100 removed (1901..2000 have 20 GB).
for (const i of range(1701, 1900)) changes.set_quota.push({ email: email(i), quota_gb: 10 });
for (const i of range(1901, 2000)) changes.remove_quota.push({ email: email(i) });

const groupMembers = Array.from({ length: GROUPS }, () => []);
for (let i = 1; i <= MEMBERS; i += 1) {
  for (const g of before(i)) groupMembers[g].push({ email: email(i), access_type: 'member' });
}
const seed = {
  team_name: 'Access Bench Team',
  team_id: 'dbtid:AAaccessbench',
  num_licensed_users: 20000,
  admin_email: ADMIN,
  member_space_limit_gb: 100,
  members: [
    { email: ADMIN, given_name: 'Ida', surname: 'Admin', role: 'team_admin' },
    ...range(1, MEMBERS).map((i) => {
      const m = { email: email(i), given_name: 'Member', surname: `Number${pad(i)}` };
      if (i >= 1351 && i <= 1400) m.role = 'user_management_admin';
      if (i >= 1651 && i <= 1700) m.secondary_emails = [{ email: `old.${pad(i)}@${DOMAIN}`, is_verified: true }];
      if (i >= 1901 && i <= 2000) m.custom_quota_gb = 20;
      return m;
    }),
  ],
  groups: groupMembers.map((members, g) => ({ group_name: group(g), group_management_type: 'user_managed', members })),
};

const groupsKey = (i) => after.get(i).map(({ g, access }) =>
  (access === 'owner' ? `{name: ${group(g)}, access: owner}` : group(g))).join(', ');
const lines = [
  '# Generated by bench/access/generate.mjs: the access benchmark of issue 9.',
  'version: 1',
  'policy:',
  '  unmanaged: report',
  '  max_demotions: 50',
  `  protected: [${ADMIN}]`,
  'groups:',
  ...range(0, GROUPS - 1).map((g) => `  - {name: ${group(g)}, management_type: user_managed}`),
  'members:',
  `  - {email: ${ADMIN}, role: team_admin, groups: []}`,
  ...range(1, MEMBERS).map((i) => {
    const parts = [`email: ${email(i)}`, `groups: [${groupsKey(i)}]`];
    if (role.has(i)) parts.push(`role: ${role.get(i)}`);
    if (i >= 1351 && i <= 1400) parts.push('role: member_only');
    if (i >= 1401 && i <= 1650) parts.push(`secondary_emails: [alt.${pad(i)}@${DOMAIN}]`);
    if (i >= 1651 && i <= 1700) parts.push('secondary_emails: []');
    if (i >= 1701 && i <= 1900) parts.push('space_limit: 10');
    if (i >= 1901 && i <= 2000) parts.push('space_limit: team_default');
    return `  - {${parts.join(', ')}}`;
  }),
];

writeFileSync(join(out, 'seed.json'), JSON.stringify(seed) + '\n');
writeFileSync(join(out, 'manifest.yaml'), lines.join('\n') + '\n');
writeFileSync(join(out, 'changes.json'), JSON.stringify({ role_names: ROLE_NAMES, ...changes }) + '\n');
const total = Object.values(changes).reduce((n, list) => n + list.length, 0);
console.log(`wrote ${out}/seed.json (${seed.members.length} members, ${GROUPS} groups), ` +
            `${out}/manifest.yaml, ${out}/changes.json (${total} changes)`);
