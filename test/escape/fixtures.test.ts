/**
 * Every source with an escape snapshot (the escape fixtures and every lesson snippet) against
 * what the real compiler printed, under each recorded flag set: the simulator must print
 * exactly the compiler's lines, in order. Pairs listed in known-gaps.json must still differ in
 * the way listed (so the list can only shrink honestly, and a wrong answer cannot hide as
 * "not modeled"); every other pair must match.
 */
import { describe, expect, it } from 'vitest';
import { classify, describeDifference, loadKnownGaps, loadSnapshots, simulate } from './fixtures.ts';

const sources = loadSnapshots();
const gaps = loadKnownGaps();
const gapFor = (source: string, flags: string) => gaps.find((gap) => gap.source === source && gap.flags === flags);

describe('every escape snapshot matches the simulator', () => {
  it('has fixtures and lesson snippets to check', () => {
    expect(sources.filter((source) => source.path.startsWith('test/fixtures/escape/')).length).toBeGreaterThanOrEqual(45);
    expect(sources.filter((source) => source.path.startsWith('src/content/docs/')).length).toBeGreaterThanOrEqual(90);
  });

  it('lists only sources and flag sets that exist, once each', () => {
    const seen = new Set<string>();
    for (const gap of gaps) {
      const source = sources.find((candidate) => candidate.path === gap.source);
      expect(source, gap.source).toBeDefined();
      expect(source?.runs.map((run) => run.flags), gap.source).toContain(gap.flags);
      const key = `${gap.source} ${gap.flags}`;
      expect(seen.has(key), `${key} listed twice`).toBe(false);
      seen.add(key);
    }
  });

  for (const source of sources) {
    for (const run of source.runs) {
      const gap = gapFor(source.path, run.flags);
      it(`${source.path} ${run.flags}${gap ? ` (known gap: ${gap.kind})` : ''}`, async () => {
        const actual = await simulate(source, run.flags);
        if (gap) {
          expect(classify(run, actual), `${source.path} ${run.flags} changed: run node test/escape/update-known-gaps.ts`).toBe(gap.kind);
        } else {
          expect(actual.lines, describeDifference(run.lines, actual.lines)).toEqual(run.lines);
          expect(actual.exitCode).toBe(run.exitCode);
        }
      });
    }
  }
});
