/** Statements: control flow, loop depth, and the statements that move values. */
import type { IrExpr, IrStmt } from '../ir/ir.ts';
import { addrs, assignList, reassigned } from './assign.ts';
import { call, goDeferStmt } from './call.ts';
import type { Escape } from './escape.ts';
import type { Hole } from './graph.ts';
import { assignHeap, discard, expr } from './expr.ts';

/** Walks one statement. */
export function stmt(e: Escape, n: IrStmt | undefined): void {
  if (n === undefined) return;
  switch (n.op) {
    case 'fallthrough':
    case 'break':
    case 'continue':
    case 'goto':
      return;
    case 'block':
      stmts(e, n.list);
      return;
    case 'decl':
      e.batch.locationOf(n.name).loopDepth = e.loopDepth;
      return;
    case 'label': {
      const state = e.labels.get(n.label);
      if (state === 'looping') e.loopDepth++;
      e.labels.delete(n.label);
      return;
    }
    case 'if':
      stmts(e, n.init);
      discard(e, n.cond);
      block(e, n.body);
      block(e, n.else);
      return;
    case 'for':
      stmts(e, n.init);
      e.loopDepth++;
      discard(e, n.cond);
      stmt(e, n.post);
      block(e, n.body);
      e.loopDepth--;
      return;
    case 'range': {
      stmts(e, n.init);
      // The ranged value is evaluated once into a temporary that lives through the loop.
      const temporary = e.newLocation(undefined, true);
      expr(e, temporary.asHole(), n.x);
      e.loopDepth++;
      const ks = addrs(e, [n.key, n.value]);
      const valueK = ks[1] as Hole;
      if (n.overArray) e.batch.flow(valueK.note(n, 'range'), temporary);
      else e.batch.flow(valueK.deref(n, 'range-deref'), temporary);
      reassigned(e, ks, n);
      block(e, n.body);
      e.loopDepth--;
      return;
    }
    case 'switch': {
      stmts(e, n.init);
      if (n.typeSwitch) {
        const ks: Hole[] = [];
        if (n.bindsVariable) {
          for (const clause of n.cases) {
            const variable = clause.variable;
            if (variable === undefined) continue;
            const location = e.batch.locationOf(variable);
            location.loopDepth = e.loopDepth;
            if (variable.type.hasPointers) {
              let k = location.asHole();
              if (variable.type.kind !== 'interface' && !variable.type.directIface) k = k.shift(1);
              ks.push(k.note(clause, 'switch case'));
            }
          }
        }
        expr(e, e.teeHole(...ks), n.tag);
      } else {
        discard(e, n.tag);
      }
      for (const clause of n.cases) {
        for (const value of clause.list) discard(e, value);
        block(e, clause.body);
      }
      return;
    }
    case 'select':
      for (const clause of n.cases) {
        stmt(e, clause.comm);
        block(e, clause.body);
      }
      return;
    case 'send':
      discard(e, n.chan);
      assignHeap(e, n.value, 'send', n);
      return;
    case 'assign':
      assignList(e, n.lhs, n.rhs, n.why, n);
      return;
    case 'assignCall': {
      const ks = addrs(e, n.lhs);
      call(e, ks, n.call);
      reassigned(e, ks, n);
      return;
    }
    case 'return': {
      const results = e.fn.results.map((result) => ({
        op: 'name' as const,
        name: result,
        type: result.type,
        position: result.position,
        text: result.name,
      }));
      assignList(e, results, n.results, 'return', n);
      return;
    }
    case 'expr':
      if (n.x.op === 'receive' || (n.x.op === 'withInit' && n.x.x.op === 'receive')) discard(e, n.x);
      else call(e, undefined, n.x);
      return;
    case 'go':
    case 'defer':
      goDeferStmt(e, n);
      return;
  }
}

/** Walks statements in order. */
export function stmts(e: Escape, list: IrStmt[]): void {
  for (let index = 0; index < list.length; index++) {
    const n = list[index] as IrStmt;
    // `a, b = f()` is one statement in gc, whose inlined destination calls (`*g(), ok = ...`)
    // run before its value; here the value goes to temporaries first.
    const next = list[index + 1];
    if (next?.op === 'assign' && next.fromTemporaries === true) hoistInlinedBodies(e, next.lhs);
    stmt(e, n);
  }
}

/** Walks the bodies of the calls inlined in `exprs` now (post-order); their results flow where the expressions are walked later. */
function hoistInlinedBodies(e: Escape, exprs: (IrExpr | undefined)[]): void {
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const record = value as Record<string, unknown>;
    if (record.op === 'closure') return;
    for (const key in record) {
      if (key !== 'type' && key !== 'name' && key !== 'callee' && key !== 'func' && key !== 'body' && key !== 'position') visit(record[key]);
    }
    if (record.op === 'inlinedCall' && !e.hoisted.has(record)) {
      e.hoisted.add(record);
      stmts(e, record.body as IrStmt[]);
    }
  };
  visit(exprs);
}

/** Walks a block: the loop depth inside (raised by looping labels) does not leak out. */
export function block(e: Escape, list: IrStmt[]): void {
  const old = e.loopDepth;
  stmts(e, list);
  e.loopDepth = old;
}
