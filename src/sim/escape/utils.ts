/** Helpers of the escape walkers: forced heap allocation and self-assignment detection. */
import type { IrExpr } from '../ir/ir.ts';
import type { Location } from './graph.ts';

/** Largest explicitly declared variable kept on the stack (`ir.MaxStackVarSize`): 128 KiB since go1.24, 10 MiB before. */
export function maxStackVarSize(goMinor: number): number {
  return goMinor >= 24 ? 128 * 1024 : 10 * 1024 * 1024;
}

/** Largest implicit allocation (`new`, `&T{}`, `make`, closures) kept on the stack: 64 KiB. */
export const maxImplicitStackVarSize = 64 * 1024;

/** Pointer size and largest alignment a stack slot guarantees on amd64. */
const pointerSize = 8;

/**
 * Why a location must live in the heap whatever the flows say (gc's `HeapAllocReason`),
 * or `` when nothing forces it.
 */
export function heapAllocReason(location: Location, goMinor: number): string {
  const node = location.node;
  if (node === undefined) return '';
  if (node.kind === 'name') {
    const name = node.name;
    if (name.class === 'param' || name.class === 'result') return '';
    if (name.type.size > maxStackVarSize(goMinor)) return 'too large for stack';
    if (name.type.align > pointerSize) return 'too aligned for stack';
    return '';
  }
  const expr = node.expr;
  if (expr.type.size > maxStackVarSize(goMinor)) return 'too large for stack';
  if (expr.type.align > pointerSize) return 'too aligned for stack';
  if (expr.op === 'new' || expr.op === 'ptrLit') {
    const elem = expr.type.elem;
    if (elem !== undefined && elem.size > maxImplicitStackVarSize) return 'too large for stack';
    if (elem !== undefined && elem.align > pointerSize) return 'too aligned for stack';
  }
  if (expr.op === 'closure' && expr.closureSize > maxImplicitStackVarSize) return 'too large for stack';
  // A method value's closure holds the function and a copy of the receiver.
  if (expr.op === 'methodValue' && Math.ceil((pointerSize + expr.x.type.size) / pointerSize) * pointerSize > maxImplicitStackVarSize) return 'too large for stack';
  if (expr.op === 'makeSlice') {
    const elem = expr.type.elem;
    if (elem === undefined) return '';
    if (goMinor >= 25 && elem.size === 0) return 'zero-sized element';
    if (expr.constantCount === undefined) return goMinor >= 25 ? '' : 'non-constant size';
    if (elem.size > 0 && expr.constantCount > Math.floor(maxImplicitStackVarSize / elem.size)) return 'too large for stack';
  }
  return '';
}

/**
 * Whether `dst = src` only moves pointers within one object (`b.buf = b.buf[1:]`,
 * `x.a = x.b`), so it cannot make anything escape (gc's `isSelfAssign`).
 */
export function isSelfAssign(dst: IrExpr, src: IrExpr): boolean {
  if (isSliceSelfAssign(dst, src)) return true;
  if (dst.op !== src.op) return false;
  if ((dst.op === 'dot' || dst.op === 'dotPtr') && (src.op === 'dot' || src.op === 'dotPtr')) {
    return sameSafeExpr(dst.x, src.x);
  }
  if (dst.op === 'index' && src.op === 'index') {
    if (mayAffectMemory(dst.index) || mayAffectMemory(src.index)) return false;
    return sameSafeExpr(dst.x, src.x);
  }
  return false;
}

function isSliceSelfAssign(dst: IrExpr, src: IrExpr): boolean {
  let dstBase: IrExpr;
  if (dst.op === 'deref' || dst.op === 'dotPtr') dstBase = dst.x;
  else return false;
  if (dstBase.op !== 'name') return false;
  if (src.op !== 'slice') return false;
  // Slicing an array through `&array` is not a self-assignment.
  if (src.x.op === 'addr') return false;
  const base = src.x;
  let baseX: IrExpr;
  if (base.op === 'deref' || base.op === 'dotPtr') baseX = base.x;
  else return false;
  return baseX.op === 'name' && baseX.name === dstBase.name;
}

/** Whether two expressions denote the same storage without side effects (gc's `ir.SameSafeExpr`). */
function sameSafeExpr(left: IrExpr, right: IrExpr): boolean {
  if (left.op !== right.op) return false;
  switch (left.op) {
    case 'name':
      return right.op === 'name' && left.name === right.name;
    case 'dot':
    case 'dotPtr':
      return (right.op === 'dot' || right.op === 'dotPtr') && left.field === right.field && sameSafeExpr(left.x, right.x);
    case 'deref':
      return right.op === 'deref' && sameSafeExpr(left.x, right.x);
    case 'conv':
      return right.op === 'conv' && left.type.text === right.type.text && sameSafeExpr(left.x, right.x);
    case 'index':
      return right.op === 'index' && sameSafeExpr(left.x, right.x) && sameSafeExpr(left.index, right.index);
    case 'literal':
      return right.op === 'literal' && left.text === right.text;
    default:
      return false;
  }
}

function mayAffectMemory(n: IrExpr): boolean {
  switch (n.op) {
    case 'name':
    case 'literal':
    case 'nil':
      return false;
    case 'binary':
      return mayAffectMemory(n.x) || mayAffectMemory(n.y);
    case 'index':
      return mayAffectMemory(n.x) || mayAffectMemory(n.index);
    case 'conv':
      return mayAffectMemory(n.x);
    case 'unary':
      return mayAffectMemory(n.x);
    case 'builtin':
      return !(n.builtin === 'len' || n.builtin === 'cap') || n.args.some(mayAffectMemory);
    case 'dot':
    case 'dotPtr':
    case 'deref':
      return mayAffectMemory(n.x);
    default:
      return true;
  }
}
