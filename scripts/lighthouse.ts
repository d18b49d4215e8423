/**
 * Lighthouse performance budget: serves the built site (dist/, or DIST_DIR) on localhost and
 * runs Lighthouse's performance category, with its default mobile emulation and simulated
 * throttling, in the system Chromium on a landing page, lesson pages, the playground and the
 * map lab. Prints the score and the main metrics of each; fails when a lesson page scores under
 * 95 (the budget is for lesson pages before the editor is opened). Scores vary from run to run on
 * a busy machine (Lighthouse's own advice is to take the median of several runs), so a page under
 * the budget is measured twice more and judged by the median of the three.
 * Usage: node scripts/lighthouse.ts [PATH...]   (CHROME_PATH overrides /usr/bin/chromium)
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveStatic } from './serve.ts';

const dist = process.env.DIST_DIR ?? fileURLToPath(new URL('../dist/', import.meta.url));
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const lessonBudget = 95;

/** Pages measured by default: kind decides whether the budget applies. */
const defaultPages: Array<{ kind: 'lesson' | 'other'; path: string }> = [
  { kind: 'other', path: '/' },
  { kind: 'lesson', path: '/foundations/how-to-ask-the-compiler/' },
  { kind: 'lesson', path: '/foundations/closures/' },
  { kind: 'lesson', path: '/maps/classic-maps/' },
  { kind: 'lesson', path: '/maps/sync-map-or-mutex/' },
  { kind: 'other', path: '/playground/' },
  { kind: 'other', path: '/maps/' },
];

if (!existsSync(chromePath)) {
  console.error(`lighthouse: no Chromium at ${chromePath} (apt-get install chromium, or set CHROME_PATH)`);
  process.exit(1);
}
const requested = process.argv.slice(2);
const pages = requested.length > 0 ? requested.map((path) => ({ kind: path.startsWith('/playground') || path === '/' || path === '/maps/' ? ('other' as const) : ('lesson' as const), path })) : defaultPages;

const server = await serveStatic(dist, 0);
const port = (server.address() as AddressInfo).port;
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const failures: string[] = [];
const ms = (value: number | undefined) => (value === undefined ? '?' : `${Math.round(value)} ms`);

/** Runs Lighthouse once on `path`, prints its score and metrics, and returns the score. */
async function measure(path: string): Promise<number> {
  const result = await lighthouse(`http://127.0.0.1:${port}${path}`, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
  const lhr = result?.lhr;
  const score = Math.round((lhr?.categories.performance?.score ?? 0) * 100);
  const metric = (id: string) => lhr?.audits[id]?.numericValue;
  console.log(
    `${path.padEnd(42)} performance ${String(score).padStart(3)}  FCP ${ms(metric('first-contentful-paint'))}  LCP ${ms(metric('largest-contentful-paint'))}  TBT ${ms(metric('total-blocking-time'))}  CLS ${(metric('cumulative-layout-shift') ?? 0).toFixed(3)}`,
  );
  return score;
}
try {
  for (const page of pages) {
    const scores = [await measure(page.path)];
    if (page.kind === 'lesson' && scores[0]! < lessonBudget) scores.push(await measure(page.path), await measure(page.path));
    const score = [...scores].sort((a, b) => a - b)[Math.floor(scores.length / 2)]!;
    if (scores.length > 1) console.log(`${page.path.padEnd(42)} median of ${scores.join(', ')}: ${score}`);
    if (page.kind === 'lesson' && score < lessonBudget) failures.push(`${page.path} scored ${score} (budget ${lessonBudget})`);
  }
} finally {
  chrome.kill();
  server.close();
}
if (failures.length > 0) {
  console.error(`lighthouse budget exceeded:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`lighthouse: every lesson page scores at least ${lessonBudget}`);
