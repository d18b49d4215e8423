/**
 * Every Go source with an escape snapshot (the site's escape fixtures and every lesson
 * snippet), what the real compiler printed for it under each flag set, and what the
 * simulator prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
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

/** One Go source with its snapshot. */
export interface Fixture {
  /** File name, e.g. `append-local.go`. */
  name: string;
  /** Path relative to the repository root, e.g. `test/fixtures/escape/append-local.go`. */
  path: string;
  /** The Go source. */
  source: string;
  /** The recorded runs. */
  runs: SnapshotRun[];
}

/**
 * An entry of known-gaps.json: a (source, flags) pair the simulator does not reproduce.
 * `notModeled` means it says so plainly; `wrong` means it prints an answer that differs from
 * the compiler's, which the site must not do and which is listed so it is visible.
 */
export interface KnownGap {
  /** Source path relative to the repository root. */
  source: string;
  /** Flag set. */
  flags: string;
  /** `notModeled` or `wrong`. */
  kind: 'notModeled' | 'wrong';
  /** How the output differs. */
  reason: string;
}

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const snapshotRoot = join(repositoryRoot, 'src/data/oracle/escape');

function snapshotFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return snapshotFiles(path);
    return entry.name.endsWith('.json') ? [path] : [];
  });
}

/** Every source that has an escape snapshot, sorted by path. */
export function loadSnapshots(): Fixture[] {
  return snapshotFiles(snapshotRoot)
    .map((file) => {
      const snapshot = JSON.parse(readFileSync(file, 'utf8')) as { source: string; runs: SnapshotRun[] };
      const path = relative(snapshotRoot, file).replace(/\.json$/, '.go').split('\\').join('/');
      return { name: basename(snapshot.source), path, source: readFileSync(join(repositoryRoot, snapshot.source), 'utf8'), runs: snapshot.runs };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The site's escape fixtures (`test/fixtures/escape`) with their snapshots, sorted by name. */
export function loadFixtures(): Fixture[] {
  return loadSnapshots().filter((fixture) => fixture.path.startsWith('test/fixtures/escape/'));
}

/** The committed list of known gaps. */
export function loadKnownGaps(): KnownGap[] {
  return JSON.parse(readFileSync(new URL('./known-gaps.json', import.meta.url), 'utf8')) as KnownGap[];
}

/** What the simulator prints for a source under `flags`, as the CLI would (diagnostics included). */
export async function simulate(fixture: Fixture, flags: string): Promise<{ lines: string[]; exitCode: number }> {
  const result = await analyze({
    source: fixture.source,
    fileName: fixture.name,
    flags: { m: flags.includes('-m=2') ? 2 : 1, noInline: flags.split(' ').includes('-l') },
  });
  if (result.kind === 'ok') return { lines: result.lines, exitCode: 0 };
  // A multi-line message (`have (…)` / `want (…)`) prints as several lines, as gc's does.
  const lines = result.diagnostics.flatMap((d) => `${fixture.name}:${d.line}:${d.column}: ${d.message}`.split('\n'));
  return { lines, exitCode: result.kind === 'compileError' ? 1 : 3 };
}

/** How the simulator's output relates to the compiler's: the same, honestly not modeled, or wrong. */
export function classify(expected: SnapshotRun, actual: { lines: string[]; exitCode: number }): 'same' | 'notModeled' | 'wrong' {
  if (actual.exitCode === expected.exitCode && actual.lines.join('\n') === expected.lines.join('\n')) return 'same';
  return actual.exitCode === 3 && actual.lines.some((line) => line.includes(': not modeled: ')) ? 'notModeled' : 'wrong';
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
