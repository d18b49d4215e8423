/**
 * The escape and playground fixtures: those marked `// oracle: compile-error` produce gc's first
 * error line (from the oracle snapshots); every other fixture type-checks without errors. The
 * constructs the front end does not model are pinned per file, so a change is visible.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelledStdlib } from '../../src/sim/stdlib/modelled.ts';
import { loadGoParserForNode } from '../../src/sim/syntax/node-wasm.ts';
import { parse } from '../../src/sim/syntax/parse.ts';
import { check } from '../../src/sim/types/index.ts';

const goParser = await loadGoParserForNode();

/** Fixtures that use std packages, members or types that stdlib.json does not describe. */
const notModeled: Record<string, string[]> = {};

function diagnosticsOf(source: string): string[] {
  const parsed = parse(goParser, source);
  const diagnostics = [...parsed.diagnostics, ...check(parsed.file, { stdlib: modelledStdlib() }).diagnostics];
  return diagnostics.map((d) => `${d.line}:${d.column}: ${d.message.split('\n')[0]}`);
}

for (const folder of ['test/fixtures/escape', 'test/fixtures/playground']) {
  describe(folder, () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.go')).sort();
    for (const f of files) {
      const source = readFileSync(`${folder}/${f}`, 'utf8');
      const pinned = notModeled[f];
      if (source.startsWith('// oracle: compile-error') && pinned === undefined) {
        it(`${f}: first error equals gc's`, () => {
          const snapshotPath = `src/data/oracle/escape/${folder}/${f.replace(/\.go$/, '.json')}`;
          expect(existsSync(snapshotPath)).toBe(true);
          const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as { runs: { lines: string[] }[] };
          const expected = snapshot.runs[0]?.lines.find((l) => /:\d+:\d+: /.test(l)) ?? '';
          expect(`${f}:${diagnosticsOf(source)[0]}`).toBe(expected);
        });
      } else {
        it(`${f}: ${pinned === undefined ? 'type-checks without errors' : 'reports exactly its unmodelled constructs'}`, () => {
          expect(diagnosticsOf(source)).toEqual(pinned ?? []);
        });
      }
    }
  });
}
