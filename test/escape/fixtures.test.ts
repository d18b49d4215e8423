/**
 * Every escape fixture against its oracle snapshot, under each recorded flag set: the
 * simulator must print exactly the compiler's lines, in order. Pairs listed in
 * known-gaps.json must still differ (so the list can only shrink honestly); every other pair
 * must match.
 */
import { describe, expect, it } from 'vitest';
import { describeDifference, loadFixtures, loadKnownGaps, simulate } from './fixtures.ts';

const fixtures = loadFixtures();
const gaps = loadKnownGaps();
const isGap = (fixture: string, flags: string) => gaps.some((gap) => gap.fixture === fixture && gap.flags === flags);

describe('escape fixtures match the real compiler', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(45);
  });

  it('lists only fixtures and flag sets that exist', () => {
    for (const gap of gaps) {
      const fixture = fixtures.find((candidate) => candidate.name === gap.fixture);
      expect(fixture, gap.fixture).toBeDefined();
      expect(fixture?.runs.map((run) => run.flags), gap.fixture).toContain(gap.flags);
    }
  });

  for (const fixture of fixtures) {
    for (const run of fixture.runs) {
      const known = isGap(fixture.name, run.flags);
      it(`${fixture.name} ${run.flags}${known ? ' (known gap: still differs)' : ''}`, async () => {
        const actual = await simulate(fixture, run.flags);
        const same = actual.exitCode === run.exitCode && actual.lines.join('\n') === run.lines.join('\n');
        if (known) {
          expect(same, `${fixture.name} ${run.flags} now matches: remove it from known-gaps.json`).toBe(false);
        } else {
          expect(actual.lines, describeDifference(run.lines, actual.lines)).toEqual(run.lines);
          expect(actual.exitCode).toBe(run.exitCode);
        }
      });
    }
  }
});
