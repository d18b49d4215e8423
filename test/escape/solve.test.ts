/**
 * The solver on hand-built graphs: expectations come from gc's rules (an address stored in
 * the heap escapes; an address stored in a location declared outside a loop outlives a
 * location declared inside it; parameter leaks are summarised per destination).
 */
import { describe, expect, it } from 'vitest';
import { Analysis, Batch } from '../../src/sim/escape/escape.ts';
import { attrEscapes } from '../../src/sim/escape/graph.ts';
import { Leaks } from '../../src/sim/escape/leaks.ts';
import { walkAll } from '../../src/sim/escape/solve.ts';
import type { IrFunc, IrName, TypeInfo } from '../../src/sim/ir/ir.ts';

const pointerType: TypeInfo = { text: '*int', kind: 'pointer', size: 8, align: 8, hasPointers: true, directIface: true, untyped: false };

function func(name: string): IrFunc {
  return { name, position: { line: 1, column: 6 }, params: [], results: [], declarations: [], body: [], closureVariables: [], isGoDeferWrapper: false, noEscape: false, closures: [] };
}

function variable(fn: IrFunc, name: string, nameClass: IrName['class'], line: number): IrName {
  const declared: IrName = { name, class: nameClass, position: { line, column: 2 }, type: pointerType, fn };
  fn.declarations.push(declared);
  return declared;
}

function batchOf(fn: IrFunc): Batch {
  const analysis = new Analysis({ m: 1, goMinor: 26, fileName: 'x.go' });
  const batch = new Batch(analysis, [fn]);
  analysis.state(fn).phase = 'started';
  return batch;
}

describe('solver', () => {
  it('moves a variable whose address reaches the heap', () => {
    const fn = func('f');
    const x = variable(fn, 'x', 'local', 2);
    const p = variable(fn, 'p', 'local', 3);
    const batch = batchOf(fn);
    const xLoc = batch.newLocation({ kind: 'name', name: x }, fn, 1, true);
    const pLoc = batch.newLocation({ kind: 'name', name: p }, fn, 1, true);
    batch.flow(pLoc.asHole().shift(-1), xLoc); // p = &x
    batch.flow(batch.heapLocation.asHole(), pLoc); // sink = p
    walkAll(batch);
    expect(xLoc.hasAttr(attrEscapes)).toBe(true);
    expect(pLoc.hasAttr(attrEscapes)).toBe(false);
  });

  it('keeps a variable whose address only reaches a local at the same loop depth', () => {
    const fn = func('f');
    const x = variable(fn, 'x', 'local', 2);
    const p = variable(fn, 'p', 'local', 3);
    const batch = batchOf(fn);
    const xLoc = batch.newLocation({ kind: 'name', name: x }, fn, 1, true);
    const pLoc = batch.newLocation({ kind: 'name', name: p }, fn, 1, true);
    batch.flow(pLoc.asHole().shift(-1), xLoc);
    walkAll(batch);
    expect(xLoc.hasAttr(attrEscapes)).toBe(false);
  });

  it('moves a variable declared in a loop whose address is stored outside it', () => {
    const fn = func('f');
    const x = variable(fn, 'x', 'local', 3);
    const p = variable(fn, 'p', 'local', 2);
    const batch = batchOf(fn);
    const pLoc = batch.newLocation({ kind: 'name', name: p }, fn, 1, true);
    const xLoc = batch.newLocation({ kind: 'name', name: x }, fn, 2, true);
    batch.flow(pLoc.asHole().shift(-1), xLoc);
    walkAll(batch);
    expect(xLoc.hasAttr(attrEscapes)).toBe(true);
  });

  it('does not move a value reached only through dereferences', () => {
    const fn = func('f');
    const x = variable(fn, 'x', 'local', 2);
    const batch = batchOf(fn);
    const xLoc = batch.newLocation({ kind: 'name', name: x }, fn, 1, true);
    batch.flow(batch.heapLocation.asHole().shift(1), xLoc); // sink = *x
    walkAll(batch);
    expect(xLoc.hasAttr(attrEscapes)).toBe(false);
  });

  it('records a parameter leaking to a result and to the heap with their dereference counts', () => {
    const fn = func('f');
    const p = variable(fn, 'p', 'param', 1);
    const q = variable(fn, 'q', 'param', 1);
    const r = variable(fn, '~r0', 'result', 1);
    fn.results.push(r);
    const batch = batchOf(fn);
    const pLoc = batch.newLocation({ kind: 'name', name: p }, fn, 1, true);
    const qLoc = batch.newLocation({ kind: 'name', name: q }, fn, 1, true);
    const rLoc = batch.newLocation({ kind: 'name', name: r }, fn, 1, true);
    rLoc.resultIndex = 1;
    batch.flow(rLoc.asHole(), pLoc); // return p
    batch.flow(batch.heapLocation.asHole().shift(1), qLoc); // sink = *q
    walkAll(batch);
    expect(pLoc.paramEscapes.result(0)).toBe(0);
    expect(pLoc.paramEscapes.heap()).toBe(-1);
    expect(qLoc.paramEscapes.heap()).toBe(1);
  });
});

describe('leak tags', () => {
  it('encodes and parses as gc does', () => {
    const leaks = new Leaks();
    leaks.addResult(0, 1);
    leaks.addHeap(2);
    expect(Leaks.parse(leaks.encode()).result(0)).toBe(1);
    expect(Leaks.parse(leaks.encode()).heap()).toBe(2);
    const toHeap = new Leaks();
    toHeap.addHeap(0);
    expect(toHeap.encode()).toBe('');
    expect(Leaks.parse('').heap()).toBe(0);
  });

  it('drops result leaks made redundant by the heap leak', () => {
    const leaks = new Leaks();
    leaks.addHeap(0);
    leaks.addResult(0, 0);
    leaks.optimize();
    expect(leaks.result(0)).toBe(-1);
  });
});
