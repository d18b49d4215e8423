/**
 * `npm test`: every check the project has, in order, with one closing count.
 * Steps: type check, unit and conformance-against-snapshot tests (vitest), oracle drift
 * (only where `go` is installed), production build, size budget, Lighthouse performance budget
 * and end-to-end tests in Chromium.
 * Every step runs even when an earlier one failed (except those that need the build), so one
 * run shows everything that is wrong.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = `${root}.cache/test`;
rmSync(cache, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });

/** Outcome counts of one step. */
interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function run(title: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`=== ${title}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds}s`);
  return ok;
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function step(title: string, ok: boolean): void {
  if (ok) total.passed += 1;
  else {
    total.failed += 1;
    failures.push(title);
  }
}

function addCounts(title: string, counts: Counts | undefined, ok: boolean): void {
  if (counts === undefined) {
    step(title, false);
    return;
  }
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  if (!ok || counts.failed > 0) failures.push(title);
  if (!ok && counts.failed === 0) total.failed += 1;
}

// 1. Types: Astro components, content (synced first, so collections are typed) and every TypeScript file.
step('type check', run('type check', 'astro', ['check']));

// 2. Unit, model and snapshot tests.
const vitestReport = `${cache}/vitest.json`;
const unitOk = run('unit tests', 'vitest', [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
addCounts('unit tests', readVitestCounts(vitestReport), unitOk);

// 3. Oracle drift: regenerate snapshots with the real toolchain and compare.
if (existsSync(`${root}oracle/run.ts`)) {
  step('oracle drift', run('oracle drift', 'node', ['oracle/run.ts', '--check']));
}

// 4. The production build, then what needs it.
const built = run('build', 'astro', ['build']);
step('build', built);
if (built) {
  step('size budget', run('size budget', 'node', ['scripts/size-budget.ts']));
  // Lighthouse needs Chromium; without it (and outside CI) the budget is reported as skipped.
  const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium) || process.env.CI) {
    step('lighthouse budget', run('lighthouse budget', 'node', ['scripts/lighthouse.ts']));
  } else {
    console.log(`\n=== lighthouse budget: skipped, no Chromium at ${chromium} (apt-get install chromium)`);
    total.skipped += 1;
  }
  const tapReport = `${cache}/e2e.tap`;
  const e2eOk = run('end-to-end (Chromium)', 'node', [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapReport}`,
    'test/e2e/*.test.ts',
  ]);
  addCounts('end-to-end', readTapCounts(tapReport), e2eOk);
} else {
  failures.push('size budget, lighthouse budget and end-to-end (no build)');
  total.failed += 3;
}

console.log(`\nFailed: ${failures.length === 0 ? 'nothing' : failures.join(', ')}`);
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed === 0 ? 0 : 1;

function readVitestCounts(path: string): Counts | undefined {
  if (!existsSync(path)) return undefined;
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function readTapCounts(path: string): Counts | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
}
