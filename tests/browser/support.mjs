// Shared by the browser tests and bench/report: runs roster, opens a report in Debian's
// headless Chromium through playwright-core (which downloads nothing), and watches the
// page for console errors, CSP violations, dialogs and network requests.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.ROSTER_CHROMIUM || '/usr/bin/chromium';

let failures = 0;
let passes = 0;

export function check(ok, what) {
  if (ok) {
    passes++;
    console.log(`ok   ${what}`);
  } else {
    failures++;
    console.log(`FAIL ${what}`);
  }
}

export function equal(actual, expected, what) {
  const ok = JSON.stringify(actual) === JSON.stringify(expected);
  // Long lists (one console error per row) are cut to their first three entries.
  const shown = Array.isArray(actual) && actual.length > 3
    ? `${JSON.stringify(actual.slice(0, 3))} and ${actual.length - 3} more` : JSON.stringify(actual);
  check(ok, ok ? what : `${what}: got ${shown}, expected ${JSON.stringify(expected)}`);
}

export function finish() {
  console.log(`${passes} passed, ${failures} failed`);
  process.exit(failures > 0 ? 1 : 0);
}

/// playwright-core, or exit 77 (CTest's skip) when it or Chromium is missing outside CI.
export async function loadPlaywright() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (Debian package chromium)`);
  let playwright = null;
  try {
    playwright = await import('playwright-core');
  } catch {
    missing.push('playwright-core (npm ci in tests/browser)');
  }
  if (missing.length === 0) return playwright;
  console.log(`missing: ${missing.join(', ')}`);
  process.exit(process.env.CI ? 1 : 77);
}

export async function launch() {
  const { chromium } = await loadPlaywright();
  // --no-sandbox: Chromium's sandbox refuses to run as root, which CI is.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

/// Runs roster; returns { status, stdout, stderr }.
export function roster(bin, args, env = {}) {
  try {
    const stdout = execFileSync(bin, args, {
      env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8', maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    return { status: e.status, stdout: e.stdout || '', stderr: e.stderr || '' };
  }
}

/// Opens `file` and records what the page does that a report must never do.
export async function openReport(browser, file, viewport = { width: 1200, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const seen = { errors: [], requests: [], dialogs: [] };
  const url = pathToFileURL(file).href;
  page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(m.text()); });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('request', (r) => { if (r.url() !== url) seen.requests.push(r.url()); });
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.dismiss(); });
  // CSP violations also reach the console as errors; this catches the silent ones.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForSelector('html[data-ready]', { timeout: 50000 });
  return { page, seen };
}

/// The page did nothing it must not: no console error, CSP violation, dialog or request.
export async function checkQuiet(page, seen, label) {
  equal(seen.errors, [], `${label}: no console errors`);
  equal(await page.evaluate(() => window.__violations), [], `${label}: no CSP violations`);
  equal(seen.dialogs, [], `${label}: no dialog opened`);
  equal(seen.requests, [], `${label}: no network request beyond the file itself`);
}

/// Every count the page marks with data-count, against the plan's JSON document.
export async function checkCounts(page, plan, label) {
  const shown = await page.$$eval('[data-count]', (els) =>
    els.map((e) => [e.dataset.count, Number(e.textContent)]));
  check(shown.length > 0, `${label}: the page shows counts`);
  const drift = (kind) => plan.drift.filter((d) => d.kind === kind).length;
  const states = {};
  for (const [key, value] of shown) {
    const [group, name] = key.split('.');
    if (group === 'state') { states[name] = value; continue; }
    const expected = group === 'summary' ? plan.summary[name]
      : group === 'steps' ? plan.summary.steps[name]
      : name.split('+').reduce((sum, kind) => sum + drift(kind), 0);
    equal(value, expected, `${label}: ${key} shown equals the plan's JSON`);
  }
  const live = 'live' in states ? states.live
    : (states.active ?? 0) + (states.invited ?? 0) + (states.suspended ?? 0);
  equal(live, plan.summary.live_members, `${label}: live members by state add up to the plan's`);
  equal(states.removed, plan.summary.removed_members, `${label}: removed members as in the plan`);
}

export async function visibleRows(page) {
  return page.$$eval('.mt-row', (rows) => rows.map((r) =>
    Object.fromEntries([...r.children].map((c) => [c.dataset.column, c.textContent]))));
}

export async function filterFor(page, text) {
  await page.fill('#filter', text);
  return visibleRows(page);
}

/// Filtering for `email` shows exactly its row; sorting by `column` orders the rows shown.
export async function checkFilterAndSort(page, email, column, label) {
  const rows = await filterFor(page, email);
  equal(rows.map((r) => r.email), [email], `${label}: filtering for ${email} shows exactly its row`);
  await filterFor(page, '');
  const header = `.mt-head button[data-column="${column}"]`;
  for (let click = 0; click < 2; click++) {
    const before = await page.getAttribute(header, 'aria-sort');
    const direction = before === 'ascending' ? 'descending' : 'ascending';
    await page.click(header);
    equal(await page.getAttribute(header, 'aria-sort'), direction,
      `${label}: the ${column} header says ${direction}`);
    const values = (await visibleRows(page)).map((r) => r[column].toLowerCase());
    const sorted = [...values].sort();
    if (direction === 'descending') sorted.reverse();
    check(values.length > 1 && JSON.stringify(values) === JSON.stringify(sorted),
      `${label}: rows sorted by ${column}, ${direction}`);
  }
}

/// Starts roster-emulator on a free loopback port; returns { url, stop }.
export async function startEmulator(bin, stateFile, seed, token) {
  const child = spawn(bin, ['--port', '0', '--state', stateFile, '--seed', seed, '--token', token],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const m = text.match(/^listening on (\S+)/m);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`roster-emulator exited ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
