/**
 * gc's dead-locals pass (run after inlining, before escape analysis): an assignment of a
 * side-effect-free value (a name, a constant, a function literal) to a local variable that is
 * never read is dropped. After inlining, `f := func() {...}; f()` often leaves `f` unread, and
 * its function literal then allocates nothing and is not reported.
 */
import { isClosure } from '../escape/escape.ts';
import type { AssignStmt, IrExpr, IrFile, IrFunc, IrName, IrStmt } from './ir.ts';

/** One removable assignment: statement and destination index. */
interface DeadAssignment {
  /** The statement. */
  statement: AssignStmt;
  /** Which destination. */
  index: number;
}

/** Runs the pass over every function of the file that is not a capturing closure. */
export function removeDeadLocals(file: IrFile): void {
  const visitFunc = (fn: IrFunc): void => {
    if (!isClosure(fn)) removeInFunc(fn);
    for (const closure of fn.closures) visitFunc(closure);
  };
  for (const fn of file.funcs) visitFunc(fn);
  for (const fn of file.wrappers ?? []) visitFunc(fn);
}

function removeInFunc(fn: IrFunc): void {
  // For each local: the assignments not yet known to be needed, or null once it is read.
  const definitions = new Map<IrName, DeadAssignment[] | null>();
  const order: IrName[] = [];
  const isLocal = (name: IrName) => name.class === 'local' || name.class === 'param';
  const pure = (value: IrExpr | undefined) =>
    value === undefined || value.op === 'name' || value.op === 'literal' || value.op === 'nil' || value.op === 'closure';

  const use = (name: IrName): void => {
    if (!isLocal(name)) return;
    const pending = definitions.get(name);
    if (pending === undefined) order.push(name);
    definitions.set(name, null);
    for (const dead of pending ?? []) visit(dead.statement.rhs[dead.index]);
  };

  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const node = value as IrStmt | IrExpr;
    switch (node.op) {
      case 'decl':
        return;
      case 'name':
        use(node.name);
        return;
      case 'closure':
        for (const variable of node.func.closureVariables) use(variable);
        visit(node.func.body);
        return;
      case 'assign':
        if (node.compound) break;
        node.lhs.forEach((lhs, index) => {
          const rhs = node.rhs[index];
          if (lhs?.op === 'name' && isLocal(lhs.name) && rhs !== undefined && pure(rhs) && !convertsImplicitly(rhs, lhs.name)) {
            const pending = definitions.get(lhs.name);
            if (pending !== null) {
              if (pending === undefined) order.push(lhs.name);
              definitions.set(lhs.name, [...(pending ?? []), { statement: node, index }]);
              return;
            }
          }
          if (lhs !== undefined && lhs.op !== 'name') visit(lhs);
          visit(rhs);
        });
        return;
      default:
        break;
    }
    const record = node as unknown as Record<string, unknown>;
    for (const key in record) {
      const child = record[key];
      if (child === null || typeof child !== 'object' || skipped.has(key)) continue;
      visit(child);
    }
  };
  visit(fn.body ?? []);

  for (const name of order) {
    const pending = definitions.get(name);
    if (pending === null || pending === undefined) continue;
    for (const dead of pending) {
      const statement = dead.statement;
      const removed = statement.rhs[dead.index];
      statement.lhs[dead.index] = undefined;
      statement.rhs[dead.index] = { op: 'literal', type: removed?.type ?? name.type, position: removed?.position ?? statement.position, text: '0' };
    }
  }
}

const skipped = new Set(['op', 'type', 'position', 'text', 'callee', 'method', 'func', 'variable', 'receiverParam', 'paramTypes', 'devirtualized']);

/**
 * Whether gc converts the value implicitly on its way into the variable (a name or function
 * literal of another type, as `f` given to a parameter of a named func type): the conversion
 * (OCONVNOP) counts as an effect, so the assignment stays.
 */
function convertsImplicitly(value: IrExpr, variable: IrName): boolean {
  return (value.op === 'name' || value.op === 'closure') && !value.type.untyped && value.type.text !== variable.type.text;
}
