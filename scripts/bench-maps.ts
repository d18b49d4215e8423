/**
 * `node scripts/bench-maps.ts`: the map models' speed figures.
 *
 * 1. Time to simulate 1,000,000 distinct inserts into each model, without listeners (the
 *    budget is < 1 s each); best and median of 5 runs.
 * 2. When a built site (DIST_DIR, default dist/) and Chromium are present: frames per second
 *    in the map lab while it plays at 1000 steps/s on a map of 4096 slots per side, measured
 *    with requestAnimationFrame over 3 seconds.
 *
 * Figures depend on the machine and its load; the load average is printed with them.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ClassicMap } from '../src/sim/maps/classic/map.ts';
import { SwissMap } from '../src/sim/maps/swiss/map.ts';

const INSERTS = 1_000_000;
const RUNS = 5;

/** Wall-clock and CPU milliseconds for 1,000,000 inserts into a fresh map. */
function time(build: () => { insert(key: number): unknown }): { wall: number; cpu: number } {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const map = build();
  for (let key = 0; key < INSERTS; key++) map.insert(key);
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function report(name: string, build: () => { insert(key: number): unknown }): void {
  const runs = Array.from({ length: RUNS }, () => time(build));
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const wall = median(runs.map((run) => run.wall));
  const cpu = median(runs.map((run) => run.cpu));
  const best = Math.min(...runs.map((run) => run.wall));
  console.log(
    `${name}: 1,000,000 inserts in ${wall.toFixed(0)} ms median wall clock (best ${best.toFixed(0)} ms), ${cpu.toFixed(0)} ms median CPU, ${RUNS} runs (budget 1000 ms: ${wall < 1000 ? 'within' : 'OVER'})`,
  );
}

console.log(`load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
report('classic (go1.23)', () => new ClassicMap({ goMinor: 23 }));
report('swiss (go1.26)', () => new SwissMap({ goMinor: 26 }));

const distDir = process.env.DIST_DIR ?? join(import.meta.dirname, '..', 'dist');
if (!existsSync(join(distDir, 'maps', 'index.html'))) {
  console.log(`stepping fps: skipped (no built site at ${distDir}; build with: npx astro build --outDir <dir> and set DIST_DIR)`);
} else {
  process.env.DIST_DIR = distDir;
  const { openPage, startSession, unavailableReason } = await import('../test/e2e/harness.ts');
  const { framesPerSecond, insertKeys, labState } = await import('../test/maps/lab-page.ts');
  const reason = unavailableReason();
  if (reason !== undefined) {
    console.log(`stepping fps: skipped (${reason})`);
  } else {
    const session = await startSession();
    try {
      const { page, context } = await openPage(session, { width: 1280, height: 900 });
      await page.goto(new URL('maps/', session.baseUrl).href);
      await page.waitForSelector('map-lab[data-state]');
      await insertKeys(page, 3000);
      const state = await labState(page);
      const slots = { classic: 8 * 2 ** Number(state.classicB), swissTables: Number(state.swissTables) };
      const idle = await framesPerSecond(page, 3000);
      await page.selectOption('[data-speed]', '1000');
      await page.fill('[data-count]', '50000');
      await page.click('button[data-action="insert-many"]');
      const playing = await framesPerSecond(page, 3000);
      const applied = Number((await labState(page)).applied);
      console.log(
        `stepping fps: ${playing.toFixed(1)} frames/s while playing at 1000 steps/s (${slots.classic} classic slots, ${slots.swissTables} x 1024 Swiss slots; ${applied - 3000} inserts applied in 3 s); idle page ${idle.toFixed(1)} frames/s`,
      );
      await context.close();
    } finally {
      await session.close();
    }
  }
}
