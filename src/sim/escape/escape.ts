/**
 * Escape analysis of one file: functions are analysed in batches (strongly connected
 * components of the call graph, callees first), each batch builds a graph, solves it, tags
 * its parameters and reports, in gc's words and order. See README.md.
 */
import type { Position } from '../api.ts';
import type { ClosureExpr, IrFile, IrFunc, IrName, IrParam, IrStmt } from '../ir/ir.ts';
import { attrAll, attrCalls, attrEscapes, attrMutates, attrPersists, Hole, Location, type LocationNode } from './graph.ts';
import { Leaks, numEscResults } from './leaks.ts';
import { Report } from './report.ts';
import { explainEscape, explainFlow, walkAll } from './solve.ts';
import { block } from './stmt.ts';
import { heapAllocReason } from './utils.ts';
import { visitIr } from '../ir/walk.ts';

/** Options of one analysis run. */
export interface EscapeOptions {
  /** `-m` level: 1 prints decisions, 2 adds explanations. */
  m: 1 | 2;
  /** Go minor version modelled (26 for go1.26). */
  goMinor: number;
  /** File name printed in positions. */
  fileName: string;
  /** `-d=escapemutationscalls`. */
  escapeMutationsCalls?: boolean;
}

/** Where a function is in the analysis (gc's `escFunc*`). */
type FuncPhase = 'unknown' | 'planned' | 'started' | 'tagged';

/** Per-function state that outlives one batch. */
export interface FuncState {
  /** Analysis phase. */
  phase: FuncPhase;
  /** Whether a call of this closure may lose its results to an unknown caller. */
  closureResultsLost: boolean;
}

/** One allocation site or variable and its verdict, for the structured report. */
export interface SiteVerdict {
  /** The location's node. */
  node: LocationNode;
  /** The function it belongs to. */
  fn: IrFunc;
  /** Whether it escapes. */
  escapes: boolean;
  /** The shortest chain from the location to the heap, when it escapes (explanation lines without positions). */
  reason: string[];
}

/** The whole run: shared state across batches and the output. */
export class Analysis {
  /** Options. */
  readonly options: EscapeOptions;
  /** Output lines. */
  readonly report: Report;
  /** Per-function state. */
  readonly states = new Map<IrFunc, FuncState>();
  /** Leak tags of analysed parameters. */
  readonly tags = new Map<IrParam, string>();
  /** Verdicts of every reported location, in report order. */
  readonly verdicts: SiteVerdict[] = [];

  constructor(options: EscapeOptions) {
    this.options = options;
    this.report = new Report(options.fileName);
  }

  /** The state of `fn`, created on first use. */
  state(fn: IrFunc): FuncState {
    let state = this.states.get(fn);
    if (state === undefined) {
      state = { phase: 'unknown', closureResultsLost: false };
      this.states.set(fn, state);
    }
    return state;
  }

  /** The leak tag of a parameter: analysed ones from this run, others from their recorded tag. */
  tagOf(param: IrParam): string {
    return this.tags.get(param) ?? param.tag ?? '';
  }
}

/** Analyses every function of the file, bottom-up, and returns the run with its report. */
export function escapeFile(file: IrFile, options: EscapeOptions, before: { position: Position; message: string }[] = []): Analysis {
  const analysis = new Analysis(options);
  // Lines of the passes before escape analysis (inlining, devirtualization) come first.
  for (const line of before) analysis.report.warn(line.position, line.message);
  // Function literals that capture nothing are functions of their own: analysed even when
  // every use of them was inlined away.
  const roots: IrFunc[] = [];
  const addWithLiterals = (fn: IrFunc): void => {
    roots.push(fn);
    for (const closure of fn.closures) addWithLiterals(closure);
  };
  for (const fn of file.funcs) addWithLiterals(fn);
  visitFuncsBottomUp(roots, (list) => new Batch(analysis, list).run());
  return analysis;
}

/** The functions `fn` refers to (calls, method values, function names) and its closures, in walk order. */
export type References = (fn: IrFunc) => IrFunc[];

/**
 * Calls `analyze` on each strongly connected component of the reference graph, callees
 * first (Tarjan's algorithm, as gc's `ir.VisitFuncsBottomUp`). Closures belong to the
 * component of the function that contains them.
 */
export function visitFuncsBottomUp(funcs: IrFunc[], analyze: (list: IrFunc[]) => void): void {
  const ids = new Map<IrFunc, number>();
  const stack: IrFunc[] = [];
  let generation = 0;
  const done = 0xffffffff;
  const visit = (fn: IrFunc): number => {
    const known = ids.get(fn);
    if (known !== undefined && known > 0) return known;
    generation++;
    const id = generation;
    ids.set(fn, id);
    generation++;
    let min = generation;
    stack.push(fn);
    for (const referenced of referencedFuncs(fn)) {
      const m = visit(referenced);
      if (m < min) min = m;
    }
    if ((min === id || min === id + 1) && !isClosure(fn)) {
      let index = stack.length - 1;
      for (; index >= 0; index--) {
        const member = stack[index];
        if (member === undefined) break;
        ids.set(member, done);
        if (member === fn) break;
      }
      const component = stack.slice(index);
      stack.length = index;
      analyze(component);
    }
    return min;
  };
  for (const fn of funcs) {
    if (!isClosure(fn)) visit(fn);
  }
}

/**
 * Whether `fn` is a closure in gc's sense: a function literal that captures something. A
 * literal that captures nothing is analysed like a declared function, in its own batch.
 */
export function isClosure(fn: IrFunc): boolean {
  return fn.closureParent !== undefined && fn.closureVariables.length > 0;
}

/** Functions with bodies that `fn`'s body refers to, and its closures, in walk order. */
function referencedFuncs(fn: IrFunc): IrFunc[] {
  const found: IrFunc[] = [];
  visitIr(fn.body ?? [], (node) => {
    if (node.op === 'name') {
      if (node.name.class === 'func' && node.name.func?.body !== undefined) found.push(node.name.func);
    } else if (node.op === 'closure') {
      found.push(node.func);
    } else if (node.op === 'call' || node.op === 'methodValue') {
      const callee = node.op === 'call' ? node.callee : node.method;
      if (callee?.body !== undefined) found.push(callee);
    }
  });
  return found;
}

/** The functions analysed together, and their graph. */
export class Batch {
  /** The run this batch belongs to. */
  readonly analysis: Analysis;
  /** The functions of the batch (closures included), in gc's order. */
  readonly funcs: IrFunc[];
  /** Every location, in creation order (the order of the final report). */
  readonly allLocations: Location[] = [];
  /** Closures met while walking, with the hole their value flows to; resolved after the walk. */
  readonly closures: { hole: Hole; closure: IrFunc; expr: ClosureExpr }[] = [];
  /** The heap: anything that outlives every frame. */
  readonly heapLocation = pseudo('{heap}', attrAll);
  /** Stores through a pointer. */
  readonly mutatorLocation = pseudo('{mutator}', attrMutates);
  /** Calls through a function value. */
  readonly calleeLocation = pseudo('{callee}', attrCalls);
  /** Discarded values. */
  readonly blankLocation = pseudo('{blank}', 0);
  /** Location of each variable of the batch. */
  readonly nameLocations = new Map<IrName, Location>();
  /** Whether `-m=2` explanations are printed. */
  readonly explain: boolean;
  /** The report shared by the run. */
  readonly report: Report;

  constructor(analysis: Analysis, funcs: IrFunc[]) {
    this.analysis = analysis;
    this.funcs = funcs;
    this.explain = analysis.options.m >= 2;
    this.report = analysis.report;
  }

  /** The run's Go minor version. */
  get goMinor(): number {
    return this.analysis.options.goMinor;
  }

  /** The per-function state. */
  state(fn: IrFunc): FuncState {
    return this.analysis.state(fn);
  }

  /** Whether calls of closure `fn` may lose its results. */
  closureResultsLost(fn: IrFunc): boolean {
    return this.analysis.state(fn).closureResultsLost;
  }

  /** Whether `fn` is being analysed in this batch (its parameters are not tagged yet). */
  inMutualBatch(fn: IrFunc): boolean {
    const phase = this.analysis.state(fn).phase;
    return phase === 'planned' || phase === 'started';
  }

  /** Builds, solves and reports. */
  run(): void {
    for (const fn of this.funcs) this.initFunc(fn);
    for (const fn of this.funcs) {
      if (!isClosure(fn)) this.walkFunc(fn);
    }
    for (const { hole, closure } of this.closures) this.flowClosure(hole, closure);
    if (this.goMinor >= 25) rewriteWithLiterals(this);
    for (const location of this.allLocations) {
      const why = heapAllocReason(location, this.goMinor);
      if (why !== '' && location.node !== undefined) {
        const where = location.node.kind === 'name' ? location.node.name : location.node.expr;
        this.flow(this.heapLocation.asHole().addr(where, why), location);
      }
    }
    walkAll(this);
    this.finish();
  }

  /** Creates a location owned by `fn` at `loopDepth`. */
  newLocation(node: LocationNode | undefined, fn: IrFunc, loopDepth: number, persists: boolean): Location {
    const location = new Location(node, fn, loopDepth);
    if (persists) location.attrs |= attrPersists;
    this.allLocations.push(location);
    if (node?.kind === 'name') this.nameLocations.set(node.name, location);
    return location;
  }

  /** The location of a variable of this batch. */
  locationOf(name: IrName): Location {
    const location = this.nameLocations.get(name);
    if (location === undefined) throw new Error(`escape: ${name.name} has no location`);
    return location;
  }

  /** Adds the edge `k.dst ← src` (gc's `flow`). */
  flow(k: Hole, src: Location): void {
    if (k.addressTaken) src.addressTaken = true;
    const dst = k.dst;
    if (dst === this.blankLocation) return;
    if (dst === src && k.derefs >= 0) return;
    if (dst.hasAttr(attrEscapes) && k.derefs < 0) {
      if (src.node !== undefined) {
        explainEscape(this, src, `${src.text()} escapes to heap in ${src.fn?.name ?? ''}:`, explainFlow(this, dst, src, k.derefs, k.notes));
      }
      src.attrs |= attrAll;
      return;
    }
    dst.edges.push({ src, derefs: k.derefs, notes: k.notes });
  }

  private initFunc(fn: IrFunc): void {
    const state = this.state(fn);
    state.phase = 'planned';
    for (const name of fn.declarations) this.newLocation({ kind: 'name', name }, fn, 1, true);
    fn.results.forEach((result, index) => {
      this.locationOf(result).resultIndex = index + 1;
    });
  }

  /** A walker for `fn` (a function of this batch). */
  walkerFor(fn: IrFunc): Escape {
    return new Escape(this, fn);
  }

  private walkFunc(fn: IrFunc): void {
    this.state(fn).phase = 'started';
    const walker = this.walkerFor(fn);
    walker.findLoopingLabels(fn.body ?? []);
    block(walker, fn.body ?? []);
  }

  /** Decides how each captured variable is captured and flows it into the closure. */
  private flowClosure(k: Hole, closure: IrFunc): void {
    for (const variable of closure.closureVariables) {
      const location = this.locationOf(variable);
      const byValue = !location.addressTaken && !location.reassigned && variable.type.size <= 128;
      if (this.explain) {
        this.report.warn(
          variable.position,
          `${variable.fn?.name ?? ''} capturing by ${byValue ? 'value' : 'ref'}: ${variable.name} (addr=${location.addressTaken} assign=${location.reassigned} width=${variable.type.size})`,
        );
      }
      let hole = k;
      if (!byValue) hole = hole.addr(variable, 'reference');
      this.flow(hole.note(variable, 'captured by a closure'), location);
    }
  }

  private finish(): void {
    for (const fn of this.funcs) {
      this.state(fn).phase = 'tagged';
      fn.params.forEach((param, index) => {
        this.analysis.tags.set(param, this.paramTag(fn, index + 1, param));
      });
    }
    for (const location of this.allLocations) {
      const node = location.node;
      if (node === undefined || location.fn === undefined) continue;
      const goDeferWrapper = node.kind === 'expr' && node.expr.op === 'closure' && node.expr.func.isGoDeferWrapper;
      const escapes = location.hasAttr(attrEscapes);
      if (escapes) {
        if (node.kind === 'name') this.report.warn(node.name.position, `moved to heap: ${node.name.name}`);
        else if (!goDeferWrapper) this.report.warn(node.expr.position, isAppend(node) ? 'append escapes to heap' : `${node.expr.text} escapes to heap`);
      } else if (node.kind === 'expr' && !goDeferWrapper) {
        this.report.warn(node.expr.position, isAppend(node) ? 'append does not escape' : `${node.expr.text} does not escape`);
      }
      if (node.kind === 'name' ? escapes : !goDeferWrapper) {
        this.analysis.verdicts.push({ node, fn: location.fn, escapes, reason: escapes ? (location.reason ?? []) : [] });
      }
      if (
        node.kind === 'expr' &&
        node.expr.op === 'stringConv' &&
        node.expr.stringToBytes === true &&
        !location.hasAttr(attrMutates) &&
        this.goMinor >= 22
      ) {
        this.report.warn(node.expr.position, 'zero-copy string->[]byte conversion');
      }
    }
  }

  private paramTag(fn: IrFunc, _index: number, param: IrParam): string {
    if (fn.body === undefined) {
      if (param.type.kind === 'uintptr') {
        if (param.name !== undefined) this.report.warn(param.position, `assuming ${param.name.name} is unsafe uintptr`);
        return '';
      }
      if (!param.type.hasPointers) return '';
      const leaks = new Leaks();
      if (fn.noEscape) {
        if (param.name !== undefined) this.report.warn(param.position, `${param.name.name} does not escape`);
        leaks.addMutator(0);
        leaks.addCallee(0);
      } else {
        if (param.name !== undefined) this.report.warn(param.position, `leaking param: ${param.name.name}`);
        leaks.addHeap(0);
      }
      return leaks.encode();
    }
    if (!param.type.hasPointers) return '';
    if (param.name === undefined || param.blank) return new Leaks().encode();
    const location = this.locationOf(param.name);
    const leaks = location.paramEscapes.clone();
    leaks.optimize();
    if (!location.hasAttr(attrEscapes) && !fn.isGoDeferWrapper) this.reportLeaks(param, leaks, fn);
    return leaks.encode();
  }

  private reportLeaks(param: IrParam, leaks: Leaks, fn: IrFunc): void {
    const name = param.name?.name ?? '';
    let warned = false;
    const heap = leaks.heap();
    if (heap >= 0) {
      this.report.warn(param.position, heap === 0 ? `leaking param: ${name}` : `leaking param content: ${name}`);
      warned = true;
    }
    for (let index = 0; index < numEscResults; index++) {
      const derefs = leaks.result(index);
      if (derefs >= 0) {
        const result = fn.results[index]?.name ?? `~r${index}`;
        this.report.warn(param.position, `leaking param: ${name} to result ${result} level=${derefs}`);
        warned = true;
      }
    }
    if (this.analysis.options.escapeMutationsCalls !== true) {
      if (!warned) this.report.warn(param.position, `${name} does not escape`);
      return;
    }
    const mutator = leaks.mutator();
    if (mutator >= 0) {
      this.report.warn(param.position, `mutates param: ${name} derefs=${mutator}`);
      warned = true;
    }
    const callee = leaks.callee();
    if (callee >= 0) {
      this.report.warn(param.position, `calls param: ${name} derefs=${callee}`);
      warned = true;
    }
    if (!warned) this.report.warn(param.position, `${name} does not escape, mutate, or call`);
  }
}

/**
 * go1.25: a `make` whose size is a variable that always holds one literal (as an inlined
 * parameter does) is treated, and printed, as if the literal were written (gc's
 * `rewriteWithLiterals`).
 */
function rewriteWithLiterals(batch: Batch): void {
  const candidate = batch.allLocations.some((location) => {
    const expr = location.node?.kind === 'expr' ? location.node.expr : undefined;
    return expr?.op === 'makeSlice' && expr.constantCount === undefined && expr.args[expr.args.length - 1]?.op === 'name';
  });
  if (!candidate) return;
  const reassigned = new Set<IrName>();
  for (const fn of batch.funcs) {
    visitIr(fn.body ?? [], (node) => {
      if (node.op === 'assign' || node.op === 'assignCall') {
        for (const lhs of node.lhs) if (lhs?.op === 'name' && lhs.name.definedBy !== node) reassigned.add(lhs.name);
      } else if (node.op === 'range') {
        for (const target of [node.key, node.value]) if (target?.op === 'name') reassigned.add(target.name);
      } else if (node.op === 'addr' && node.x.op === 'name') {
        reassigned.add(node.x.name);
      }
    });
  }
  for (const location of batch.allLocations) {
    const expr = location.node?.kind === 'expr' ? location.node.expr : undefined;
    if (expr?.op !== 'makeSlice' || expr.constantCount !== undefined) continue;
    const decisive = expr.args[expr.args.length - 1];
    if (decisive?.op !== 'name' || decisive.name.class !== 'local' || reassigned.has(decisive.name)) continue;
    const definition = decisive.name.definedBy;
    if (definition?.op !== 'assign') continue;
    const index = definition.lhs.findIndex((lhs) => lhs?.op === 'name' && lhs.name === decisive.name);
    const value = definition.rhs[index];
    if (value?.op !== 'literal' || !/^\d+$/.test(value.text)) continue;
    expr.constantCount = Number(value.text);
    expr.text = `make(${expr.type.text}, ${expr.args.map((arg) => (arg === decisive ? value.text : arg.text)).join(', ')})`;
  }
}

function isAppend(node: LocationNode): boolean {
  return node.kind === 'expr' && node.expr.op === 'builtin' && node.expr.builtin === 'append';
}

function pseudo(name: string, attrs: number): Location {
  const location = new Location(undefined, undefined, 0);
  location.attrs = attrs;
  location.pseudoName = name;
  return location;
}

/** Label states: whether a backward `goto` makes a label the head of a loop. */
type LabelState = 'looping' | 'nonlooping';

/** The walker's state for one function (gc's `escape` struct). */
export class Escape {
  /** The batch. */
  readonly batch: Batch;
  /** The function being walked. */
  readonly fn: IrFunc;
  /** Current loop nesting (1 at the top of a function). */
  loopDepth = 1;
  /** Labels seen so far and whether a backward goto targets them. */
  labels = new Map<string, LabelState>();

  constructor(batch: Batch, fn: IrFunc) {
    this.batch = batch;
    this.fn = fn;
  }

  /** Marks labels that are targets of a goto placed after them (loops made with goto). */
  findLoopingLabels(body: IrStmt[]): void {
    if (this.fn.hasGoto !== true) return;
    visitIr(body, (node) => {
      if (node.op === 'label') this.labels.set(node.label, 'nonlooping');
      if (node.op === 'goto' && node.label !== undefined && this.labels.get(node.label) === 'nonlooping') {
        this.labels.set(node.label, 'looping');
      }
    });
  }

  /** A hole that discards. */
  discardHole(): Hole {
    return this.batch.blankLocation.asHole();
  }
  /** The heap. */
  heapHole(): Hole {
    return this.batch.heapLocation.asHole();
  }
  /** Stores through a pointer. */
  mutatorHole(): Hole {
    return this.batch.mutatorLocation.asHole();
  }
  /** Calls through a function value. */
  calleeHole(): Hole {
    return this.batch.calleeLocation.asHole();
  }

  /** A new location in the current function. */
  newLocation(node: LocationNode | undefined, persists: boolean): Location {
    return this.batch.newLocation(node, this.fn, this.loopDepth, persists);
  }

  /** A hole that flows into every hole of `ks` (gc's `teeHole`). */
  teeHole(...ks: Hole[]): Hole {
    if (ks.length === 0) return this.discardHole();
    if (ks.length === 1) return ks[0] as Hole;
    const location = this.newLocation(undefined, false);
    for (const k of ks) {
      if (k.derefs < 0) throw new Error('escape: teeHole with a negative dereference count');
      this.batch.flow(k, location);
    }
    return location.asHole();
  }

  /** A persistent temporary flowing into `k`: the value is used later than now. */
  later(k: Hole): Hole {
    const location = this.newLocation(undefined, true);
    this.batch.flow(k, location);
    return location.asHole();
  }
}

/** Attributes re-exported for the structured report. */
export { attrEscapes };
