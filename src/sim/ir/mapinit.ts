/**
 * gc moves a big package-level map initialisation into a function of its own (`map.init.0`,
 * so the linker can drop the map when nothing uses it): an assignment `X = value` of the
 * package initialisation where X has a map type, `value` has at least 20 IR nodes and nothing
 * in it has side effects. The moved assignment is analysed in that function, before the rest
 * of the initialisation (its lines come first). This reproduces the rule on the lowered IR;
 * where the node count is close to the threshold and depends on nodes the IR does not mirror
 * one for one (conversions), it says the case is not modelled.
 */
import type { Position } from '../api.ts';
import type { IrExpr, IrFile, IrFunc, IrStmt } from './ir.ts';

/** The node count from which gc outlines a map initialisation (`wrapGlobalMapInitSizeThreshold`). */
const outlineThreshold = 20;
/** How far from the threshold a count that may differ from gc's is still trusted. */
const uncertainMargin = 4;

/** Outlines the package initialisation's big map assignments; returns where a case is too close to call. */
export function outlineMapInits(file: IrFile): Position | undefined {
  const init = file.funcs.find((fn) => fn.name === 'init' && fn.closureParent === undefined);
  if (init?.body === undefined) return undefined;
  let count = 0;
  for (let index = 0; index < init.body.length; index++) {
    const statement = init.body[index] as IrStmt;
    if (statement.op !== 'assign' || statement.lhs.length !== 1 || statement.rhs.length !== 1) continue;
    const target = statement.lhs[0];
    const value = statement.rhs[0];
    if (target?.op !== 'name' || target.name.class !== 'global' || target.name.name.startsWith('.') || target.type.kind !== 'map' || value === undefined) continue;
    const measured = measure(value);
    if (measured.sideEffects) continue;
    const distance = measured.nodes - outlineThreshold;
    if (!measured.exact && Math.abs(distance + 0.5) <= uncertainMargin) return statement.position;
    if (distance < 0) continue;
    const fn: IrFunc = {
      name: `map.init.${count++}`,
      position: statement.position,
      params: [],
      results: [],
      declarations: [],
      body: [statement],
      closures: [],
      closureVariables: [],
      isGoDeferWrapper: false,
      noEscape: false,
      // gc never inlines it (that would undo the point of moving it).
      noInline: true,
    };
    file.funcs.splice(file.funcs.indexOf(init), 0, fn);
    const call: IrExpr = { op: 'call', type: value.type, callee: fn, args: [], paramTypes: [], resultCount: 0, position: statement.position, text: `${fn.name}()` };
    init.body[index] = { op: 'expr', x: call, position: statement.position, text: `${fn.name}()` };
  }
  return undefined;
}

/** gc's node count of an expression (`ir.Any`), whether it has side effects, and whether the count mirrors gc's exactly. */
function measure(value: IrExpr): { nodes: number; sideEffects: boolean; exact: boolean } {
  let nodes = 0;
  let sideEffects = false;
  let exact = true;
  const visit = (expr: IrExpr | undefined): void => {
    if (expr === undefined) return;
    nodes++;
    switch (expr.op) {
      case 'name':
      case 'literal':
      case 'nil':
        return;
      case 'convIface':
      case 'conv':
      case 'stringConv':
        if (expr.op === 'conv') exact = false;
        visit(expr.x);
        return;
      case 'addr':
      case 'dot':
        visit(expr.x);
        return;
      case 'unary':
        visit(expr.x);
        return;
      case 'binary':
        // Division may divide by zero unless by a (non-zero) constant.
        if ((expr.operator === '/' || expr.operator === '%') && expr.y.op !== 'literal') sideEffects = true;
        visit(expr.x);
        visit(expr.y);
        return;
      case 'addString':
      case 'new':
      case 'ptrLit':
        for (const arg of expr.args) visit(arg);
        return;
      case 'mapLit':
        // Each entry is a key node.
        nodes += expr.keys.length;
        expr.keys.forEach((key, index) => {
          visit(key);
          visit(expr.elements[index]);
        });
        return;
      case 'structLit':
        // Each field value sits in a key node.
        nodes += expr.elements.length;
        for (const element of expr.elements) visit(element);
        return;
      case 'arrayLit':
      case 'sliceLit':
        // Elements written with an index sit in key nodes.
        nodes += expr.keyedElements ?? 0;
        for (const element of expr.elements) visit(element);
        return;
      default:
        sideEffects = true;
    }
  };
  visit(value);
  return { nodes, sideEffects, exact };
}
