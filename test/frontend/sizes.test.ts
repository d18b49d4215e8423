/**
 * amd64 sizes, alignments and field offsets of every named type in the fixtures equal what the
 * real toolchain measured (src/data/oracle/sizes.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SizesSnapshot, StdlibSnapshot } from '../../src/data/oracle/snapshots.ts';
import { modelledStdlib } from '../../src/sim/stdlib/modelled.ts';
import type { FuncDecl } from '../../src/sim/syntax/ast.ts';
import { loadGoParserForNode } from '../../src/sim/syntax/node-wasm.ts';
import { parse } from '../../src/sim/syntax/parse.ts';
import { check } from '../../src/sim/types/index.ts';
import { alignOf, offsetsOf, sizeOf } from '../../src/sim/types/sizes.ts';

const goParser = await loadGoParserForNode();
const snapshot = JSON.parse(readFileSync('src/data/oracle/sizes.json', 'utf8')) as SizesSnapshot;

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
        expect({ size: sizeOf(type), align: alignOf(type) }).toEqual({ size: layout.size, align: layout.align });
        if (layout.fields !== undefined) {
          expect(offsetsOf(type)?.offsets).toEqual(layout.fields.map((field) => field.offset));
        }
      });
    }
  }
});

describe('std types have the layout the oracle measured (stdlib.json)', () => {
  const library = modelledStdlib();
  const recorded = JSON.parse(readFileSync('src/data/oracle/stdlib.json', 'utf8')) as StdlibSnapshot;
  it('records a layout for every std named type the model knows', () => {
    expect(library.unknownLayouts.map((type) => `${type.obj.pkg}.${type.obj.name}`)).toEqual([]);
    expect(Object.keys(recorded.types).length).toBeGreaterThan(0);
  });
  for (const [qualified, layout] of Object.entries(recorded.types)) {
    it(qualified, () => {
      const dot = qualified.lastIndexOf('.');
      const type = library.packages.get(qualified.slice(0, dot))?.members.get(qualified.slice(dot + 1))?.type;
      expect(type?.kind).toBe('Named');
      if (type === undefined) return;
      expect({ size: sizeOf(type), align: alignOf(type) }).toEqual({ size: layout.size, align: layout.align });
      // A type the checker sees through (all fields exported, whole method set recorded) lays out its fields as measured.
      if (type.kind === 'Named' && type.underlying.kind === 'Struct') {
        expect(offsetsOf(type)?.offsets).toEqual(layout.fields?.map((field) => field.offset));
      }
    });
  }
});
