/**
 * Snapshot freshness without Go: every Go source under the snapshot folders has an escape
 * snapshot taken from its current bytes, every snapshot still has its source, and every file
 * follows the schema the simulator and the site code against.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listManagedFiles } from '../../oracle/compare.ts';
import { listAllSources, readDirectives, repositoryRoot } from '../../oracle/sources.ts';
import { escapeFlagSets, escapeSnapshotPath, loadEscapeSnapshot, type EscapeSnapshot } from '../../src/data/oracle/snapshots.ts';

const oracleFolder = join(repositoryRoot, 'src/data/oracle');
const sources = listAllSources();
const snapshotFiles = listManagedFiles(oracleFolder, false).filter((file) => file.startsWith('escape/'));

describe('escape snapshots', () => {
  it('exist for the fixtures', () => {
    expect(sources.filter((source) => source.startsWith('test/fixtures/escape/')).length).toBeGreaterThanOrEqual(45);
  });

  it.each(sources)('%s has a snapshot of its current bytes', (source) => {
    const snapshot = loadEscapeSnapshot(source);
    expect(snapshot, `no snapshot for ${source}: run node oracle/run.ts ${source}`).toBeDefined();
    const sha256 = createHash('sha256').update(readFileSync(join(repositoryRoot, source))).digest('hex');
    expect(snapshot?.sha256, `stale snapshot for ${source}: run node oracle/run.ts ${source}`).toBe(sha256);
  });

  it.each(snapshotFiles)('%s belongs to an existing source and follows the schema', (file) => {
    const snapshot = JSON.parse(readFileSync(join(oracleFolder, file), 'utf8')) as EscapeSnapshot;
    expect(Object.keys(snapshot)).toEqual(['schema', 'goVersion', 'source', 'sha256', 'runs']);
    expect(snapshot.schema).toBe(1);
    expect(snapshot.goVersion).toMatch(/^go1\.\d+(\.\d+)?$/);
    expect(existsSync(join(repositoryRoot, snapshot.source)), `${snapshot.source} no longer exists`).toBe(true);
    expect(escapeSnapshotPath(snapshot.source)).toBe(`src/data/oracle/${file}`);
    expect(snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.runs.map((run) => run.flags)).toEqual([...escapeFlagSets]);
    const compileError = readDirectives(readFileSync(join(repositoryRoot, snapshot.source), 'utf8')).compileError;
    const name = basename(snapshot.source);
    for (const run of snapshot.runs) {
      expect(Object.keys(run)).toEqual(['flags', 'exitCode', 'lines']);
      expect(run.exitCode !== 0, `${run.flags}: exit code ${run.exitCode} against the compile-error marker`).toBe(compileError);
      // Lines may also name std files (generic code inlined from GOROOT) or continue a type
      // error on a tab-indented line; cmd/go's header and the leading ./ are always gone.
      for (const line of run.lines) {
        expect(line.startsWith('./') || line.startsWith('# ') || line === '', line).toBe(false);
      }
      if (run.exitCode !== 0) expect(run.lines.some((line) => line.startsWith(`${name}:`))).toBe(true);
    }
  });

  it('all come from one go version', () => {
    const versions = new Set(
      snapshotFiles.map((file) => (JSON.parse(readFileSync(join(oracleFolder, file), 'utf8')) as EscapeSnapshot).goVersion),
    );
    expect(versions.size).toBe(1);
  });
});
