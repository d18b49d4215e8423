/**
 * What actually allocates at run time, from the escape verdicts: an escaping site allocates
 * unless the runtime has a shortcut for it (constants, zero-size values, bools and single
 * bytes, pointer-shaped values boxed into interfaces need no allocation), and its bytes are
 * rounded up to the malloc size class. Per function, allocations of a call add up those of
 * its own sites and of the functions it calls statically.
 */
import type { ConvExpr, IrFile, IrFunc } from '../ir/ir.ts';
import { visitIr } from '../ir/walk.ts';
import type { Analysis, SiteVerdict } from '../escape/escape.ts';
import { allocationSize } from './size-classes.ts';

/** What one site allocates per evaluation. */
export interface SiteAllocation {
  /** Whether it allocates on the heap at all. */
  allocates: boolean;
  /** Bytes per evaluation after size-class rounding, when known. */
  bytes?: number;
  /** Whether the figures are exact (false when they depend on run-time values). */
  exact: boolean;
}

/** Heap allocations of one function per call. */
export interface FunctionAllocations {
  /** The function. */
  fn: IrFunc;
  /** Allocations per call. */
  allocations: number;
  /** Bytes per call. */
  bytes: number;
  /** False when the figures are a lower bound (loops, run-time sizes, unknown callees). */
  exact: boolean;
}

/** What a verdict's site allocates at run time. */
export function siteAllocation(verdict: SiteVerdict, goMinor: number): SiteAllocation {
  const node = verdict.node;
  if (!verdict.escapes) {
    // Some sites stay off the heap only while they are small: a stack buffer of 32 bytes for
    // variable-size make, append, string building and conversions; maps grow into the heap.
    const growable =
      node.kind === 'expr' &&
      ((node.expr.op === 'makeSlice' && node.expr.constantCount === undefined) ||
        node.expr.op === 'builtin' ||
        node.expr.op === 'addString' ||
        node.expr.op === 'stringConv' ||
        node.expr.op === 'makeMap' ||
        node.expr.op === 'mapLit');
    return { allocates: false, bytes: 0, exact: !growable };
  }
  const bytes = (size: number, hasPointers: boolean) => allocationSize(size, hasPointers, goMinor);
  if (node.kind === 'name') {
    const type = node.name.type;
    return { allocates: type.size > 0, bytes: bytes(type.size, type.hasPointers), exact: true };
  }
  const expr = node.expr;
  switch (expr.op) {
    case 'new':
    case 'ptrLit': {
      const elem = expr.type.elem;
      if (elem === undefined) return { allocates: true, exact: false };
      return { allocates: elem.size > 0, bytes: bytes(elem.size, elem.hasPointers), exact: true };
    }
    case 'sliceLit': {
      const elem = expr.type.elem;
      if (elem === undefined) return { allocates: true, exact: false };
      const size = elem.size * expr.elements.length;
      return { allocates: size > 0, bytes: bytes(size, elem.hasPointers), exact: true };
    }
    case 'makeSlice': {
      const elem = expr.type.elem;
      if (elem === undefined || expr.constantCount === undefined) return { allocates: true, exact: false };
      const size = elem.size * expr.constantCount;
      return { allocates: size > 0, bytes: bytes(size, elem.hasPointers), exact: true };
    }
    case 'convIface':
      return boxing(expr, goMinor);
    case 'closure': {
      if (expr.func.closureVariables.length === 0) return { allocates: false, bytes: 0, exact: true };
      return { allocates: true, bytes: bytes(expr.closureSize, true), exact: true };
    }
    case 'methodValue':
      return { allocates: true, bytes: bytes(16, true), exact: true };
    case 'stdValue':
      // Made inside an inlined std body: a constant (a panic's message) is static data; anything
      // else may allocate on some path, with a size the body decides.
      if (expr.text.startsWith('"')) return { allocates: false, bytes: 0, exact: true };
      return { allocates: true, exact: false };
    default:
      // Maps, strings, conversions and append backing stores depend on run-time sizes.
      return { allocates: true, exact: false };
  }
}

/** Boxing a value into an interface: which conversions the runtime serves without allocating. */
function boxing(expr: ConvExpr, goMinor: number): SiteAllocation {
  const operand = expr.x;
  const type = operand.type;
  if (type.kind === 'interface' || type.directIface) return { allocates: false, bytes: 0, exact: true };
  if (operand.op === 'literal' || operand.op === 'nil') return { allocates: false, bytes: 0, exact: true };
  if (type.size === 0) return { allocates: false, bytes: 0, exact: true };
  if ((type.kind === 'bool' || type.kind === 'integer') && type.size === 1) return { allocates: false, bytes: 0, exact: true };
  if (type.kind === 'integer' || type.kind === 'string') {
    // Small integers (< 256) and empty strings share static storage: whether this allocates
    // is known only at run time, so it counts as a possible, not a certain, allocation.
    return { allocates: false, exact: false };
  }
  return { allocates: true, bytes: allocationSize(type.size, type.hasPointers, goMinor), exact: true };
}

/** Per-function heap allocations per call, in source order. */
export function functionAllocations(analysis: Analysis, file: IrFile): FunctionAllocations[] {
  const goMinor = analysis.options.goMinor;
  const own = new Map<IrFunc, FunctionAllocations>();
  const inLoop = loopSites(file);
  for (const verdict of analysis.verdicts) {
    const owner = outermost(verdict.fn);
    let entry = own.get(owner);
    if (entry === undefined) {
      entry = { fn: owner, allocations: 0, bytes: 0, exact: true };
      own.set(owner, entry);
    }
    const site = siteAllocation(verdict, goMinor);
    if (!site.exact) entry.exact = false;
    if (!site.allocates) continue;
    entry.allocations++;
    entry.bytes += site.bytes ?? 0;
    if (!site.exact || site.bytes === undefined) entry.exact = false;
    const node = verdict.node.kind === 'name' ? verdict.node.name : verdict.node.expr;
    if (inLoop.has(node) || verdict.fn !== owner) entry.exact = false;
  }
  const result: FunctionAllocations[] = [];
  const totals = new Map<IrFunc, FunctionAllocations>();
  const total = (fn: IrFunc, visiting: Set<IrFunc>): FunctionAllocations => {
    const known = totals.get(fn);
    if (known !== undefined) return known;
    const base = own.get(fn) ?? { fn, allocations: 0, bytes: 0, exact: true };
    const sum: FunctionAllocations = { ...base };
    if (visiting.has(fn)) return { ...sum, exact: false };
    // A call gc may inline can remove allocations of both functions: with inlining on (as
    // programs are built), nothing but zero is a safe bound.
    let callsFunctionWithBody = false;
    const calls: (IrFunc | undefined)[] = [];
    visitIr(fn.body ?? [], (node) => {
      if (node.op === 'call') {
        if (node.callee?.body !== undefined && node.callee !== fn) callsFunctionWithBody = true;
        calls.push(node.callee);
      }
      // A map store may grow the map or box a large value: run-time dependent.
      if (node.op === 'assign' && node.lhs.some((lhs) => lhs?.op === 'indexMap')) sum.exact = false;
    });
    if (callsFunctionWithBody) {
      const unknown = { fn, allocations: 0, bytes: 0, exact: false };
      totals.set(fn, unknown);
      return unknown;
    }
    visiting.add(fn);
    for (const called of calls) {
      if (called?.body === undefined) {
        sum.exact = false;
        continue;
      }
      const callee = total(called, visiting);
      sum.allocations += callee.allocations;
      sum.bytes += callee.bytes;
      if (!callee.exact) sum.exact = false;
    }
    visiting.delete(fn);
    totals.set(fn, sum);
    return sum;
  };
  for (const fn of file.funcs) result.push(total(fn, new Set()));
  return result;
}

function outermost(fn: IrFunc): IrFunc {
  let current = fn;
  while (current.closureParent !== undefined) current = current.closureParent;
  return current;
}

/** Names and expressions that sit inside a loop (their count per call depends on iterations). */
function loopSites(file: IrFile): Set<unknown> {
  const inside = new Set<unknown>();
  const markAll = (roots: Parameters<typeof visitIr>[0]) =>
    visitIr(roots, (node) => {
      inside.add(node);
      if (node.op === 'decl') inside.add(node.name);
    });
  const visitFunc = (fn: IrFunc): void => {
    visitIr(fn.body ?? [], (node) => {
      // A loop inside a loop's body is already marked.
      if ((node.op === 'for' || node.op === 'range') && !inside.has(node)) markAll(node.body);
    });
    for (const closure of fn.closures) visitFunc(closure);
  };
  for (const fn of file.funcs) visitFunc(fn);
  return inside;
}
