/**
 * Reading what the oracle recorded, for the content tests: the compiler's messages on one line
 * of a snippet, and the measured allocations of a snippet's functions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOutputLine, readFreshSnapshot, runFor, type RecordedFlags } from '../../src/components/lesson/snapshot.ts';
import type { AllocationMeasure, AllocsSnapshot } from '../../src/data/oracle/snapshots.ts';

/** The repository root (tests run from it). */
export const root = process.cwd();

/** The folders this part of the site owns, repo-relative. */
export const contentFolders = [
  'src/content/docs/foundations/11-slices',
  'src/content/docs/foundations/12-strings-and-bytes',
  'src/content/docs/foundations/13-big-values',
  'src/content/docs/foundations/14-unsafe',
  'src/content/docs/maps',
  'src/content/docs/measuring',
  'src/content/docs/reference',
] as const;

/** A snippet's recorded run: its exit code and its messages, by source line. */
export interface RecordedFacts {
  /** go build's exit status. */
  exitCode: number;
  /** The messages (without position) the compiler printed about `line` of the snippet itself. */
  messagesAt(line: number): string[];
  /** Every message about the snippet itself, as printed (`file.go:L:C: message`). */
  ownLines: string[];
}

/** The fresh snapshot of `source` (repo-relative) for `flags`; throws when missing or stale. */
export function recorded(source: string, flags: RecordedFlags = '-m -l'): RecordedFacts {
  const run = runFor(readFreshSnapshot(source), flags);
  const fileName = source.split('/').pop()!;
  const own = run.lines.map(parseOutputLine).filter((line) => line !== undefined && line.file === fileName);
  return {
    exitCode: run.exitCode,
    messagesAt: (line) => own.filter((output) => output!.line === line).map((output) => output!.message),
    ownLines: own.map((output) => output!.text),
  };
}

/** The oracle's allocation figures, or undefined while `src/data/oracle/allocs.json` does not exist. */
export function loadAllocs(): AllocsSnapshot | undefined {
  const path = join(root, 'src/data/oracle/allocs.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as AllocsSnapshot) : undefined;
}

/** The measured figures of `functionName` in `source`; throws when the oracle has not measured it. */
export function measured(allocs: AllocsSnapshot, source: string, functionName: string): AllocationMeasure {
  const figures = allocs.results[source]?.[functionName];
  if (figures === undefined) throw new Error(`allocs.json has no figures for ${functionName} in ${source}`);
  return figures;
}
