/**
 * Every invalid snippet's first error line equals the first line gc printed for it (from the
 * oracle snapshots in src/data/oracle/escape/test/fixtures/invalid/).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGoParserForNode } from '../../src/sim/syntax/node-wasm.ts';
import { parse } from '../../src/sim/syntax/parse.ts';
import { check } from '../../src/sim/types/index.ts';
import { modelledStdlib } from '../../src/sim/stdlib/modelled.ts';

const folder = 'test/fixtures/invalid';
const snapshots = 'src/data/oracle/escape/test/fixtures/invalid';
const goParser = await loadGoParserForNode();

function firstLine(source: string, fileName: string): string {
  const parsed = parse(goParser, source);
  const diagnostics = parsed.diagnostics.length > 0 ? parsed.diagnostics : check(parsed.file, { stdlib: modelledStdlib() }).diagnostics;
  const first = diagnostics[0];
  return first === undefined ? '' : `${fileName}:${first.line}:${first.column}: ${first.message.split('\n')[0]}`;
}

describe('invalid snippets: first error line equals gc', () => {
  const files = readdirSync(folder).filter((f) => f.endsWith('.go')).sort();
  it('has at least 40 snippets, each marked for the oracle', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const f of files) expect(readFileSync(`${folder}/${f}`, 'utf8').startsWith('// oracle: compile-error\n')).toBe(true);
  });
  for (const f of files) {
    const snapshotPath = `${snapshots}/${f.replace(/\.go$/, '.json')}`;
    it(f, () => {
      expect(existsSync(snapshotPath), `no oracle snapshot: run node oracle/run.ts ${folder}`).toBe(true);
      const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as { runs: { lines: string[] }[] };
      const expected = snapshot.runs[0]?.lines.find((l) => /:\d+:\d+: /.test(l)) ?? '';
      const fileName = expected.slice(0, expected.indexOf(':'));
      expect(firstLine(readFileSync(`${folder}/${f}`, 'utf8'), fileName)).toBe(expected);
    });
  }
});
