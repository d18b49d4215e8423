/** Generic traversal of IR statements and expressions (not into nested closures' bodies). */
import type { IrExpr, IrStmt } from './ir.ts';

type Node = IrStmt | IrExpr;
type Visit = (node: Node, parent: Node | undefined) => void;

/**
 * The properties of each kind of node that hold child nodes, in the order they are visited
 * (gc's: operands before arguments, a statement's parts in source order). Types, positions,
 * names, callees and closures' bodies are not children.
 */
export const childKeys: Record<string, readonly string[]> = {
  withInit: ['init', 'x'],
  name: [], literal: [], nil: [], methodExpr: [], closure: [],
  unary: ['x'], receive: ['x'],
  binary: ['x', 'y'],
  addr: ['x'], deref: ['x'], dot: ['x'], dotPtr: ['x'], dotType: ['x'],
  index: ['x', 'index'], indexMap: ['x', 'index'],
  slice: ['x', 'low', 'high', 'max'],
  conv: ['x'], convIface: ['x'], stringConv: ['x'], sliceToArray: ['x'], sliceToArrayPtr: ['x'], uintptrToPointer: ['x'],
  call: ['args', 'fun', 'interfaceReceiver', 'receiver'],
  builtin: ['args'],
  new: ['args'], makeSlice: ['args'], makeMap: ['args'], makeChan: ['args'], addString: ['args'], ptrLit: ['args'], stdValue: ['args'],
  arrayLit: ['elements', 'keys'], sliceLit: ['elements', 'keys'], structLit: ['elements', 'keys'], mapLit: ['elements', 'keys'],
  methodValue: ['x'],
  inlinedCall: ['body', 'returnVariables'],
  block: ['list'],
  decl: [], label: [], goto: [], break: [], continue: [], fallthrough: [],
  if: ['init', 'cond', 'body', 'else'],
  for: ['init', 'cond', 'post', 'body'],
  range: ['init', 'x', 'key', 'value', 'body'],
  switch: ['init', 'tag', 'cases'],
  select: ['cases'],
  send: ['chan', 'value'],
  assign: ['lhs', 'rhs'],
  assignCall: ['lhs', 'call'],
  return: ['results'],
  expr: ['x'],
  go: ['fun'], defer: ['fun'],
};

/** The parts of a switch or select clause, which is not a node itself. */
export const clauseKeys = ['list', 'comm', 'body'] as const;

function walkList(list: readonly unknown[], parent: Node | undefined, visit: Visit): void {
  for (const item of list) {
    if (item !== undefined && item !== null) walkNode(item as Node, parent, visit);
  }
}

function walkNode(node: Node, parent: Node | undefined, visit: Visit): void {
  visit(node, parent);
  const keys = childKeys[node.op];
  if (keys === undefined) throw new Error(`visitIr: unknown node ${node.op}`);
  const record = node as unknown as Record<string, unknown>;
  for (const key of keys) {
    const child = record[key];
    if (child === undefined || child === null) continue;
    if (Array.isArray(child)) {
      if (key === 'cases') {
        for (const clause of child as Record<string, unknown>[]) {
          for (const part of clauseKeys) {
            const value = clause[part];
            if (Array.isArray(value)) walkList(value, node, visit);
            else if (value !== undefined && value !== null) walkNode(value as Node, node, visit);
          }
        }
      } else {
        walkList(child, node, visit);
      }
    } else {
      walkNode(child as Node, node, visit);
    }
  }
}

/**
 * Calls `visit` for every statement and expression under `roots`, with the node it is part of
 * (undefined at the top); a closure is visited but not entered.
 */
export function visitIr(roots: readonly Node[], visit: Visit): void {
  walkList(roots, undefined, visit);
}
