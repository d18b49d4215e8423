/**
 * Finding what the real compiler printed for a snippet, at build time: the oracle snapshot in
 * `src/data/oracle/escape/`, matched by the sha256 of its text (a stale snapshot never
 * matches), preferring the one recorded under the snippet's repository path.
 */
import { createHash } from 'node:crypto';
import type { AnalysisFlags } from '../../sim/api.ts';
import type { EscapeRun, EscapeSnapshot } from '../../data/oracle/snapshots.ts';
import { sameFlags } from './gc-lines.ts';

/** A recorded run together with the toolchain version that printed it. */
export interface RecordedAnswer {
  /** The toolchain, e.g. `go1.26.8`. */
  goVersion: string;
  /** The run for the requested flags. */
  run: EscapeRun;
}

const snapshots = Object.values(
  import.meta.glob<EscapeSnapshot>('/src/data/oracle/escape/**/*.json', { eager: true, import: 'default' }),
);

/** Hex sha256 of a text, as the oracle records it. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The snapshot recorded for exactly this text, or undefined when the oracle has none. */
export function findSnapshot(code: string, sourcePath?: string, candidates: EscapeSnapshot[] = snapshots): EscapeSnapshot | undefined {
  // The text must match: a snapshot of an older version of the file would be wrong.
  const digest = sha256Hex(code);
  const matching = candidates.filter((candidate) => candidate.sha256 === digest);
  const path = sourcePath?.replace(/^\.?\//, '');
  return matching.find((candidate) => candidate.source === path) ?? matching[0];
}

/** The recorded run for a snippet and flags, or undefined when the oracle has none. */
export function findRecordedRun(
  code: string,
  flags: AnalysisFlags,
  sourcePath?: string,
  candidates: EscapeSnapshot[] = snapshots,
): RecordedAnswer | undefined {
  const snapshot = findSnapshot(code, sourcePath, candidates);
  if (snapshot === undefined || !Array.isArray(snapshot.runs)) return undefined;
  const run = snapshot.runs.find((candidate) => sameFlags(candidate.flags, flags));
  return run === undefined ? undefined : { goVersion: snapshot.goVersion, run };
}
