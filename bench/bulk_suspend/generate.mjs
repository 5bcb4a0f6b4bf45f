// Inputs of the bulk suspension benchmark (issue 10): a seed of N active members plus the
// token's admin, and a manifest that declares all N suspended.
//   node generate.mjs DIR [N]      writes DIR/seed.json and DIR/manifest.yaml (N: 500)
import { mkdirSync, writeFileSync } from 'node:fs';

const [dir, count = '500'] = process.argv.slice(2);
const n = Number(count);
mkdirSync(dir, { recursive: true });
const email = (i) => `m${String(i).padStart(4, '0')}@acme.com`;
const members = [{ email: 'admin@acme.com', role: 'team_admin' }];
for (let i = 0; i < n; i++) members.push({ email: email(i) });
writeFileSync(`${dir}/seed.json`, JSON.stringify({
  team_name: 'Acme Corp', team_id: 'dbtid:AAbulk', num_licensed_users: n + 10,
  admin_email: 'admin@acme.com', members,
}));
let manifest = 'version: 1\nteam: {name: Acme Corp}\npolicy: {max_removal_fraction: 1}\n' +
  'members:\n  - email: admin@acme.com\n';
for (let i = 0; i < n; i++) manifest += `  - {email: ${email(i)}, state: suspended}\n`;
writeFileSync(`${dir}/manifest.yaml`, manifest);
