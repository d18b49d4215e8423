/**
 * The method wrappers gc generates for the package's own types, and the `-m=2` lines their
 * escape analysis prints at the end of the run (gc analyses them after every function of the
 * file, and prints no `leaking param` summary for them, only the explanations).
 *
 * - For an interface type with methods, named or not, gc makes `I.M`, a function taking the
 *   interface value as `~p0` and calling the method dynamically: the receiver and every
 *   parameter that holds pointers leak to the heap.
 * - For a named non-interface type, gc makes `(*T).M` around each method with a value
 *   receiver: a parameter leaks the way it leaks from `T.M`.
 *
 * Types are taken in the order gc reads them (package-level declarations in source order, a
 * type mentioned in a declaration before the declared type). Types declared or spelled out
 * inside function bodies are read in an order not modelled, and so are wrappers whose
 * parameters leak other than straight to the heap: both are reported as not modelled.
 */
import type { Position } from '../api.ts';
import type { IrFile, IrFunc, IrParam } from '../ir/ir.ts';
import { visitIr } from '../ir/walk.ts';
import { TypeTable } from '../ir/typeinfo.ts';
import type * as ast from '../syntax/ast.ts';
import { children } from '../syntax/walk.ts';
import type { Info } from '../types/info.ts';
import type { Func, TypeName, Var } from '../types/objects.ts';
import { methodSet } from '../types/methodset.ts';
import { methodsOf, underlying } from '../types/predicates.ts';
import type { Interface, Named, Type } from '../types/types.ts';
import type { Analysis } from './escape.ts';
import { Leaks } from './leaks.ts';

/** A parameter of a wrapped method. */
interface WrapperParam {
  /** As the wrapper's call prints it (`p`, or `~p1` when unnamed or blank). */
  name: string;
  /** Its declaration (the identifier, or the type when unnamed). */
  position: Position;
  /** Whether its type holds pointers (only those can leak). */
  hasPointers: boolean;
}

/** One method to wrap. */
interface WrapperMethod {
  name: string;
  /** The method's name in the wrapper's name, when not `name`: an unexported method of an unnamed interface is qualified by its package (`main.f`). */
  linkName?: string;
  params: WrapperParam[];
  variadic: boolean;
  /** For a value-receiver method: the receiver's name in the call (`t`, or `~p0`). */
  receiver?: string;
}

/** A type whose wrappers gc generates. */
export interface WrapperType {
  kind: 'interface' | 'value';
  /** The type as the wrapper's name prints it (`Shape`, `interface { U(*int) }`). */
  text: string;
  methods: WrapperMethod[];
}

/**
 * A method promoted into a struct type: its wrappers (`S.M`, `(*S).M`) call it through the
 * embedded field, and print nothing at -m=2 unless a parameter of the method leaks.
 */
export interface PromotedMethod {
  /** The method's name as its function is named (`T.M`, `(*T).M`). */
  name: string;
  /** Where the struct type is declared or spelled out. */
  position: Position;
}

/** What {@link wrapperTypes} finds: the types in gc's order, or where the order is not modelled. */
export type WrapperTypes = { kind: 'ok'; types: WrapperType[]; promoted: PromotedMethod[] } | { kind: 'notModeled'; position: Position; what: string };

/** The types gc generates wrappers for, in the order it generates them. */
export function wrapperTypes(file: ast.File, info: Info): WrapperTypes {
  const table = new TypeTable(file.packageName.value);
  const position = (node: ast.NodeBase): Position => file.lines.position(node.start);
  const types: WrapperType[] = [];
  const seen = new Set<string>();
  let notModeled: WrapperTypes | undefined;

  const paramsOf = (vars: Var[], offset: number): WrapperParam[] =>
    vars.map((v, index) => {
      const field = v.decl as ast.Field | null;
      const at = v.pos ?? (field !== null && field.kind === 'Field' ? position(field.type) : { line: 1, column: 1 });
      const named = v.name !== '' && v.name !== '_';
      return { name: named ? v.name : `~p${index + offset}`, position: at, hasPointers: table.info(v.type).hasPointers };
    });

  const addInterface = (type: Type, text: string, unnamed = false): void => {
    const iface = underlying(type) as Interface;
    const methods = [...methodsOf(iface)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (methods.length === 0 || seen.has(text)) return;
    seen.add(text);
    types.push({
      kind: 'interface',
      text,
      methods: methods.map((m) => {
        const signature = m.type as { params: Var[]; variadic: boolean };
        const exported = m.name[0] !== undefined && m.name[0] !== m.name[0].toLowerCase();
        return {
          name: m.name, params: paramsOf(signature.params, 1), variadic: signature.variadic,
          ...(unnamed && !exported ? { linkName: `${m.pkg}.${m.name}` } : {}),
        };
      }),
    });
  };

  // Unnamed interface types with methods spelled out in a type expression, innermost first
  // (a declared type's own underlying type is not one: `skipRoot`).
  const scanTypeExpr = (expr: ast.Node | null | undefined, inBody: boolean, skipRoot = false): void => {
    if (expr === null || expr === undefined || notModeled !== undefined) return;
    visitTypeExprs(expr, (node) => {
      if (node.kind !== 'InterfaceType' || (skipRoot && node === expr)) return;
      const type = info.types.get(node as ast.Expr)?.type;
      if (type === undefined || methodsOf(underlying(type) as Interface).length === 0) return;
      if (inBody) {
        notModeled ??= { kind: 'notModeled', position: position(node), what: '-m=2 lines of the wrappers gc generates for an interface type spelled out in a function body' };
        return;
      }
      // An unnamed interface is named by its link string (`interface { main.f(main.S) }`).
      addInterface(type, table.text(type, 0, 'id'), true);
    });
  };

  // Methods promoted from the package's own types (from an interface or a std type, whose
  // wrappers' lines are not modelled, the answer is false).
  const promoted: PromotedMethod[] = [];
  const addPromoted = (type: Type, at: Position): boolean => {
    for (const entry of methodSet({ kind: 'Pointer', elem: type })) {
      if (entry.index.length < 2) continue;
      const method = entry.method;
      const signature = method.type as { recv?: Var | null };
      let recv = signature.recv?.type;
      if (recv?.kind === 'Pointer') recv = recv.elem;
      if (method.decl === null || recv?.kind !== 'Named' || recv.qualifier !== undefined) return false;
      promoted.push({ name: method.pointerReceiver ? `(*${recv.obj.name}).${method.name}` : `${recv.obj.name}.${method.name}`, position: at });
    }
    return true;
  };

  // Value-receiver methods by receiver type name.
  const valueMethods = new Map<string, ast.FuncDecl[]>();
  for (const decl of file.declarations) {
    if (decl.kind !== 'FuncDecl' || decl.recv === null) continue;
    const recvType = decl.recv.type;
    if (recvType.kind !== 'Name') continue;
    const list = valueMethods.get(recvType.value) ?? [];
    list.push(decl);
    valueMethods.set(recvType.value, list);
  }

  for (const decl of file.declarations) {
    if (decl.kind === 'TypeDecl') {
      scanTypeExpr(decl.type, false, !decl.alias);
      const obj = info.defs.get(decl.name) as TypeName | null | undefined;
      if (decl.alias || decl.hasTypeParams || obj === null || obj === undefined || obj.type.kind !== 'Named') continue;
      const named = obj.type;
      const under = underlying(named);
      if (under.kind === 'Interface') {
        addInterface(named, obj.name);
        continue;
      }
      if (under.kind === 'Pointer') continue;
      if (under.kind === 'Struct' && under.fields.some((field) => field.embedded && hasMethods(field.type))) {
        if (!addPromoted(named, position(decl.name))) {
          notModeled ??= { kind: 'notModeled', position: position(decl.name), what: '-m=2 lines of the wrappers gc generates for promoted methods' };
          continue;
        }
      }
      const methods = (valueMethods.get(obj.name) ?? [])
        .map((method) => ({ method, func: info.defs.get(method.name) as Func | null | undefined }))
        .filter((entry) => entry.func !== null && entry.func !== undefined && entry.func.type.kind === 'Signature')
        .sort((a, b) => (a.method.name.value < b.method.name.value ? -1 : a.method.name.value > b.method.name.value ? 1 : 0))
        .map(({ method, func }) => {
          const signature = (func as Func).type as { params: Var[]; variadic: boolean };
          const recvName = method.recv?.name?.value;
          return {
            name: method.name.value,
            params: paramsOf(signature.params, 1),
            variadic: signature.variadic,
            receiver: recvName === undefined || recvName === '_' ? '~p0' : recvName,
          };
        });
      if (methods.length > 0) types.push({ kind: 'value', text: obj.name, methods });
    } else if (decl.kind === 'VarDecl' || decl.kind === 'ConstDecl') {
      scanTypeExpr(decl.type, false);
      for (const value of decl.values) scanTypeExpr(value, false);
    } else if (decl.kind === 'FuncDecl') {
      scanTypeExpr(decl.recv?.type, false);
      scanTypeExpr(decl.type, false);
      if (decl.body !== null) scanTypeExpr(decl.body, true);
    }
    if (notModeled !== undefined) return notModeled;
  }
  // Local named types are read with the function bodies.
  for (const decl of file.declarations) {
    if (decl.kind !== 'FuncDecl' || decl.body === null) continue;
    let local: ast.TypeDecl | undefined;
    visitTypeExprs(decl.body, (node) => {
      if (node.kind === 'TypeDecl' && local === undefined) {
        const obj = info.defs.get(node.name) as TypeName | null | undefined;
        if (obj !== null && obj !== undefined && (hasMethods(obj.type) || valueMethods.has(obj.name))) local = node;
      }
    });
    if (local !== undefined) {
      return { kind: 'notModeled', position: position(local.name), what: '-m=2 lines of the wrappers gc generates for a type declared in a function' };
    }
  }
  if (notModeled === undefined && table.textNotModeled !== undefined) return { kind: 'notModeled', position: position(file.packageName), what: table.textNotModeled };
  // Struct types spelled out with embedded fields get wrappers for their promoted methods too.
  const declaredStructs = new Set<ast.Node>();
  for (const decl of file.declarations) if (decl.kind === 'TypeDecl' && !decl.alias) declaredStructs.add(decl.type);
  for (const decl of file.declarations) {
    if (notModeled !== undefined) break;
    visitTypeExprs(decl, (node) => {
      if (notModeled !== undefined || node.kind !== 'StructType' || declaredStructs.has(node)) return;
      const type = info.types.get(node as ast.Expr)?.type;
      if (type === undefined || underlying(type).kind !== 'Struct') return;
      const struct = underlying(type) as { fields: Var[] };
      if (!struct.fields.some((field) => field.embedded && hasMethods(field.type))) return;
      if (!addPromoted(type, position(node))) {
        notModeled = { kind: 'notModeled', position: position(node), what: '-m=2 lines of the wrappers gc generates for promoted methods' };
      }
    });
  }
  return notModeled ?? { kind: 'ok', types, promoted };
}

/** Whether `type` (or the type it points to) has methods: a named type's own, or an interface's. */
function hasMethods(type: Type): boolean {
  const base = type.kind === 'Pointer' ? type.elem : type;
  if (base.kind === 'Named' && (base as Named).methods.length > 0) return true;
  const under = underlying(base);
  return under.kind === 'Interface' && methodsOf(under).length > 0;
}

/**
 * The -m=2 lines of the method value wrappers (`T.M-fm`, calling `T.M(.this, args)`): a
 * parameter of the method that leaks straight to the heap leaks from the wrapper too. Not
 * modelled: a method value of an interface's method, a receiver or a result that leaks, a leak
 * through dereferences, and several wrappers that print (their order).
 */
function methodValueLines(analysis: Analysis, file: IrFile): { lines: string[] } | { position: Position; what: string } {
  const funcs: IrFunc[] = [];
  const add = (fn: IrFunc): void => {
    funcs.push(fn);
    for (const closure of fn.closures) add(closure);
  };
  for (const fn of file.funcs) add(fn);
  let found: { position: Position; what: string } | undefined;
  const printing: IrFunc[] = [];
  for (const fn of funcs) {
    visitIr(fn.body ?? [], (node) => {
      if (found !== undefined || node.op !== 'methodValue') return;
      const method = node.method;
      const notModeled = { position: node.position, what: `-m=2 lines of the method value wrapper gc generates for ${node.text}` };
      if (method === undefined) {
        found = notModeled;
        return;
      }
      for (const param of method.params) {
        if (!param.type.hasPointers) continue;
        const tag = Leaks.parse(analysis.tagOf(param));
        const toResult = Array.from({ length: method.results.length }, (_, index) => tag.result(index)).some((derefs) => derefs >= 0);
        if (tag.heap() < 0 && !toResult) continue;
        if (param.receiver || toResult || tag.heap() !== 0 || param.name === undefined) found = notModeled;
        else if (!printing.includes(method)) printing.push(method);
      }
      if (printing.length > 1) found = notModeled;
    });
  }
  if (found !== undefined) return found;
  const lines: string[] = [];
  const auto = '<autogenerated>:1';
  for (const method of printing) {
    const params = method.params.filter((param) => !param.receiver);
    const args = params.map((param, index) => param.name?.name ?? `~p${index}`);
    const call = `${method.name}(${['.this', ...args].join(', ')})`;
    for (const param of params) {
      if (!param.type.hasPointers || param.name === undefined || Leaks.parse(analysis.tagOf(param)).heap() !== 0) continue;
      const at = analysis.report.formatPosition(param.position);
      lines.push(`${at}: parameter ${param.name.name} leaks to {heap} for ${method.name}-fm with derefs=0:`);
      lines.push(`${at}:   flow: {heap} ← ${param.name.name}:`);
      lines.push(`${at}:     from ${call} (call parameter) at ${auto}`);
    }
  }
  return { lines };
}

/**
 * Calls `visit` on every node under `root` (statements, expressions, type expressions), inner
 * nodes first, in source order; without recursion, as trees may be deep.
 */
function visitTypeExprs(root: ast.Node, visit: (node: ast.Node) => void): void {
  const stack: { node: ast.Node; expanded: boolean }[] = [{ node: root, expanded: false }];
  const seen = new Set<ast.Node>();
  while (stack.length > 0) {
    const top = stack.pop() as { node: ast.Node; expanded: boolean };
    if (top.expanded) {
      visit(top.node);
      continue;
    }
    if (seen.has(top.node)) continue;
    seen.add(top.node);
    stack.push({ node: top.node, expanded: true });
    const below = children(top.node);
    for (let index = below.length - 1; index >= 0; index--) stack.push({ node: below[index] as ast.Node, expanded: false });
  }
}

/**
 * Prints the `-m=2` lines of the wrappers, after everything else, as gc does; or says which
 * wrapper's lines are not modelled.
 */
export function explainWrappers(analysis: Analysis, file: IrFile, types: WrapperType[], promoted: PromotedMethod[] = []): { position: Position; what: string } | undefined {
  const report = analysis.report;
  const auto = '<autogenerated>:1';
  const lines: string[] = [];
  const leak = (at: string, name: string, wrapper: string, call: string): void => {
    lines.push(`${at}: parameter ${name} leaks to {heap} for ${wrapper} with derefs=0:`);
    lines.push(`${at}:   flow: {heap} ← ${name}:`);
    lines.push(`${at}:     from ${call} (call parameter) at ${auto}`);
  };
  const args = (method: WrapperMethod): string[] =>
    method.params.map((param, index) => (method.variadic && index === method.params.length - 1 ? `${param.name}...` : param.name));
  const funcsByName = new Map<string, IrFunc>(file.funcs.map((fn) => [fn.name, fn]));
  // Method values: gc's T.M-fm wrappers print their leaks too, after these; modelled only when
  // they print nothing (no parameter of the method leaks).
  const methodValues = methodValueLines(analysis, file);
  if ('what' in methodValues) return methodValues;
  // The wrappers of promoted methods print nothing as long as no parameter of the method leaks.
  for (const entry of promoted) {
    const fn = funcsByName.get(entry.name);
    const leaks = (param: IrParam): boolean => {
      if (!param.type.hasPointers) return false;
      const tag = Leaks.parse(analysis.tagOf(param));
      return tag.heap() >= 0 || Array.from({ length: fn?.results.length ?? 0 }, (_, index) => tag.result(index)).some((derefs) => derefs >= 0);
    };
    if (fn === undefined || fn.params.some(leaks)) return { position: entry.position, what: '-m=2 lines of the wrappers gc generates for promoted methods' };
  }
  for (const type of types) {
    for (const method of type.methods) {
      if (type.kind === 'interface') {
        const wrapper = `${type.text}.${method.linkName ?? method.name}`;
        const call = `~p0.${method.name}(${args(method).join(', ')})`;
        leak(auto, '~p0', wrapper, call);
        for (const param of method.params) if (param.hasPointers) leak(report.formatPosition(param.position), param.name, wrapper, call);
        continue;
      }
      const fn = funcsByName.get(`${type.text}.${method.name}`);
      if (fn === undefined) return { position: { line: 1, column: 1 }, what: `-m=2 lines of the wrapper (*${type.text}).${method.name}` };
      const wrapper = `(*${type.text}).${method.name}`;
      const call = `${type.text}.${method.name}(${[method.receiver ?? '~p0', ...args(method)].join(', ')})`;
      const irParams = fn.params.filter((param) => !param.receiver);
      for (const param of fn.params) {
        if (!param.type.hasPointers) continue;
        const leaks = Leaks.parse(analysis.tagOf(param));
        const toResult = Array.from({ length: fn.results.length }, (_, index) => leaks.result(index)).some((derefs) => derefs >= 0);
        const heap = leaks.heap();
        if (heap < 0 && !toResult) continue;
        // The receiver is passed dereferenced, and a leak to a result goes through the wrapper's
        // return: gc explains both with more steps than are modelled here.
        if (param.receiver || heap !== 0 || toResult) return { position: param.position, what: `-m=2 lines of the wrapper ${wrapper} gc generates` };
        const declared = method.params[irParams.indexOf(param)];
        if (declared === undefined) return { position: param.position, what: `-m=2 lines of the wrapper ${wrapper} gc generates` };
        leak(report.formatPosition(declared.position), declared.name, wrapper, call);
      }
    }
  }
  // The method value wrappers come after the types'.
  lines.push(...methodValues.lines);
  for (const line of lines) report.lines.push(line);
  return undefined;
}
