/**
 * src/data/oracle/stdlib.json follows its schema (oracle/README.md): std functions with their
 * parameters' -m lines, variables, constants, and the measured layout of every std named type
 * the simulator meets. No Go needed; `node oracle/run.ts --check` compares the file with a fresh
 * recording where Go is installed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StdlibSnapshot } from '../../src/data/oracle/snapshots.ts';

const snapshot = JSON.parse(readFileSync('src/data/oracle/stdlib.json', 'utf8')) as StdlibSnapshot;
const leakLine = /^(leaking param: \S+( to result \S+ level=\d+)?|leaking param content: \S+|\S+ does not escape|(mutates|calls) param: \S+ derefs=\d+)$/;

describe('stdlib.json', () => {
  it('records parameter tags as the compiler words them', () => {
    for (const [key, fn] of Object.entries(snapshot.functions)) {
      for (const param of [...(fn.receiver === undefined ? [] : [fn.receiver]), ...fn.params]) {
        for (const line of param.leaks) expect(line, key).toMatch(leakLine);
      }
    }
  });

  it('records constants with an exact value', () => {
    expect(Object.keys(snapshot.constants).length).toBeGreaterThan(0);
    for (const [key, constant] of Object.entries(snapshot.constants)) {
      expect(constant.signature.startsWith(`const ${key} `), key).toBe(true);
      expect(constant.value, key).not.toBe('');
    }
  });

  it('measures every named type a signature, variable or constant mentions (generic and internal ones aside)', () => {
    const texts = [
      ...Object.values(snapshot.functions).flatMap((fn) => [fn.type, fn.receiver?.type ?? '']),
      ...Object.values(snapshot.variables).map((variable) => variable.type),
      ...Object.values(snapshot.constants).map((constant) => constant.type),
    ];
    for (const text of texts) {
      for (const [name] of text.matchAll(/[\w/]+\.[A-Z]\w*(?!\[)/g)) {
        if (name === 'unsafe.Pointer' || name.split('/').includes('internal')) continue;
        expect(snapshot.types[name], `${name} in ${text}`).toBeDefined();
      }
    }
  });

  it('summarises what inlining does for every function gc can inline, and only for those', () => {
    let summarised = 0;
    for (const [key, fn] of Object.entries(snapshot.functions)) {
      expect(fn.inline !== undefined, key).toBe(fn.inlinable);
      const inline = fn.inline;
      if (inline === undefined || 'notModeled' in inline) continue;
      summarised++;
      // A cost within gc's budget; the function itself in the first round; a name per result.
      expect(inline.cost, key).toBeGreaterThan(0);
      expect(inline.cost, key).toBeLessThanOrEqual(80);
      expect(inline.rounds[0]?.length, key).toBe(1);
      expect(inline.results.length, key).toBe(fn.results.length);
      for (const line of inline.body) {
        if (typeof line.flowsTo === 'number') expect(line.flowsTo, key).toBeLessThan(fn.results.length);
        else expect(['heap', 'nowhere'], key).toContain(line.flowsTo);
      }
      expect(inline.tags.params.length, key).toBe(fn.params.length);
      expect(inline.tags.receiver !== undefined, key).toBe(fn.receiver !== undefined);
      for (const line of [...(inline.tags.receiver ?? []), ...inline.tags.params.flat()]) expect(line, key).toMatch(leakLine);
    }
    expect(summarised).toBeGreaterThan(50);
  });

  it('gives each type a consistent layout', () => {
    for (const [key, type] of Object.entries(snapshot.types)) {
      expect(type.align, key).toBeGreaterThan(0);
      expect(type.size % type.align, key).toBe(0);
      if (type.pointerShaped) expect({ size: type.size, pointers: type.pointers }, key).toEqual({ size: 8, pointers: true });
      if (type.kind === 'interface') expect({ size: type.size, pointers: type.pointers, fields: type.fields }, key).toEqual({ size: 16, pointers: true, fields: undefined });
      if (type.kind === 'struct') {
        expect(type.fields, key).toBeDefined();
        let previous = -1;
        for (const field of type.fields ?? []) {
          expect(field.offset, `${key}.${field.name}`).toBeGreaterThanOrEqual(Math.max(previous, 0));
          expect(field.offset, `${key}.${field.name}`).toBeLessThanOrEqual(type.size);
          previous = field.offset;
        }
      }
      expect([...type.methods].sort(), key).toEqual(type.methods);
    }
  });
});
