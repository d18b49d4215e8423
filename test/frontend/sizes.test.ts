/**
 * amd64 sizes, alignments and field offsets of every named type in the fixtures equal what the
 * real toolchain measured (src/data/oracle/sizes.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SizesSnapshot } from '../../src/data/oracle/snapshots.ts';
import { modelledStdlib } from '../../src/sim/stdlib/modelled.ts';
import type { FuncDecl } from '../../src/sim/syntax/ast.ts';
import { loadGoParserForNode } from '../../src/sim/syntax/node-wasm.ts';
import { parse } from '../../src/sim/syntax/parse.ts';
import { check } from '../../src/sim/types/index.ts';
import { alignOf, offsetsOf, sizeOf } from '../../src/sim/types/sizes.ts';

const goParser = await loadGoParserForNode();
const snapshot = JSON.parse(readFileSync('src/data/oracle/sizes.json', 'utf8')) as SizesSnapshot;

/** Types whose layout depends on std types stdlib.json does not describe. */
const unknownLayouts = new Set(['test/fixtures/escape/std-sync-mutex.go Counter', 'test/fixtures/escape/std-io-writer.go upper']);

describe('sizes equal the oracle (amd64)', () => {
  it('covers the amd64 snapshot', () => {
    expect(snapshot.goarch).toBe('amd64');
    expect(Object.keys(snapshot.types).length).toBeGreaterThan(0);
  });
  for (const [source, types] of Object.entries(snapshot.types)) {
    const parsed = parse(goParser, readFileSync(source, 'utf8'));
    const { info } = check(parsed.file, { stdlib: modelledStdlib() });
    const functions = parsed.file.declarations.filter((d): d is FuncDecl => d.kind === 'FuncDecl');
    for (const [name, layout] of Object.entries(types)) {
      it(`${source} ${name}`, () => {
        // Local types are keyed `Function.Type`.
        const [functionName, typeName] = name.includes('.') ? name.split('.') : [null, name];
        const owner = functionName === null ? null : functions.find((f) => f.name.value === functionName);
        const found = [...info.defs].find(([identifier, obj]) => obj?.kind === 'TypeName' && identifier.value === typeName
          && (owner === null ? !functions.some((f) => f.start <= identifier.start && identifier.start < f.end)
            : owner !== undefined && owner.start <= identifier.start && identifier.start < owner.end));
        const type = found?.[1]?.type;
        expect(type).toBeDefined();
        if (type === undefined) return;
        if (unknownLayouts.has(`${source} ${name}`)) {
          expect(sizeOf(type)).toBeNull();
          return;
        }
        expect({ size: sizeOf(type), align: alignOf(type) }).toEqual({ size: layout.size, align: layout.align });
        if (layout.fields !== undefined) {
          expect(offsetsOf(type)?.offsets).toEqual(layout.fields.map((field) => field.offset));
        }
      });
    }
  }
});
