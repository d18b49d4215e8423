/**
 * Build-time access to the real compiler's recorded output for a lesson snippet.
 * A snapshot that is missing, or was recorded from a different version of the file than the
 * one on disk, is an error: the page must never show output the compiler did not print for
 * exactly this code.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeSnapshotPath, type EscapeFlags, type EscapeRun, type EscapeSnapshot } from '../../data/oracle/snapshots.ts';

/** The `-gcflags` of one recorded run (the oracle's `EscapeFlags`, under the name lesson code uses). */
export type RecordedFlags = EscapeFlags;

/** One compiler output line split into its parts. */
export interface OutputLine {
  /** The file name as printed. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based byte column. */
  column: number;
  /** The message after the position. */
  message: string;
  /** The whole line as printed. */
  text: string;
}

/**
 * The repository root. The build and the tests run from it; `import.meta.url` cannot be used
 * because the build bundles this module somewhere else.
 */
export const repositoryRoot = process.cwd();

/** sha256 (hex) of a file's bytes. */
export function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Reads the snapshot of `source` (repo-relative) and checks it against the file on disk.
 * Throws with a message that says how to fix it when the snapshot is missing or stale: this
 * runs during the build, so a stale snapshot fails the build instead of shipping.
 */
export function readFreshSnapshot(source: string, root: string = repositoryRoot): EscapeSnapshot {
  const sourcePath = join(root, source);
  if (!existsSync(sourcePath)) throw new Error(`${source}: no such snippet file`);
  const snapshotPath = join(root, escapeSnapshotPath(source));
  const regenerate = `run: node oracle/run.ts ${source.replace(/\/[^/]+$/, '')}`;
  if (!existsSync(snapshotPath)) throw new Error(`${source}: no compiler snapshot at ${escapeSnapshotPath(source)}; ${regenerate}`);
  const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as EscapeSnapshot;
  if (snapshot.sha256 !== sha256Of(sourcePath)) {
    throw new Error(`${source}: the compiler snapshot is stale (the file changed since it was recorded); ${regenerate}`);
  }
  return snapshot;
}

/** The recorded run of `snapshot` for `flags`; throws when the oracle did not record it. */
export function runFor(snapshot: EscapeSnapshot, flags: EscapeFlags): EscapeRun {
  const run = snapshot.runs.find((candidate) => candidate.flags === flags);
  if (run === undefined) throw new Error(`${snapshot.source}: no recorded run for -gcflags='${flags}'`);
  return run;
}

/** Splits `file.go:12:3: message` into its parts; undefined for lines without a position. */
export function parseOutputLine(text: string): OutputLine | undefined {
  const match = /^(.*?):(\d+):(\d+): (.*)$/.exec(text);
  if (match === null) return undefined;
  return { file: match[1]!, line: Number(match[2]), column: Number(match[3]), message: match[4]!, text };
}
