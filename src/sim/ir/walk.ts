/** Generic traversal of IR statements and expressions (not into nested closures' bodies). */
import type { IrExpr, IrStmt } from './ir.ts';

/** Properties of IR nodes that are not child nodes (types, positions, names, callees, closures). */
const nonChildKeys = new Set([
  'op', 'type', 'position', 'text', 'name', 'callee', 'method', 'func', 'variable', 'receiverParam', 'paramTypes',
  'label', 'field', 'why', 'compound', 'explicit', 'stringToBytes', 'builtin', 'spread', 'constantCount', 'closureSize',
  'resultCount', 'operator', 'overArray', 'defines', 'typeSwitch', 'bindsVariable',
]);

/** Calls `visit` for every statement and expression under `roots`; a closure is visited but not entered. */
export function visitIr(roots: (IrStmt | IrExpr)[], visit: (node: IrStmt | IrExpr) => void): void {
  const walkValue = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) walkValue(item);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.op === 'string') visit(value as IrStmt | IrExpr);
    if (record.op === 'closure') return;
    for (const key in record) {
      if (nonChildKeys.has(key)) continue;
      walkValue(record[key]);
    }
  };
  walkValue(roots);
}
