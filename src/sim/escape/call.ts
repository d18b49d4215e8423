/** Calls: arguments flow according to the callee's parameter tags, or to the heap when unknown. */
import type { GoDeferStmt, IrExpr } from '../ir/ir.ts';
import type { Escape } from './escape.ts';
import type { Hole } from './graph.ts';
import { discard, expr, spill, tagHole } from './expr.ts';
import { stmts } from './stmt.ts';

/** Evaluates a call (`call`, `builtin`, `inlinedCall`); `ks` are the holes of its results, if used. */
export function call(e: Escape, ks: Hole[] | undefined, n: IrExpr): void {
  const argument = (k: Hole, arg: IrExpr | undefined) => expr(e, k.note(n, 'call parameter'), arg);
  switch (n.op) {
    case 'call': {
      const fn = n.callee;
      if (ks !== undefined && fn !== undefined && e.batch.inMutualBatch(fn)) {
        fn.results.forEach((result, index) => {
          const k = ks[index];
          if (k !== undefined) expr(e, k, { op: 'name', name: result, type: result.type, position: result.position, text: result.name });
        });
      }
      if (n.fun !== undefined) {
        let calleeK = e.discardHole();
        if (fn === undefined && ks?.some((k) => k.dst !== e.batch.blankLocation)) {
          calleeK = e.calleeHole().note(n, 'callee operand');
        }
        expr(e, calleeK, n.fun);
      }
      const params = fn?.params ?? [];
      let paramIndex = 0;
      const receiverParam = params[0]?.receiver === true ? params[0] : undefined;
      if (n.interfaceReceiver !== undefined) {
        argument(e.heapHole(), n.interfaceReceiver);
      } else if (n.receiver !== undefined) {
        paramIndex = 1;
        argument(receiverParam !== undefined ? tagHole(e, ks, fn, receiverParam) : e.heapHole(), n.receiver);
      }
      n.args.forEach((arg, index) => {
        const param = fn === undefined ? undefined : params[paramIndex + index];
        argument(param !== undefined ? tagHole(e, ks, fn, param) : e.heapHole(), arg);
      });
      return;
    }
    case 'withInit':
      stmts(e, n.init);
      call(e, ks, n.x);
      return;
    case 'inlinedCall':
      if (!e.hoisted.has(n)) stmts(e, n.body);
      n.returnVariables.forEach((result, index) => expr(e, ks?.[index] ?? e.discardHole(), result));
      return;
    case 'builtin':
      builtin(e, ks, n, argument);
      return;
    default:
      throw new Error(`escape: ${n.op} is not a call`);
  }
}

function builtin(
  e: Escape,
  ks: Hole[] | undefined,
  n: Extract<IrExpr, { op: 'builtin' }>,
  argument: (k: Hole, arg: IrExpr | undefined) => void,
): void {
  const result = ks?.[0] ?? e.discardHole();
  const [first, second] = n.args;
  switch (n.builtin) {
    case 'append': {
      let appendeeK = e.teeHole(result, e.mutatorHole());
      if (first?.type.elem?.hasPointers === true) appendeeK = e.teeHole(appendeeK, e.heapHole().deref(n, 'appendee slice'));
      argument(appendeeK, first);
      if (n.spread) {
        let appendedK = e.discardHole();
        if (second?.type.kind === 'slice' && second.type.elem?.hasPointers === true) {
          appendedK = e.heapHole().deref(n, 'appended slice...');
        }
        argument(appendedK, second);
      } else {
        for (const arg of n.args.slice(1)) argument(e.heapHole(), arg);
      }
      if (e.batch.goMinor >= 26) {
        // The backing store append may allocate (on the stack when it does not escape).
        const backingStore = spill(e, result, n);
        backingStore.dst.loopDepth = 0;
      }
      return;
    }
    case 'copy': {
      argument(e.mutatorHole(), first);
      let copiedK = e.discardHole();
      if (second?.type.kind === 'slice' && second.type.elem?.hasPointers === true) copiedK = e.heapHole().deref(n, 'copied slice');
      argument(copiedK, second);
      return;
    }
    case 'panic':
      argument(e.heapHole(), first);
      return;
    case 'complex':
    case 'delete':
    case 'print':
    case 'println':
    case 'recover':
    case 'len':
    case 'cap':
    case 'real':
    case 'imag':
    case 'close':
      for (const arg of n.args) discard(e, arg);
      return;
    case 'min':
    case 'max':
      for (const arg of n.args) argument(result, arg);
      return;
    case 'clear':
      argument(e.mutatorHole(), first);
      return;
    case 'unsafeStringData':
    case 'unsafeSliceData':
      argument(result, first);
      return;
    case 'unsafeAdd':
    case 'unsafeSlice':
    case 'unsafeString':
      argument(result, first);
      discard(e, second);
      return;
  }
}

/** `go f()` / `defer f()`: the function value lives until the call runs. */
export function goDeferStmt(e: Escape, n: GoDeferStmt): void {
  let k = e.heapHole();
  // A defer outside any loop runs in this frame: its closure can live on the stack.
  if (n.op === 'defer' && e.loopDepth === 1) k = e.later(e.discardHole());
  expr(e, k, n.fun);
}
