/** Expressions: how each kind of expression moves its operands' values into a hole. */
import type { IrExpr, IrFunc, IrName, IrParam } from '../ir/ir.ts';
import { call } from './call.ts';
import { isClosure, type Escape } from './escape.ts';
import type { Hole, NoteSite } from './graph.ts';
import { Leaks, numEscResults } from './leaks.ts';
import { block, stmts } from './stmt.ts';

/** Evaluates `n`, flowing its value into `k`. */
export function expr(e: Escape, k: Hole, n: IrExpr | undefined): void {
  if (n === undefined) return;
  // A value without pointers cannot make anything escape.
  if (k.derefs >= 0 && !n.type.untyped && !n.type.hasPointers) k = e.discardHole();
  switch (n.op) {
    case 'literal':
    case 'nil':
    case 'methodExpr':
      return;
    case 'name':
      if (n.name.class === 'func' || n.name.class === 'global') return;
      e.batch.flow(k, e.batch.locationOf(n.name));
      return;
    case 'unary':
    case 'receive':
      discard(e, n.x);
      return;
    case 'binary':
      discard(e, n.x);
      discard(e, n.y);
      return;
    case 'addr':
      expr(e, k.addr(n, 'address-of'), n.x);
      return;
    case 'deref':
      expr(e, k.deref(n, 'indirection'), n.x);
      return;
    case 'dot':
      expr(e, k.note(n, 'dot'), n.x);
      return;
    case 'dotPtr':
      expr(e, k.deref(n, 'dot of pointer'), n.x);
      return;
    case 'dotType':
      expr(e, dotType(k, n), n.x);
      return;
    case 'index':
      if (n.x.type.kind === 'array') expr(e, k.note(n, 'fixed-array-index-of'), n.x);
      else expr(e, k.deref(n, 'dot of pointer'), n.x);
      discard(e, n.index);
      return;
    case 'indexMap':
      discard(e, n.x);
      discard(e, n.index);
      return;
    case 'slice':
      expr(e, k.note(n, 'slice'), n.x);
      discard(e, n.low);
      discard(e, n.high);
      discard(e, n.max);
      return;
    case 'conv':
      expr(e, k, n.x);
      return;
    case 'convIface':
      if (n.x.type.kind !== 'interface' && !n.x.type.directIface) k = spill(e, k, n);
      expr(e, k.note(n, 'interface-converted'), n.x);
      return;
    case 'uintptrToPointer':
      unsafeValue(e, k, n.x);
      return;
    case 'sliceToArray':
      expr(e, k.deref(n, 'slice-to-array'), n.x);
      return;
    case 'sliceToArrayPtr':
      expr(e, k, n.x);
      return;
    case 'call':
    case 'builtin':
    case 'inlinedCall':
      call(e, [k], n);
      return;
    case 'withInit':
      stmts(e, n.init);
      expr(e, k, n.x);
      return;
    case 'new':
      spill(e, k, n);
      return;
    case 'stdValue': {
      // What an inlined std body stores in the value it makes goes where the value goes.
      const storage = spill(e, k, n);
      for (const arg of n.args) expr(e, storage, arg);
      return;
    }
    case 'makeSlice':
    case 'makeMap':
      spill(e, k, n);
      for (const arg of n.args) discard(e, arg);
      return;
    case 'makeChan':
      for (const arg of n.args) discard(e, arg);
      return;
    case 'methodValue': {
      const closureK = spill(e, k, n);
      const ks: Hole[] = [];
      for (let index = 0; index < n.resultCount; index++) ks.push(e.heapHole());
      const paramK = n.method !== undefined && n.receiverParam !== undefined ? tagHole(e, ks, n.method, n.receiverParam) : e.heapHole();
      expr(e, e.teeHole(paramK, closureK), n.x);
      return;
    }
    case 'ptrLit':
      expr(e, spill(e, k, n), n.args[0]);
      return;
    case 'arrayLit':
      for (const element of n.elements) expr(e, k.note(n, 'array literal element'), element);
      return;
    case 'sliceLit': {
      const storage = spill(e, k, n);
      for (const element of n.elements) expr(e, storage.note(n, 'slice-literal-element'), element);
      return;
    }
    case 'structLit':
      for (const element of n.elements) expr(e, k.note(n, 'struct literal element'), element);
      return;
    case 'mapLit':
      spill(e, k, n);
      n.keys.forEach((key, index) => {
        assignHeap(e, key, 'map literal key', n);
        assignHeap(e, n.elements[index], 'map literal value', n);
      });
      return;
    case 'closure': {
      const closureK = spill(e, k, n);
      e.batch.closures.push({ hole: closureK, closure: n.func, expr: n });
      for (const variable of n.func.closureVariables) {
        const location = e.batch.locationOf(variable);
        if (!location.captured) {
          location.captured = true;
          // Assignments before the first capture at the same depth are forgiven.
          if (location.loopDepth === e.loopDepth) location.reassigned = false;
        }
      }
      if (isClosure(n.func)) walkClosure(e, n.func);
      return;
    }
    case 'stringConv':
      spill(e, k, n);
      discard(e, n.x);
      return;
    case 'addString':
      spill(e, k, n);
      for (const arg of n.args) discard(e, arg);
      return;
  }
}

/** Whether `n` is `p.Data` with `p` a `*reflect.SliceHeader` or `*reflect.StringHeader` (gc's IsReflectHeaderDataField, through a pointer). */
export function isReflectHeaderDataField(n: IrExpr): boolean {
  if (n.op !== 'dotPtr' || n.field !== 'Data' || n.type.kind !== 'uintptr') return false;
  const header = n.x.type.elem?.text;
  return header === 'reflect.SliceHeader' || header === 'reflect.StringHeader';
}

/** A uintptr converted back to unsafe.Pointer: it carries the pointers it was computed from. */
export function unsafeValue(e: Escape, k: Hole, n: IrExpr): void {
  switch (n.op) {
    case 'dotPtr':
      // The Data word of a reflect header holds the pointer the header describes.
      if (isReflectHeaderDataField(n)) expr(e, k.deref(n, 'reflect.Header.Data'), n.x);
      else discard(e, n.x);
      return;
    case 'conv':
      if (n.x.type.kind === 'unsafePointer') expr(e, k, n.x);
      else discard(e, n.x);
      return;
    case 'unary':
      if (n.operator === '!' ) discard(e, n);
      else unsafeValue(e, k, n.x);
      return;
    case 'binary':
      if (n.operator === '<<' || n.operator === '>>') {
        unsafeValue(e, k, n.x);
        discard(e, n.y);
      } else if (['+', '-', '|', '^', '*', '/', '%', '&', '&^'].includes(n.operator)) {
        unsafeValue(e, k, n.x);
        unsafeValue(e, k, n.y);
      } else {
        discard(e, n);
      }
      return;
    default:
      discard(e, n);
  }
}

/** Walks a closure's body in its own function context. */
function walkClosure(e: Escape, fn: IrFunc): void {
  const inner = e.batch.walkerFor(fn);
  e.batch.state(fn).phase = 'started';
  inner.findLoopingLabels(fn.body ?? []);
  block(inner, fn.body ?? []);
}

/** `x.(T)`: the value moves out of the interface box unless T is stored directly in interfaces. */
function dotType(k: Hole, n: IrExpr): Hole {
  if (n.type.kind !== 'interface' && !n.type.directIface) k = k.shift(1);
  return k.note(n, 'dot');
}

/** Evaluates `n` for its side effects only. */
export function discard(e: Escape, n: IrExpr | undefined): void {
  expr(e, e.discardHole(), n);
}

/** Evaluates `src` into the heap. */
export function assignHeap(e: Escape, src: IrExpr | undefined, why: string, where: IrExpr | NoteSite): void {
  expr(e, e.heapHole().note(where, why), src);
}

/** Allocates a location for `n` whose address flows to `k`; returns the hole for its contents. */
export function spill(e: Escape, k: Hole, n: IrExpr): Hole {
  const location = e.newLocation({ kind: 'expr', expr: n }, false);
  e.batch.flow(k.addr(n, 'spill'), location);
  return location.asHole();
}

/** Where an argument for `param` of the statically known `fn` goes (gc's `tagHole`). */
export function tagHole(e: Escape, ks: Hole[] | undefined, fn: IrFunc | undefined, param: IrParam): Hole {
  if (fn === undefined) return e.heapHole();
  if (e.batch.inMutualBatch(fn)) {
    if (param.name === undefined) return e.discardHole();
    return addrOfName(e, param.name);
  }
  const leaks = Leaks.parse(e.batch.analysis.tagOf(param));
  const tagKs: Hole[] = [];
  const heap = leaks.heap();
  if (heap >= 0) tagKs.push(e.heapHole().shift(heap));
  const mutator = leaks.mutator();
  if (mutator >= 0) tagKs.push(e.mutatorHole().shift(mutator));
  const callee = leaks.callee();
  if (callee >= 0) tagKs.push(e.calleeHole().shift(callee));
  if (ks !== undefined) {
    for (let index = 0; index < numEscResults; index++) {
      const derefs = leaks.result(index);
      const resultK = ks[index];
      if (derefs >= 0 && resultK !== undefined) tagKs.push(resultK.shift(derefs));
    }
  }
  return e.teeHole(...tagKs);
}


function addrOfName(e: Escape, name: IrName): Hole {
  if (name.class === 'global') return e.heapHole();
  return e.batch.locationOf(name).asHole();
}
