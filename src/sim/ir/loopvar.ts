/**
 * Names the copies of loop variables that go1.22's per-iteration semantics need. gc makes them
 * in its loopvar pass, after inlining, so each is `.autotmp_N` with N the number of names its
 * function declares by then (every local, inlined ones included, and the copies made before
 * it). Lowering gives them a provisional name; this pass, run after inlining, gives the real
 * one in loopvar's order (inner loops first; a range loop's key before its value; a
 * three-clause loop's variables in order, then one more temporary when it has a post
 * statement) and rewrites the texts that show it.
 */
import type { IrExpr, IrFile, IrFunc, IrName, IrStmt } from './ir.ts';
import { visitIr } from './walk.ts';

/** The prefix of the provisional names lowering gives (no Go name or gc temporary starts so). */
export const provisionalLoopvarPrefix = '.autotmp_loopvar';

const provisional = new RegExp(`\\${provisionalLoopvarPrefix}\\d+`, 'g');

/** Gives every loop-variable copy of `file` its final name. */
export function nameLoopvarTemporaries(file: IrFile): void {
  const all: IrFunc[] = [];
  const add = (fn: IrFunc): void => {
    all.push(fn);
    for (const closure of fn.closures) add(closure);
  };
  for (const fn of [...file.funcs, ...(file.wrappers ?? [])]) add(fn);
  const final = new Map<string, string>();
  for (const fn of all) {
    if (!fn.declarations.some((name) => name.loopvarTemporary === true && name.fn === fn)) continue;
    let next = fn.declarations.filter((name) => name.loopvarTemporary !== true).length;
    for (const param of fn.params) if (param.name === undefined) next++;
    const assign = (name: IrName | undefined): void => {
      if (name === undefined || name.loopvarTemporary !== true || name.fn !== fn || final.has(name.name)) return;
      final.set(name.name, `.autotmp_${next++}`);
    };
    loopsInOrder(fn.body ?? [], (loop) => {
      if (loop.op === 'range') {
        for (const target of [loop.key, loop.value]) assign(target?.op === 'name' ? target.name : undefined);
        return;
      }
      if (loop.op !== 'for') return;
      let copies = 0;
      for (const statement of loop.body) {
        if (statement.op !== 'assign' || statement.loopvar !== true) continue;
        const value = statement.rhs[0];
        if (value?.op === 'name' && value.name.loopvarTemporary === true && value.name.fn === fn) {
          assign(value.name);
          copies++;
        }
      }
      // gc also makes a flag for the first iteration when the loop has a post statement.
      if (copies > 0 && loop.post !== undefined) next++;
    });
  }
  if (final.size === 0) return;
  const rename = (text: string): string => (text.includes(provisionalLoopvarPrefix) ? text.replace(provisional, (old) => final.get(old) ?? old) : text);
  for (const fn of all) {
    for (const name of fn.declarations) name.name = rename(name.name);
    visitIr(fn.body ?? [], (node) => {
      node.text = rename(node.text);
      if (node.op === 'name' || node.op === 'decl') node.name.name = rename(node.name.name);
    });
  }
}

/** Calls `visit` on each `for` and `range` statement after the loops inside it, in source order. */
function loopsInOrder(roots: IrStmt[], visit: (loop: Extract<IrStmt, { op: 'for' | 'range' }>) => void): void {
  const loops: { loop: Extract<IrStmt, { op: 'for' | 'range' }>; depth: number }[] = [];
  const parents = new Map<IrStmt | IrExpr, IrStmt | IrExpr | undefined>();
  visitIr(roots, (node, parent) => {
    parents.set(node, parent);
    if (node.op === 'for' || node.op === 'range') {
      let depth = 0;
      for (let up = parent; up !== undefined; up = parents.get(up)) if (up.op === 'for' || up.op === 'range') depth++;
      loops.push({ loop: node, depth });
    }
  });
  // Post-order: a loop comes after every loop nested in it (they follow it in source order).
  const order: Extract<IrStmt, { op: 'for' | 'range' }>[] = [];
  const stack: { loop: Extract<IrStmt, { op: 'for' | 'range' }>; depth: number }[] = [];
  for (const entry of loops) {
    while (stack.length > 0 && (stack[stack.length - 1] as { depth: number }).depth >= entry.depth) order.push((stack.pop() as { loop: Extract<IrStmt, { op: 'for' | 'range' }> }).loop);
    stack.push(entry);
  }
  while (stack.length > 0) order.push((stack.pop() as { loop: Extract<IrStmt, { op: 'for' | 'range' }> }).loop);
  for (const loop of order) visit(loop);
}
