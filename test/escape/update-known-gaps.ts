/**
 * Rewrites known-gaps.json from the simulator's current output: every (fixture, flags) pair
 * that does not match its snapshot, with the difference as the reason. Run after improving
 * the engine: node test/escape/update-known-gaps.ts
 */
import { writeFileSync } from 'node:fs';
import { describeDifference, loadFixtures, simulate, type KnownGap } from './fixtures.ts';

const gaps: KnownGap[] = [];
let pairs = 0;
for (const fixture of loadFixtures()) {
  for (const run of fixture.runs) {
    pairs++;
    const actual = await simulate(fixture, run.flags);
    const same = actual.exitCode === run.exitCode && actual.lines.join('\n') === run.lines.join('\n');
    if (!same) gaps.push({ fixture: fixture.name, flags: run.flags, reason: describeDifference(run.lines, actual.lines) });
  }
}
writeFileSync(new URL('./known-gaps.json', import.meta.url), `${JSON.stringify(gaps, null, 2)}\n`);
console.log(`${pairs - gaps.length} of ${pairs} (fixture, flags) pairs match; ${gaps.length} known gaps written`);
