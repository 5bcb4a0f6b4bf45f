// The HTML audit report in a real browser (issue 12): Debian's headless Chromium opens
// reports roster wrote and checks what a reader sees and what the page must never do.
// Usage: node report_test.mjs SCENARIO ROSTER EMULATOR SOURCE_DIR WORK_DIR [GENERATE_TEAM]
//   demo   the demo team offline (--observed); writes the README's screenshot
//   live   the demo team read live from roster-emulator
//   saved  `roster show PLANFILE --format html`
//   xss    members, groups and names that are markup stay text and run nothing
//   large  a generated 100,000-member team
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  check, checkCounts, checkFilterAndSort, checkQuiet, equal, filterFor, finish, launch,
  loadPlaywright, openReport, readJson, roster, startEmulator,
} from './support.mjs';

const [scenario, rosterBin, emulatorBin, sourceDir, workRoot, generateTeam] = process.argv.slice(2);
const work = join(workRoot, scenario);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const example = join(sourceDir, 'manifests/example.yaml');
const demoSnapshot = join(sourceDir, 'manifests/demo/observed.json');

// Writes the report and the plan's JSON from the same inputs; returns the plan.
function reportAndPlan(manifest, inputArgs, env = {}) {
  const file = join(work, 'report.html');
  const r = roster(rosterBin, ['report', '-f', manifest, ...inputArgs, '-o', file], env);
  equal(r.status, 0, `roster report exits 0 (${r.stderr.trim()})`);
  const p = roster(rosterBin, ['plan', '-f', manifest, ...inputArgs, '--format', 'json'], env);
  return { file, plan: JSON.parse(p.stdout) };
}

let browser = null;  // one Chromium per test run, a fresh page per view

async function withPage(file, body, viewport) {
  browser ??= await launch();
  const { page, seen } = await openReport(browser, file, viewport);
  try {
    await body(page, seen);
  } finally {
    await page.close();
  }
}

const scenarios = {
  async demo() {
    const { file, plan } = reportAndPlan(example, ['--observed', demoSnapshot]);
    await withPage(file, async (page, seen) => {
      // The README's picture: the top of the page as a reader first sees it.
      const shot = join(work, 'report.png');
      await page.screenshot({ path: shot });
      if (process.env.UPDATE_SCREENSHOT) {
        copyFileSync(shot, join(sourceDir, 'docs/images/report.png'));
        console.log('wrote docs/images/report.png');
      }
      await checkCounts(page, plan, 'demo');
      await checkFilterAndSort(page, 'kim.ng@acme.com', 'name', 'demo');
      await checkQuiet(page, seen, 'demo');
    }, { width: 1100, height: 1000 });
    // Printing shows the rows too (no scroll bar on paper).
    await withPage(file, async (page) => {
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      const rows = await page.$$eval('.mt-row', (r) => r.length);
      equal(rows, plan.summary.live_members + plan.summary.removed_members +
        plan.summary.steps.invite, 'demo: printing lays out every member row');
    });
  },

  async live() {
    const token = 'browser-test-token';
    const emulator = await startEmulator(emulatorBin, join(work, 'team.json'),
      join(sourceDir, 'manifests/demo/team-seed.json'), token);
    try {
      const env = { ROSTER_API_URL: emulator.url, DROPBOX_TOKEN: token };
      const { file, plan } = reportAndPlan(example, [], env);
      check(!readFileSync(file, 'utf8').includes(token), 'live: the token is not in the page');
      await withPage(file, async (page, seen) => {
        const team = await page.textContent('#team');
        check(team.includes('the live team'), 'live: the page says it read the live team');
        await checkCounts(page, plan, 'live');
        await checkFilterAndSort(page, 'kim.ng@acme.com', 'state', 'live');
        await checkQuiet(page, seen, 'live');
      });
    } finally {
      emulator.stop();
    }
  },

  async saved() {
    const planFile = join(work, 'roster.plan');
    equal(roster(rosterBin, ['plan', '-f', example, '--observed', demoSnapshot, '--out', planFile])
      .status, 0, 'saved: roster plan --out exits 0');
    const r = roster(rosterBin, ['show', planFile, '--format', 'html']);
    equal(r.status, 0, 'saved: roster show --format html exits 0');
    const file = join(work, 'saved.html');
    writeFileSync(file, r.stdout);
    const plan = readJson(planFile);
    await withPage(file, async (page, seen) => {
      check(await page.isVisible('#partial-note'), 'saved: the page says it shows a saved plan');
      await checkCounts(page, plan, 'saved');
      await checkFilterAndSort(page, 'carol.diaz@acme.com', 'email', 'saved');
      await checkQuiet(page, seen, 'saved');
    });
  },

  async xss() {
    const payloads = ['<img src=x onerror=alert(1)>',
      '</script><script>window.__xss=1</script>', '"\'><svg onload=alert(2)>',
      '<b onmouseover=window.__xss=2>x</b>'];
    const snapshot = readJson(demoSnapshot);
    snapshot.members.forEach((m, i) => {
      m.profile.name.given_name = payloads[i % payloads.length];
      m.profile.name.surname = payloads[(i + 1) % payloads.length];
      if (i % 2) m.profile.external_id = payloads[(i + 2) % payloads.length];
    });
    snapshot.groups.forEach((g, i) => { g.group_name = payloads[i % payloads.length]; });
    const observed = join(work, 'observed.json');
    writeFileSync(observed, JSON.stringify(snapshot));
    const manifest = join(work, 'team.yaml');
    writeFileSync(manifest, readFileSync(example, 'utf8').replace(/\nmembers:\n/,
      `\nmembers:\n  - email: xss@acme.com\n    external_id: ${JSON.stringify(payloads[1])}\n`));
    const { file, plan } = reportAndPlan(manifest, ['--observed', observed]);
    await withPage(file, async (page, seen) => {
      await page.hover('.mt-row');
      equal(await page.evaluate(() => window.__xss), undefined, 'xss: no payload set a global');
      equal(await page.$$eval('main img, main script, #member-table svg, b', (e) => e.length), 0,
        'xss: no payload became an element');
      const text = await page.textContent('body');
      for (const p of payloads) check(text.includes(p), `xss: ${p} is shown as text`);
      const rows = await filterFor(page, payloads[1]);
      check(rows.length > 0 && rows.every((r) => r.name.includes(payloads[1]) ||
        r.groups.includes(payloads[1]) || r.external_id.includes(payloads[1])),
      'xss: filtering for a payload finds the rows that hold it');
      await checkCounts(page, plan, 'xss');
      await checkQuiet(page, seen, 'xss');
    });
  },

  async large() {
    execFileSync(generateTeam, ['100000', work], { stdio: 'ignore' });
    const { file, plan } = reportAndPlan(join(work, 'manifest.yaml'),
      ['--observed', join(work, 'snapshot.json')]);
    await withPage(file, async (page, seen) => {
      const domRows = await page.$$eval('.mt-row', (r) => r.length);
      check(domRows < 200, `large: only the rows in view exist (${domRows})`);
      await checkCounts(page, plan, 'large');
      await checkFilterAndSort(page, 'user99999@bigcorp.example.com', 'email', 'large');
      await page.fill('#filter', '');
      const last = await page.evaluate(() => {
        const rows = JSON.parse(document.getElementById('roster-data').textContent).members;
        const emails = rows.map((r) => r[0].toLowerCase()).sort();
        const ascending = document.querySelector('.mt-head button[data-column=email]')
          .getAttribute('aria-sort') === 'ascending';
        return ascending ? emails[emails.length - 1] : emails[0];
      });
      await page.$eval('.mt-scroll', (s) => { s.scrollTop = s.scrollHeight; });
      await page.waitForFunction((email) => {
        const cell = document.querySelector('.mt-row:last-child [data-column=email]');
        return cell !== null && cell.textContent === email;
      }, last, { timeout: 5000 }).then(() => true, () => false).then((ok) =>
        check(ok, `large: scrolling to the end shows the last row (${last})`));
      await checkQuiet(page, seen, 'large');
    });
  },
};

await loadPlaywright();
if (!scenarios[scenario]) {
  console.log(`unknown scenario ${scenario}`);
  process.exit(2);
}
try {
  await scenarios[scenario]();
} finally {
  await browser?.close();
}
finish();
