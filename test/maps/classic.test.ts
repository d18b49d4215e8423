import { describe, expect, test } from 'vitest';
import { ClassicMap, type ClassicEvent } from '../../src/sim/maps/classic/map.ts';
import { ReplayHasher } from '../../src/sim/maps/types.ts';
import { goMinorOf, keyFor, mean, readSnapshot, shapeOf, type ClassicGrid, type ClassicProbeRun, type Recorded } from './snapshots.ts';

const grid = readSnapshot<ClassicGrid>('classic-grid.json');
const recorded = readSnapshot<Recorded<ClassicProbeRun>>('recorded/classic.json');
const goMinor = goMinorOf(grid.goVersion);

describe(`classic map against ${grid.goVersion}: seed-independent numbers`, () => {
  for (const run of grid.runs) {
    test(`${run.type} hint ${run.hint}: B, bucket arrays, grow points, allocations`, () => {
      const grows: { startN: number; B: number; buckets: number }[] = [];
      let inserted = 0;
      const map = new ClassicMap({
        type: shapeOf(run.type),
        goMinor,
        hint: run.hint,
        seed: run.hint + 1,
        onEvent: (event: ClassicEvent) => {
          if (event.kind === 'growStarted') grows.push({ startN: inserted + 1, B: event.B, buckets: event.buckets });
        },
      });
      const last = run.states[run.states.length - 1]?.n ?? 0;
      const byN = new Map(run.states.map((state) => [state.n, state]));
      for (let n = 0; n <= last; n++) {
        if (n > 0) {
          map.insert(keyFor(run.type, n - 1));
          inserted = n;
        }
        const want = byN.get(n);
        if (want === undefined) continue;
        const stats = map.stats();
        expect({ n, count: stats.count, B: stats.B, buckets: stats.buckets }).toEqual({ n, count: want.count, B: want.B, buckets: want.buckets });
        if (want.allocs !== undefined) {
          expect({ n, allocs: map.memory.allocations, bytes: map.memory.allocatedBytes }).toEqual({ n, allocs: want.allocs, bytes: want.bytes });
        }
      }
      expect(grows).toEqual(run.grows);
    });
  }
});

describe(`classic map against ${recorded.goVersion}: replayed placements`, () => {
  const placements = recorded.runs.filter((run) => run.layout !== undefined);
  test('the recording holds placements to replay', () => {
    expect(placements.length).toBeGreaterThanOrEqual(3);
  });
  for (const [index, run] of placements.entries()) {
    test(`placement ${index + 1}: same buckets, tophash bytes, chains, counters and allocations`, () => {
      const layout = run.layout as NonNullable<ClassicProbeRun['layout']>;
      const final = run.states[run.states.length - 1] as ClassicProbeRun['states'][number];
      expect(final.growing).toBe(false);
      const map = new ClassicMap({ type: shapeOf(run.type), goMinor: goMinorOf(recorded.goVersion), hasher: new ReplayHasher(layout.hashes) });
      for (let i = 0; i < layout.hashes.length; i++) map.insert(i);
      const array = map.current;
      if (array === null) throw new Error('no buckets');
      const replayed = layout.buckets.map((_, bucket) =>
        array.chain(bucket).map((b) => ({
          tophash: Array.from(array.tophash.subarray(b * 8, b * 8 + 8)),
          keys: Array.from({ length: 8 }, (_, slot) => {
            const key = array.keys[b * 8 + slot];
            return (array.tophash[b * 8 + slot] as number) >= 5 && typeof key === 'number' ? key : -1;
          }),
        })),
      );
      expect(replayed).toEqual(layout.buckets);
      const stats = map.stats();
      expect({ B: stats.B, overflow: stats.overflow, overflowBuckets: stats.overflowBuckets, allocs: map.memory.allocations, bytes: map.memory.allocatedBytes }).toEqual({
        B: final.B,
        overflow: final.overflow,
        overflowBuckets: final.overflowBuckets,
        allocs: final.allocs,
        bytes: final.bytes,
      });
    });
  }
});

describe(`classic map against ${recorded.goVersion}: seed-dependent statistics`, () => {
  const series = recorded.runs.filter((run) => run.layout === undefined);
  const seeds = 60;
  const checkpoints = [5000, 10000, 20000];
  const modelRuns = Array.from({ length: seeds }, (_, seed) => {
    const states = new Map<number, { overflow: number; overflowBuckets: number; bytes: number }>();
    const finishes: number[] = [];
    const starts: number[] = [];
    let n = 0;
    const map = new ClassicMap({
      goMinor,
      seed: 1000 + seed,
      onEvent: (event) => {
        if (event.kind === 'growStarted') starts.push(n + 1);
        if (event.kind === 'growFinished') finishes.push(n + 1);
      },
    });
    for (n = 0; n < 20000; n++) {
      map.insert(n);
      if (checkpoints.includes(n + 1)) {
        const stats = map.stats();
        states.set(n + 1, { overflow: stats.overflow, overflowBuckets: stats.overflowBuckets, bytes: map.memory.allocatedBytes });
      }
    }
    return { states, grows: starts.map((startN, i) => ({ startN, finishN: finishes[i] ?? -1 })) };
  });

  test(`the recording follows at least 20 maps`, () => {
    expect(series.length).toBeGreaterThanOrEqual(20);
  });

  for (const n of checkpoints) {
    for (const field of ['overflowBuckets', 'overflow', 'bytes'] as const) {
      test(`mean ${field} at N=${n} is within 5% of the real runs`, () => {
        const real = mean(series.map((run) => run.states.find((state) => state.n === n)?.[field] ?? Number.NaN));
        const model = mean(modelRuns.map((run) => run.states.get(n)?.[field] ?? Number.NaN));
        expect(Math.abs(model - real) / real).toBeLessThan(0.05);
      });
    }
  }

  for (const oldBuckets of [64, 128, 256, 512, 1024, 2048]) {
    test(`mean inserts to finish evacuating ${oldBuckets} old buckets is within 5% of the real runs`, () => {
      const B = Math.log2(oldBuckets) + 1;
      const real = mean(series.map((run) => {
        const grow = run.grows.find((g) => g.B === B);
        return grow === undefined ? Number.NaN : grow.finishN - grow.startN;
      }));
      const model = mean(modelRuns.map((run) => {
        const grow = run.grows[B - 1];
        return grow === undefined ? Number.NaN : grow.finishN - grow.startN;
      }));
      expect(Number.isFinite(real) && Number.isFinite(model)).toBe(true);
      expect(Math.abs(model - real) / real).toBeLessThan(0.05);
    });
  }
});

describe(`classic map against ${grid.goVersion}: deletes and clears`, () => {
  const scenarios = (grid as ClassicGrid & { scenarios: { name: string; states: { step: string; count: number; B: number; buckets: number; sameArray: boolean }[] }[] }).scenarios;
  test('the snapshot holds the scenarios', () => {
    expect(scenarios.map((scenario) => scenario.name)).toEqual(['range-delete idiom (mapclear) after 1000 inserts', 'delete every key after 1000 inserts']);
  });
  for (const scenario of scenarios) {
    test(scenario.name, () => {
      const map = new ClassicMap({ goMinor, seed: 12 });
      const first = () => map.current;
      const states: typeof scenario.states = [];
      let array: ReturnType<typeof first> = null;
      const read = (step: string) => {
        const stats = map.stats();
        states.push({ step, count: stats.count, B: stats.B, buckets: stats.buckets, sameArray: map.current === array || (array !== null && map.current?.allocated === array.allocated && map.current.regular === array.regular) });
      };
      for (let i = 0; i < 1000; i++) map.insert(i);
      array = map.current;
      read('inserted 1000');
      if (scenario.name.startsWith('range-delete')) {
        map.clear();
        read('cleared');
        for (let i = 0; i < 1000; i++) map.insert(i);
        read('inserted 1000 again');
      } else {
        for (let i = 0; i < 1000; i++) map.delete(i);
        read('deleted 1000');
      }
      expect(states).toEqual(scenario.states);
    });
  }
});
