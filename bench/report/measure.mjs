// Opens a report RUNS times in headless Chromium (a fresh page each time) and prints the
// medians: navigation start to the member table's first render, and one filter input
// event to the next painted frame, for a query that matches one row and one that matches
// every row. Usage: node measure.mjs REPORT.html RUNS
import { launch, openReport } from '../../tests/browser/support.mjs';

const [file, runs] = [process.argv[2], Number(process.argv[3] || 5)];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const results = { ready: [], one: [], all: [] };
const browser = await launch();
for (let i = 0; i < runs; i++) {
  const { page } = await openReport(browser, file);
  results.ready.push(await page.evaluate(() =>
    performance.getEntriesByName('roster-ready')[0].startTime));
  const email = await page.textContent('.mt-row:nth-child(3) [data-column=email]');
  for (const [key, query] of [['one', email], ['all', '@'], ['clear', '']]) {
    const ms = await page.evaluate((q) => new Promise((resolve) => {
      const input = document.getElementById('filter');
      const t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input'));
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
    }), query);
    if (results[key]) results[key].push(ms);
  }
  await page.close();
}
await browser.close();
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(' ')})`;
console.log(`interactive (navigation start to first render): ${fmt(results.ready)}`);
console.log(`filter keystroke, one row matches:              ${fmt(results.one)}`);
console.log(`filter keystroke, every row matches:            ${fmt(results.all)}`);
