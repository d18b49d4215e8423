/**
 * Rewrites known-gaps.json from the simulator's current output: every (source, flags) pair
 * over all escape snapshots (fixtures and lesson snippets) that does not match, with whether
 * it says "not modeled" or prints a wrong answer. Run after changing the engine:
 * node test/escape/update-known-gaps.ts
 */
import { writeFileSync } from 'node:fs';
import { classify, describeDifference, loadSnapshots, simulate, type KnownGap } from './fixtures.ts';

const gaps: KnownGap[] = [];
let pairs = 0;
for (const fixture of loadSnapshots()) {
  for (const run of fixture.runs) {
    pairs++;
    const actual = await simulate(fixture, run.flags);
    const kind = classify(run, actual);
    if (kind !== 'same') gaps.push({ source: fixture.path, flags: run.flags, kind, reason: describeDifference(run.lines, actual.lines) });
  }
}
writeFileSync(new URL('./known-gaps.json', import.meta.url), `${JSON.stringify(gaps, null, 2)}\n`);
const wrong = gaps.filter((gap) => gap.kind === 'wrong').length;
console.log(`${pairs - gaps.length} of ${pairs} (source, flags) pairs match; ${gaps.length - wrong} not modeled; ${wrong} wrong`);
