import { describe, expect, test } from 'vitest';
import { CTRL_EMPTY, SwissMap, type SwissEvent, type Table } from '../../src/sim/maps/swiss/map.ts';
import { ReplayHasher } from '../../src/sim/maps/types.ts';
import { goMinorOf, keyFor, mean, readSnapshot, shapeOf, type Recorded, type SwissGrid, type SwissProbeRun } from './snapshots.ts';
import type { SwissScenario } from '../../oracle/maps/generate.ts';

const grid = readSnapshot<SwissGrid>('swiss-grid.json');
const recorded = readSnapshot<Recorded<SwissProbeRun>>('recorded/swiss.json');
const goMinor = goMinorOf(grid.goVersion);

/** The model's state in the probe's terms. */
function reading(map: SwissMap, n: number) {
  return {
    n,
    used: map.used,
    small: map.small !== null,
    hasStorage: map.small !== null || map.dirLen > 0,
    dirLen: map.dirLen,
    globalDepth: map.globalDepth,
    tables: map.tables().map((table) => ({
      capacity: table.capacity,
      used: table.used,
      growthLeft: table.growthLeft,
      localDepth: table.localDepth,
      index: table.index,
    })),
    allocs: map.memory.allocations,
    bytes: map.memory.allocatedBytes,
  };
}

describe(`Swiss map against ${grid.goVersion}: seed-independent numbers`, () => {
  for (const run of grid.runs) {
    test(`${run.type} hint ${run.hint}: small map, directory, tables, allocations`, () => {
      const changes: { n: number; tables: number; dirLen: number }[] = [];
      const map = new SwissMap({ type: shapeOf(run.type), goMinor, hint: run.hint, seed: run.hint + 7 });
      const byN = new Map(run.states.map((state) => [state.n, state]));
      const last = Math.max(...run.states.map((state) => state.n), ...run.firstChanges.map((change) => change.n));
      let tables = map.tables().length;
      let dirLen = map.dirLen;
      for (let n = 0; n <= last; n++) {
        if (n > 0) {
          map.insert(keyFor(run.type, n - 1));
          if (map.dirLen !== dirLen || (map.dirLen > 1 && map.tables().length !== tables)) {
            tables = map.tables().length;
            dirLen = map.dirLen;
            changes.push({ n, tables, dirLen });
          }
        }
        const want = byN.get(n);
        if (want !== undefined) expect(reading(map, n)).toEqual(want);
      }
      expect(changes.slice(0, run.firstChanges.length)).toEqual(run.firstChanges);
    });
  }
});

describe(`Swiss map against ${recorded.goVersion}: replayed placements`, () => {
  const placements = recorded.runs.filter((run) => run.layout !== undefined);
  test('the recording holds placements to replay, one past the first split', () => {
    expect(placements.length).toBeGreaterThanOrEqual(3);
    expect(placements.some((run) => (run.layout?.tables.length ?? 0) > 2)).toBe(true);
  });
  for (const run of placements) {
    const layout = run.layout as NonNullable<SwissProbeRun['layout']>;
    test(`${layout.hashes.length} keys: same tables, groups, control bytes, counters and allocations`, () => {
      const map = new SwissMap({ type: shapeOf(run.type), goMinor: goMinorOf(recorded.goVersion), hasher: new ReplayHasher(layout.hashes) });
      for (let i = 0; i < layout.hashes.length; i++) map.insert(i);
      const groupsOf = (table: Table) =>
        Array.from({ length: table.groupCount }, (_, group) => ({
          ctrl: Array.from(table.ctrl.subarray(group * 8, group * 8 + 8)),
          keys: Array.from({ length: 8 }, (_, slot) => {
            const at = group * 8 + slot;
            return ((table.ctrl[at] as number) & CTRL_EMPTY) === 0 ? (table.keys[at] as number) : -1;
          }),
        }));
      if (layout.small !== undefined) {
        expect(map.small).not.toBeNull();
        expect(groupsOf(map.small as Table)[0]).toEqual(layout.small);
      }
      expect(map.tables().map((table) => ({ index: table.index, groups: groupsOf(table) }))).toEqual(layout.tables);
      const final = run.states[run.states.length - 1] as SwissProbeRun['states'][number];
      expect(reading(map, final.n)).toEqual(final);
    });
  }
});

describe(`Swiss map against ${recorded.goVersion}: seed-dependent statistics`, () => {
  const series = recorded.runs.filter((run) => run.layout === undefined);
  const seeds = 60;
  /** N at which the map first had at least `count` tables. */
  const firstNWithTables = (changes: readonly { n: number; tables: number }[], count: number) =>
    changes.find((change) => change.tables >= count)?.n ?? Number.NaN;
  const modelChanges = Array.from({ length: seeds }, (_, seed) => {
    const changes: { n: number; tables: number }[] = [];
    let n = 0;
    const map = new SwissMap({
      goMinor,
      seed: 5000 + seed,
      onEvent: (event: SwissEvent) => {
        if (event.kind === 'tableSplit') changes.push({ n: n + 1, tables: map.tables().length });
      },
    });
    for (n = 0; n < 20000; n++) map.insert(n);
    return changes;
  });

  test('the recording follows at least 20 maps', () => {
    expect(series.length).toBeGreaterThanOrEqual(20);
  });

  for (const tables of [3, 4, 6, 8, 12, 16, 24]) {
    test(`mean N at which the map first has ${tables} tables is within 5% of the real runs`, () => {
      const real = mean(series.map((run) => firstNWithTables(run.changes, tables)));
      const model = mean(modelChanges.map((changes) => firstNWithTables(changes, tables)));
      expect(Number.isFinite(real) && Number.isFinite(model)).toBe(true);
      expect(Math.abs(model - real) / real).toBeLessThan(0.05);
    });
  }

  for (const n of [5000, 10000, 20000]) {
    test(`mean table count and bytes at N=${n} are within 5% of the real runs`, () => {
      const realStates = series.map((run) => run.states.find((state) => state.n === n));
      const realTables = mean(realStates.map((state) => state?.tables.length ?? Number.NaN));
      const modelTables = mean(modelChanges.map((changes) => changes.filter((change) => change.n <= n).at(-1)?.tables ?? Number.NaN));
      expect(Math.abs(modelTables - realTables) / realTables).toBeLessThan(0.05);
    });
  }
});

describe('Swiss map behaviour the runtime source defines', () => {
  test('an update of a key in a full small map still turns it into a table (all modelled versions)', () => {
    const map = new SwissMap({});
    for (let i = 0; i < 8; i++) map.insert(i);
    expect(map.insert(3)).toBe('updated');
    expect(map.dirLen).toBe(1);
    expect(map.tables()[0]?.capacity).toBe(16);
  });

  test('deleting from a full group leaves a tombstone; from a group with room, an empty slot', () => {
    const map = new SwissMap({ hint: 14 });
    for (let i = 0; i < 14; i++) map.insert(i);
    const table = map.tables()[0] as Table;
    const fullGroup = [0, 1].find((group) => !table.groupHasEmpty(group));
    for (let i = 0; i < 14; i++) map.delete(i);
    expect(map.used).toBe(0);
    if (fullGroup !== undefined) expect(table.tombstones()).toBeGreaterThan(0);
    expect(table.tombstones()).toBe(Array.from(table.ctrl).filter((ctrl) => ctrl === 0xfe).length);
  });

  test('clear keeps every table and the directory', () => {
    const map = new SwissMap({});
    for (let i = 0; i < 3000; i++) map.insert(i);
    const before = map.stats();
    map.clear();
    const after = map.stats();
    expect(after.used).toBe(0);
    expect(after.dirLen).toBe(before.dirLen);
    expect(after.tables.map((table) => table.capacity)).toEqual(before.tables.map((table) => table.capacity));
    expect(after.tables.every((table) => table.growthLeft === 896)).toBe(true);
  });
});

describe(`Swiss map against ${grid.goVersion}: updates, deletes and clears`, () => {
  const scenarios = (grid as SwissGrid & { scenarios: SwissScenario[] }).scenarios;
  const read = (map: SwissMap, step: string, withGrowthLeft: boolean) => ({
    step,
    used: map.used,
    small: map.small !== null,
    ...(map.small !== null ? { smallFull: Array.from(map.small.ctrl).map((ctrl) => (ctrl & CTRL_EMPTY) === 0) } : {}),
    dirLen: map.dirLen,
    capacities: map.tables().map((table) => table.capacity),
    ...(withGrowthLeft && map.small === null ? { growthLeft: map.tables().map((table) => table.growthLeft) } : {}),
  });
  const stories: Record<string, (map: SwissMap) => ReturnType<typeof read>[]> = {
    'update a key of a full small map': (map) => {
      for (let i = 0; i < 8; i++) map.insert(i);
      const states = [read(map, 'inserted 8', true)];
      map.insert(3, 30);
      return [...states, read(map, 'updated key 3', true)];
    },
    'delete from a small map, then insert': (map) => {
      for (let i = 0; i < 7; i++) map.insert(i);
      map.delete(3);
      const states = [read(map, 'inserted 7, deleted key 3', false)];
      map.insert(100);
      return [...states, read(map, 'inserted key 100', false)];
    },
    'clear after 1000 inserts': (map) => {
      for (let i = 0; i < 1000; i++) map.insert(i);
      const states = [read(map, 'inserted 1000', false)];
      map.clear();
      return [...states, read(map, 'cleared', true)];
    },
    'delete every key after 1000 inserts': (map) => {
      for (let i = 0; i < 1000; i++) map.insert(i);
      const states = [read(map, 'inserted 1000', false)];
      for (let i = 0; i < 1000; i++) map.delete(i);
      return [...states, read(map, 'deleted 1000', false)];
    },
  };
  test('the snapshot holds the scenarios', () => {
    expect(scenarios.map((scenario) => scenario.name)).toEqual(Object.keys(stories));
  });
  for (const scenario of scenarios) {
    test(scenario.name, () => {
      const story = stories[scenario.name];
      expect(story).toBeDefined();
      expect(story?.(new SwissMap({ goMinor, seed: 21 }))).toEqual(scenario.states);
    });
  }
});
