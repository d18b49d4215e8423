/**
 * The escape IR's facts about std types come from the layout the oracle measured
 * (stdlib.json `types`), never from a placeholder; a std type without a recorded layout is
 * reported as unknown, and a file that uses it is not modelled.
 */
import { describe, expect, it } from 'vitest';
import type { StdlibSnapshot } from '../../src/data/oracle/snapshots.ts';
import { analyze } from '../../src/sim/analyze.ts';
import { TypeTable } from '../../src/sim/ir/typeinfo.ts';
import { loadStdlib, type Stdlib } from '../../src/sim/stdlib/stdlib.ts';
import { modelledStdlib } from '../../src/sim/stdlib/modelled.ts';
import type { Type } from '../../src/sim/types/types.ts';

function stdType(library: Stdlib, qualified: string): Type {
  const dot = qualified.lastIndexOf('.');
  const type = library.packages.get(qualified.slice(0, dot))?.members.get(qualified.slice(dot + 1))?.type;
  if (type === undefined) throw new Error(`no ${qualified}`);
  return type;
}

describe('std types in the escape IR', () => {
  const table = new TypeTable('main');
  const library = modelledStdlib();
  const facts = (qualified: string) => {
    const { text, kind, size, align, hasPointers, directIface, layoutUnknown } = table.info(stdType(library, qualified));
    return { text, kind, size, align, hasPointers, directIface, layoutUnknown };
  };

  it('use the measured layout', () => {
    expect(facts('time.Duration')).toEqual({ text: 'time.Duration', kind: 'integer', size: 8, align: 8, hasPointers: false, directIface: false, layoutUnknown: undefined });
    expect(facts('strings.Builder')).toEqual({ text: 'strings.Builder', kind: 'struct', size: 32, align: 8, hasPointers: true, directIface: false, layoutUnknown: undefined });
    expect(facts('sync.Mutex')).toEqual({ text: 'sync.Mutex', kind: 'struct', size: 8, align: 4, hasPointers: false, directIface: false, layoutUnknown: undefined });
    expect(facts('io.Writer')).toEqual({ text: 'io.Writer', kind: 'interface', size: 16, align: 8, hasPointers: true, directIface: false, layoutUnknown: undefined });
    // struct{ *file }: an interface holds it directly.
    expect(facts('os.File')).toEqual({ text: 'os.File', kind: 'struct', size: 8, align: 8, hasPointers: true, directIface: true, layoutUnknown: undefined });
  });

  const snapshot: StdlibSnapshot = {
    goVersion: 'go1.26.8',
    functions: {
      'example/p.F': { signature: 'func example/p.F(h example/p.Header, m example/p.Mystery)', type: 'func(h example/p.Header, m example/p.Mystery)', inlinable: false, params: [], results: [] },
    },
    variables: {},
    constants: {},
    types: {
      'example/p.Header': { underlying: 'map[string][]string', kind: 'map', size: 8, align: 8, pointers: true, pointerShaped: true, methods: ['Get'] },
    },
  };

  it('read a recorded underlying type for shapes that need one; a type without a layout is unknown', () => {
    const custom = loadStdlib(snapshot);
    const header = table.info(stdType(custom, 'example/p.Header'));
    expect({ kind: header.kind, text: header.text, elem: header.elem?.text, layoutUnknown: header.layoutUnknown }).toEqual({ kind: 'map', text: 'p.Header', elem: '[]string', layoutUnknown: undefined });
    expect(custom.unknownLayouts.map((type) => type.obj.name)).toEqual(['Mystery']);
    expect(table.info(stdType(custom, 'example/p.Mystery')).layoutUnknown).toBe(true);
  });

  it('the committed snapshot leaves no std type unknown, and a captured std value has its real width at -m=2', async () => {
    expect(library.unknownLayouts).toEqual([]);
    const result = await analyze({
      source: 'package main\n\nimport "sync"\n\nfunc main() {\n\tvar mu sync.Mutex\n\tf := func() { mu.Lock(); mu.Unlock() }\n\tf()\n}\n',
      fileName: 'main.go',
      flags: { m: 2, noInline: true },
    });
    expect(result.kind).toBe('ok');
  });
});
