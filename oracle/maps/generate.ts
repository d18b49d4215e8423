/**
 * Map probes: runs the Go programs in ./classic (Go 1.19) and ./swiss (the machine's Go) that
 * read live map internals, and writes JSON snapshots.
 *
 * `<outDir>/maps/` gets only what the hint, the insert count and the Go version decide
 * (bucket counts, capacities, grow start points, allocations while they cannot depend on the
 * hash seed); a drift check may compare these byte for byte. `<outDir>/maps/recorded/` gets
 * seed-dependent observations (grow finish points, overflow buckets, later splits, full
 * placements with real hashes) from many maps; they differ on every run and are only ever
 * compared statistically or replayed.
 *
 * Run alone: `node oracle/maps/generate.ts [outDir]` (default src/data/oracle).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The Go 1.19 toolchain used for classic maps (Debian's golang-1.19-go). */
export const classicGo = process.env.GO119 ?? '/usr/lib/go-1.19/bin/go';
/** The toolchain used for Swiss maps. */
export const swissGo = process.env.GO ?? 'go';

/** What a classic probe prints (see classic/main.go for the field meanings). */
export interface ClassicProbeOutput {
  goVersion: string;
  impl: 'classic';
  mode: 'grid' | 'record';
  runs: ClassicProbeRun[];
  /** Seed-independent stories with deletes and clears (grid mode). */
  scenarios?: { name: string; states: { step: string; count: number; B: number; buckets: number; sameArray: boolean }[] }[];
}

/** One classic map followed through inserts. */
export interface ClassicProbeRun {
  type: string;
  hint: number;
  info: { keySize: number; elemSize: number; bucketSize: number; flags: number };
  states: ClassicProbeState[];
  grows: { startN: number; B: number; buckets: number; sameSize: boolean; finishN: number }[];
  layout?: { hashes: string[]; buckets: { tophash: number[]; keys: number[] }[][] };
}

/** One reading of a classic map. */
export interface ClassicProbeState {
  n: number;
  count: number;
  B: number;
  buckets: number;
  overflow: number;
  overflowBuckets: number;
  overflowFresh: number;
  growing: boolean;
  sameSizeGrow: boolean;
  nevacuate: number;
  hasExtra: boolean;
  allocs: number;
  bytes: number;
}

/** What a Swiss probe prints (see swiss/main.go). */
export interface SwissProbeOutput {
  goVersion: string;
  impl: 'swiss';
  mode: 'grid' | 'record';
  runs: SwissProbeRun[];
  /** Seed-independent stories with updates, deletes and clears (grid mode). */
  scenarios?: SwissScenario[];
}

/** A seed-independent Swiss story. */
export interface SwissScenario {
  name: string;
  states: { step: string; used: number; small: boolean; smallFull?: boolean[]; dirLen: number; capacities: number[]; growthLeft?: number[] }[];
}

/** One table as the Swiss probe reads it. */
export interface SwissProbeTable {
  capacity: number;
  used: number;
  growthLeft: number;
  localDepth: number;
  index: number;
}

/** One Swiss map followed through inserts. */
export interface SwissProbeRun {
  type: string;
  hint: number;
  info: { groupSize: number; slotSize: number; elemOff: number; flags: number };
  states: {
    n: number;
    used: number;
    small: boolean;
    hasStorage: boolean;
    dirLen: number;
    globalDepth: number;
    tables: SwissProbeTable[];
    allocs: number;
    bytes: number;
  }[];
  changes: { n: number; tables: number; dirLen: number }[];
  layout?: {
    hashes: string[];
    small?: { ctrl: number[]; keys: number[] };
    tables: { index: number; groups: { ctrl: number[]; keys: number[] }[] }[];
  };
}

const here = fileURLToPath(new URL('.', import.meta.url));

function probe<T>(goBinary: string, dir: string, mode: 'grid' | 'record'): T {
  const stdout = execFileSync(goBinary, ['run', '.', mode], {
    cwd: `${here}${dir}`,
    env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '', GOWORK: 'off', GOEXPERIMENT: '' },
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as T;
}

/**
 * The seed-independent part of a classic grid run. Allocations are kept only up to 8 inserts:
 * from the 9th key on, whether an overflow bucket is needed depends on the hash seed.
 */
function classicDeterministic(run: ClassicProbeRun) {
  return {
    type: run.type,
    hint: run.hint,
    info: run.info,
    states: run.states.map((state) => ({
      n: state.n,
      count: state.count,
      B: state.B,
      buckets: state.buckets,
      ...(state.n <= 8 ? { allocs: state.allocs, bytes: state.bytes } : {}),
    })),
    grows: run.grows.map((grow) => ({ startN: grow.startN, B: grow.B, buckets: grow.buckets })),
  };
}

/**
 * The seed-independent part of a Swiss grid run: everything while the map has at most one
 * table (before the first split nothing depends on the hash), and the layout right after make.
 */
function swissDeterministic(run: SwissProbeRun) {
  return {
    type: run.type,
    hint: run.hint,
    info: run.info,
    states: run.states.filter((state) => state.n === 0 || state.dirLen <= 1),
    firstChanges: run.changes.filter((change) => change.tables <= 2 && run.hint === 0),
  };
}

function write(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 1)}\n`);
}

/** Runs every map probe and writes `<outDir>/maps/*.json` and `<outDir>/maps/recorded/*.json`. */
export async function generate(outDir: string): Promise<void> {
  const dir = `${outDir.replace(/\/$/, '')}/maps`;
  mkdirSync(`${dir}/recorded`, { recursive: true });

  const classicGrid = probe<ClassicProbeOutput>(classicGo, 'classic', 'grid');
  write(`${dir}/classic-grid.json`, {
    goVersion: classicGrid.goVersion,
    impl: 'classic',
    note: 'Seed-independent readings of live classic maps: B, bucket-array length (preallocated overflow included), grow start points; allocations while no overflow bucket can be needed.',
    runs: classicGrid.runs.map(classicDeterministic),
    scenarios: classicGrid.scenarios,
  });
  const swissGrid = probe<SwissProbeOutput>(swissGo, 'swiss', 'grid');
  write(`${dir}/swiss-grid.json`, {
    goVersion: swissGrid.goVersion,
    impl: 'swiss',
    note: 'Seed-independent readings of live Swiss maps: small-map state, directory, per-table capacity/used/growthLeft/localDepth and allocations up to the first split; every hint right after make.',
    runs: swissGrid.runs.map(swissDeterministic),
    scenarios: swissGrid.scenarios,
  });

  const classicRecord = probe<ClassicProbeOutput>(classicGo, 'classic', 'record');
  write(`${dir}/recorded/classic.json`, {
    ...classicRecord,
    note: 'Seed-dependent: each run is a separate map with its own hash0. Placements list every key hash for replay.',
  });
  const swissRecord = probe<SwissProbeOutput>(swissGo, 'swiss', 'record');
  write(`${dir}/recorded/swiss.json`, {
    ...swissRecord,
    note: 'Seed-dependent: each run is a separate map with its own seed. Placements list every key hash for replay.',
  });
}

if (import.meta.main) {
  await generate(process.argv[2] ?? fileURLToPath(new URL('../../src/data/oracle/', import.meta.url)));
}
