/** Generic traversal of IR statements and expressions (not into nested closures' bodies). */
import type { IrExpr, IrStmt } from './ir.ts';

/** Properties of IR nodes that are not child nodes (types, positions, names, callees, closures). */
const nonChildKeys = new Set([
  'op', 'type', 'position', 'text', 'name', 'callee', 'method', 'func', 'variable', 'receiverParam', 'paramTypes',
  'label', 'field', 'why', 'compound', 'explicit', 'stringToBytes', 'builtin', 'spread', 'constantCount', 'closureSize',
  'resultCount', 'operator', 'overArray', 'defines', 'typeSwitch', 'bindsVariable',
]);

/**
 * Calls `visit` for every statement and expression under `roots`, with the node it is part of
 * (undefined at the top); a closure is visited but not entered.
 */
export function visitIr(roots: (IrStmt | IrExpr)[], visit: (node: IrStmt | IrExpr, parent: IrStmt | IrExpr | undefined) => void): void {
  const walkValue = (value: unknown, parent: IrStmt | IrExpr | undefined): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) walkValue(item, parent);
      return;
    }
    const record = value as Record<string, unknown>;
    const isNode = typeof record.op === 'string';
    if (isNode) visit(value as IrStmt | IrExpr, parent);
    if (record.op === 'closure') return;
    for (const key in record) {
      const child = record[key];
      if (child === null || typeof child !== 'object' || nonChildKeys.has(key)) continue;
      walkValue(child, isNode ? (value as IrStmt | IrExpr) : parent);
    }
  };
  walkValue(roots, undefined);
}
