/**
 * Which files under src/data/oracle/ the oracle owns, and a readable comparison of two such
 * folders (committed versus freshly regenerated).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AllocsSnapshot } from '../src/data/oracle/snapshots.ts';

/** Top-level files written by the oracle. */
const topLevelFiles = ['stdlib.json', 'sizes.json', 'allocs.json', 'facts.json'];

/** Sub-folders written by the oracle (every file inside, except TypeScript modules). */
const managedFolders = ['escape', 'maps'];

/** Seed-dependent recordings: regenerated only with --record, never compared. */
const recordedFolder = 'maps/recorded/';

/** Whether a path relative to the oracle folder is written (and checked) by the oracle. */
export function isManagedFile(path: string, includeRecorded: boolean): boolean {
  if (topLevelFiles.includes(path)) return true;
  if (path.endsWith('.ts')) return false;
  if (path.startsWith(recordedFolder)) return includeRecorded;
  return managedFolders.some((folder) => path.startsWith(`${folder}/`));
}

/** Managed files under `folder`, as sorted forward-slash relative paths. */
export function listManagedFiles(folder: string, includeRecorded: boolean): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    const absolute = join(folder, relative);
    if (!existsSync(absolute)) return;
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && isManagedFile(path, includeRecorded)) found.push(path);
    }
  };
  walk('');
  return found.sort();
}

/** Differences between the committed and the regenerated folder, one readable entry per file. */
export function compareFolders(committed: string, regenerated: string): string[] {
  const before = new Set(listManagedFiles(committed, false));
  const after = new Set(listManagedFiles(regenerated, false));
  const differences: string[] = [];
  for (const path of [...new Set([...before, ...after])].sort()) {
    if (!after.has(path)) differences.push(`  stale: ${path} is committed but no longer generated`);
    else if (!before.has(path)) differences.push(`  missing: ${path} is generated but not committed`);
    else {
      const old = readFileSync(join(committed, path), 'utf8');
      const fresh = readFileSync(join(regenerated, path), 'utf8');
      const same = path === 'allocs.json' ? sameAllocations(old, fresh) : old === fresh;
      if (!same) differences.push(`  changed: ${path}\n${lineDifferences(old, fresh)}`);
    }
  }
  return differences;
}

/**
 * Relative tolerance on bytes per op. Allocation counts are exact, but a function whose work
 * depends on map iteration order (printing a map sorts its keys) allocates a few bytes more or
 * less from run to run.
 */
const bytesTolerance = 0.005;

/** allocs.json files agree when counts match exactly and bytes per op within `bytesTolerance`. */
function sameAllocations(old: string, fresh: string): boolean {
  const before = JSON.parse(old) as AllocsSnapshot;
  const after = JSON.parse(fresh) as AllocsSnapshot;
  if (before.goVersion !== after.goVersion) return false;
  const sources = Object.keys(before.results);
  if (sources.join('\n') !== Object.keys(after.results).join('\n')) return false;
  return sources.every((source) => {
    const oldFunctions = before.results[source] ?? {};
    const newFunctions = after.results[source] ?? {};
    if (Object.keys(oldFunctions).join('\n') !== Object.keys(newFunctions).join('\n')) return false;
    return Object.entries(oldFunctions).every(([name, measure]) => {
      const fresh = newFunctions[name];
      if (fresh === undefined) return false;
      const allowed = Math.max(1, measure.bytesPerOp * bytesTolerance);
      return (
        fresh.allocsPerOp === measure.allocsPerOp &&
        fresh.allocsPerRun === measure.allocsPerRun &&
        Math.abs(fresh.bytesPerOp - measure.bytesPerOp) <= allowed
      );
    });
  });
}

/** The first few lines present on only one side, prefixed with - (committed) or + (regenerated). */
function lineDifferences(old: string, fresh: string, limit = 6): string {
  const oldLines = old.split('\n');
  const freshLines = fresh.split('\n');
  const oldSet = new Set(oldLines);
  const freshSet = new Set(freshLines);
  const removed = oldLines.filter((line) => !freshSet.has(line)).map((line) => `      - ${line.trim()}`);
  const added = freshLines.filter((line) => !oldSet.has(line)).map((line) => `      + ${line.trim()}`);
  const shown = [...removed.slice(0, limit), ...added.slice(0, limit)];
  const hidden = removed.length + added.length - shown.length;
  if (shown.length === 0) shown.push('      (same lines in a different order)');
  if (hidden > 0) shown.push(`      ... and ${hidden} more`);
  return shown.join('\n');
}
