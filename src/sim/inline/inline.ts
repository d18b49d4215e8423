/**
 * gc's inliner, for the escape analysis that follows it: which functions can be inlined (a
 * cost model with budget 80, and the constructs that forbid inlining), and the rewriting of
 * each inlinable static call into the callee's body, so escape analysis sees the body in the
 * caller (reported at the outermost call site). Also the devirtualization lines, which gc
 * prints from the same pass.
 */
import type { Position } from '../api.ts';
import type { CallExpr, IrExpr, IrFile, IrFunc, IrName, IrStmt } from '../ir/ir.ts';
import { visitIr } from '../ir/walk.ts';
import { isClosure, visitFuncsBottomUp } from '../escape/escape.ts';

/** The most a function may cost to be inlined (`inlineMaxBudget`). */
export const inlineMaxBudget = 80;
/** What a call of a function that is not inlined costs (`inlineExtraCallCost`). */
const inlineExtraCallCost = 57;
/** Extra cost of `panic` (`inlineExtraPanicCost`). */
const inlineExtraPanicCost = 1;

/** A message of the pass, in emission order. */
export interface InlineMessage {
  /** Where gc reports it. */
  position: Position;
  /** `can inline f`, `inlining call to f`, `devirtualizing x.M to T`. */
  message: string;
}

/** Why the inliner cannot model a file (it then says so instead of guessing). */
export class InlineNotModeled extends Error {
  /** Where. */
  readonly position: Position;
  constructor(position: Position, what: string) {
    super(what);
    this.position = position;
  }
}

/** Options of the pass. */
export interface InlineOptions {
  /** False with `-l`: no inlining, only devirtualization messages. */
  enabled: boolean;
  /** Whether a function of another package can be inlined (its body is then unknown to us). */
  isInlinableExternal: (fn: IrFunc) => boolean;
}

/** Runs the pass over the file, rewriting calls in place; returns the messages gc prints. */
export function inlinePackage(file: IrFile, options: InlineOptions): InlineMessage[] {
  const messages: InlineMessage[] = [];
  const components: IrFunc[][] = [];
  visitFuncsBottomUp(file.funcs, (list) => components.push(list));
  const costs = new Map<IrFunc, number>();
  const savedBodies = new Map<IrFunc, IrStmt[]>();
  if (options.enabled) {
    for (const list of components) {
      for (const fn of list) {
        // The package initialisation function is never inlined.
        if (fn.name === 'init' && fn.closureParent === undefined) continue;
        const cost = inlineCost(fn, costs, options);
        if (cost !== undefined && cost <= inlineMaxBudget) {
          costs.set(fn, cost);
          // The body as it is before calls are inlined into it: what gets copied into callers.
          savedBodies.set(fn, clone(fn.body ?? [], new Map(), undefined) as IrStmt[]);
          messages.push({ position: fn.position, message: `can inline ${fn.name}` });
        }
      }
    }
  }
  for (const list of components) {
    for (const fn of list) {
      // Calls are inlined level by level: first those of the body, then those of the bodies
      // just inlined (gc repeats its pass until nothing changes).
      let level: { body: IrStmt[]; outermost: Position | undefined; chain: IrFunc[] }[] = [{ body: fn.body ?? [], outermost: undefined, chain: [] }];
      while (level.length > 0) {
        const next: typeof level = [];
        for (const item of level) rewrite(item.body, fn, item.outermost, item.chain, next);
        level = next;
      }
    }
  }
  return messages;

  function rewrite(
    body: IrStmt[],
    caller: IrFunc,
    outermost: Position | undefined,
    chain: IrFunc[],
    next: { body: IrStmt[]; outermost: Position | undefined; chain: IrFunc[] }[],
  ): void {
    visitAndReplace(body, (call) => {
      if (call.devirtualized !== undefined) messages.push({ position: outermost ?? call.position, message: call.devirtualized });
      const callee = call.callee;
      if (!options.enabled || callee === undefined || caller.isGoDeferWrapper) return undefined;
      if (callee.body === undefined) {
        if (options.isInlinableExternal(callee)) throw new InlineNotModeled(call.position, `inlining of ${callee.name}`);
        return undefined;
      }
      const saved = savedBodies.get(callee);
      // A function is not inlined into its own inlined copy (one level of recursion at most).
      if (saved === undefined || chain.includes(callee)) return undefined;
      const position = outermost ?? call.position;
      messages.push({ position, message: `inlining call to ${callee.name}` });
      const inlined = inlineCall(call, callee, saved, caller, position);
      next.push({ body: inlined.body, outermost: position, chain: [...chain, callee] });
      return inlined;
    });
  }
}

/**
 * The "hairiness" of a function: one per IR node, plus the cost of calls. Undefined when
 * something forbids inlining (go, defer, recover, closures, unknown externals).
 */
function inlineCost(fn: IrFunc, costs: Map<IrFunc, number>, options: InlineOptions): number | undefined {
  if (fn.body === undefined || fn.isGoDeferWrapper || fn.noInline === true) return undefined;
  let cost = 0;
  let blocked = false;
  visitIr(fn.body, (node) => {
    switch (node.op) {
      case 'go':
      case 'defer':
      case 'closure':
        blocked = true;
        return;
      case 'block':
        return;
      case 'conv':
        return;
      case 'builtin':
        if (node.builtin === 'recover') blocked = true;
        if (node.builtin === 'panic') cost += inlineExtraPanicCost;
        cost++;
        return;
      case 'call': {
        cost++;
        const callee = node.callee;
        const calleeCost = callee === undefined ? undefined : costs.get(callee);
        if (calleeCost !== undefined) cost += calleeCost;
        else if (callee !== undefined && callee.body === undefined && options.isInlinableExternal(callee)) blocked = true;
        else cost += inlineExtraCallCost;
        return;
      }
      case 'decl':
        return;
      default:
        cost++;
    }
  });
  return blocked ? undefined : cost;
}

/** Visits every call in `body` (pre-order); a call the callback replaces is not entered again. */
function visitAndReplace(body: IrStmt[], replace: (call: CallExpr) => IrExpr | undefined): void {
  const walk = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) value[index] = walk(value[index]);
      return value;
    }
    const record = value as Record<string, unknown>;
    if (record.op === 'closure') return value;
    if (record.op === 'call') {
      const replaced = replace(value as CallExpr);
      if (replaced !== undefined) return replaced;
    }
    for (const key in record) {
      if (skippedKeys.has(key)) continue;
      const before = record[key];
      record[key] = walk(before);
      const after = record[key] as { op?: string; text?: string; returnVariables?: IrExpr[] };
      // A conversion of an inlined call now converts the call's result variable, and prints it.
      if (key === 'x' && after !== before && after.op === 'inlinedCall' && typeof record.text === 'string') {
        const result = after.returnVariables?.[0];
        if (result !== undefined && after.returnVariables?.length === 1) record.text = record.text.replace(after.text ?? '', result.text);
      }
    }
    return value;
  };
  walk(body);
}

const skippedKeys = new Set(['type', 'position', 'text', 'name', 'callee', 'method', 'func', 'variable', 'receiverParam', 'paramTypes', 'devirtualized']);

/** The inlined form of `call`: parameters assigned from the arguments, the body, the result variables. */
function inlineCall(call: CallExpr, callee: IrFunc, savedBody: IrStmt[], caller: IrFunc, position: Position): Extract<IrExpr, { op: 'inlinedCall' }> {
  const names = new Map<IrName, IrName>();
  const fresh = (name: IrName, printed = name.name): IrName => {
    const copy: IrName = { name: printed, class: 'local', position, type: name.type, fn: caller };
    names.set(name, copy);
    caller.declarations.push(copy);
    return copy;
  };
  const params = callee.params.map((param) => (param.name === undefined ? undefined : fresh(param.name)));
  const results = callee.results.map((result) => fresh(result));
  for (const name of [...callee.declarations]) if (!names.has(name)) fresh(name);
  const nameExpr = (name: IrName): IrExpr => ({ op: 'name', name, type: name.type, position, text: name.name });
  const body: IrStmt[] = [];
  const args: IrExpr[] = [...(call.receiver !== undefined ? [call.receiver] : []), ...call.args];
  const lhs: (IrExpr | undefined)[] = [];
  const rhs: IrExpr[] = [];
  params.forEach((param, index) => {
    const arg = args[index];
    if (arg === undefined) return;
    if (param !== undefined) body.push({ op: 'decl', name: param, position, text: '' });
    lhs.push(param === undefined ? undefined : nameExpr(param));
    rhs.push(arg);
  });
  for (const result of results) body.push({ op: 'decl', name: result, position, text: '' });
  if (lhs.length > 0) {
    const assign: IrStmt = { op: 'assign', why: lhs.length > 1 ? 'assign-pair' : 'assign', lhs, rhs, compound: false, position, text: '' };
    for (const param of params) if (param !== undefined) param.definedBy = assign;
    body.push(assign);
  }
  if (callee.hasGoto === true) caller.hasGoto = true;
  const copied = clone(savedBody, names, position) as IrStmt[];
  body.push(...replaceReturns(copied, results.map(nameExpr), position));
  return { op: 'inlinedCall', type: call.type, body, returnVariables: results.map(nameExpr), position, text: call.text };
}

/** A deep copy of IR with names renamed and every position moved to the call site. */
function clone(value: unknown, names: Map<IrName, IrName>, position: Position | undefined): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => clone(item, names, position));
  const record = value as Record<string, unknown>;
  if (record.op === 'closure' && position !== undefined) throw new InlineNotModeled(position, 'inlining a function that contains a function literal');
  if (record.op === 'closure') return value;
  const copy: Record<string, unknown> = {};
  for (const key in record) {
    const field = record[key];
    if (key === 'position' && position !== undefined) copy[key] = position;
    else if ((key === 'name' || key === 'variable') && typeof field === 'object' && field !== null) copy[key] = names.get(field as IrName) ?? field;
    else if (skippedKeys.has(key)) copy[key] = field;
    else copy[key] = clone(field, names, position);
  }
  return copy;
}

/** Inlined `return x` becomes an assignment to the result variables. */
function replaceReturns(body: IrStmt[], results: IrExpr[], position: Position): IrStmt[] {
  const walk = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(walk);
    const record = value as Record<string, unknown>;
    if (record.op === 'return') {
      const values = record.results as IrExpr[];
      if (values.length === 0) return { op: 'block', list: [], position, text: '' };
      return { op: 'assign', why: values.length > 1 ? 'assign-pair' : 'assign', lhs: results, rhs: values, compound: false, position, text: '' };
    }
    for (const key in record) {
      if (skippedKeys.has(key)) continue;
      record[key] = walk(record[key]);
    }
    return value;
  };
  return walk(body) as IrStmt[];
}
