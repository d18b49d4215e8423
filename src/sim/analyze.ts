import { MODELED_GO_VERSION, type AllocationSite, type AnalysisRequest, type AnalysisResult, type Diagnostic, type Position } from './api.ts';
import stdlibSnapshot from '../data/oracle/stdlib.json' with { type: 'json' };
import type { StdInternalsSnapshot, StdlibSnapshot } from '../data/oracle/snapshots.ts';
import { functionAllocations, siteAllocation } from './alloc/alloc.ts';
import { inlinePackage, InlineNotModeled, type InlineMessage } from './inline/inline.ts';
import { escapeFile, type Analysis } from './escape/escape.ts';
import { Leaks } from './escape/leaks.ts';
import { generatedEqualities } from './escape/eqfuncs.ts';
import { removeDeadLocals } from './ir/deadlocals.ts';
import { methodWrappers } from './ir/wrappers.ts';
import { outlineMapInits } from './ir/mapinit.ts';
import { lowerFile, type StdTags } from './ir/lower.ts';
import type { IrFunc, IrName, StdInlineModel } from './ir/ir.ts';
import { loadStdlib, type ParameterTag, type Stdlib, type StdFunctionInfo } from './stdlib/stdlib.ts';
import { internalsFlagSet, isBackEndLine, replayedStdInternals, spliceInliningBlock, standardLibraryInternalsUse, stdInterfaceMethodWrapperUse } from './stdlib/internals.ts';
import { loadGoParser, type GoParser } from './syntax/load.ts';
import { parse } from './syntax/parse.ts';
import { check } from './types/index.ts';
import type { Info } from './types/info.ts';
import type { Named, Type } from './types/types.ts';

let stdlib: Stdlib | undefined;

/** The std model, built once. */
function standardLibrary(): Stdlib {
  stdlib ??= loadStdlib(stdlibSnapshot as StdlibSnapshot);
  return stdlib;
}

/**
 * The Go parser: in Node from node_modules; in a browser the worker loads it first with
 * `loadGoParser({ runtime, grammar })` (URLs), and this returns that same parser.
 */
async function goParser(): Promise<GoParser> {
  const inNode = typeof process !== 'undefined' && process.versions?.node !== undefined && typeof window === 'undefined';
  if (inNode) {
    const { loadGoParserForNode } = await import('./syntax/node-wasm.ts');
    return loadGoParserForNode();
  }
  return loadGoParser({ runtime: '/wasm/tree-sitter.wasm', grammar: '/wasm/tree-sitter-go.wasm' });
}

/**
 * Analyses one Go file as `go build -gcflags=<flags>` would: parse, type check, lower to the
 * escape IR, run escape analysis, and report in gc's words and order. A construct outside the
 * modelled subset yields `notModeled`, never a guess.
 */
export async function analyze(request: AnalysisRequest): Promise<AnalysisResult> {
  const goMinor = request.goMinor ?? Number(MODELED_GO_VERSION.slice('go1.'.length));
  const goVersion = `go1.${goMinor}`;
  const parsed = parse(await goParser(), request.source);
  const parseErrors = parsed.diagnostics.filter((diagnostic) => !diagnostic.message.startsWith('not modeled'));
  if (parseErrors.length > 0) return { kind: 'compileError', goVersion, diagnostics: parseErrors };
  const parseNotModeled = parsed.diagnostics.filter((diagnostic) => diagnostic.message.startsWith('not modeled'));
  if (parseNotModeled.length > 0) return { kind: 'notModeled', goVersion, diagnostics: parseNotModeled };

  const checked = check(parsed.file, { stdlib: standardLibrary(), fileName: request.fileName });
  const errors = checked.diagnostics.filter((diagnostic) => !diagnostic.message.startsWith('not modeled'));
  if (errors.length > 0) return { kind: 'compileError', goVersion, diagnostics: errors };
  const notModeled = checked.diagnostics.filter(
    (d) => d.message.startsWith('not modeled') && !(request.allowBodylessFunctions === true && d.message === 'not modeled: function declarations without a body'),
  );
  if (notModeled.length > 0) return { kind: 'notModeled', goVersion, diagnostics: notModeled };
  const unknownLayout = unknownStdLayoutUse(checked.info, standardLibrary());
  if (unknownLayout !== undefined) return { kind: 'notModeled', goVersion, diagnostics: [unknownLayout] };
  const internals = standardLibraryInternalsUse(parsed.file, request.flags) ?? stdInterfaceMethodWrapperUse(parsed.file, checked.info, request.flags);
  if (internals !== undefined) return { kind: 'notModeled', goVersion, diagnostics: [internals] };
  const lowered = lowerFile(parsed.file, checked.info, { goMinor, stdTags: stdTagsOf(standardLibrary()) });
  if (lowered.kind === 'notModeled') return { kind: 'notModeled', goVersion, diagnostics: [lowered.diagnostic] };
  const mapInit = outlineMapInits(lowered.file);
  if (mapInit !== undefined) {
    return { kind: 'notModeled', goVersion, diagnostics: [{ ...mapInit, message: 'not modeled: whether gc moves this package-level map initialisation into a function of its own (its size is close to gc\'s threshold)' }] };
  }
  if (!request.flags.noInline && request.flags.m >= 2) {
    return { kind: 'notModeled', goVersion, diagnostics: [{ line: 1, column: 1, message: 'not modeled: -m=2 with inlining on (use -l)' }] };
  }
  const staticSlot = request.flags.m >= 2 ? staticSlotAssignment(lowered.file.funcs) : undefined;
  if (staticSlot !== undefined) {
    return {
      kind: 'notModeled',
      goVersion,
      diagnostics: [{ ...staticSlot, message: 'not modeled: -m=2 explanations of a package-level composite literal built at run time (gc names its static storage)' }],
    };
  }
  const unknownCapture = request.flags.m >= 2 ? capturedWithUnknownLayout(lowered.file.funcs) : undefined;
  if (unknownCapture !== undefined) {
    return {
      kind: 'notModeled',
      goVersion,
      diagnostics: [{ ...unknownCapture.position, message: `not modeled: the size of ${unknownCapture.type.text} (-m=2 prints it for captured variables)` }],
    };
  }
  // The method wrappers gc generates print nothing unless it inlines into them, or -m=2 explains their leaks.
  const generated = request.flags.noInline && request.flags.m < 2 ? undefined : methodWrappers(parsed.file, checked.info, lowered.file, { inlining: !request.flags.noInline, explain: request.flags.m >= 2 });
  if (generated?.kind === 'notModeled') return { kind: 'notModeled', goVersion, diagnostics: [{ ...generated.position, message: `not modeled: ${generated.what}` }] };
  let before: InlineMessage[];
  try {
    before = inlinePackage(lowered.file, {
      enabled: !request.flags.noInline,
      isInlinableExternal: (fn) => fn.inlinableElsewhere === true && fn.intrinsic !== true,
      wrappers: generated?.wrappers,
    });
  } catch (error) {
    if (!(error instanceof InlineNotModeled)) throw error;
    return { kind: 'notModeled', goVersion, diagnostics: [{ ...error.position, message: `not modeled: ${error.message}` }] };
  }
  removeDeadLocals(lowered.file);
  const flagSet = internalsFlagSet(request.flags);
  const replayedKeys = replayedStdInternals(parsed.file, request.flags);
  // With inlining on, the escape lines of the std code a call of a sync.Map method reaches come before the caller's.
  const stdCallLines = replayedKeys.includes('sync.Map') && flagSet !== undefined ? (await stdInternals()).calls?.['sync.Map']?.[flagSet] : undefined;
  const options = {
    m: request.flags.m,
    goMinor,
    fileName: request.fileName,
    escapeMutationsCalls: request.escapeMutationsCalls === true,
    ...(stdCallLines !== undefined ? { stdCallLines: new Map(Object.entries(stdCallLines)) } : {}),
  };
  const analysis = escapeFile(lowered.file, options, before);
  // The package's own functions' lines; those of the method wrappers gc generates come after std blocks.
  const ownLines = analysis.report.lines.length;
  if (request.flags.m >= 2) {
    // The equality functions gc generates for types paired with an interface explain their leaks too.
    const equality = generatedEqualities(parsed.file, checked.info, lowered.file);
    if (equality !== undefined) return { kind: 'notModeled', goVersion, diagnostics: [{ ...equality.position, message: `not modeled: ${equality.what}` }] };
  }
  const functions = functionAllocations(analysis, lowered.file).map((summary) => ({
    name: summary.fn.name,
    line: summary.fn.position.line,
    column: summary.fn.position.column,
    heapAllocationsPerCall: summary.allocations,
    heapBytesPerCall: summary.bytes,
    exact: summary.exact,
  }));
  // gc's lines about std code the program instantiates, the same for every program: with -l
  // after the package's own, with inlining on among the package's inlining lines.
  let lines = [...analysis.report.lines];
  let at = ownLines;
  let blocks = 0;
  const backEnd: string[] = [];
  for (const key of replayedKeys) {
    const recorded = flagSet === undefined ? undefined : (await stdInternals()).uses[key]?.[flagSet];
    if (recorded !== undefined && recorded.length > 0 && ++blocks > 1) {
      return { kind: 'notModeled', goVersion, diagnostics: [{ line: 1, column: 1, message: 'not modeled: the order gc reports the standard library code of several uses in' }] };
    }
    if (recorded === undefined) return { kind: 'notModeled', goVersion, diagnostics: [{ line: 1, column: 1, message: `not modeled: ${key} (gc also reports the standard library's generic code it instantiates)` }] };
    if (!request.flags.noInline) {
      const methodValueInlineFrom = before.findIndex((message) => message.methodValueWrapper === true);
      lines = spliceInliningBlock(
        {
          lines,
          inlineLines: before.length,
          methodValueInlineFrom: methodValueInlineFrom < 0 ? before.length : methodValueInlineFrom,
          wrapperEscapeFrom: analysis.wrapperLinesFrom.types ?? ownLines,
          methodValueEscapeFrom: analysis.wrapperLinesFrom.methodValues ?? ownLines,
          ownLines,
        },
        recorded,
        analysis.stdLinesPrinted,
      );
      continue;
    }
    // The back end's lines (`bounds check elided`) come after everything escape analysis prints.
    const analysed = recorded.filter((line) => !isBackEndLine(line));
    lines.splice(at, 0, ...analysed);
    at += analysed.length;
    backEnd.push(...recorded.filter(isBackEndLine));
  }
  // gc analyses the method wrappers it generates last; -m=2 prints their explanations.
  lines.push(...analysis.wrapperReport.lines, ...backEnd);
  return { kind: 'ok', goVersion, lines, sites: sitesOf(analysis), functions };
}

/** std-internals.json, loaded the first time a program needs it. */
let stdInternalsSnapshot: Promise<StdInternalsSnapshot> | undefined;
function stdInternals(): Promise<StdInternalsSnapshot> {
  stdInternalsSnapshot ??= import('../data/oracle/std-internals.json', { with: { type: 'json' } }).then((module) => module.default as StdInternalsSnapshot);
  return stdInternalsSnapshot;
}

/** Leak tags of std functions in the form the escape engine reads, from the oracle's `-m` lines. */
function stdTagsOf(library: Stdlib): StdTags {
  return (qualifiedName) => {
    const info = library.tags(qualifiedName);
    if (info === undefined) return undefined;
    const params = info.params.map((param) => tagFromLines(param, info.obj.type));
    const inlinable = info.inlinable;
    const inline = stdInlineModel(info);
    const tags = info.receiver === null ? { params, inlinable } : { receiver: tagFromLines(info.receiver, info.obj.type), params, inlinable };
    const intrinsic = info.intrinsic === true ? { intrinsic: true as const } : {};
    return inline === undefined ? { ...tags, ...intrinsic } : { ...tags, inline, ...intrinsic };
  };
}

/** What inlining a call to an inlinable std function does, with its parameters' inlined tags encoded as gc's. */
function stdInlineModel(info: StdFunctionInfo): StdInlineModel | undefined {
  const inline = info.inline;
  if (inline === undefined || 'notModeled' in inline) return inline;
  const paramTags = inline.tags.params.map((leaks, index) => tagFromLines({ name: info.params[index]?.name ?? '', leaks }, info.obj.type));
  const model: StdInlineModel = { cost: inline.cost, rounds: inline.rounds, body: inline.body, results: inline.results, paramTags };
  if (inline.tags.receiver !== undefined) model.receiverTag = tagFromLines({ name: info.receiver?.name ?? '', leaks: inline.tags.receiver }, info.obj.type);
  return model;
}

/** Rebuilds gc's tag from the `leaking param` lines recorded for a parameter. */
function tagFromLines(param: ParameterTag, type: unknown): string {
  const leaks = new Leaks();
  for (const line of param.leaks) {
    const toResult = /to result (\S+) level=(\d+)$/.exec(line);
    if (toResult !== null) {
      const signature = type as { kind?: string; results?: { name: string }[] };
      const resultName = toResult[1] ?? '';
      let index = signature.results?.findIndex((result) => result.name === resultName) ?? -1;
      if (index < 0 && resultName.startsWith('~r')) index = Number(resultName.slice(2));
      leaks.addResult(Math.max(0, index), Number(toResult[2]));
    } else if (/^(mutates|calls) param: \S+ derefs=\d+$/.test(line)) {
      const derefs = Number(line.slice(line.lastIndexOf('=') + 1));
      if (line.startsWith('mutates')) leaks.addMutator(derefs);
      else leaks.addCallee(derefs);
    } else if (line.startsWith('leaking param content:')) {
      leaks.addHeap(1);
    } else if (line.startsWith('leaking param:')) {
      leaks.addHeap(0);
    }
  }
  return leaks.encode();
}

/** The structured per-site verdicts for the views. */
function sitesOf(analysis: Analysis): AllocationSite[] {
  return analysis.verdicts.map((verdict) => {
    const node = verdict.node;
    const position = node.kind === 'name' ? node.name.position : node.expr.position;
    const what = node.kind === 'name' ? node.name.name : node.expr.text;
    const message =
      node.kind === 'name' ? `moved to heap: ${what}` : `${what} ${verdict.escapes ? 'escapes to heap' : 'does not escape'}`;
    const allocation = siteAllocation(verdict, analysis.options.goMinor);
    const site: AllocationSite = {
      line: position.line,
      column: position.column,
      end: { line: position.line, column: position.column + (node.kind === 'name' ? what.length : 1) },
      what,
      placement: verdict.escapes ? 'heap' : 'stack',
      message,
      reason: verdict.reason.map((text) => ({ line: position.line, column: position.column, ...stepPosition(text), text: text.trim() })),
      allocates: allocation.allocates,
    };
    if (allocation.bytes !== undefined && allocation.allocates) site.heapBytes = allocation.bytes;
    return site;
  });
}

/** The position a `from ... at file:L:C` step refers to, when it names one. */
function stepPosition(text: string): { line?: number; column?: number } {
  const match = / at \.\/[^:]*:(\d+):(\d+)$/.exec(text);
  return match === null ? {} : { line: Number(match[1]), column: Number(match[2]) };
}

/** Diagnostics re-exported for callers that only need the type. */
export type { Diagnostic };

/**
 * Where the package initialisation stores a dynamic element of a statically laid out composite
 * literal into its static slot (lowered as an assignment to `.stmp_N`); `-m=2` would print gc's
 * name for that storage, which the simulator does not reproduce.
 */
function staticSlotAssignment(funcs: IrFunc[]): Position | undefined {
  for (const fn of funcs) {
    if (fn.name !== 'init' || fn.body === undefined) continue;
    for (const stmt of fn.body) {
      const target = stmt.op === 'assign' ? stmt.lhs[0] : undefined;
      if (target?.op === 'name' && target.name.class === 'global' && target.name.name.startsWith('.stmp_')) return stmt.position;
    }
  }
  return undefined;
}

/** The first variable captured by a closure whose type's layout the simulator does not know (`-m=2` prints its width). */
function capturedWithUnknownLayout(funcs: IrFunc[]): IrName | undefined {
  const pending = [...funcs];
  while (pending.length > 0) {
    const fn = pending.pop() as IrFunc;
    const found = fn.closureVariables.find((variable) => variable.type.layoutUnknown === true);
    if (found !== undefined) return found;
    pending.push(...fn.closures);
  }
  return undefined;
}

/**
 * The first expression whose type involves a std type stdlib.json records no layout for: sizes,
 * pointer flows and capture modes would all be guesses, so the file is not modelled. (Every std
 * type a recorded signature mentions is measured; this only fires on a stale or partial snapshot.)
 */
function unknownStdLayoutUse(info: Info, library: Stdlib): Diagnostic | undefined {
  if (library.unknownLayouts.length === 0) return undefined;
  const unknown = new Set<Named>(library.unknownLayouts);
  const verdicts = new Map<Type, Named | null>();
  const involved = (type: Type): Named | null => {
    const known = verdicts.get(type);
    if (known !== undefined) return known;
    verdicts.set(type, null);
    let found: Named | null = null;
    switch (type.kind) {
      case 'Named': found = unknown.has(type) ? type : involved(type.underlying); break;
      case 'Pointer': case 'Slice': case 'Array': case 'Chan': found = involved(type.elem); break;
      case 'Map': found = involved(type.key) ?? involved(type.elem); break;
      case 'Struct': found = type.fields.map((field) => involved(field.type)).find((item) => item !== null) ?? null; break;
      case 'Tuple': found = type.vars.map((item) => involved(item.type)).find((item) => item !== null) ?? null; break;
      case 'Signature':
        found = [...type.params, ...type.results].map((item) => involved(item.type)).find((item) => item !== null) ?? null;
        break;
      default: break;
    }
    verdicts.set(type, found);
    return found;
  };
  for (const [expr, typed] of info.types) {
    const found = involved(typed.type);
    if (found !== null) return { line: expr.pos.line, column: expr.pos.column, message: `not modeled: the layout of ${found.obj.pkg}.${found.obj.name}` };
  }
  return undefined;
}
