/** Assignments: turning destinations into holes, and tracking reassignment. */
import type { IrExpr, IrStmt } from '../ir/ir.ts';
import type { Escape } from './escape.ts';
import type { Hole } from './graph.ts';
import { discard, expr, isReflectHeaderDataField, unsafeValue } from './expr.ts';
import { isSelfAssign } from './utils.ts';

/** The hole for storing into `n` (gc's `addr`); `undefined` is `_`. */
export function addr(e: Escape, n: IrExpr | undefined): Hole {
  if (n === undefined) return e.discardHole();
  switch (n.op) {
    case 'name':
      if (n.name.class === 'global') return e.heapHole();
      return e.batch.locationOf(n.name).asHole();
    case 'dot':
      return addr(e, n.x);
    case 'index':
      discard(e, n.index);
      if (n.x.type.kind === 'array') return addr(e, n.x);
      mutate(e, n.x);
      return e.heapHole();
    case 'deref':
    case 'dotPtr':
      mutate(e, n.x);
      return e.heapHole();
    case 'indexMap':
      discard(e, n.x);
      assignHeap(e, n.index, 'key of map put', n);
      return e.heapHole();
    default:
      throw new Error(`escape: unexpected assignment destination ${n.op}`);
  }
}

/** Evaluates an expression whose target is stored through. */
function mutate(e: Escape, n: IrExpr): void {
  expr(e, e.mutatorHole(), n);
}

function assignHeap(e: Escape, src: IrExpr, why: string, where: IrExpr): void {
  expr(e, e.heapHole().note(where, why), src);
}

/** Holes for several destinations, left to right. */
export function addrs(e: Escape, list: (IrExpr | undefined)[]): Hole[] {
  return list.map((n) => addr(e, n));
}

/** `dsts[i] = srcs[i]` for each i (gc's `assignList`). */
export function assignList(
  e: Escape,
  dsts: (IrExpr | undefined)[],
  srcs: (IrExpr | undefined)[],
  why: string,
  where: IrStmt,
): void {
  const ks = addrs(e, dsts);
  ks.forEach((hole, index) => {
    let k = hole;
    const src = srcs[index];
    const dst = dsts[index];
    // Storing a uintptr into a reflect header's Data word stores a pointer (gc converts it implicitly).
    if (dst !== undefined && src !== undefined && isReflectHeaderDataField(dst)) {
      unsafeValue(e, e.heapHole().note(where, why), src);
      return;
    }
    if (dst !== undefined && src !== undefined && isSelfAssign(dst, src)) {
      e.batch.report.warn(where.position, `${e.fn.name} ignoring self-assignment in ${where.text}`);
      k = e.discardHole();
    }
    expr(e, k.note(where, why), src);
  });
  reassigned(e, ks, where);
}

/** Marks the destinations of `where` as reassigned, except at their own definition. */
export function reassigned(e: Escape, ks: Hole[], where: IrStmt): void {
  void e;
  if (where.op === 'assign' && where.lhs.length === 1 && where.rhs[0] === undefined) {
    const dst = where.lhs[0];
    if (dst?.op === 'name' && dst.name.definedBy === undefined) return;
  }
  for (const k of ks) {
    const node = k.dst.node;
    if (node?.kind === 'name' && node.name.definedBy === where && where.op !== 'range') continue;
    k.dst.reassigned = true;
  }
}
