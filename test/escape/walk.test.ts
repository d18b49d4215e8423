/**
 * `visitIr` follows a table of each node kind's child properties. Over the IR of every escape
 * fixture and lesson snippet (lowered and inlined), every property that holds a node must be
 * in that table, so no pass silently skips part of a function.
 */
import { describe, expect, it } from 'vitest';
import { inlinePackage } from '../../src/sim/inline/inline.ts';
import type { IrFunc } from '../../src/sim/ir/ir.ts';
import { lowerFile } from '../../src/sim/ir/lower.ts';
import { childKeys } from '../../src/sim/ir/walk.ts';
import { modelledStdlib } from '../../src/sim/stdlib/modelled.ts';
import { loadGoParserForNode } from '../../src/sim/syntax/node-wasm.ts';
import { parse } from '../../src/sim/syntax/parse.ts';
import { check } from '../../src/sim/types/index.ts';
import { loadSnapshots } from './fixtures.ts';

const goParser = await loadGoParserForNode();

/** Properties that hold functions, types or positions, never child nodes. */
const references = new Set(['func', 'callee', 'method', 'receiverParam', 'name', 'variable', 'type', 'paramTypes', 'position', 'rangePosition', 'interfaceMethod']);

const isNode = (value: unknown): boolean => value !== null && typeof value === 'object' && typeof (value as { op?: unknown }).op === 'string';

/** Child properties of IR nodes under `roots` that the table does not list, as `op.key`. */
function unlisted(funcs: IrFunc[]): Set<string> {
  const missing = new Set<string>();
  const seen = new Set<object>();
  const walk = (value: unknown, op: string | undefined): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) walk(item, op);
      return;
    }
    const record = value as Record<string, unknown>;
    const ownOp = typeof record.op === 'string' ? record.op : undefined;
    if (ownOp === 'closure') return;
    for (const [key, child] of Object.entries(record)) {
      if (references.has(key)) continue;
      const holdsNode = isNode(child) || (Array.isArray(child) && child.some(isNode));
      if (ownOp !== undefined && holdsNode && !(childKeys[ownOp] ?? []).includes(key)) missing.add(`${ownOp}.${key}`);
      walk(child, ownOp ?? op);
    }
  };
  const all = (list: IrFunc[]): void => {
    for (const fn of list) {
      walk(fn.body ?? [], undefined);
      all(fn.closures);
    }
  };
  all(funcs);
  return missing;
}

describe('visitIr', () => {
  it('knows every child property of the IR of the fixtures and lessons', () => {
    const missing = new Set<string>();
    let lowered = 0;
    for (const fixture of loadSnapshots()) {
      const parsed = parse(goParser, fixture.source);
      if (parsed.diagnostics.length > 0) continue;
      const checked = check(parsed.file, { stdlib: modelledStdlib() });
      if (checked.diagnostics.length > 0) continue;
      const result = lowerFile(parsed.file, checked.info, { goMinor: 26 });
      if (result.kind !== 'ok') continue;
      try {
        inlinePackage(result.file, { enabled: true, isInlinableExternal: () => false });
      } catch {
        continue;
      }
      lowered++;
      for (const key of unlisted(result.file.funcs)) missing.add(key);
    }
    expect(lowered).toBeGreaterThan(150);
    expect([...missing]).toEqual([]);
  });

  it('refuses a node kind it does not know', async () => {
    const { visitIr } = await import('../../src/sim/ir/walk.ts');
    expect(() => visitIr([{ op: 'mystery' } as never], () => {})).toThrow(/unknown node mystery/);
  });
});
