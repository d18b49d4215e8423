/**
 * The escape fixtures and their oracle snapshots: what the real compiler printed for each
 * `test/fixtures/escape/*.go` under each flag set, and what the simulator prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/sim/analyze.ts';

/** One run of the real compiler recorded in a snapshot. */
export interface SnapshotRun {
  /** `-m`, `-m -l` or `-m=2 -l`. */
  flags: string;
  /** The compiler's exit code. */
  exitCode: number;
  /** The printed lines, `name.go:L:C: message`. */
  lines: string[];
}

/** One fixture with its snapshot. */
export interface Fixture {
  /** File name, e.g. `append-local.go`. */
  name: string;
  /** The Go source. */
  source: string;
  /** The recorded runs. */
  runs: SnapshotRun[];
}

/** An entry of known-gaps.json: a (fixture, flags) pair the simulator does not reproduce yet. */
export interface KnownGap {
  /** Fixture file name. */
  fixture: string;
  /** Flag set. */
  flags: string;
  /** Why it does not match yet. */
  reason: string;
}

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const snapshotDir = fileURLToPath(new URL('../../src/data/oracle/escape/test/fixtures/escape/', import.meta.url));

/** Every fixture that has a snapshot, sorted by name. */
export function loadFixtures(): Fixture[] {
  return readdirSync(snapshotDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      // `source` is the fixture's path relative to the repository root.
      const snapshot = JSON.parse(readFileSync(snapshotDir + file, 'utf8')) as { source: string; runs: SnapshotRun[] };
      return { name: file.replace(/\.json$/, '.go'), source: readFileSync(repositoryRoot + snapshot.source, 'utf8'), runs: snapshot.runs };
    });
}

/** The committed list of known gaps. */
export function loadKnownGaps(): KnownGap[] {
  return JSON.parse(readFileSync(new URL('./known-gaps.json', import.meta.url), 'utf8')) as KnownGap[];
}

/** What the simulator prints for a fixture under `flags`, as the CLI would (diagnostics included). */
export async function simulate(fixture: Fixture, flags: string): Promise<{ lines: string[]; exitCode: number }> {
  const result = await analyze({
    source: fixture.source,
    fileName: fixture.name,
    flags: { m: flags.includes('-m=2') ? 2 : 1, noInline: flags.split(' ').includes('-l') },
  });
  if (result.kind === 'ok') return { lines: result.lines, exitCode: 0 };
  const lines = result.diagnostics.map((d) => `${fixture.name}:${d.line}:${d.column}: ${d.message}`);
  return { lines, exitCode: result.kind === 'compileError' ? 1 : 3 };
}

/** A short description of how two outputs differ. */
export function describeDifference(expected: string[], actual: string[]): string {
  const notModeled = actual.find((line) => line.includes(': not modeled: '));
  if (notModeled !== undefined) return notModeled.slice(notModeled.indexOf('not modeled: '));
  const missing = expected.filter((line) => !actual.includes(line));
  const extra = actual.filter((line) => !expected.includes(line));
  if (missing.length === 0 && extra.length === 0) return 'same lines in a different order';
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`missing ${missing.length} (first: ${missing[0]?.replace(/^[^ ]* /, '')})`);
  if (extra.length > 0) parts.push(`extra ${extra.length} (first: ${extra[0]?.replace(/^[^ ]* /, '')})`);
  return parts.join('; ');
}
