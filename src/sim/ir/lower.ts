/**
 * Lowering: the checked syntax tree of one file to the IR the escape analysis walks, with
 * the rewrites gc performs before escape analysis:
 * - implicit interface conversions become explicit (`convIface`, positioned at the operand);
 * - variadic arguments are packed into a `... argument` slice literal;
 * - method calls get their receiver argument (`&x` or `*p` made explicit);
 * - `go`/`defer` calls with arguments become calls of argument-less wrapper closures;
 * - loop variables that are captured or address-taken become per-iteration variables
 *   (go1.22 and later);
 * - constants become literals printed by value, as gc prints them.
 * Anything outside the modelled subset raises a `not modeled` diagnostic instead of a guess.
 */
import type { Diagnostic, Position } from '../api.ts';
import type * as ast from '../syntax/ast.ts';
import { compareRational, decodeRune, formatConstantShort as formatConstant, rational, toRational, type ConstantValue } from '../types/constant.ts';
import type { Info } from '../types/info.ts';
import type { Func, GoObject, Var } from '../types/objects.ts';
import { identical, methodsOf, structFields, underlying } from '../types/predicates.ts';
import { anyType } from '../types/universe.ts';
import { embeddedFieldType, lookupFieldOrMethod } from '../types/methodset.ts';
import type { Signature, Type } from '../types/types.ts';
import type {
  IrExpr,
  IrFile,
  IrFunc,
  IrName,
  IrParam,
  IrStmt,
  NameClass,
  StdInlineModel,
  SwitchCase,
  TypeInfo,
} from './ir.ts';
import { fileBuildConstraint } from './goversion.ts';
import { provisionalLoopvarPrefix } from './loopvar.ts';
import { TypeTable } from './typeinfo.ts';
import { visitIr } from './walk.ts';
import { children } from '../syntax/walk.ts';
import { offsetsOf } from '../types/sizes.ts';

/** A construct outside the modelled subset. */
export class NotModeled extends Error {
  /** Where. */
  readonly position: ast.Pos;
  constructor(position: ast.Pos, what: string) {
    super(what);
    this.position = position;
  }
}

/** Leak tags of functions of other packages, by `path.Name` (methods: `path.Type.Method`). */
export type StdTags = (qualifiedName: string) => { receiver?: string; params: string[]; inlinable: boolean; inline?: StdInlineModel; intrinsic?: true } | undefined;

/** Options of the lowering. */
export interface LowerOptions {
  /** Go minor version modelled. */
  goMinor: number;
  /** Tags of standard-library functions, if known. */
  stdTags?: StdTags;
}

/** The lowered file, or the first construct that is not modelled. */
export type LowerResult = { kind: 'ok'; file: IrFile } | { kind: 'notModeled'; diagnostic: Diagnostic };

/** Lowers a checked file. */
export function lowerFile(file: ast.File, info: Info, options: LowerOptions): LowerResult {
  try {
    const lowerer = new Lowerer(file, info, options);
    const lowered = lowerer.run();
    const unknown = lowerer.types.textNotModeled;
    if (unknown !== undefined) return { kind: 'notModeled', diagnostic: { ...file.packageName.pos, message: `not modeled: ${unknown}` } };
    return { kind: 'ok', file: lowered };
  } catch (error) {
    if (error instanceof NotModeled) {
      return { kind: 'notModeled', diagnostic: { ...error.position, message: `not modeled: ${error.message}` } };
    }
    throw error;
  }
}

/** Per-function lowering state. */
interface FuncContext {
  /** The function being built. */
  fn: IrFunc;
  /** The enclosing function context (for closures). */
  outer?: FuncContext;
  /** Counter for closure names (`f.func1`, ...). */
  closureCount: number;
  /** Counter for go/defer wrappers. */
  wrapperCount?: number;
}

/** How a local variable is used in its function (for gc's static-value and loop-variable rules). */
interface VarUse {
  /** The expression assigned at the definition, when defined by a single-value `:=`/`var =`. */
  definition?: ast.Expr;
  /** Whether it is assigned anywhere but its definition. */
  reassigned: boolean;
  /** Whether its address is taken (explicitly or by a pointer-method call or slicing an array). */
  addressTaken: boolean;
  /** Every value assigned to it one by one (definition included); `undefined` after any other kind of assignment. */
  assigned?: ast.Expr[];
  /** Assigned some other way (a multi-value right side, a range clause). */
  assignedOtherwise?: true;
}

class Lowerer {
  private readonly file: ast.File;
  private readonly info: Info;
  private readonly options: LowerOptions;
  readonly types: TypeTable;
  private readonly names = new Map<GoObject, IrName>();
  private readonly funcs = new Map<Func, IrFunc>();
  private readonly varOwner = new Map<IrName, IrFunc>();
  private readonly varUses = new Map<Var, VarUse>();
  private readonly stdFuncs = new Map<string, IrFunc>();
  /** The checker's type of each declared variable. */
  private readonly goTypes = new Map<IrName, Type>();
  private context: FuncContext | undefined;
  /** Per function, how many of its temporaries gc does not have when it names its own. */
  private readonly lateTemporaries = new Counter<IrFunc>();
  /** How many loop-variable copies have been given a provisional name. */
  private loopvarSerial = 0;

  constructor(file: ast.File, info: Info, options: LowerOptions) {
    this.file = file;
    this.info = info;
    this.options = options;
    this.types = new TypeTable(file.packageName.value, options.goMinor);
  }

  /** The file's Go language version (minor): its `//go:build` line's, or the toolchain's. */
  private languageMinor = 0;

  run(): IrFile {
    const constraint = fileBuildConstraint(this.file.source, this.options.goMinor);
    if (constraint?.notModeled !== undefined) throw new NotModeled({ line: constraint.line, column: 1 }, constraint.notModeled);
    if (constraint?.excluded === true) throw new NotModeled({ line: constraint.line, column: 1 }, 'a //go:build line that leaves the file out of the build');
    this.languageMinor = Math.min(constraint?.languageMinor ?? this.options.goMinor, this.options.goMinor);
    const decls = this.file.declarations.filter((decl): decl is ast.FuncDecl => decl.kind === 'FuncDecl');
    for (const decl of decls) {
      if (decl.hasTypeParams) throw new NotModeled(decl.pos, 'generic functions');
      this.declareFunc(decl);
    }
    this.collectVarUses(this.file);
    const funcs: IrFunc[] = [];
    const init = this.packageInit();
    if (init !== undefined) funcs.push(init);
    funcs.push(...this.staticClosures);
    for (const decl of decls) {
      const fn = this.funcOfDecl(decl);
      if (decl.body !== null) this.lowerBody(fn, decl.body.list);
      funcs.push(fn);
    }
    return {
      funcs,
      namedTypes: this.namedTypes(),
      methodOf: (concrete, name, asserted) => this.methodOfConcrete(concrete, name, asserted),
      ...(this.initializerFuncs.length > 0 ? { initializerFuncs: this.initializerFuncs } : {}),
    };
  }

  /** The package-level named types in declaration order, and whether another package-level declaration mentions each. */
  private namedTypes(): NonNullable<IrFile['namedTypes']> {
    const declared = this.file.declarations.filter((decl): decl is ast.TypeDecl => decl.kind === 'TypeDecl' && !decl.alias);
    const objects = new Map(declared.map((decl) => [this.info.defs.get(decl.name), decl]));
    const mentioned = new Set<ast.TypeDecl>();
    const visit = (node: ast.Node, own: ast.TypeDecl | undefined): void => {
      if (node.kind === 'Name') {
        const target = objects.get(this.info.uses.get(node));
        if (target !== undefined && target !== own) mentioned.add(target);
      }
      forEachChild(node, (child) => visit(child, own));
    };
    for (const decl of this.file.declarations) {
      if (decl.kind === 'TypeDecl') visit(decl.type, decl);
      else if (decl.kind === 'VarDecl' || decl.kind === 'ConstDecl') visit(decl, undefined);
      else if (decl.kind === 'FuncDecl') {
        // A method's signature may mention its own receiver type.
        const recv = decl.recv === null ? undefined : this.info.defs.get(decl.name);
        const recvType = recv?.kind === 'Func' && recv.type.kind === 'Signature' ? recv.type.recv?.type : undefined;
        const base = recvType?.kind === 'Pointer' ? recvType.elem : recvType;
        const own = base?.kind === 'Named' ? objects.get(base.obj) : undefined;
        visit(decl.type, own);
      }
    }
    return declared.map((decl) => {
      const obj = this.info.defs.get(decl.name);
      return { text: obj === undefined || obj === null ? decl.name.value : this.types.text(obj.type), position: decl.name.pos, mentionedElsewhere: mentioned.has(decl) };
    });
  }

  // ---------------------------------------------------------------------------------------
  // Declarations.

  private funcOfDecl(decl: ast.FuncDecl): IrFunc {
    const obj = this.info.defs.get(decl.name);
    if (obj?.kind !== 'Func') throw new NotModeled(decl.pos, 'function without type information');
    const fn = this.funcs.get(obj);
    if (fn === undefined) throw new NotModeled(decl.pos, 'undeclared function');
    return fn;
  }

  /** How many `func init()` were declared so far. */
  private userInits = 0;

  private declareFunc(decl: ast.FuncDecl): void {
    const obj = this.info.defs.get(decl.name);
    if (obj?.kind !== 'Func' || obj.type.kind !== 'Signature') throw new NotModeled(decl.pos, 'function without type information');
    let name = decl.name.value;
    // gc numbers the file's own init functions, in order (`init` alone is the package initialiser).
    if (decl.recv === null && name === 'init') name = `init.${this.userInits++}`;
    if (decl.recv !== null) {
      const recvType = obj.type.recv?.type;
      const pointer = recvType !== undefined && recvType.kind === 'Pointer';
      const base = recvType === undefined ? '?' : pointer && recvType.kind === 'Pointer' ? this.types.text(recvType.elem) : this.types.text(recvType);
      name = pointer ? `(*${base}).${name}` : `${base}.${name}`;
    }
    // gc reports a method at the `(` of its receiver.
    let position = decl.name.pos;
    if (decl.recv !== null) {
      const paren = this.file.source.lastIndexOf('(', decl.recv.start);
      if (paren >= decl.start) position = this.file.lines.position(paren);
    }
    // gc makes every uintptr argument of such a function keep its pointer alive ("marking a as
    // escaping uintptr"), which is not modelled.
    if (decl.pragmas.uintptrescapes) throw new NotModeled(decl.name.pos, '//go:uintptrescapes');
    const fn = this.newFunc(name, position, undefined);
    fn.noEscape = decl.pragmas.noescape;
    fn.noInline = decl.pragmas.noinline;
    if (decl.body === null) fn.body = undefined;
    this.funcs.set(obj, fn);
    this.declareSignature(fn, obj.type, decl.recv, decl.type);
  }

  private newFunc(name: string, position: ast.Pos, closureParent: IrFunc | undefined): IrFunc {
    return {
      name,
      position,
      params: [],
      results: [],
      declarations: [],
      body: [],
      closureParent,
      closureVariables: [],
      isGoDeferWrapper: false,
      noEscape: false,
      closures: [],
    };
  }

  /** Creates the parameter and result names of `fn` from its signature and syntax. */
  private declareSignature(fn: IrFunc, signature: Signature, recv: ast.Field | null, type: ast.FuncType): void {
    const fields: { field: ast.Field; receiver: boolean }[] = [];
    if (recv !== null) fields.push({ field: recv, receiver: true });
    for (const field of type.params) fields.push({ field, receiver: false });
    const vars: Var[] = [];
    if (recv !== null && signature.recv !== null) vars.push(signature.recv);
    vars.push(...signature.params);
    fields.forEach(({ field, receiver }, index) => {
      const variable = vars[index];
      if (variable === undefined) throw new NotModeled(field.pos, 'parameter without type information');
      const typeInfo = this.types.info(variable.type);
      const blank = field.name === null || field.name.value === '_';
      const param: IrParam = { blank: field.name?.value === '_', type: typeInfo, position: field.name?.pos ?? field.pos, receiver };
      if (!blank && field.name !== null) {
        param.name = this.declareVar(variable, field.name.value, field.name.pos, 'param', fn);
      }
      fn.params.push(param);
    });
    signature.results.forEach((variable, index) => {
      const field = type.results[index];
      let printed = variable.name;
      if (printed === '') printed = `~r${index}`;
      else if (printed === '_') printed = `~b${index}`;
      const name = this.declareVar(variable, printed, field?.name?.pos ?? field?.pos ?? type.pos, 'result', fn);
      fn.results.push(name);
    });
  }

  private declareVar(variable: GoObject, printed: string, position: ast.Pos, nameClass: NameClass, fn: IrFunc): IrName {
    const name: IrName = { name: printed, class: nameClass, position, type: this.types.info(variable.type), fn };
    this.names.set(variable, name);
    this.goTypes.set(name, variable.type);
    this.varOwner.set(name, fn);
    fn.declarations.push(name);
    return name;
  }

  /**
   * The package initialisation function: package-level variables whose initial value must be
   * computed at run time (map literals, `new`, `make`, calls) are assigned there; values the
   * linker can lay out statically (constants, literals of constants, function literals) are not.
   */
  private packageInit(): IrFunc | undefined {
    const decls = this.file.declarations.filter((decl): decl is ast.VarDecl => decl.kind === 'VarDecl' && decl.values.length > 0);
    if (decls.length === 0) return undefined;
    const init = this.newFunc('init', decls[0]?.pos ?? this.file.pos, undefined);
    this.context = { fn: init, closureCount: 0 };
    const body: IrStmt[] = [];
    let staticTemporaries = 0;
    // gc initialises in dependency order (a variable after those its value uses), else in source order.
    const rank = new Map(this.info.initOrder.map((name, index) => [name, index]));
    const entries = decls.flatMap((decl) => decl.names.map((name, index) => ({ decl, name, index })));
    const ordered = entries
      .map((entry, position) => ({ ...entry, key: rank.get(entry.name) ?? entries.length + position }))
      .sort((a, b) => a.key - b.key);
    // A declaration from one multi-value expression is one assignment, made at its first name.
    const multiDone = new Set<ast.VarDecl>();
    try {
      for (const { decl, name, index } of ordered) {
        ((): void => {
          if (decl.values.length !== decl.names.length) {
            if (multiDone.has(decl)) return;
            multiDone.add(decl);
            const only = decl.values[0] as ast.Expr;
            this.noteInitializerFuncs(only);
            const lhs = decl.names.map((declared): IrExpr | undefined => {
              const obj = this.info.defs.get(declared);
              if (declared.value === '_' || obj === undefined || obj === null) return undefined;
              const type = this.types.info(obj.type);
              const global: IrName = this.names.get(obj) ?? { name: declared.value, class: 'global', position: declared.pos, type };
              this.names.set(obj, global);
              return { op: 'name', name: global, type, position: declared.pos, text: declared.value };
            });
            // Straight into the variables: no temporaries, and the conversions to their types
            // come after escape analysis (gc's walk).
            const text = `${decl.names.map((declared) => declared.value).join(', ')} = ${this.exprText(only)}`;
            const stripped = stripParens(only);
            if (stripped.kind === 'CallExpr' && this.info.types.get(stripped)?.mode !== 'commaok') {
              body.push({ op: 'assignCall', lhs, call: this.expr(only), position: name.pos, text });
              return;
            }
            const why = stripped.kind === 'AssertExpr' ? 'assign-pair-dot-type' : stripped.kind === 'IndexExpr' ? 'assign-pair-mapr' : 'assign-pair-receive';
            body.push({ op: 'assign', why, lhs, rhs: [this.expr(only), undefined], compound: false, position: name.pos, text });
            return;
          }
          const value = decl.values[index] as ast.Expr;
          this.noteInitializerFuncs(value);
          const obj = this.info.defs.get(name);
          // How gc's staticinit lays the value out: static data, parts computed at run time, or neither.
          const parts: StaticPart[] = [];
          this.staticLiterals = [];
          const laidOut = name.value !== '_' && obj !== undefined && obj !== null
            ? this.staticPlan(value, obj.type, `${this.file.packageName.value}.${name.value}`, 0, parts)
            : this.isStaticInitializer(value);
          if (laidOut && parts.length === 0) {
            // Laid out statically, but its function literals are still compiled (init.funcN) and analysed.
            this.staticFuncLits(value);
            return;
          }
          // A package-level variable is assigned, not defined, by the initialisation function.
          const text = `${name.value} = ${this.exprText(value)}`;
          if (name.value === '_' || obj === undefined || obj === null) {
            // A value for `_` is only evaluated: a call as a call, anything else (a conversion too) discarded.
            const evaluated = this.expr(value);
            const call = evaluated.op === 'withInit' ? evaluated.x : evaluated;
            if (call.op === 'call' || call.op === 'builtin' || call.op === 'inlinedCall') body.push({ op: 'expr', x: evaluated, position: value.pos, text });
            else body.push({ op: 'assign', why: 'assign', lhs: [undefined], rhs: [evaluated], compound: false, position: value.pos, text });
            return;
          }
          if (laidOut) {
            // Its static parts' function literals are compiled (init.funcN) and analysed too.
            for (const literal of this.staticLiterals) this.staticFuncLits(literal);
            // A composite literal laid out statically: only its dynamic elements run, each stored
            // into its place, which gc prints `(T)(main..stmp_N@offset)` (or the variable's own symbol).
            for (const part of parts) {
              const slotType = this.types.info(part.target);
              const placed = this.staticNamesKnown && this.file.packageName.value === 'main' && part.offset !== undefined;
              const slotName = placed ? `(${slotType.text})(${part.storage}@${part.offset})` : `.stmp_${staticTemporaries++}`;
              const slot: IrName = { name: slotName, class: 'global', position: part.expr.pos, type: slotType };
              const stripped = stripParens(part.expr);
              const rhs = stripped.kind === 'CompositeLit' && stripped.type === null ? this.compositeLit(stripped, part.target) : this.convertTo(part.expr, part.target);
              const assignText = `${slot.name} = ${this.exprText(part.expr)}`;
              body.push({ op: 'assign', why: 'assign', lhs: [{ op: 'name', name: slot, type: slotType, position: part.expr.pos, text: slot.name }], rhs: [rhs], compound: false, position: part.expr.pos, text: assignText });
            }
            return;
          }
          const type = this.types.info(obj.type);
          const global: IrName = this.names.get(obj) ?? { name: name.value, class: 'global', position: name.pos, type };
          this.names.set(obj, global);
          body.push({ op: 'assign', why: 'assign', lhs: [{ op: 'name', name: global, type, position: name.pos, text: name.value }], rhs: [this.convertTo(value, obj.type)], compound: false, position: name.pos, text });
        })();
      }
    } finally {
      this.context = undefined;
    }
    const literals = [...init.closures, ...this.staticClosures].sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
    if (literals.some((fn, index) => fn.name !== `init.func${index + 1}`)) {
      // gc numbers package-level function literals in source order; here they were met in initialisation order.
      throw new NotModeled(literals[0]?.position ?? init.position, 'function literals in package-level variables initialised out of source order');
    }
    if (body.length === 0 && init.closures.length === 0) return undefined;
    init.body = body;
    return init;
  }

  /**
   * Function literals of statically laid out package-level values: gc compiles each as a
   * function of its own (`init.funcN`) that nothing in the init function refers to.
   */
  private readonly staticClosures: IrFunc[] = [];

  /** Lowers the function literals of a statically laid out value (not those nested in another literal's body). */
  /**
   * The package's functions a package-level variable's initial value holds as values (not
   * calls), static parts included, in source order: gc's inliner meets them from the package
   * initialisation, before the other functions (escape analysis does not).
   */
  private readonly initializerFuncs: { fn: IrFunc; position: Position }[] = [];

  private noteInitializerFuncs(value: ast.Expr): void {
    const pending: ast.Node[] = [value];
    while (pending.length > 0) {
      const node = pending.pop() as ast.Node;
      if (node.kind === 'FuncLit') continue;
      if (node.kind === 'CallExpr') {
        // A function called is not held: its call is the initialisation's (or static data's).
        const fun = stripParens(node.fun);
        pending.push(...[...node.args].reverse());
        if (fun.kind !== 'Name' && fun.kind !== 'SelectorExpr') pending.push(fun);
        else if (fun.kind === 'SelectorExpr') pending.push(fun.x);
        continue;
      }
      if (node.kind === 'Name') {
        const obj = this.info.uses.get(node);
        const fn = obj?.kind === 'Func' ? this.funcs.get(obj) : undefined;
        if (fn !== undefined) this.initializerFuncs.push({ fn, position: node.pos });
        continue;
      }
      pending.push(...children(node).reverse());
    }
  }

  private staticFuncLits(value: ast.Expr): void {
    const pending: ast.Node[] = [value];
    while (pending.length > 0) {
      const node = pending.pop() as ast.Node;
      if (node.kind === 'FuncLit') {
        this.funcLit(node);
        const fn = this.fn.closures.pop() as IrFunc;
        this.staticClosures.push(fn);
        continue;
      }
      pending.push(...children(node).reverse());
    }
  }

  /** Function literals `staticPlan` met in the static parts of the value it planned last. */
  private staticLiterals: ast.FuncLit[] = [];
  /** gc's counter of static temporaries (`.stmp_N`), in initialisation order. */
  private staticNames = 0;
  /** Whether every static temporary so far was counted as gc counts it (else `-m=2` cannot name them). */
  private staticNamesKnown = true;

  /**
   * How gc's staticinit lays out `value` (of type `target`) at `offset` in `storage` (the
   * variable's symbol, `main.x`, or a static temporary's, `main..stmp_N`): static parts are data,
   * each static object it needs (what `&T{...}` points to, a slice literal's array, a boxed
   * value) takes the next `.stmp_N`, and each part computed at run time is appended to `parts`
   * with its place. Returns false when `value` itself is not static data (gc then assigns it
   * whole, here or into its place in the enclosing value).
   */
  private staticPlan(value: ast.Expr, target: Type, storage: string, offset: number | undefined, parts: StaticPart[]): boolean {
    // An offset not known (a layout not measured) stays unknown: the parts are found, not named.
    const place = (part: ast.Expr, type: Type, where: string, at: number | undefined): void => {
      if (!this.staticPlan(part, type, where, at, parts)) parts.push({ expr: part, target: type, storage: where, offset: at });
    };
    const plus = (at: number | undefined, more: number | undefined): number | undefined => (at === undefined || more === undefined ? undefined : at + more);
    const newStatic = (): string => `${this.file.packageName.value}..stmp_${this.staticNames++}`;
    const expr = stripParens(value);
    const entry = this.info.types.get(expr);
    if (isInterfaceType(target)) {
      // A conversion to an interface: the type word is static; the value goes in the data word
      // when pointer-shaped, else into a static temporary the data word points to.
      let inner = expr;
      for (;;) {
        const conversion = inner.kind === 'CallExpr' ? this.info.conversions.get(inner) : undefined;
        const arg = inner.kind === 'CallExpr' ? inner.args[0] : undefined;
        if (conversion === undefined || arg === undefined || !isInterfaceType(conversion)) break;
        inner = stripParens(arg);
      }
      const innerEntry = this.info.types.get(inner);
      if (inner.kind === 'Name' && this.info.uses.get(inner)?.kind === 'Nil') return true;
      if (innerEntry?.mode === 'constant') {
        newStatic();
        return true;
      }
      const innerType = this.typeOf(inner);
      if (isInterfaceType(innerType)) return false;
      if (this.types.info(innerType).directIface) {
        place(inner, innerType, storage, plus(offset, 8));
        return true;
      }
      const box = newStatic();
      place(inner, innerType, box, 0);
      return true;
    }
    if (entry?.mode === 'constant') return true;
    switch (expr.kind) {
      case 'Name': {
        const obj = this.info.uses.get(expr);
        if (obj?.kind === 'Nil' || obj?.kind === 'Func' || obj?.kind === 'Const') return true;
        // A copy of another variable's static data (gc's staticcopy): not followed.
        this.staticNamesKnown = false;
        return false;
      }
      case 'FuncLit':
        this.staticLiterals.push(expr);
        return true;
      case 'CallExpr': {
        // []byte("...") is static data; other conversions and calls run.
        const conversion = this.info.conversions.get(expr);
        const arg = expr.args[0];
        return conversion !== undefined && arg !== undefined && this.info.types.get(arg)?.mode === 'constant';
      }
      case 'Operation': {
        if (expr.op !== '&' || expr.y !== null) return false;
        const inner = stripParens(expr.x);
        if (inner.kind !== 'CompositeLit') {
          // The address of a package-level variable (or a part of one) is static.
          const base = this.outerName(inner);
          return base?.kind === 'Var' && base.isGlobal;
        }
        const pointee = newStatic();
        place(inner, this.typeOf(inner), pointee, 0);
        return true;
      }
      case 'CompositeLit':
        break;
      default:
        return false;
    }
    let literalType = expr.type !== null ? this.typeOf(expr) : target;
    const elided = underlying(literalType);
    if (elided.kind === 'Pointer') {
      // `{...}` for `&T{...}` inside an outer literal.
      const pointee = newStatic();
      place({ ...expr, type: null } as ast.CompositeLit, elided.elem, pointee, 0);
      return true;
    }
    const under = structFields(literalType) ?? underlying(literalType);
    if (under.kind === 'Map') return false;
    let base: number | undefined = offset;
    let where = storage;
    if (under.kind === 'Slice') {
      where = newStatic();
      base = 0;
    }
    const valueOf = (element: ast.Expr) => (element.kind === 'KeyValueExpr' ? element.value : element);
    if (under.kind === 'Struct') {
      const layout = offsetsOf(under);
      expr.elements.forEach((element, index) => {
        const key = element.kind === 'KeyValueExpr' && element.key.kind === 'Name' ? element.key.value : undefined;
        const fieldIndex = key === undefined ? index : under.fields.findIndex((field) => field.name === key);
        const field = under.fields[fieldIndex];
        const fieldOffset = layout?.offsets[fieldIndex];
        if (field === undefined) return;
        place(valueOf(element), field.type, where, plus(base, fieldOffset));
      });
      return true;
    }
    if (under.kind === 'Array' || under.kind === 'Slice') {
      const elementInfo = this.types.info(under.elem);
      const elementSize = elementInfo.layoutUnknown === true ? undefined : elementInfo.size;
      let next = 0;
      for (const element of expr.elements) {
        let index = next;
        if (element.kind === 'KeyValueExpr') {
          const key = this.info.types.get(element.key);
          index = key?.mode === 'constant' && key.value?.kind === 'int' ? Number(key.value.value) : -1;
        }
        next = index + 1;
        const at = index < 0 || elementSize === undefined ? undefined : plus(base, index * elementSize);
        place(valueOf(element), under.elem, where, at);
      }
      return true;
    }
    return false;
  }

  /** Whether gc initialises a package-level variable with this value statically (no code runs). */
  private isStaticInitializer(value: ast.Expr): boolean {
    const expr = stripParens(value);
    const entry = this.info.types.get(expr);
    if (entry?.mode === 'constant') return true;
    switch (expr.kind) {
      case 'Name': {
        const obj = this.info.uses.get(expr);
        return obj?.kind === 'Nil' || obj?.kind === 'Func' || obj?.kind === 'Const';
      }
      case 'FuncLit':
        return true;
      case 'CompositeLit': {
        if (underlying(this.typeOf(expr)).kind === 'Map') return false;
        return expr.elements.every((element) => this.isStaticInitializer(element.kind === 'KeyValueExpr' ? element.value : element));
      }
      case 'Operation':
        return expr.op === '&' && expr.y === null && stripParens(expr.x).kind === 'CompositeLit' && this.isStaticInitializer(expr.x);
      case 'CallExpr': {
        const conversion = this.info.conversions.get(expr);
        const arg = expr.args[0];
        return conversion !== undefined && arg !== undefined && this.info.types.get(arg)?.mode === 'constant';
      }
      default:
        return false;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Variable uses (gc's ReassignOracle and the loop-variable pass look at the same facts).

  private collectVarUses(root: ast.Node): void {
    const use = (variable: Var): VarUse => {
      let entry = this.varUses.get(variable);
      if (entry === undefined) {
        entry = { reassigned: false, addressTaken: false };
        this.varUses.set(variable, entry);
      }
      return entry;
    };
    const varOf = (expr: ast.Expr): Var | undefined => {
      const stripped = stripParens(expr);
      if (stripped.kind !== 'Name') return undefined;
      const obj = this.info.uses.get(stripped) ?? this.info.defs.get(stripped) ?? undefined;
      return obj?.kind === 'Var' ? obj : undefined;
    };
    const outerVar = (expr: ast.Expr): Var | undefined => {
      let current = stripParens(expr);
      for (;;) {
        if (current.kind === 'SelectorExpr') {
          const selection = this.info.selections.get(current);
          if (selection === undefined || selection.kind !== 'field' || selection.indirect) return undefined;
          current = stripParens(current.x);
        } else if (current.kind === 'IndexExpr') {
          const type = this.info.types.get(current.x)?.type;
          if (type === undefined || underlying(type).kind !== 'Array') return undefined;
          current = stripParens(current.x);
        } else {
          return varOf(current);
        }
      }
    };
    visitNodes(root, (node) => {
      switch (node.kind) {
        case 'AssignStmt': {
          node.lhs.forEach((lhs, index) => {
            const variable = varOf(lhs);
            if (variable === undefined) return;
            const entry = use(variable);
            if (node.lhs.length === node.rhs.length && node.op === null) (entry.assigned ??= []).push(node.rhs[index] as ast.Expr);
            else entry.assignedOtherwise = true;
          });
          if (node.define) {
            node.lhs.forEach((lhs, index) => {
              const variable = varOf(lhs);
              if (variable === undefined) return;
              const lhsName = stripParens(lhs);
              if (lhsName.kind === 'Name' && this.info.defs.get(lhsName) === variable) {
                if (node.lhs.length === node.rhs.length) use(variable).definition = node.rhs[index];
              } else {
                use(variable).reassigned = true;
              }
            });
          } else {
            for (const lhs of node.lhs) {
              const variable = varOf(lhs);
              if (variable !== undefined) use(variable).reassigned = true;
            }
          }
          break;
        }
        case 'VarDecl':
          node.names.forEach((name, index) => {
            const variable = this.info.defs.get(name);
            if (variable?.kind === 'Var' && node.values.length === node.names.length) {
              use(variable).definition = node.values[index];
              (use(variable).assigned ??= []).push(node.values[index] as ast.Expr);
            } else if (variable?.kind === 'Var' && node.values.length > 0) use(variable).assignedOtherwise = true;
          });
          break;
        case 'RangeClause':
          for (const lhs of node.lhs) {
            const variable = varOf(lhs);
            if (variable !== undefined) use(variable).assignedOtherwise = true;
          }
          if (!node.define) {
            for (const lhs of node.lhs) {
              const variable = varOf(lhs);
              if (variable !== undefined) use(variable).reassigned = true;
            }
          }
          break;
        case 'Operation':
          if (node.op === '&' && node.y === null) {
            const variable = outerVar(node.x);
            if (variable !== undefined) use(variable).addressTaken = true;
          }
          break;
        case 'SliceExpr': {
          const type = this.info.types.get(node.x)?.type;
          if (type !== undefined && underlying(type).kind === 'Array') {
            const variable = outerVar(node.x);
            if (variable !== undefined) use(variable).addressTaken = true;
          }
          break;
        }
        case 'CallExpr': {
          const fun = stripParens(node.fun);
          if (fun.kind === 'SelectorExpr') {
            const selection = this.info.selections.get(fun);
            if (selection?.kind === 'method' && selection.addressed) {
              const variable = outerVar(fun.x);
              if (variable !== undefined) use(variable).addressTaken = true;
            }
          }
          break;
        }
        default:
          break;
      }
    });
  }

  /** The value a local variable always holds, following never-reassigned definitions (gc's `StaticValue`). */
  private staticValue(expr: ast.Expr): ast.Expr {
    let current = stripParens(expr);
    for (let guard = 0; guard < 100; guard++) {
      if (current.kind !== 'Name') return current;
      const obj = this.info.uses.get(current);
      if (obj?.kind !== 'Var' || obj.isGlobal || obj.isParam) return current;
      const uses = this.varUses.get(obj);
      if (uses === undefined || uses.reassigned || uses.addressTaken || uses.definition === undefined) return current;
      current = stripParens(uses.definition);
    }
    return current;
  }

  // ---------------------------------------------------------------------------------------
  // Function bodies.

  private lowerBody(fn: IrFunc, body: ast.Stmt[]): void {
    const outer = this.context;
    this.context = { fn, outer, closureCount: 0 };
    try {
      fn.body = this.stmts(body);
    } finally {
      this.context = outer;
    }
  }

  private get fn(): IrFunc {
    if (this.context === undefined) throw new Error('lower: no function');
    return this.context.fn;
  }

  /** The outermost declared function of the current context (closures are numbered per outermost function). */
  private closureName(): string {
    const context = this.context;
    if (context === undefined) throw new Error('lower: no function');
    context.closureCount++;
    const parent = context.fn;
    parent.funcLitGen = context.closureCount;
    return parent.closureParent === undefined ? `${parent.name}.func${context.closureCount}` : `${parent.name}.${context.closureCount}`;
  }

  private stmts(list: ast.Stmt[]): IrStmt[] {
    const out: IrStmt[] = [];
    let lastLabel = -1;
    list.forEach((statement, index) => {
      if (statement.kind === 'LabeledStmt') lastLabel = index;
    });
    // gc's front end leaves out what follows a statement that terminates (a return, a panic, a
    // goto, an if whose branches that can run all terminate), unless a label comes later.
    let dead = false;
    for (let index = 0; index < list.length; index++) {
      const statement = list[index] as ast.Stmt;
      if (dead && index > lastLabel) break;
      this.stmt(statement, out);
      dead = this.terminates(statement);
    }
    return out;
  }

  /** Whether a statement ends normal control flow, as gc's front end judges it before dropping what follows. */
  private terminates(statement: ast.Stmt | null | undefined): boolean {
    if (statement === null || statement === undefined) return false;
    switch (statement.kind) {
      case 'BranchStmt':
        return statement.token === 'goto';
      case 'ReturnStmt':
        return true;
      case 'ExprStmt': {
        const call = stripParens(statement.x);
        return call.kind === 'CallExpr' && this.info.builtins.get(call)?.id === 'panic';
      }
      case 'IfStmt': {
        const entry = this.info.types.get(statement.cond);
        const cond = entry?.mode === 'constant' && entry.value?.kind === 'bool' ? (entry.value.value ? 1 : -1) : 0;
        return (cond < 0 || this.terminates(statement.then)) && (cond > 0 || this.terminates(statement.else));
      }
      case 'BlockStmt':
        return this.terminates([...statement.list].reverse().find((item) => item.kind !== 'EmptyStmt'));
      default:
        return false;
    }
  }

  private stmt(n: ast.Stmt, out: IrStmt[]): void {
    // The printed text only for the statements that carry their own (the others print theirs).
    const base = () => ({ position: n.pos, text: this.stmtText(n) });
    switch (n.kind) {
      case 'EmptyStmt':
        return;
      case 'LabeledStmt':
        out.push({ op: 'label', label: n.label.value, ...base() });
        this.stmt(n.stmt, out);
        return;
      case 'BlockStmt':
        out.push({ op: 'block', list: this.stmts(n.list), ...base() });
        return;
      case 'ExprStmt':
        out.push({ op: 'expr', x: this.expr(n.x), ...base() });
        return;
      case 'SendStmt': {
        const chanType = this.typeOf(n.chan);
        const elem = underlying(chanType);
        out.push({
          op: 'send',
          chan: this.expr(n.chan),
          value: this.convertTo(n.value, elem.kind === 'Chan' ? elem.elem : undefined),
          ...base(),
        });
        return;
      }
      case 'DeclStmt':
        for (const decl of n.declarations) {
          if (decl.kind === 'VarDecl') this.varDecl(decl, out);
          else if (decl.kind === 'FuncDecl' || decl.kind === 'ImportDecl') throw new NotModeled(decl.pos, 'nested declarations');
        }
        return;
      case 'AssignStmt':
        this.assign(n, out);
        return;
      case 'BranchStmt':
        if (n.token === 'goto') this.fn.hasGoto = true;
        out.push({ op: n.token, label: n.label?.value, ...base() });
        return;
      case 'CallStmt':
        this.goDefer(n, out);
        return;
      case 'ReturnStmt':
        this.returnStmt(n, out);
        return;
      case 'IfStmt': {
        // gc drops the branch a constant condition never takes before escape analysis.
        const condition = this.info.types.get(n.cond);
        if (n.init === null && condition?.mode === 'constant' && condition.value?.kind === 'bool') {
          if (condition.value.value) out.push({ op: 'block', list: this.stmts(n.then.list), ...base() });
          else if (n.else !== null) this.stmt(n.else, out);
          return;
        }
        const init: IrStmt[] = [];
        if (n.init !== null) this.stmt(n.init, init);
        // In source order: captured variables, literals and temporaries are numbered as gc meets them.
        const cond = this.expr(n.cond);
        const body = this.stmts(n.then.list);
        const elseList: IrStmt[] = [];
        if (n.else !== null) this.stmt(n.else, elseList);
        out.push({ op: 'if', init, cond, body, else: elseList, ...base() });
        return;
      }
      case 'ForStmt':
        this.forStmt(n, out);
        return;
      case 'RangeClause':
        throw new NotModeled(n.pos, 'range clause outside a for statement');
      case 'SwitchStmt':
        this.switchStmt(n, out);
        return;
      case 'SelectStmt':
        out.push({
          op: 'select',
          cases: n.body.map((clause) => {
            const comm: IrStmt[] = [];
            if (clause.comm !== null) this.stmt(clause.comm, comm);
            const body = this.stmts(clause.body);
            // `case i = <-c` converting to an interface is rewritten as `case tmp := <-c: i = tmp; ...`.
            const only = comm.length === 1 ? comm[0] : undefined;
            const converted = only?.op === 'assign' && only.lhs.length === 1 && !only.compound ? only.rhs[0] : undefined;
            if (only?.op === 'assign' && converted?.op === 'convIface' && !converted.explicit && converted.x.op === 'receive') {
              const received = converted.x;
              const temporary = this.temporary(received.type, clause.pos);
              const tmp = this.nameExpr(temporary);
              comm[0] = { op: 'block', list: [
                { op: 'decl', name: temporary, position: clause.pos, text: '' },
                { op: 'assign', why: 'assign', lhs: [tmp], rhs: [received], compound: false, position: clause.pos, text: `${temporary.name} := ${received.text}` },
              ], position: clause.pos, text: '' };
              const text = `${only.lhs[0]?.text ?? '_'} = ${temporary.name}`;
              body.unshift({ ...only, rhs: [{ ...converted, x: { ...tmp, position: received.position }, text: temporary.name }], text });
            }
            if (comm.length > 1) return { comm: { op: 'block' as const, list: comm, position: clause.pos, text: '' }, body };
            return { comm: comm[0], body };
          }),
          ...base(),
        });
        return;
    }
  }

  private varDecl(decl: ast.VarDecl, out: IrStmt[]): void {
    const names = decl.names.map((name) => this.defineLocal(name));
    const text = this.stmtText(decl);
    if (decl.values.length === 0) {
      for (const name of names) {
        if (name === undefined) continue;
        out.push({ op: 'decl', name, position: name.position, text });
        out.push({ op: 'assign', why: 'assign', lhs: [this.nameExpr(name)], rhs: [undefined], compound: false, position: name.position, text });
      }
      return;
    }
    this.defineAndAssign(decl.names, names, decl.values, decl.pos, text, out);
  }

  private defineLocal(name: ast.Name): IrName | undefined {
    if (name.value === '_') return undefined;
    const obj = this.info.defs.get(name);
    if (obj === undefined || obj === null) return undefined;
    const existing = this.names.get(obj);
    if (existing !== undefined) return existing;
    return this.declareVar(obj, name.value, name.pos, 'local', this.fn);
  }

  /** `a, b := x, y` or `var a, b = x, y`: declarations then one assignment statement. */
  private defineAndAssign(
    lhsNodes: ast.Expr[],
    names: (IrName | undefined)[],
    values: ast.Expr[],
    position: ast.Pos,
    text: string,
    out: IrStmt[],
  ): void {
    for (const name of names) if (name !== undefined) out.push({ op: 'decl', name, position: name.position, text });
    const lhs = lhsNodes.map((node, index) => {
      const name = names[index];
      if (name !== undefined) return this.nameExpr(name);
      return stripParens(node).kind === 'Name' && (stripParens(node) as ast.Name).value === '_' ? undefined : this.expr(node);
    });
    const statement = this.assignment(lhs, lhsNodes, values, position, text, out);
    for (const name of names) if (name !== undefined) name.definedBy = statement;
    out.push(statement);
  }

  /**
   * Builds the assignment of `values` to `lhs`. A single multi-value right side (a call or a
   * comma-ok expression) is first assigned to temporaries, then the temporaries to the
   * destinations, converted as needed, as gc's front end does.
   */
  private assignment(lhs: (IrExpr | undefined)[], lhsNodes: ast.Expr[], values: ast.Expr[], position: ast.Pos, text: string, out: IrStmt[]): IrStmt {
    const targetTypes = lhsNodes.map((node) => {
      const stripped = stripParens(node);
      if (stripped.kind === 'Name' && stripped.value === '_') return undefined;
      return this.info.types.get(node)?.type ?? (stripped.kind === 'Name' ? this.objectType(stripped) : undefined);
    });
    if (values.length === 1 && lhs.length > 1) {
      const define = lhsNodes.some((node) => {
        const stripped = stripParens(node);
        return stripped.kind === 'Name' && this.info.defs.get(stripped) !== undefined && this.info.defs.get(stripped) !== null;
      });
      const temporaries = this.multiValue(values[0] as ast.Expr, out, position);
      const rhs = this.multiValueUses(temporaries, targetTypes.map((type) => (type === undefined ? undefined : this.types.info(type))));
      // gc prints the rewritten statement: `u, ok := (*T)(.autotmp_2), .autotmp_3`, with `0` for
      // each value that goes to a blank (`r, _ := (*T)(.autotmp_2), 0`).
      const printed = `${lhs.map((expr) => expr?.text ?? '_').join(', ')} ${define ? ':=' : '='} ${rhs.map((expr, index) => (lhs[index] === undefined ? '0' : expr.text)).join(', ')}`;
      return { op: 'assign', why: 'assign-pair', lhs, rhs, compound: false, position, text: printed, fromTemporaries: true };
    }
    const rhs = values.map((value, index) => this.convertTo(value, targetTypes[index]));
    return { op: 'assign', why: lhs.length > 1 ? 'assign-pair' : 'assign', lhs, rhs, compound: false, position, text: this.withLoweredCalls(text, values, rhs) };
  }

  /**
   * Evaluates a multi-value expression (call or comma-ok) into fresh temporaries, one per
   * value, declared at `position` (the statement's or the call's), as gc's front end does.
   */
  private multiValue(node: ast.Expr, out: IrStmt[], position: ast.Pos): IrName[] {
    const value = stripParens(node);
    const tuple = this.typeOf(value);
    const mode = this.info.types.get(value)?.mode;
    const printed = (temporaries: IrName[], rhs: string) => `${temporaries.map((temporary) => temporary.name).join(', ')} := ${rhs}`;
    if (value.kind === 'CallExpr' && mode !== 'commaok') {
      if (tuple.kind !== 'Tuple') throw new NotModeled(value.pos, 'multi-value call without tuple type');
      const call = this.expr(value);
      const temporaries = tuple.vars.map((result) => this.temporary(this.types.info(result.type), position));
      const text = printed(temporaries, call.text);
      for (const temporary of temporaries) out.push({ op: 'decl', name: temporary, position, text });
      const statement: IrStmt = { op: 'assignCall', lhs: temporaries.map((temporary) => this.nameExpr(temporary)), call, position, text };
      for (const temporary of temporaries) temporary.definedBy = statement;
      out.push(statement);
      return temporaries;
    }
    // v, ok = x.(T) / m[k] / <-ch
    const why = value.kind === 'AssertExpr' ? 'assign-pair-dot-type' : value.kind === 'IndexExpr' ? 'assign-pair-mapr' : 'assign-pair-receive';
    const valueType = tuple.kind === 'Tuple' ? (tuple.vars[0]?.type ?? tuple) : tuple;
    const okType = tuple.kind === 'Tuple' ? (tuple.vars[1]?.type ?? this.boolType()) : this.boolType();
    const first = this.expr(value);
    const temporaries = [this.temporary(this.types.info(valueType), position), this.temporary(this.types.info(okType), position)];
    const text = printed(temporaries, first.text);
    for (const temporary of temporaries) out.push({ op: 'decl', name: temporary, position, text });
    const statement: IrStmt = { op: 'assign', why, lhs: temporaries.map((temporary) => this.nameExpr(temporary)), rhs: [first, undefined], compound: false, position, text };
    for (const temporary of temporaries) temporary.definedBy = statement;
    out.push(statement);
    return temporaries;
  }

  /**
   * The uses of multi-value temporaries as values for destinations of `targets` types: an
   * implicit conversion where the types differ (printed as its operand), and the first value,
   * when not converted, wrapped in the no-op conversion that holds the temporaries'
   * statements in gc's IR, printed `T(.autotmp_N)`.
   */
  private multiValueUses(temporaries: IrName[], targets: (TypeInfo | undefined)[]): IrExpr[] {
    return temporaries.map((temporary, index) => {
      const target = targets[index];
      const value = this.nameExpr(temporary);
      if (target !== undefined && target.kind === 'interface' && value.type.kind !== 'interface') return this.implicitIface(value, target);
      if (index === 0 && (target === undefined || target.text === temporary.type.text)) {
        value.text = /^[A-Za-z_][\w.]*$/.test(temporary.type.text) ? `${temporary.type.text}(${temporary.name})` : `(${temporary.type.text})(${temporary.name})`;
      }
      return value;
    });
  }

  private boolType(): Type {
    return { kind: 'Basic', basic: 'bool', name: 'bool' };
  }

  private objectType(name: ast.Name): Type | undefined {
    const obj = this.info.defs.get(name) ?? this.info.uses.get(name);
    return obj?.type;
  }

  private assign(n: ast.AssignStmt, out: IrStmt[]): void {
    const text = this.stmtText(n);
    if (n.op !== null) {
      // x op= y, x++, x--: gc's OASOP. Escape analysis sees only `y` flowing into `x` (the
      // destination is evaluated once, as a destination; a string concatenation it implies is
      // made later, after escape analysis, so it has no location of its own).
      const target = n.lhs[0] as ast.Expr;
      // gc reads `x` before `y` (a closure captures them in that order).
      const x = this.expr(target);
      const value: IrExpr =
        n.rhs.length > 0 ? this.expr(n.rhs[0] as ast.Expr) : { op: 'literal', type: this.types.info(this.typeOf(target)), position: n.pos, text: '1' };
      out.push({ op: 'assign', why: 'assign', lhs: [x], rhs: [value], compound: true, position: n.pos, text });
      return;
    }
    if (n.define) {
      const names = n.lhs.map((lhs) => {
        const stripped = stripParens(lhs);
        if (stripped.kind !== 'Name') throw new NotModeled(lhs.pos, 'non-name on the left of :=');
        const obj = this.info.defs.get(stripped);
        if (obj === undefined || obj === null) return undefined;
        return this.defineLocal(stripped);
      });
      // Names redeclared by := are assigned, not defined.
      const newNames = names.map((name, index) => {
        const stripped = stripParens(n.lhs[index] as ast.Expr) as ast.Name;
        return this.info.defs.get(stripped) ? name : undefined;
      });
      this.defineAndAssign(n.lhs, newNames, n.rhs, n.pos, text, out);
      return;
    }
    const lhs = n.lhs.map((node) => {
      const stripped = stripParens(node);
      if (stripped.kind === 'Name' && stripped.value === '_') return undefined;
      return this.expr(node);
    });
    out.push(this.assignment(lhs, n.lhs, n.rhs, n.pos, text, out));
  }

  private returnStmt(n: ast.ReturnStmt, out: IrStmt[]): void {
    const fn = this.fn;
    const text = this.stmtText(n);
    if (n.results.length === 1 && fn.results.length > 1) {
      const temporaries = this.multiValue(n.results[0] as ast.Expr, out, n.pos);
      const results = this.multiValueUses(temporaries, fn.results.map((result) => result.type));
      out.push({ op: 'return', results, position: n.pos, text: `return ${results.map((result) => result.text).join(', ')}` });
      return;
    }
    const results = n.results.map((result, index) => {
      const target = fn.results[index];
      return this.convertToInfo(result, target?.type, target === undefined ? undefined : this.goTypes.get(target));
    });
    out.push({ op: 'return', results, position: n.pos, text: this.withLoweredCalls(text, n.results, results) });
  }

  /**
   * A statement's text with each call among `values` as gc prints it after lowering (a packed
   * variadic slice as `... argument...`, a static method call with its receiver first).
   */
  private withLoweredCalls(text: string, values: ast.Expr[], lowered: (IrExpr | undefined)[]): string {
    let result = text;
    values.forEach((value, index) => {
      let ir = lowered[index];
      if (ir?.op === 'convIface' && !ir.explicit) ir = ir.x;
      const printed = this.exprText(value);
      if (ir?.op !== 'call' || ir.text === printed) return;
      const at = result.lastIndexOf(printed);
      if (at < 0 || result.indexOf(printed) !== at) return;
      result = `${result.slice(0, at)}${ir.text}${result.slice(at + printed.length)}`;
    });
    return result;
  }

  private forStmt(n: ast.ForStmt, out: IrStmt[]): void {
    const text = this.source(n);
    if (n.init?.kind === 'RangeClause') {
      this.rangeStmt(n, n.init, out);
      return;
    }
    const init: IrStmt[] = [];
    if (n.init !== null) this.stmt(n.init, init);
    const perIteration = this.perIterationVars(n);
    const post: IrStmt[] = [];
    if (n.post !== null) this.stmt(n.post, post);
    const cond = n.cond === null ? undefined : this.expr(n.cond);
    let body = this.stmts(n.body.list);
    if (perIteration.length > 0) {
      // The loop runs on copies; each iteration declares its own variable (go1.22 loopvar).
      const prologue: IrStmt[] = [];
      for (const name of perIteration) {
        const temporary = this.temporary(name.type, name.position, true);
        // At the loop's position, as gc's loopvar pass places it.
        const definition: IrStmt = {
          op: 'assign',
          why: 'assign',
          lhs: [this.nameExpr(name)],
          rhs: [this.nameExpr(temporary)],
          compound: false,
          position: n.pos,
          text: `${name.name} := ${temporary.name}`,
          loopvar: true,
        };
        prologue.push({ op: 'decl', name, position: name.position, text: definition.text, loopvar: true }, definition);
        body = [...prologue, ...body, { op: 'assign', why: 'assign', lhs: [this.nameExpr(temporary)], rhs: [this.nameExpr(name)], compound: false, position: name.position, text: '', loopvar: true }];
        this.renameInStmts(init, name, temporary);
        this.renameInStmts(post, name, temporary);
      }
      // The init statement declares the copies now, and prints so (`.autotmp_3, .autotmp_4 := 0, x`).
      const declaring = init.filter((statement) => statement.op === 'assign').pop();
      if (declaring?.op === 'assign' && declaring.text.includes(' := ')) {
        declaring.text = `${declaring.lhs.map((lhs) => lhs?.text ?? '_').join(', ')}${declaring.text.slice(declaring.text.indexOf(' := '))}`;
      }
    }
    out.push({ op: 'for', init, cond, post: post.length === 1 ? post[0] : post.length > 1 ? { op: 'block', list: post, position: n.pos, text: '' } : undefined, body, position: n.pos, text });
  }

  /** Loop variables of a three-clause loop that must become per-iteration (captured or address-taken). */
  private perIterationVars(n: ast.ForStmt): IrName[] {
    if (this.languageMinor < 22 || n.init === null || n.init.kind !== 'AssignStmt' || !n.init.define) return [];
    const result: IrName[] = [];
    for (const lhs of n.init.lhs) {
      const stripped = stripParens(lhs);
      if (stripped.kind !== 'Name') continue;
      const obj = this.info.defs.get(stripped);
      if (obj?.kind !== 'Var') continue;
      if (this.leaksInLoop(obj, n)) {
        const name = this.names.get(obj);
        if (name !== undefined) result.push(name);
      }
    }
    return result;
  }

  /** Whether `variable` is captured by a closure or has its address taken in the loop (outside return statements). */
  private leaksInLoop(variable: Var, loop: ast.Node): boolean {
    let leaks = false;
    const refersTo = (node: ast.Node): boolean => {
      let found = false;
      visitNodes(node, (inner) => {
        if (inner.kind === 'Name' && this.info.uses.get(inner) === variable) found = true;
      });
      return found;
    };
    const visit = (node: ast.Node, inReturn: boolean): void => {
      if (leaks) return;
      if (node.kind === 'ReturnStmt') inReturn = true;
      if (!inReturn) {
        if (node.kind === 'FuncLit' && refersTo(node.body)) {
          leaks = true;
          return;
        }
        if (node.kind === 'Operation' && node.op === '&' && node.y === null && this.outerName(node.x) === variable) {
          leaks = true;
          return;
        }
        if (node.kind === 'CallExpr') {
          const fun = stripParens(node.fun);
          if (fun.kind === 'SelectorExpr' && this.info.selections.get(fun)?.addressed === true && this.outerName(fun.x) === variable) {
            leaks = true;
            return;
          }
        }
        if (node.kind === 'SliceExpr') {
          const type = this.info.types.get(node.x)?.type;
          if (type !== undefined && underlying(type).kind === 'Array' && this.outerName(node.x) === variable) {
            leaks = true;
            return;
          }
        }
      }
      forEachChild(node, (child) => visit(child, inReturn));
    };
    visit(loop, false);
    return leaks;
  }

  private outerName(expr: ast.Expr): GoObject | undefined {
    let current = stripParens(expr);
    for (;;) {
      if (current.kind === 'SelectorExpr') {
        const selection = this.info.selections.get(current);
        if (selection === undefined || selection.kind !== 'field' || selection.indirect) return undefined;
        current = stripParens(current.x);
      } else if (current.kind === 'IndexExpr') {
        const type = this.info.types.get(current.x)?.type;
        if (type === undefined || underlying(type).kind !== 'Array') return undefined;
        current = stripParens(current.x);
      } else if (current.kind === 'Name') {
        return this.info.uses.get(current);
      } else {
        return undefined;
      }
    }
  }

  private renameInStmts(list: IrStmt[], from: IrName, to: IrName): void {
    visitIr(list, (node) => {
      if (node.op === 'name' && node.name === from) {
        node.name = to;
        node.text = to.name;
      } else if (node.op === 'decl' && node.name === from) {
        node.name = to;
      }
    });
    if (from.definedBy !== undefined && list.includes(from.definedBy)) to.definedBy = from.definedBy;
  }

  /**
   * A new temporary of the current function. gc names a temporary after the number of names
   * its function declared before it (`.autotmp_N` with N = len(Dcl): parameters, blank and
   * unnamed ones included, results, locals, earlier temporaries). A `late` temporary stands
   * for one gc makes only after inlining (the loop-variable copies) or not at all: it does not
   * count for the temporaries made after it here.
   */
  private temporary(type: TypeInfo, position: ast.Pos, late = false): IrName {
    const context = this.context;
    if (context === undefined) throw new Error('lower: no function');
    const fn = context.fn;
    let declared = fn.declarations.length - this.lateTemporaries.count(fn);
    for (const param of fn.params) if (param.name === undefined) declared++;
    // A late one is named once inlining is done (nameLoopvarTemporaries).
    const name: IrName = late
      ? { name: `${provisionalLoopvarPrefix}${this.loopvarSerial++}`, class: 'local', position, type, fn, loopvarTemporary: true }
      : { name: `.autotmp_${declared}`, class: 'local', position, type, fn };
    fn.declarations.push(name);
    if (late) this.lateTemporaries.add(fn);
    this.varOwner.set(name, fn);
    return name;
  }

  private rangeStmt(n: ast.ForStmt, clause: ast.RangeClause, out: IrStmt[]): void {
    const text = this.source(n);
    const rangedType = underlying(this.typeOf(clause.x));
    if (rangedType.kind === 'Signature' || (rangedType.kind === 'Basic' && rangedType.basic !== 'string' && !rangedType.basic.startsWith('untyped string'))) {
      if (rangedType.kind === 'Signature') throw new NotModeled(clause.pos, 'range over functions');
      // gc rejects it in a file whose //go:build line sets an older language version.
      if (this.languageMinor < 22) throw new NotModeled(clause.pos, `range over an integer in a file of language version go1.${this.languageMinor}`);
    }
    const init: IrStmt[] = [];
    let key: IrExpr | undefined;
    let value: IrExpr | undefined;
    const body: IrStmt[] = [];
    const perIteration: IrName[] = [];
    if (clause.define) {
      const names = clause.lhs.map((lhs) => {
        const stripped = stripParens(lhs);
        return stripped.kind === 'Name' ? this.defineLocal(stripped) : undefined;
      });
      names.forEach((name, index) => {
        if (name === undefined) return;
        const obj = this.info.defs.get(clause.lhs[index] as ast.Name);
        if (this.languageMinor >= 22 && obj?.kind === 'Var' && this.leaksInLoop(obj, n.body)) perIteration.push(name);
      });
      const rangeExprs = names.map((name) => {
        if (name === undefined) return undefined;
        if (perIteration.includes(name)) {
          const temporary = this.temporary(name.type, name.position, true);
          init.push({ op: 'decl', name: temporary, position: name.position, text });
          const copy: IrStmt = { op: 'assign', why: 'assign', lhs: [this.nameExpr(name)], rhs: [this.nameExpr(temporary)], compound: false, position: clause.rangePos, text: `${name.name} := ${temporary.name}`, loopvar: true };
          name.definedBy = copy;
          body.push({ op: 'decl', name, position: name.position, text, loopvar: true }, copy);
          return this.nameExpr(temporary);
        }
        init.push({ op: 'decl', name, position: name.position, text });
        return this.nameExpr(name);
      });
      [key, value] = rangeExprs;
    } else {
      [key, value] = clause.lhs.map((lhs) => {
        const stripped = stripParens(lhs);
        return stripped.kind === 'Name' && stripped.value === '_' ? undefined : this.expr(lhs);
      });
    }
    let x = this.expr(clause.x);
    const overArray = rangedType.kind === 'Array';
    body.push(...this.stmts(n.body.list));
    const statement: IrStmt = { op: 'range', init, x, key, value, overArray, body, defines: clause.define, position: n.pos, text, rangePosition: clause.rangePos };
    if (clause.define) {
      for (const expr of [key, value]) {
        if (expr?.op === 'name' && !perIteration.includes(expr.name)) expr.name.definedBy = statement;
        if (expr?.op === 'name' && expr.name.name.startsWith('.autotmp_')) expr.name.definedBy = statement;
      }
    }
    void x;
    x = statement.x;
    out.push(statement);
  }

  private switchStmt(n: ast.SwitchStmt, out: IrStmt[]): void {
    const text = this.source(n);
    const init: IrStmt[] = [];
    if (n.init !== null) this.stmt(n.init, init);
    if (n.tag?.kind === 'TypeSwitchGuard') {
      const guard = n.tag;
      const cases: SwitchCase[] = n.body.map((clause) => {
        let variable: IrName | undefined;
        if (guard.lhs !== null && guard.lhs.value !== '_') {
          const obj = this.info.implicits.get(clause);
          // Each clause declares its own variable, positioned at the clause.
          if (obj !== undefined) variable = this.declareVar(obj, guard.lhs.value, clause.pos, 'local', this.fn);
        }
        const nilCases = clause.cases.filter((value) => this.info.types.get(value)?.mode !== 'typexpr').length;
        return { list: [], variable, body: this.stmts(clause.body), position: clause.pos, text: this.caseText(clause), ...(nilCases > 0 ? { nilCases } : {}) };
      });
      out.push({ op: 'switch', init, tag: this.expr(guard.x), typeSwitch: true, bindsVariable: guard.lhs !== null && guard.lhs.value !== '_', cases, position: n.pos, text });
      return;
    }
    let tagExpr = n.tag;
    let clauses = n.body;
    // A constant tag (`true` without one) and constant cases up to the first that matches: gc
    // keeps only the clause that runs, as a default, or none (unless it falls through).
    const tagEntry = tagExpr === null ? undefined : this.info.types.get(tagExpr);
    const tagValue: ConstantValue | undefined = tagExpr === null ? { kind: 'bool', value: true } : tagEntry?.mode === 'constant' ? tagEntry.value : undefined;
    if (tagValue !== undefined) {
      let target: ast.CaseClause | undefined;
      let decided = true;
      outer: for (const clause of clauses) {
        if (clause.isDefault) target = clause;
        for (const value of clause.cases) {
          const entry = this.info.types.get(value);
          if (entry?.mode !== 'constant' || entry.value === undefined) {
            decided = false;
            break outer;
          }
          if (constantsEqual(tagValue, entry.value)) {
            target = clause;
            break outer;
          }
        }
      }
      const last = target?.body.filter((statement) => statement.kind !== 'EmptyStmt').pop();
      if (decided && !(last?.kind === 'BranchStmt' && last.token === 'fallthrough')) {
        clauses = target === undefined ? [] : [{ ...target, cases: [], isDefault: true }];
        tagExpr = null;
      }
    }
    // gc compares every case with the tag in one type: the tag's, or `any` when a case of
    // interface type is not assignable to it (or a case is not assignable to an interface tag);
    // channel values are compared as they are.
    let tagType: Type = tagExpr === null ? { kind: 'Basic', basic: 'bool', name: 'bool' } : this.typeOf(tagExpr);
    const tagIsChan = underlying(tagType).kind === 'Chan';
    if (!tagIsChan) {
      const mismatch = clauses.some((clause) => clause.cases.some((value) => {
        const caseType = this.typeOf(value);
        if (isInterfaceType(tagType)) return isInterfaceType(caseType) && !implementsByName(caseType, tagType);
        return isInterfaceType(caseType);
      }));
      if (mismatch) tagType = anyType;
    }
    const tag = tagExpr === null ? undefined : this.convertTo(tagExpr, tagType);
    const cases: SwitchCase[] = clauses.map((clause) => ({
      // Each case value is converted to the comparison's type.
      list: clause.cases.map((value) => (tagIsChan ? this.expr(value) : this.convertTo(value, tagType))),
      body: this.stmts(clause.body),
      position: clause.pos,
      text: this.caseText(clause),
    }));
    out.push({ op: 'switch', init, tag, typeSwitch: false, bindsVariable: false, cases, position: n.pos, text });
  }

  private goDefer(n: ast.CallStmt, out: IrStmt[]): void {
    const text = this.source(n);
    const call = stripParens(n.call);
    if (call.kind !== 'CallExpr') throw new NotModeled(n.pos, `${n.token} of a non-call`);
    let callValue = this.expr(call);
    if (callValue.op === 'withInit') {
      // The call's own setup runs at the go/defer statement.
      out.push(...callValue.init);
      callValue = callValue.x;
    }
    // Already in gc's normal form: a function call without parameters or results.
    if (callValue.op === 'call' && callValue.fun !== undefined && callValue.receiver === undefined && callValue.args.length === 0 && callValue.resultCount === 0) {
      out.push({ op: n.token, fun: callValue.fun, position: n.pos, text });
      return;
    }
    // gc wraps the call in an argument-less closure (its "gowrap"/"deferwrap"). Arguments
    // that are not constants, `new`, function names or composite literals of those are
    // evaluated now into temporaries the wrapper captures; the rest is evaluated when the
    // wrapper runs.
    const parent = this.fn;
    const context = this.context as FuncContext;
    context.wrapperCount = (context.wrapperCount ?? 0) + 1;
    const wrapper = this.newFunc(`${parent.name}.${n.token}wrap${context.wrapperCount}`, n.pos, parent);
    wrapper.isGoDeferWrapper = true;
    const temporaries: IrName[] = [];
    const values: IrExpr[] = [];
    // A temporary sits at its value, or at the statement when the value is a variable (gc
    // gives names no position of their own); an argument converted implicitly to its
    // parameter's type (`chan int` to `chan<- int`) is a conversion, at the argument.
    const hoist = (value: IrExpr, target?: TypeInfo): IrExpr => {
      const converted = target !== undefined && target.text !== value.type.text;
      const position = value.op === 'name' && !converted ? n.pos : value.position;
      const temporary = this.temporary(converted ? target : value.type, position);
      temporaries.push(temporary);
      values.push(value);
      return this.nameExpr(temporary);
    };
    const visit = (value: IrExpr, target?: TypeInfo): IrExpr => {
      switch (value.op) {
        case 'literal':
        case 'nil':
        case 'methodExpr':
        case 'new':
          return value;
        case 'name':
          return value.name.class === 'func' ? value : hoist(value, target);
        case 'arrayLit':
        case 'sliceLit':
        case 'structLit':
          value.elements = value.elements.map((element) => visit(element));
          return value;
        default:
          return hoist(value, target);
      }
    };
    if (callValue.op === 'call') {
      const call = callValue;
      // A method call prints its receiver as the first argument (`(*T).M(t, x)`).
      const printedArgs = () => [...(call.receiver !== undefined ? [call.receiver] : []), ...call.args].map((arg) => arg.text).join(', ');
      const argsText = `(${printedArgs()})`;
      const funText = call.fun?.text;
      undoDevirtualization(call);
      if (call.interfaceReceiver !== undefined) call.interfaceReceiver = hoist(call.interfaceReceiver);
      if (call.fun !== undefined) call.fun = visit(call.fun);
      if (call.receiver !== undefined) call.receiver = visit(call.receiver);
      call.args = call.args.map((arg, index) => visit(arg, call.paramTypes[index]));
      // The wrapper's call prints with the temporaries it now reads (`f(.autotmp_1)`).
      if (call.text.endsWith(argsText)) {
        let prefix = call.text.slice(0, call.text.length - argsText.length);
        if (funText !== undefined && (prefix === funText || prefix === `(${funText})`) && call.fun !== undefined) prefix = call.fun.text;
        call.text = `${prefix}(${printedArgs()})`;
      }
    } else if (callValue.op === 'builtin') {
      const builtin = callValue;
      const argsText = `(${builtin.args.map((arg) => arg.text).join(', ')})`;
      builtin.args = builtin.args.map((arg) => visit(arg));
      // It prints with the temporaries it now reads too (`panic(.autotmp_0)`).
      if (builtin.text.endsWith(argsText)) {
        builtin.text = `${builtin.text.slice(0, builtin.text.length - argsText.length)}(${builtin.args.map((arg) => arg.text).join(', ')})`;
      }
    }
    if (temporaries.length > 0) {
      for (const temporary of temporaries) out.push({ op: 'decl', name: temporary, position: temporary.position, text });
      // One assignment of all the values (gc's OAS2, printed `.autotmp_1, .autotmp_2 = x, y`).
      const assignment: IrStmt = {
        op: 'assign',
        why: 'assign-pair',
        lhs: temporaries.map((temporary) => this.nameExpr(temporary)),
        rhs: values,
        compound: false,
        position: n.pos,
        text: `${temporaries.map((temporary) => temporary.name).join(', ')} = ${values.map((value) => value.text).join(', ')}`,
      };
      for (const temporary of temporaries) temporary.definedBy = assignment;
      out.push(assignment);
    }
    // The wrapper's body refers to the temporaries: they are its captured variables.
    for (const temporary of temporaries) {
      temporary.fn = parent;
    }
    wrapper.closureVariables = temporaries;
    wrapper.body = [{ op: 'expr', x: callValue, position: call.pos, text }];
    parent.closures.push(wrapper);
    const closureSize = 8 + temporaries.reduce((sum, temporary) => sum + temporary.type.size, 0);
    const funcType: TypeInfo = { text: 'func()', kind: 'func', size: 8, align: 8, hasPointers: true, directIface: true, untyped: false };
    out.push({ op: n.token, fun: { op: 'closure', type: funcType, func: wrapper, closureSize, position: n.pos, text: 'func literal' }, position: n.pos, text });
  }

  // ---------------------------------------------------------------------------------------
  // Expressions.

  private typeOf(expr: ast.Expr): Type {
    const entry = this.info.types.get(expr);
    if (entry !== undefined) return entry.type;
    const stripped = stripParens(expr);
    if (stripped !== expr) return this.typeOf(stripped);
    if (stripped.kind === 'Name') {
      const obj = this.info.uses.get(stripped) ?? this.info.defs.get(stripped);
      if (obj !== undefined && obj !== null) return obj.type;
    }
    throw new NotModeled(expr.pos, 'expression without type information');
  }

  private nameExpr(name: IrName): IrExpr {
    return { op: 'name', name, type: name.type, position: name.position, text: name.name };
  }

  /** Lowers `expr` as a value assigned to a destination of type `target` (adding the implicit interface conversion). */
  private convertTo(expr: ast.Expr, target: Type | undefined): IrExpr {
    const value = this.expr(expr);
    if (target === undefined || !isInterfaceType(target)) return value;
    // (A variable that always holds one constant is boxed as that constant: escape analysis
    // rewrites it, as gc's rewriteWithLiterals does, once the function is walked.)
    return this.atExpression(this.implicitIface(value, this.types.info(target), this.otherInterface(expr, target)), value, expr);
  }

  private convertToInfo(expr: ast.Expr, target: TypeInfo | undefined, goTarget?: Type): IrExpr {
    const value = this.expr(expr);
    if (target === undefined || target.kind !== 'interface') return value;
    return this.atExpression(this.implicitIface(value, target, goTarget !== undefined && this.otherInterface(expr, goTarget)), value, expr);
  }

  /** Whether `expr` is an interface value of another type than the interface `target` (gc converts it, OCONVIFACE). */
  private otherInterface(expr: ast.Expr, target: Type): boolean {
    const type = this.info.types.get(stripParens(expr))?.type ?? this.info.types.get(expr)?.type;
    return type !== undefined && isInterfaceType(type) && !identical(type, target);
  }

  /**
   * An implicit conversion sits where its expression does: for an explicit conversion `T(x)`,
   * which gc positions at `x`, that is the call's parenthesis.
   */
  private atExpression(converted: IrExpr, value: IrExpr, expr: ast.Expr): IrExpr {
    const stripped = stripParens(expr);
    if (converted !== value && stripped.kind === 'CallExpr' && this.info.conversions.has(stripped)) converted.position = stripped.pos;
    return converted;
  }

  private implicitIface(value: IrExpr, target: TypeInfo, otherInterface = false): IrExpr {
    if ((value.type.kind === 'interface' && !otherInterface) || value.op === 'nil') return value;
    return { op: 'convIface', type: target, x: value, explicit: false, position: value.position, text: value.text };
  }

  private expr(n: ast.Expr): IrExpr {
    const entry = this.info.types.get(n);
    if (entry?.mode === 'constant' && entry.value !== undefined) {
      return { op: 'literal', type: this.types.info(entry.type), position: n.pos, text: this.constantText(entry.type, formatConstant(entry.value)) };
    }
    switch (n.kind) {
      case 'ParenExpr':
        return this.expr(n.x);
      case 'Name':
        return this.nameUse(n);
      case 'BasicLit':
        return { op: 'literal', type: this.types.info(this.typeOf(n)), position: n.pos, text: n.value };
      case 'CompositeLit':
        return this.compositeLit(n, this.typeOf(n));
      case 'FuncLit':
        return this.funcLit(n);
      case 'SelectorExpr':
        return this.selector(n);
      case 'IndexExpr':
        return this.index(n);
      case 'SliceExpr':
        return this.slice(n);
      case 'AssertExpr': {
        const type = this.types.info(this.typeOf(n));
        return { op: 'dotType', type, x: this.expr(n.x), position: n.pos, text: `${this.exprText(n.x, 8)}.(${type.text})` };
      }
      case 'Operation':
        return this.operation(n);
      case 'CallExpr':
        return this.call(n);
      case 'KeyValueExpr':
      case 'TypeSwitchGuard':
      case 'ListExpr':
      case 'BadExpr':
      default:
        throw new NotModeled(n.pos, `expression ${n.kind}`);
    }
  }

  /** A constant's text as gc prints it: the value, with its type when not the default one. */
  private constantText(type: Type, value: string): string {
    const typeText = this.types.text(type);
    if (type.kind === 'Basic') {
      if ((type.basic === 'int32' && type.name === 'rune') || type.basic === 'untyped rune') {
        const code = Number(value);
        if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) return quoteRune(code);
      }
      if (type.basic.startsWith('untyped') || ['int', 'float64', 'complex128', 'string', 'bool'].includes(type.basic)) {
        return value;
      }
    }
    return `${typeText}(${value})`;
  }

  private nameUse(n: ast.Name): IrExpr {
    const obj = this.info.uses.get(n) ?? this.info.defs.get(n) ?? undefined;
    const type = this.types.info(this.typeOf(n));
    if (obj === undefined) throw new NotModeled(n.pos, `unresolved name ${n.value}`);
    switch (obj.kind) {
      case 'Nil':
        return { op: 'nil', type, position: n.pos, text: 'nil' };
      case 'Var': {
        if (obj.isGlobal) {
          const name: IrName = this.names.get(obj) ?? { name: n.value, class: 'global', position: obj.pos ?? n.pos, type };
          this.names.set(obj, name);
          return { op: 'name', name, type, position: n.pos, text: n.value };
        }
        const name = this.names.get(obj);
        if (name === undefined) throw new NotModeled(n.pos, `variable ${n.value} used before its declaration was lowered`);
        this.noteCapture(name, n.pos);
        return { op: 'name', name, type, position: n.pos, text: n.value };
      }
      case 'Func': {
        const fn = this.funcs.get(obj);
        const name: IrName = { name: n.value, class: 'func', position: obj.pos ?? n.pos, type, func: fn };
        return { op: 'name', name, type, position: n.pos, text: n.value };
      }
      default:
        throw new NotModeled(n.pos, `${obj.kind} used as a value`);
    }
  }

  /** Records that the current closure (and closures between it and the owner) capture `name`. */
  private noteCapture(name: IrName, position: ast.Pos): void {
    const owner = this.varOwner.get(name);
    for (let context = this.context; context !== undefined && context.fn !== owner; context = context.outer) {
      if (context.fn.closureParent === undefined) break;
      if (!context.fn.closureVariables.includes(name)) {
        context.fn.closureVariables.push(name);
        (context.fn.closureVariablePositions ??= []).push(position);
      }
    }
  }

  /** Notes the captures of the variables an operand chain (`f`, `s.f`, `(*p).f`, `fs[i]`) starts from. */
  private noteCapturesOf(n: ast.Expr): void {
    let current: ast.Expr = n;
    while (current.kind === 'ParenExpr' || current.kind === 'SelectorExpr' || current.kind === 'IndexExpr' || (current.kind === 'Operation' && current.op === '*' && current.y === null)) {
      current = current.x;
    }
    if (current.kind !== 'Name') return;
    const obj = this.info.uses.get(current);
    if (obj?.kind !== 'Var' || obj.isGlobal) return;
    const name = this.names.get(obj);
    if (name !== undefined) this.noteCapture(name, current.pos);
  }

  private funcLit(n: ast.FuncLit): IrExpr {
    const signature = this.typeOf(n);
    if (signature.kind !== 'Signature') throw new NotModeled(n.pos, 'function literal without signature');
    const parent = this.fn;
    const fn = this.newFunc(this.closureName(), n.pos, parent);
    parent.closures.push(fn);
    this.literalFuncs.set(n, fn);
    this.declareSignature(fn, signature, null, n.type);
    this.lowerBody(fn, n.body.list);
    const captured = fn.closureVariables.reduce((sum, variable) => sum + Math.min(variable.type.size, 8), 0);
    return { op: 'closure', type: this.types.info(signature), func: fn, closureSize: 8 + captured, position: n.pos, text: 'func literal' };
  }

  private compositeLit(n: ast.CompositeLit, type: Type): IrExpr {
    // A std struct the checker sees as opaque: its recorded fields.
    const under = structFields(type) ?? underlying(type);
    const typeInfo = this.types.info(type);
    if (under.kind === 'Pointer') {
      // An elided `&T` inside an outer literal: `[]*T{{...}}`.
      const inner = this.compositeLit(n, under.elem);
      return { op: 'ptrLit', type: typeInfo, args: [inner], position: n.pos, text: `&${inner.text}` };
    }
    const text = `${typeInfo.text}{${n.elements.length > 0 ? '...' : ''}}`;
    const base = { type: typeInfo, position: n.pos, text };
    const valueOf = (element: ast.Expr) => (element.kind === 'KeyValueExpr' ? element.value : element);
    const elementExpr = (element: ast.Expr, target: Type): IrExpr => {
      const value = valueOf(element);
      if (value.kind === 'CompositeLit' && value.type === null) return this.compositeLit(value, target);
      return this.convertTo(value, target);
    };
    switch (under.kind) {
      case 'Struct': {
        const elements = n.elements.map((element, index) => {
          let field = under.fields[index];
          if (element.kind === 'KeyValueExpr' && element.key.kind === 'Name') {
            const key = element.key;
            field = under.fields.find((candidate) => candidate.name === key.value);
          }
          return elementExpr(element, field?.type ?? this.typeOf(valueOf(element)));
        });
        return { op: 'structLit', elements, keys: [], ...base };
      }
      case 'Array':
      case 'Slice': {
        const keyed = n.elements.filter((element) => element.kind === 'KeyValueExpr').length;
        const elements = n.elements.map((element) => elementExpr(element, under.elem));
        const literal: IrExpr = { op: under.kind === 'Array' ? 'arrayLit' : 'sliceLit', elements, keys: [], ...base };
        if (keyed > 0) literal.keyedElements = keyed;
        return literal;
      }
      case 'Map': {
        const keys: IrExpr[] = [];
        const elements: IrExpr[] = [];
        for (const element of n.elements) {
          if (element.kind !== 'KeyValueExpr') throw new NotModeled(element.pos, 'map literal element without key');
          keys.push(element.key.kind === 'CompositeLit' && element.key.type === null ? this.compositeLit(element.key, under.key) : this.convertTo(element.key, under.key));
          elements.push(elementExpr(element, under.elem));
        }
        return { op: 'mapLit', elements, keys, ...base };
      }
      default:
        // `T{}` of a std struct type known by its measured layout only: its zero value.
        if (typeInfo.kind === 'struct' && n.elements.length === 0) return { op: 'structLit', elements: [], keys: [], ...base };
        throw new NotModeled(n.pos, 'composite literal of this type');
    }
  }

  private selector(n: ast.SelectorExpr): IrExpr {
    const selection = this.info.selections.get(n);
    if (selection === undefined) {
      // A qualified identifier `pkg.Name`: a std package variable is a global like any other.
      const obj = this.info.uses.get(n.selector);
      if (obj?.kind === 'Var' && obj.isGlobal) {
        const type = this.types.info(obj.type);
        const text = this.exprText(n);
        const name: IrName = this.names.get(obj) ?? { name: text, class: 'global', position: n.pos, type };
        this.names.set(obj, name);
        return { op: 'name', name, type, position: n.pos, text };
      }
      throw new NotModeled(n.pos, `use of ${this.exprText(n)}`);
    }
    const type = this.types.info(this.typeOf(n));
    if (selection.kind === 'methodExpr') return { op: 'methodExpr', type, position: n.pos, text: this.exprText(n) };
    if (selection.kind === 'method') {
      const { receiver, method, receiverParam } = this.methodReceiver(n, selection);
      // An interface's method value: gc knows no function for it, so the interface value leaks.
      const signature = selection.obj.type;
      const resultCount = signature.kind === 'Signature' ? signature.results.length : 0;
      return { op: 'methodValue', type, x: receiver, method, receiverParam, resultCount, position: n.pos, text: this.exprText(n) };
    }
    const x = this.fieldPath(n.x, selection.index.slice(0, -1), selection.recv);
    const xType = this.fieldOwnerType(selection.recv, selection.index.slice(0, -1));
    const pointer = underlying(xType).kind === 'Pointer';
    const struct = underlying(pointer ? (underlying(xType) as { elem: Type }).elem : xType);
    const offset = offsetsOf(struct)?.offsets[selection.index[selection.index.length - 1] as number];
    return { op: pointer ? 'dotPtr' : 'dot', type, x, field: n.selector.value, offset, position: n.pos, text: this.exprText(n) };
  }

  /** The type reached from `type` by following the embedded-field path `path` (the checker's, so it fits). */
  private fieldOwnerType(type: Type, path: number[]): Type {
    return embeddedFieldType(type, path) ?? type;
  }

  /** `x` followed through the embedded fields `path` (implicit selectors). */
  private fieldPath(xNode: ast.Expr, path: number[], recv: Type, position?: Position): IrExpr {
    let x = this.expr(xNode);
    let current = recv;
    for (const index of path) {
      const pointer = underlying(current).kind === 'Pointer';
      let structType = underlying(current);
      if (structType.kind === 'Pointer') structType = underlying(structType.elem);
      if (structType.kind !== 'Struct') break;
      const field = structType.fields[index];
      if (field === undefined) break;
      current = field.type;
      x = { op: pointer ? 'dotPtr' : 'dot', type: this.types.info(field.type), x, field: field.name, position: position ?? x.position, text: `${x.text}.${field.name}` };
    }
    return x;
  }

  /** The receiver argument of a method selection, with gc's implicit `&` or `*`, and the static method if any. */
  private methodReceiver(n: ast.SelectorExpr, selection: NonNullable<ReturnType<Info['selections']['get']>>): { receiver: IrExpr; method?: IrFunc; receiverParam?: IrParam } {
    const path = selection.index.slice(0, -1);
    // gc places the implicit selectors, `&` and `*` of a receiver at the selector.
    let receiver = this.fieldPath(n.x, path, selection.recv, n.pos);
    const method = selection.obj.kind === 'Func' ? this.funcs.get(selection.obj) : undefined;
    const methodObj = selection.obj;
    if (methodObj.kind !== 'Func') return { receiver };
    const ownerType = underlying(this.fieldOwnerType(selection.recv, path));
    if (ownerType.kind === 'Interface') return { receiver };
    const wantsPointer = methodObj.pointerReceiver;
    const isPointer = receiver.type.kind === 'pointer';
    if (wantsPointer && !isPointer) {
      receiver = { op: 'addr', type: { text: `*${receiver.type.text}`, kind: 'pointer', size: 8, align: 8, hasPointers: true, directIface: true, elem: receiver.type, untyped: false }, x: receiver, position: n.pos, text: receiver.text };
    } else if (!wantsPointer && isPointer) {
      // gc's implicit dereference, which it prints as its operand.
      receiver = { op: 'deref', type: receiver.type.elem ?? receiver.type, x: receiver, position: n.pos, text: receiver.text };
    }
    const resolved = method ?? this.stdMethod(n, methodObj);
    return { receiver, method: resolved, receiverParam: resolved.params[0] };
  }

  private index(n: ast.IndexExpr): IrExpr {
    const xType = underlying(this.typeOf(n.x));
    const type = this.types.info(this.typeOf(n));
    const text = this.exprText(n);
    if (xType.kind === 'Map') {
      return { op: 'indexMap', type, x: this.expr(n.x), index: this.convertTo(n.index, xType.key), position: n.pos, text };
    }
    const arrayType = xType.kind === 'Pointer' ? underlying(xType.elem) : xType;
    const constantString = this.info.types.get(n.x);
    const length =
      arrayType.kind === 'Array' ? arrayType.length : constantString?.mode === 'constant' && constantString.value?.kind === 'string' ? new TextEncoder().encode(constantString.value.value).length : undefined;
    if (length !== undefined && this.info.types.get(n.index)?.mode !== 'constant' && this.boundedIndex(n.index, length)) {
      throw new NotModeled(n.pos, 'an index gc proves in range (it prints "index bounds check elided" when it compiles the function)');
    }
    let x = this.expr(n.x);
    if (xType.kind === 'Pointer') {
      // gc's implicit dereference of a pointer to an array, at the index expression, printed as its operand.
      x = { op: 'deref', type: x.type.elem ?? x.type, x, position: n.pos, text: x.text };
    }
    return { op: 'index', type, x, index: this.expr(n.index), position: n.pos, text };
  }

  private slice(n: ast.SliceExpr): IrExpr {
    const xType = underlying(this.typeOf(n.x));
    const type = this.types.info(this.typeOf(n));
    let x = this.expr(n.x);
    if (xType.kind === 'Array') {
      // The implicit & prints as its operand and sits at the slice expression.
      x = { op: 'addr', type: { text: `*${x.type.text}`, kind: 'pointer', size: 8, align: 8, hasPointers: true, directIface: true, elem: x.type, untyped: false }, x, position: n.pos, text: x.text };
    }
    const [low, high, max] = n.index.map((bound) => (bound === null ? undefined : this.expr(bound)));
    return { op: 'slice', type, x, low, high, max, position: n.pos, text: this.exprText(n) };
  }

  private operation(n: ast.Operation): IrExpr {
    const type = this.types.info(this.typeOf(n));
    const text = this.exprText(n);
    if (n.y === null) {
      switch (n.op) {
        case '&': {
          const operand = stripParens(n.x);
          if (operand.kind === 'CompositeLit') {
            const inner = this.compositeLit(operand, this.typeOf(operand));
            return { op: 'ptrLit', type, args: [inner], position: n.pos, text: `&${inner.text}` };
          }
          return { op: 'addr', type, x: this.expr(n.x), position: n.pos, text };
        }
        case '*':
          return { op: 'deref', type, x: this.expr(n.x), position: n.pos, text };
        case '<-':
          return { op: 'receive', operator: n.op, type, x: this.expr(n.x), position: n.pos, text };
        default:
          return { op: 'unary', operator: n.op, type, x: this.expr(n.x), position: n.pos, text };
      }
    }
    if (n.op === '+' && type.kind === 'string') {
      const operands: ast.Expr[] = [];
      const flatten = (expr: ast.Expr) => {
        const stripped = stripParens(expr);
        const entry = this.info.types.get(stripped);
        if (stripped.kind === 'Operation' && stripped.op === '+' && stripped.y !== null && entry?.mode !== 'constant') {
          flatten(stripped.x);
          flatten(stripped.y);
        } else {
          operands.push(expr);
        }
      };
      flatten(n);
      return { op: 'addString', type, args: operands.map((operand) => this.expr(operand)), position: n.pos, text };
    }
    let x = this.expr(n.x);
    let y = this.expr(n.y);
    // Comparisons with an interface operand convert the other side (gc converts it to the interface type).
    if (n.op === '==' || n.op === '!=') {
      if (x.type.kind === 'interface' && y.type.kind !== 'interface') y = this.implicitIface(y, x.type);
      else if (y.type.kind === 'interface' && x.type.kind !== 'interface') x = this.implicitIface(x, y.type);
    }
    return { op: 'binary', operator: n.op, type, x, y, position: n.pos, text };
  }

  private call(n: ast.CallExpr): IrExpr {
    const init: IrStmt[] = [];
    const value = this.callWithInit(n, init);
    if (value.op === 'call') value.text = this.loweredCallText(n, value);
    if (init.length === 0) return value;
    return { op: 'withInit', type: value.type, init, x: value, position: value.position, text: value.text };
  }

  private callWithInit(n: ast.CallExpr, init: IrStmt[]): IrExpr {
    const conversion = this.info.conversions.get(n);
    if (conversion !== undefined) return this.conversion(n, conversion);
    const builtin = this.info.builtins.get(n);
    if (builtin !== undefined) return this.builtinCall(n, builtin.id);
    const fun = stripParens(n.fun);
    const signature = underlying(this.typeOf(n.fun));
    if (signature.kind !== 'Signature') throw new NotModeled(n.pos, 'call of a non-function');
    const type = this.types.info(this.typeOf(n));
    const text = this.exprText(n);
    // gc lists a closure's captured variables in source order: the called value's before the arguments'.
    if (this.context?.fn.closureParent !== undefined) this.noteCapturesOf(n.fun);
    const receiverTemporary = this.interfaceReceiverTemporary(n, init);
    const args = this.callArguments(n, signature, init);
    const paramTypes = signature.params.map((param) => this.types.info(param.type));
    const base = { op: 'call' as const, type, args, paramTypes, resultCount: signature.results.length, position: n.pos, text };
    if (fun.kind === 'SelectorExpr') {
      const selection = this.info.selections.get(fun);
      if (selection === undefined) {
        const callee = this.stdFunc(fun, signature);
        return { ...base, callee };
      }
      if (selection.kind === 'method') {
        const path = selection.index.slice(0, -1);
        const owner = underlying(this.fieldOwnerType(selection.recv, path));
        if (owner.kind === 'Interface' || (owner.kind === 'Pointer' && underlying(owner.elem).kind === 'Interface')) {
          const interfaceValue = receiverTemporary ?? this.fieldPath(fun.x, path, selection.recv, fun.pos);
          const devirtualized = path.length === 0 && receiverTemporary === undefined ? this.devirtualize(fun, interfaceValue, n.pos) : undefined;
          if (devirtualized?.method === undefined && devirtualized !== undefined) {
            // Partially: still an interface call, on the embedded interface of the asserted value.
            return { ...base, interfaceReceiver: devirtualized.receiver, interfaceMethod: { name: fun.selector.value, text: this.exprText(fun) }, devirtualized: devirtualized.message };
          }
          if (devirtualized !== undefined) {
            return { ...base, receiver: devirtualized.receiver, callee: devirtualized.method, devirtualized: devirtualized.message, interfaceMethod: { name: fun.selector.value, text: this.exprText(fun) } };
          }
          return { ...base, interfaceReceiver: interfaceValue, interfaceMethod: { name: fun.selector.value, text: this.exprText(fun) } };
        }
        const { receiver, method } = this.methodReceiver(fun, selection);
        return { ...base, receiver, callee: method };
      }
      if (selection.kind === 'methodExpr') {
        const method = selection.obj.kind === 'Func' ? this.funcs.get(selection.obj) : undefined;
        const [receiver, ...rest] = args;
        const paramTypes = base.paramTypes.slice(1);
        if (method === undefined && underlying(selection.recv).kind === 'Interface') {
          // `I.M(x)`: gc knows no function for an interface's method (x and the arguments leak).
          return { ...base, paramTypes, receiver, args: rest };
        }
        if (method === undefined) throw new NotModeled(n.pos, 'method expression of another package');
        const viaWrapper = this.methodExprWrapper(selection);
        return viaWrapper === undefined ? { ...base, paramTypes, receiver, args: rest, callee: method } : { ...base, paramTypes, receiver, args: rest, callee: method, viaWrapper };
      }
    }
    const staticValue = this.staticValue(n.fun);
    let callee: IrFunc | undefined;
    if (staticValue.kind === 'Name') {
      const obj = this.info.uses.get(staticValue);
      if (obj?.kind === 'Func') callee = this.funcs.get(obj);
    }
    let funExpr = this.expr(n.fun);
    if (staticValue.kind === 'FuncLit') {
      callee = funExpr.op === 'closure' ? funExpr.func : this.closureOfLiteral(staticValue);
    }
    if (this.callsOrReceives(n.fun)) {
      // `f()(x)`: gc first evaluates the called value into a temporary (RewriteNonNameCall).
      const temporary = this.temporary(funExpr.type, n.pos);
      const assignment: IrStmt = { op: 'assign', why: 'assign', lhs: [this.nameExpr(temporary)], rhs: [funExpr], compound: false, position: n.pos, text: `${temporary.name} = ${funExpr.text}` };
      temporary.definedBy = assignment;
      init.push({ op: 'decl', name: temporary, position: n.pos, text: assignment.text }, assignment);
      funExpr = { ...this.nameExpr(temporary), position: funExpr.position };
    }
    return { ...base, fun: funExpr, callee };
  }

  /**
   * The method wrapper a method expression names, if it names one: `(*T).M` for a value method
   * `M`, `T.M` and `(*T).M` for a method promoted into `T` (undefined for the method's own
   * function).
   */
  private methodExprWrapper(selection: NonNullable<ReturnType<Info['selections']['get']>>): string | undefined {
    const method = selection.obj;
    if (method.kind !== 'Func') return undefined;
    const pointer = selection.recv.kind === 'Pointer';
    if (selection.index.length === 1 && (method.pointerReceiver || !pointer)) return undefined;
    const base = pointer && selection.recv.kind === 'Pointer' ? selection.recv.elem : selection.recv;
    const text = this.types.text(base);
    return pointer ? `(*${text}).${method.name}` : `${text}.${method.name}`;
  }

  private readonly literalFuncs = new Map<ast.FuncLit, IrFunc>();

  /** Interface method calls whose receiver gc evaluated into a temporary, with it. */
  private readonly receiverTemporaries = new Map<ast.CallExpr, IrName>();

  /**
   * `f().M()` through an interface: gc first evaluates the receiver into a temporary
   * (RewriteNonNameCall, before the arguments' temporaries), and the call reads it
   * (`.autotmp_2.M()`). Static method calls take their receiver as an argument instead.
   */
  private interfaceReceiverTemporary(n: ast.CallExpr, init: IrStmt[]): IrExpr | undefined {
    const fun = stripParens(n.fun);
    if (fun.kind !== 'SelectorExpr') return undefined;
    const selection = this.info.selections.get(fun);
    if (selection?.kind !== 'method') return undefined;
    const path = selection.index.slice(0, -1);
    const owner = underlying(this.fieldOwnerType(selection.recv, path));
    if (owner.kind !== 'Interface' || !this.callsOrReceives(fun.x)) return undefined;
    const value = this.fieldPath(fun.x, path, selection.recv);
    const temporary = this.temporary(value.type, n.pos);
    const assignment: IrStmt = { op: 'assign', why: 'assign', lhs: [this.nameExpr(temporary)], rhs: [value], compound: false, position: n.pos, text: `${temporary.name} = ${value.text}` };
    temporary.definedBy = assignment;
    init.push({ op: 'decl', name: temporary, position: n.pos, text: assignment.text }, assignment);
    this.receiverTemporaries.set(n, temporary);
    return { ...this.nameExpr(temporary), position: value.position };
  }

  /** Whether evaluating `expr` calls something or receives from a channel (`new` and conversions aside), as gc's `callOrChan`. */
  private callsOrReceives(expr: ast.Expr): boolean {
    let found = false;
    const visit = (node: ast.Node): void => {
      // A function literal's body runs later.
      if (found || node.kind === 'FuncLit') return;
      if (node.kind === 'CallExpr' && !this.info.conversions.has(node) && this.info.builtins.get(node)?.id !== 'new') found = true;
      if (node.kind === 'Operation' && node.op === '<-' && node.y === null) found = true;
      forEachChild(node, visit);
    };
    visit(expr);
    return found;
  }

  /**
   * A call as gc prints it after type checking: a static method call as its method
   * expression with the receiver first (`(*T).M(x, a)`), a packed variadic slice as
   * `... argument...`.
   */
  private loweredCallText(n: ast.CallExpr, call: Extract<IrExpr, { op: 'call' }>): string {
    const args = call.args.map((arg) => arg.text);
    const last = call.args[call.args.length - 1];
    if (last?.op === 'sliceLit' && last.text === '... argument') args[args.length - 1] = '... argument...';
    else if (last?.op === 'nil' && last.packedVariadic === true) args[args.length - 1] = 'nil...';
    else if (n.hasDots && args.length > 0) args[args.length - 1] += '...';
    // A method expression naming a wrapper prints as the wrapper's call.
    if (call.receiver !== undefined && call.viaWrapper !== undefined) return `${call.viaWrapper}(${[call.receiver.text, ...args].join(', ')})`;
    if (call.receiver !== undefined && call.callee !== undefined) return `${call.callee.name}(${[call.receiver.text, ...args].join(', ')})`;
    // Partially devirtualized: a call on the embedded interface of the asserted value (`i.(T).I.M()`).
    if (call.interfaceReceiver !== undefined && call.devirtualized !== undefined && call.interfaceMethod !== undefined) return `${call.interfaceReceiver.text}.${call.interfaceMethod.name}(${args.join(', ')})`;
    // An interface's method expression (`I.m(t)`).
    if (call.receiver !== undefined) return `${this.exprText(n.fun, 8)}(${[call.receiver.text, ...args].join(', ')})`;
    const temporary = this.receiverTemporaries.get(n);
    const fun = stripParens(n.fun);
    if (temporary !== undefined && fun.kind === 'SelectorExpr') return `${temporary.name}.${fun.selector.value}(${args.join(', ')})`;
    // A called value gc evaluated into a temporary first (`f()(x)`) prints as that temporary.
    if (call.fun?.op === 'name' && call.fun.name.name.startsWith('.autotmp_') && fun.kind === 'CallExpr') return `${call.fun.text}(${args.join(', ')})`;
    return `${this.exprText(n.fun, 8)}(${args.join(', ')})`;
  }

  /**
   * gc's devirtualization (done even with -l): an interface method call whose receiver is a
   * variable that only ever holds one concrete type becomes a static call on `x.(T)`.
   */
  /**
   * gc also devirtualizes a call on a local interface variable assigned more than once when
   * every assignment but nil ones stores the same concrete type (`var i I; i = t`). Values of
   * interface type on the right, and multi-value or range assignments, would need gc's
   * data-flow over those values, which is not modeled.
   */
  private devirtualizeAssigned(fun: ast.SelectorExpr, interfaceValue: IrExpr, callPosition: Position): { receiver: IrExpr; method?: IrFunc; message: string } | undefined {
    const receiverNode = stripParens(fun.x);
    if (receiverNode.kind !== 'Name') return undefined;
    const obj = this.info.uses.get(receiverNode);
    if (obj?.kind !== 'Var' || obj.isGlobal || obj.isParam) return undefined;
    const uses = this.varUses.get(obj);
    if (uses === undefined || uses.addressTaken || !uses.reassigned) return undefined;
    if (uses.assignedOtherwise) throw new NotModeled(fun.pos, 'devirtualizing a call on an interface variable assigned by a multi-value assignment or a range clause');
    let concrete: ast.Expr | undefined;
    let concreteText: string | undefined;
    for (const value of uses.assigned ?? []) {
      let node = stripParens(value);
      if (node.kind === 'Name' && this.info.uses.get(node)?.kind === 'Nil') continue;
      const conversion = node.kind === 'CallExpr' ? this.info.conversions.get(node) : undefined;
      if (node.kind === 'CallExpr' && conversion !== undefined && isInterfaceType(conversion) && node.args[0] !== undefined) node = stripParens(node.args[0]);
      const type = this.info.types.get(node)?.type;
      if (type === undefined || isInterfaceType(type)) throw new NotModeled(fun.pos, 'devirtualizing a call on an interface variable assigned another interface value');
      const text = this.types.info(type).text;
      if (concreteText !== undefined && concreteText !== text) return undefined;
      concrete = node;
      concreteText = text;
    }
    if (concrete === undefined) return undefined;
    return this.devirtualizeTo(fun, interfaceValue, concrete, callPosition);
  }

  private devirtualize(fun: ast.SelectorExpr, interfaceValue: IrExpr, callPosition: Position): { receiver: IrExpr; method?: IrFunc; message: string } | undefined {
    const receiverNode = stripParens(fun.x);
    const stat = this.staticValue(receiverNode);
    if (stat === receiverNode) return this.devirtualizeAssigned(fun, interfaceValue, callPosition);
    let concreteNode = stat;
    const conversion = concreteNode.kind === 'CallExpr' ? this.info.conversions.get(concreteNode) : undefined;
    if (concreteNode.kind === 'CallExpr' && conversion !== undefined && isInterfaceType(conversion) && concreteNode.args[0] !== undefined) {
      concreteNode = stripParens(concreteNode.args[0]);
    }
    return this.devirtualizeTo(fun, interfaceValue, concreteNode, callPosition);
  }

  /** gc asserts `x.(T)` at the call's position; the implicit selectors of a promoted method are at the selector's. */
  private devirtualizeTo(fun: ast.SelectorExpr, interfaceValue: IrExpr, concreteNode: ast.Expr, callPosition: Position): { receiver: IrExpr; method?: IrFunc; message: string } | undefined {
    const concrete = this.info.types.get(concreteNode)?.type;
    if (concrete === undefined || isInterfaceType(concrete) || concrete.kind === 'Basic' && concrete.basic.startsWith('untyped')) return undefined;
    const named = concrete.kind === 'Pointer' ? concrete.elem : concrete;
    if (named.kind !== 'Named') return undefined;
    const concreteInfo = this.types.info(concrete);
    const asserted: IrExpr = { op: 'dotType', type: concreteInfo, x: interfaceValue, position: callPosition, text: `${interfaceValue.text}.(${concreteInfo.text})` };
    const methodObj = named.methods.find((candidate) => candidate.name === fun.selector.value);
    if (methodObj === undefined) {
      // A method promoted from an embedded field: through an embedded interface the call stays
      // dynamic, on that field of `x.(T)` ("partially devirtualizing"); through an embedded
      // struct it would go to the wrapper gc generates, which is not modelled.
      const found = lookupFieldOrMethod(concrete, fun.selector.value);
      const path = found.index.slice(0, -1);
      if (found.obj?.kind !== 'Func' || found.ambiguous || path.length === 0) return undefined;
      const owner = underlying(this.fieldOwnerType(concrete, path));
      if (owner.kind !== 'Interface') return this.devirtualizePromoted(fun, asserted, concrete, found.obj, path);
      const embedded = this.throughEmbedded(asserted, concrete, path, fun.pos);
      if (embedded === undefined) return undefined;
      return { receiver: embedded.expr, message: `partially devirtualizing ${this.exprText(fun)} to ${concreteInfo.text}` };
    }
    const method = this.funcs.get(methodObj);
    if (method === undefined) return undefined;

    let receiver: IrExpr = asserted;
    if (!methodObj.pointerReceiver && concrete.kind === 'Pointer') {
      // gc's implicit dereference, which it prints as its operand.
      receiver = { op: 'deref', type: receiver.type.elem ?? receiver.type, x: receiver, position: receiver.position, text: receiver.text };
    }
    return { receiver, method, message: `devirtualizing ${this.exprText(fun)} to ${concreteInfo.text}` };
  }

  /**
   * Devirtualizing to a method promoted from an embedded struct: gc calls the method itself on
   * the embedded field of `x.(T)` (through the implicit selectors, with its implicit `&` or `*`).
   */
  private devirtualizePromoted(fun: ast.SelectorExpr, asserted: IrExpr, concrete: Type, methodObj: Func, path: number[]): { receiver: IrExpr; method?: IrFunc; message: string } | undefined {
    const method = this.funcs.get(methodObj);
    if (method === undefined) throw new NotModeled(fun.pos, `devirtualizing a call to a method promoted from a type of another package (${methodObj.name})`);
    const receiver = this.promotedReceiver(asserted, concrete, path, methodObj, fun.pos);
    if (receiver === undefined) return undefined;
    return { receiver, method, message: `devirtualizing ${this.exprText(fun)} to ${this.types.info(concrete).text}` };
  }

  /**
   * The method `name` of the concrete type `concreteInfo` for a call devirtualized after
   * inlining, with its receiver built from `asserted` (`x.(T)`): directly, or through the
   * embedded fields a promoted method comes from.
   */
  private methodOfConcrete(concreteInfo: TypeInfo, name: string, asserted: IrExpr): { receiver: IrExpr; method: IrFunc } | { notModeled: string } | undefined {
    const concrete = this.types.typeOf(concreteInfo);
    if (concrete === undefined) return { notModeled: `devirtualizing a call to ${name} of ${concreteInfo.text}` };
    const found = lookupFieldOrMethod(concrete, name);
    if (found.obj?.kind !== 'Func' || found.ambiguous) return undefined;
    const path = found.index.slice(0, -1);
    const owner = underlying(this.fieldOwnerType(concrete, path));
    if (owner.kind === 'Interface') return { notModeled: `partially devirtualizing a call to ${name} of ${concreteInfo.text} after inlining` };
    const method = this.funcs.get(found.obj);
    if (method === undefined) return { notModeled: `devirtualizing a call to ${concreteInfo.text}'s method ${name}, from another package` };
    if (path.length === 0) {
      const pointer = concrete.kind === 'Pointer';
      if (found.obj.pointerReceiver && !pointer) return undefined;
      const receiver = !found.obj.pointerReceiver && pointer ? { op: 'deref' as const, type: asserted.type.elem ?? asserted.type, x: asserted, position: asserted.position, text: asserted.text } : asserted;
      return { receiver, method };
    }
    const receiver = this.promotedReceiver(asserted, concrete, path, found.obj);
    return receiver === undefined ? undefined : { receiver, method };
  }

  /**
   * The receiver of a method promoted to `concrete` through the embedded fields at `path`:
   * `asserted` (`x.(T)`) through those fields, then the method's implicit `&` or `*`.
   */
  private promotedReceiver(asserted: IrExpr, concrete: Type, path: number[], methodObj: Func, selectorPosition?: Position): IrExpr | undefined {
    const embedded = this.throughEmbedded(asserted, concrete, path, selectorPosition);
    if (embedded === undefined) return undefined;
    let receiver = embedded.expr;
    const current = embedded.type;
    const isPointer = underlying(current).kind === 'Pointer';
    if (methodObj.pointerReceiver && !isPointer) {
      receiver = { op: 'addr', type: this.types.info({ kind: 'Pointer', elem: current }), x: receiver, position: receiver.position, text: receiver.text };
    } else if (!methodObj.pointerReceiver && isPointer) {
      receiver = { op: 'deref', type: receiver.type.elem ?? receiver.type, x: receiver, position: receiver.position, text: receiver.text };
    }
    return receiver;
  }

  /** `x` through the embedded fields at `path` of its type `type` (`x.A.B`, implicit dereferences included, at `position` or `x`'s), and the type reached. */
  private throughEmbedded(x: IrExpr, type: Type, path: number[], position?: Position): { expr: IrExpr; type: Type } | undefined {
    let expr = x;
    let current = type;
    for (const index of path) {
      const pointer = underlying(current).kind === 'Pointer';
      const struct = underlying(pointer ? (underlying(current) as { elem: Type }).elem : current);
      const field = struct.kind === 'Struct' ? struct.fields[index] : undefined;
      if (field === undefined) return undefined;
      current = field.type;
      expr = { op: pointer ? 'dotPtr' : 'dot', type: this.types.info(field.type), x: expr, field: field.name, position: position ?? expr.position, text: `${expr.text}.${field.name}` };
    }
    return { expr, type: current };
  }

  private closureOfLiteral(literal: ast.FuncLit): IrFunc | undefined {
    return this.literalFuncs.get(literal);
  }

  /** A function of another package, with its recorded escape tags. */
  private stdFunc(fun: ast.SelectorExpr, signature: Signature): IrFunc {
    const qualifier = stripParens(fun.x);
    const pkgName = qualifier.kind === 'Name' ? this.info.uses.get(qualifier) : undefined;
    const path = pkgName?.kind === 'PkgName' ? pkgName.path : '?';
    const qualified = `${path}.${fun.selector.value}`;
    const cached = this.stdFuncs.get(qualified);
    if (cached !== undefined) return cached;
    const tags = this.options.stdTags?.(qualified);
    if (tags === undefined) throw new NotModeled(fun.pos, `calls to ${qualified}`);
    const fn = this.newFunc(`${path.split('/').pop()}.${fun.selector.value}`, fun.pos, undefined);
    fn.body = undefined;
    fn.inlinableElsewhere = tags.inlinable;
    if (tags.intrinsic === true) fn.intrinsic = true;
    signature.params.forEach((param, index) => {
      fn.params.push({ blank: false, type: this.types.info(param.type), position: fun.pos, receiver: false, tag: tags.params[index] ?? '' });
    });
    this.stdResults(fn, signature, tags.inline, fun.pos);
    this.stdFuncs.set(qualified, fn);
    return fn;
  }

  /** A method of a standard-library type, with its recorded escape tags. */
  private stdMethod(n: ast.SelectorExpr, methodObj: Func): IrFunc {
    const signature = methodObj.type;
    const recvType = signature.kind === 'Signature' ? signature.recv?.type : undefined;
    const named = recvType?.kind === 'Pointer' ? recvType.elem : recvType;
    if (signature.kind !== 'Signature' || named?.kind !== 'Named') throw new NotModeled(n.pos, `method ${methodObj.name} of a type from another package`);
    const typeName = `${named.obj.pkg}.${named.obj.name}`;
    const key = recvType?.kind === 'Pointer' ? `(*${typeName}).${methodObj.name}` : `${typeName}.${methodObj.name}`;
    const cached = this.stdFuncs.get(key);
    if (cached !== undefined) return cached;
    const tags = this.options.stdTags?.(key);
    if (tags === undefined) throw new NotModeled(n.pos, `method ${key}`);
    const fn = this.newFunc(key, n.pos, undefined);
    fn.body = undefined;
    fn.inlinableElsewhere = tags.inlinable;
    fn.params.push({ blank: false, type: this.types.info(recvType as Type), position: n.pos, receiver: true, tag: tags.receiver ?? '' });
    signature.params.forEach((param, index) => {
      fn.params.push({ blank: false, type: this.types.info(param.type), position: n.pos, receiver: false, tag: tags.params[index] ?? '' });
    });
    this.stdResults(fn, signature, tags.inline, n.pos);
    this.stdFuncs.set(key, fn);
    return fn;
  }

  /** A std function's result variables (named as an inlined call names them) and what inlining it does. */
  private stdResults(fn: IrFunc, signature: Signature, inline: StdInlineModel | undefined, pos: ast.Pos): void {
    if (inline === undefined) return;
    fn.stdInline = inline;
    const names = 'results' in inline ? inline.results : [];
    signature.results.forEach((result, index) => {
      fn.results.push({ name: names[index] ?? `~r${index}`, class: 'result', position: pos, type: this.types.info(result.type), fn });
    });
  }

  /** Arguments converted to their parameters' types, variadic ones packed into a slice literal. */
  private callArguments(n: ast.CallExpr, signature: Signature, init: IrStmt[]): IrExpr[] {
    const params = signature.params;
    const only = n.args.length === 1 ? (n.args[0] as ast.Expr) : undefined;
    const onlyType = only === undefined ? undefined : this.info.types.get(only)?.type;
    let items: ((target: Type | undefined) => IrExpr)[];
    if (only !== undefined && onlyType?.kind === 'Tuple' && onlyType.vars.length > 1) {
      // f(g()) with several results: g's results go to temporaries first.
      const temporaries = this.multiValue(only, init, n.pos);
      items = temporaries.map((_temporary, index) => (target: Type | undefined) => {
        const uses = this.multiValueUses(temporaries, temporaries.map((_, other) => (other === index && target !== undefined ? this.types.info(target) : undefined)));
        return uses[index] as IrExpr;
      });
    } else {
      items = n.args.map((arg) => (target: Type | undefined) => this.convertTo(arg, target));
    }
    // A method expression's signature has the receiver as its first parameter.
    const argTypes = (index: number): Type | undefined => params[index]?.type;
    if (!signature.variadic || n.hasDots) return items.map((item, index) => item(argTypes(index)));
    const fixed = params.length - 1;
    const out = items.slice(0, fixed).map((item, index) => item(argTypes(index)));
    const sliceType = params[params.length - 1]?.type;
    const elem = sliceType !== undefined && sliceType.kind === 'Slice' ? sliceType.elem : undefined;
    const rest = items.slice(fixed);
    if (rest.length === 0 || sliceType === undefined) {
      // gc prints the empty variadic slice passed on as `nil...`.
      out.push({ op: 'nil', type: this.types.info(sliceType ?? this.typeOf(n)), position: n.pos, text: 'nil', packedVariadic: true });
      return out;
    }
    out.push({
      op: 'sliceLit',
      type: this.types.info(sliceType),
      elements: rest.map((item) => item(elem)),
      keys: [],
      position: n.pos,
      text: '... argument',
    });
    return out;
  }

  private conversion(n: ast.CallExpr, target: Type): IrExpr {
    const arg = n.args[0];
    if (arg === undefined) throw new NotModeled(n.pos, 'conversion without operand');
    const type = this.types.info(target);
    const constantOperand = this.info.types.get(arg);
    const constantString = constantOperand?.mode === 'constant' && constantOperand.value?.kind === 'string' ? constantOperand.value : undefined;
    // A typed string constant prints with its type (`mystring("")`), an untyped one as a string.
    const stringType: Type = constantString !== undefined && isTypedString(constantOperand?.type) ? (constantOperand?.type as Type) : { kind: 'Basic', basic: 'string', name: 'string' };
    const x: IrExpr = constantString !== undefined
      ? { op: 'literal', type: this.types.info(stringType), position: arg.pos, text: this.constantText(stringType, formatConstant(constantString)) }
      : this.expr(arg);
    const targetUnder = underlying(target);
    const argEntry = this.info.types.get(arg);
    // An untyped constant operand may be recorded with the conversion's type: its value tells its kind.
    const fromUnder: Type =
      argEntry?.mode === 'constant' && argEntry.value?.kind === 'string' ? { kind: 'Basic', basic: 'string', name: 'string' } : underlying(this.typeOf(arg));
    const unnamed = target.kind !== 'Named' && target.kind !== 'Basic' && target !== anyType;
    const via = viaSliceType(target, this.typeOf(arg));
    const xText = via === undefined ? x.text : `(${via})(${x.text})`;
    const text = unnamed ? `(${type.text})(${xText})` : `${type.text}(${xText})`;
    // gc positions an explicit conversion at its operand.
    n = { ...n, pos: arg.pos };
    if (constantString !== undefined && targetUnder.kind === 'Slice' && !isByteKind(targetUnder.elem)) {
      // A constant string converted to runes is a slice literal of its runes (gc's stringtoruneslit).
      const elem = this.types.info(targetUnder.elem);
      const elements: IrExpr[] = decodeRunes(constantString.value).map((code) => ({ op: 'literal', type: elem, position: n.pos, text: String(code) }));
      return { op: 'sliceLit', type, elements, keys: [], position: n.pos, text: `${type.text}{${elements.length > 0 ? '...' : ''}}` };
    }
    if (targetUnder.kind === 'Interface') {
      return { op: 'convIface', type, x, explicit: true, position: n.pos, text };
    }
    const isString = (t: Type) => t.kind === 'Basic' && (t.basic === 'string' || t.basic === 'untyped string');
    if (isString(targetUnder) && fromUnder.kind === 'Slice') return { op: 'stringConv', type, x, explicit: true, position: n.pos, text };
    if (isString(targetUnder) && fromUnder.kind === 'Basic' && !isString(fromUnder)) return { op: 'stringConv', type, x, explicit: true, position: n.pos, text };
    if (targetUnder.kind === 'Slice' && isString(fromUnder)) {
      return { op: 'stringConv', type, x, explicit: true, stringToBytes: isByteKind(targetUnder.elem), position: n.pos, text };
    }
    if (targetUnder.kind === 'Array' && fromUnder.kind === 'Slice') return { op: 'sliceToArray', type, x, explicit: true, position: n.pos, text };
    if (targetUnder.kind === 'Pointer' && fromUnder.kind === 'Slice') return { op: 'sliceToArrayPtr', type, x, explicit: true, position: n.pos, text };
    if (targetUnder.kind === 'Basic' && targetUnder.basic === 'unsafe.Pointer' && fromUnder.kind === 'Basic' && fromUnder.basic === 'uintptr') {
      return { op: 'uintptrToPointer', type, x, explicit: true, position: n.pos, text };
    }
    // gc's OCONVNOP: the representation stays (identical underlying types, or pointers to them, or unsafe.Pointer).
    const pointerish = (t: Type) => t.kind === 'Pointer' || (t.kind === 'Basic' && (t.basic === 'unsafe.Pointer' || t.basic === 'uintptr'));
    const noop = identical(targetUnder, fromUnder) || (pointerish(targetUnder) && pointerish(fromUnder));
    return { op: 'conv', type, x, explicit: true, noop, position: n.pos, text };
  }

  private builtinCall(n: ast.CallExpr, id: string): IrExpr {
    const type = this.types.info(this.typeOf(n));
    const text = this.exprText(n);
    const base = { type, position: n.pos, text };
    const args = () => n.args.map((arg) => this.expr(arg));
    switch (id) {
      case 'new':
        return { op: 'new', args: [], ...base };
      case 'make': {
        const made = underlying(this.typeOf(n.args[0] as ast.Expr));
        const sizes = n.args.slice(1).map((arg) => this.expr(arg));
        if (made.kind === 'Slice') {
          const decisive = n.args[2] ?? n.args[1];
          const size = decisive === undefined ? undefined : this.makeSize(decisive);
          // Only a size that fits in an int32 counts as constant (gc's IsSmallIntConst); a larger
          // one is handled as a variable size.
          const small = size !== undefined && size.value >= -(2n ** 31n) && size.value < 2n ** 31n;
          return { op: 'makeSlice', args: sizes, constantCount: small ? Number(size.value) : undefined, ...base };
        }
        if (made.kind === 'Map') {
          return { op: 'makeMap', args: sizes, ...base };
        }
        return { op: 'makeChan', args: sizes, ...base };
      }
      case 'append': {
        const sliceType = underlying(this.typeOf(n));
        const elem = sliceType.kind === 'Slice' ? sliceType.elem : undefined;
        const [first, ...rest] = n.args;
        // Lowered in source order (captured variables are listed in the order they are met).
        const slice = this.expr(first as ast.Expr);
        const appended = n.hasDots ? rest.map((arg) => this.expr(arg)) : rest.map((arg) => this.convertTo(arg, elem));
        return { op: 'builtin', builtin: 'append', args: [slice, ...appended], spread: n.hasDots, ...base };
      }
      case 'panic': {
        const [value] = n.args;
        const empty = { text: 'interface {}', kind: 'interface' as const, size: 16, align: 8, hasPointers: true, directIface: false, untyped: false };
        // A non-empty interface value converts to any (OCONVIFACE) too.
        return { op: 'builtin', builtin: 'panic', args: [this.implicitIface(this.expr(value as ast.Expr), empty, this.otherInterface(value as ast.Expr, anyType))], spread: false, ...base };
      }
      case 'delete': {
        // The key is converted to the map's key type (boxed for an interface key).
        const [map, key] = n.args;
        const mapType = map === undefined ? undefined : underlying(this.typeOf(map));
        const mapValue = this.expr(map as ast.Expr);
        const keyValue = key === undefined ? undefined : this.convertTo(key, mapType?.kind === 'Map' ? mapType.key : undefined);
        return { op: 'builtin', builtin: id, args: keyValue === undefined ? [mapValue] : [mapValue, keyValue], spread: false, ...base };
      }
      case 'copy':
      case 'len':
      case 'cap':
      case 'print':
      case 'println':
      case 'recover':
      case 'close':
      case 'clear':
      case 'min':
      case 'max':
      case 'complex':
      case 'real':
      case 'imag':
        return { op: 'builtin', builtin: id, args: args(), spread: n.hasDots, ...base };
      case 'unsafe.Add':
        return { op: 'builtin', builtin: 'unsafeAdd', args: args(), spread: false, ...base };
      case 'unsafe.Slice':
        return { op: 'builtin', builtin: 'unsafeSlice', args: args(), spread: false, ...base };
      case 'unsafe.String':
        return { op: 'builtin', builtin: 'unsafeString', args: args(), spread: false, ...base };
      case 'unsafe.StringData':
        return { op: 'builtin', builtin: 'unsafeStringData', args: args(), spread: false, ...base };
      case 'unsafe.SliceData':
        return { op: 'builtin', builtin: 'unsafeSliceData', args: args(), spread: false, ...base };
      default:
        throw new NotModeled(n.pos, `builtin ${id}`);
    }
  }

  /**
   * Whether an index is in range of an array of `max` elements by its type and form alone
   * (gc's walk `bounded`): a small unsigned type, a mask, a remainder or a shift.
   */
  private boundedIndex(index: ast.Expr, max: number): boolean {
    const expr = stripParens(index);
    const type = underlying(this.typeOf(expr));
    if (type.kind !== 'Basic' || !/^u?int(8|16|32|64)?$|^uintptr$/.test(type.basic)) return false;
    const signed = !type.basic.startsWith('u');
    let bits = 8 * this.types.info(type).size;
    const small = (e: ast.Expr): number | undefined => {
      const entry = this.info.types.get(stripParens(e));
      if (entry?.mode !== 'constant' || entry.value?.kind !== 'int') return undefined;
      const value = entry.value.value;
      return value >= -(2n ** 31n) && value < 2n ** 31n ? Number(value) : undefined;
    };
    if (expr.kind === 'Operation' && expr.y !== null) {
      const x = small(expr.x);
      const y = small(expr.y);
      switch (expr.op) {
        case '&':
        case '&^': {
          let v = -1;
          if (x !== undefined) v = x;
          else if (y !== undefined) {
            v = y;
            if (expr.op === '&^') {
              v = ~v;
              if (!signed) v = Number(BigInt.asUintN(bits, BigInt(v)));
            }
          }
          if (v >= 0 && v < max) return true;
          break;
        }
        case '%':
          if (!signed && y !== undefined && y >= 0 && y <= max) return true;
          break;
        case '/':
          if (!signed && y !== undefined) {
            for (let v = y; bits > 0 && v >= 2; v = Math.floor(v / 2)) bits--;
          }
          break;
        case '>>':
          if (!signed && y !== undefined) {
            if (y > bits) return true;
            bits -= y;
          }
          break;
        default:
          break;
      }
    }
    return !signed && bits <= 62 && 2 ** bits <= max;
  }

  /**
   * The constant size argument `expr` of a slice `make`: its own value, or (go1.25+) the literal
   * the variable it names always holds, or the length of a slice literal such a variable holds.
   * gc then replaces the argument by that literal (rewriteWithLiterals): `rewritten` is how it
   * prints, the value with the argument's type when that is not the default one (`uint64(5)`).
   */
  private makeSize(expr: ast.Expr): { value: bigint; rewritten?: string } | undefined {
    const direct = this.info.types.get(expr);
    const valueOf = (entry: typeof direct) => (entry?.mode === 'constant' && entry.value?.kind === 'int' ? entry.value.value : undefined);
    const value = valueOf(direct);
    if (value !== undefined) return { value };
    if (this.options.goMinor < 25) return undefined;
    const stripped = stripParens(expr);
    const stat = stripped.kind === 'CallExpr' ? stripped : this.staticValue(expr);
    if (stat === stripped && stat.kind !== 'CallExpr') return undefined;
    const staticNumber = valueOf(this.info.types.get(stat));
    if (staticNumber !== undefined) {
      return staticNumber >= 0n ? { value: staticNumber, rewritten: this.constantText(this.typeOf(expr), staticNumber.toString()) } : undefined;
    }
    // len of a slice literal held in a variable.
    if (stat.kind === 'CallExpr' && this.info.builtins.get(stat)?.id === 'len' && stat.args[0] !== undefined) {
      const operand = this.staticValue(stat.args[0]);
      if (operand.kind === 'CompositeLit' && underlying(this.typeOf(operand)).kind === 'Slice') {
        return { value: BigInt(operand.elements.length), rewritten: String(operand.elements.length) };
      }
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------
  // Printing.

  private source(node: ast.Node): string {
    return this.file.source.slice(node.start, node.end);
  }

  /** A statement as gc prints it in `-m=2` notes and self-assignment messages. */
  private stmtText(node: ast.Node): string {
    const list = (exprs: ast.Expr[]) => exprs.map((expr) => this.exprText(expr)).join(', ');
    switch (node.kind) {
      case 'AssignStmt': {
        if (node.op !== null && node.rhs.length === 0) return `${list(node.lhs)}${node.op}${node.op}`;
        const op = node.define ? ':=' : node.op !== null ? `${node.op}=` : '=';
        return `${list(node.lhs)} ${op} ${list(node.rhs)}`;
      }
      case 'VarDecl':
        return node.values.length === 0 ? `var ${node.names.map((name) => name.value).join(', ')}` : `${node.names.map((name) => name.value).join(', ')} := ${list(node.values)}`;
      case 'ReturnStmt':
        return node.results.length === 0 ? 'return' : `return ${list(node.results)}`;
      case 'SendStmt':
        return `${this.exprText(node.chan, 3)} <- ${this.exprText(node.value, 4)}`;
      case 'ExprStmt':
        return this.exprText(node.x);
      default:
        return this.source(node);
    }
  }

  /** Statements as gc prints a list of them: `a; b`. */
  private stmtListText(list: ast.Stmt[]): string {
    return list.filter((statement) => statement.kind !== 'EmptyStmt').map((statement) => this.nestedStmtText(statement)).join('; ');
  }

  /** A statement inside another one's printed text: statements with a body print short, as gc's printer does. */
  private nestedStmtText(node: ast.Stmt): string {
    switch (node.kind) {
      case 'IfStmt': {
        const head = node.init === null ? `if ${this.exprText(node.cond)}` : `if ${this.stmtText(node.init)}; ${this.exprText(node.cond)}`;
        const otherwise = node.else === null ? '' : ` else { ${node.else.kind === 'BlockStmt' ? this.stmtListText(node.else.list) : this.nestedStmtText(node.else)} }`;
        return `${head} { ${this.stmtListText(node.then.list)} }${otherwise}`;
      }
      case 'ForStmt':
        return 'for loop';
      case 'SwitchStmt':
        return 'switch statement';
      case 'SelectStmt':
        return 'select statement';
      case 'BlockStmt':
        return this.stmtListText(node.list);
      case 'BranchStmt':
        return node.label === null ? node.token : `${node.token} ${node.label.value}`;
      case 'CallStmt':
        return `${node.token} ${this.exprText(node.call)}`;
      case 'EmptyStmt':
        return '';
      default:
        return this.stmtText(node);
    }
  }

  /** For `x.M(...)` calling a concrete method: the method expression's name and the receiver as printed. */
  private staticMethodCall(n: ast.CallExpr): { name: string; receiver: string } | undefined {
    const fun = stripParens(n.fun);
    if (fun.kind !== 'SelectorExpr') return undefined;
    const selection = this.info.selections.get(fun);
    if (selection === undefined || selection.kind !== 'method' || selection.obj.kind !== 'Func') return undefined;
    const path = selection.index.slice(0, -1);
    if (underlying(this.fieldOwnerType(selection.recv, path)).kind === 'Interface') return undefined;
    const recvType = (selection.obj.type as { recv?: { type: Type } | null }).recv?.type;
    if (recvType === undefined) return undefined;
    const name = recvType.kind === 'Pointer' ? `(*${this.types.text(recvType.elem)}).${fun.selector.value}` : `${this.types.text(recvType)}.${fun.selector.value}`;
    // The receiver through embedded fields; gc's implicit & and * do not print.
    let receiver = this.exprText(fun.x, path.length > 0 ? 8 : 0);
    let current = selection.recv;
    for (const index of path) {
      let struct = underlying(current);
      if (struct.kind === 'Pointer') struct = underlying(struct.elem);
      const field = struct.kind === 'Struct' ? struct.fields[index] : undefined;
      if (field === undefined) return undefined;
      receiver = `${receiver}.${field.name}`;
      current = field.type;
    }
    return { name, receiver };
  }

  /** A switch clause as gc prints it: `case a, b: body` (types for a type switch), `default: body`. */
  private caseText(clause: ast.CaseClause): string {
    const values = clause.cases.map((value) => (this.info.types.get(value)?.mode === 'typexpr' ? this.types.info(this.typeOf(value)).text : this.exprText(value)));
    return `${clause.isDefault ? 'default' : `case ${values.join(', ')}`}: ${this.stmtListText(clause.body)}`;
  }

  private readonly texts = new Map<ast.Expr, PrintedExpr>();

  /**
   * An expression as gc prints it (`%v` of an IR node), in parentheses when the context binds
   * tighter than the expression (`precedence` on gc's scale, see `printPrecedence`);
   * remembered, as every node asks for its own.
   */
  private exprText(n: ast.Expr, precedence = 0): string {
    const printed = this.printed(n);
    return precedence > printed.precedence ? `(${printed.text})` : printed.text;
  }

  /** The embedded fields a selector goes through without naming them, as gc prints them (`q.T0.x` for `q.x`). */
  private implicitFields(n: ast.SelectorExpr): string {
    const selection = this.info.selections.get(n);
    if (selection === undefined || selection.kind === 'methodExpr' || selection.index.length < 2) return '';
    let text = '';
    let current = selection.recv;
    for (const index of selection.index.slice(0, -1)) {
      let struct = underlying(current);
      if (struct.kind === 'Pointer') struct = underlying(struct.elem);
      const field = struct.kind === 'Struct' ? struct.fields[index] : undefined;
      if (field === undefined) return text;
      text += `.${field.name}`;
      current = field.type;
    }
    return text;
  }

  private printed(n: ast.Expr): PrintedExpr {
    let printed = this.texts.get(n);
    if (printed === undefined) {
      printed = this.computeExprText(n);
      this.texts.set(n, printed);
    }
    return printed;
  }

  private computeExprText(n: ast.Expr): PrintedExpr {
    const entry = this.info.types.get(n);
    if (entry?.mode === 'constant' && entry.value !== undefined) return { text: this.constantText(entry.type, formatConstant(entry.value)), precedence: 8 };
    switch (n.kind) {
      case 'ParenExpr':
        return this.printed(n.x);
      case 'Name':
      case 'BasicLit':
        return { text: n.value, precedence: 8 };
      case 'CompositeLit': {
        const type = this.types.info(this.typeOf(n)).text;
        return { text: `${type}{${n.elements.length > 0 ? '...' : ''}}`, precedence: 8 };
      }
      case 'FuncLit':
        return { text: 'func literal', precedence: 0 };
      case 'SelectorExpr':
        return { text: `${this.exprText(n.x, 8)}${this.implicitFields(n)}.${n.selector.value}`, precedence: 8 };
      case 'IndexExpr':
        return { text: `${this.exprText(n.x, 8)}[${this.exprText(n.index)}]`, precedence: 8 };
      case 'SliceExpr': {
        const [low, high, max] = n.index.map((bound) => (bound === null ? '' : this.exprText(bound)));
        return { text: `${this.exprText(n.x, 8)}[${low}:${high}${n.full ? `:${max}` : ''}]`, precedence: 8 };
      }
      case 'AssertExpr':
        return { text: `${this.exprText(n.x, 8)}.(${this.types.info(this.typeOf(n)).text})`, precedence: 8 };
      case 'Operation': {
        const operand = stripParens(n.x);
        if (n.y === null) {
          // `&T{...}` is its own node (OPTRLIT), which binds looser than anything.
          if (n.op === '&' && operand.kind === 'CompositeLit') return { text: `&${this.exprText(operand)}`, precedence: 0 };
          // A unary operand of the same operator is set apart by a space (`- (-x)`), except `*`.
          const space = n.op !== '*' && operand.kind === 'Operation' && operand.y === null && operand.op === n.op ? ' ' : '';
          return { text: `${n.op}${space}${this.exprText(operand, 8)}`, precedence: 7 };
        }
        // Concatenating strings is one node (OADDSTR) listing every operand, which binds looser than anything.
        if (n.op === '+' && isStringType(this.typeOf(n))) return { text: `${this.exprText(n.x)} + ${this.exprText(n.y)}`, precedence: 0 };
        const own = printPrecedence(n.op);
        return { text: `${this.exprText(n.x, own)} ${n.op} ${this.exprText(n.y, own + 1)}`, precedence: own };
      }
      case 'CallExpr': {
        const conversion = this.info.conversions.get(n);
        const args = n.args.map((arg) => this.exprText(arg));
        if (conversion !== undefined) {
          const type = this.types.info(conversion).text;
          const operand = n.args[0];
          const operandEntry = operand === undefined ? undefined : this.info.types.get(operand);
          const convertedUnder = underlying(conversion);
          if (operandEntry?.mode === 'constant' && operandEntry.value?.kind === 'string' && convertedUnder.kind === 'Slice' && !isByteKind(convertedUnder.elem)) {
            // A constant string converted to runes is a slice literal (gc's stringtoruneslit).
            return { text: `${type}{${decodeRunes(operandEntry.value.value).length > 0 ? '...' : ''}}`, precedence: 8 };
          }
          if (operandEntry?.mode === 'constant' && operandEntry.value?.kind === 'string') {
            // An untyped constant operand may be recorded with the conversion's type: it prints as
            // a string (a typed one with its type), as the lowered conversion's does.
            const stringType: Type = isTypedString(operandEntry.type) ? operandEntry.type : { kind: 'Basic', basic: 'string', name: 'string' };
            args[0] = this.constantText(stringType, formatConstant(operandEntry.value));
          }
          const via = operand === undefined ? undefined : viaSliceType(conversion, this.typeOf(operand));
          if (via !== undefined) args[0] = `(${via})(${args[0]})`;
          const unnamed = conversion.kind !== 'Named' && conversion.kind !== 'Basic' && conversion !== anyType;
          return { text: unnamed ? `(${type})(${args.join(', ')})` : `${type}(${args.join(', ')})`, precedence: 8 };
        }
        const builtin = this.info.builtins.get(n);
        if (builtin !== undefined && (builtin.id === 'make' || builtin.id === 'new')) {
          const typeArg = n.args[0] as ast.Expr;
          const made = this.typeOf(typeArg);
          const typeText = this.types.info(made).text;
          // gc's nodes for making a map or a channel have no precedence of their own.
          const kind = underlying(made).kind;
          const decisive = builtin.id === 'make' && kind === 'Slice' ? n.args[2] ?? n.args[1] : undefined;
          const rewritten = decisive === undefined ? undefined : this.makeSize(decisive)?.rewritten;
          if (rewritten !== undefined) args[n.args.indexOf(decisive as ast.Expr)] = rewritten;
          return { text: `${builtin.id}(${[typeText, ...args.slice(1)].join(', ')})`, precedence: builtin.id === 'make' && (kind === 'Map' || kind === 'Chan') ? 0 : 8 };
        }
        // gc has no printed form for these three and prints the node's operation instead; the
        // other unsafe functions print under their own name, whatever the package is imported as.
        if (builtin !== undefined && (builtin.id === 'unsafe.SliceData' || builtin.id === 'unsafe.String' || builtin.id === 'unsafe.StringData')) {
          return { text: `<node ${builtin.id}>`, precedence: 8 };
        }
        let fun = builtin !== undefined && builtin.id.startsWith('unsafe.') ? builtin.id : this.exprText(n.fun, 8);
        // A variadic call passes its variadic arguments packed: `... argument...`, or `nil...` when there are none.
        const signature = builtin === undefined ? underlying(this.typeOf(n.fun)) : undefined;
        let printedArgs = n.hasDots && args.length > 0 ? [...args.slice(0, -1), `${args[args.length - 1]}...`] : args;
        if (signature?.kind === 'Signature' && signature.variadic && !n.hasDots) {
          const fixed = signature.params.length - 1;
          printedArgs = [...args.slice(0, fixed), n.args.length > fixed ? '... argument...' : 'nil...'];
        }
        // A static method call is printed as a call of the method expression, receiver first: (*T).M(x, a).
        const method = this.staticMethodCall(n);
        if (method !== undefined) {
          fun = method.name;
          printedArgs = [method.receiver, ...printedArgs];
        }
        const text = `${fun}(${printedArgs.join(', ')})`;
        // Likewise `complex`, `real`, `imag` and `recover`.
        const loose = builtin !== undefined && ['complex', 'real', 'imag', 'recover'].includes(builtin.id);
        return { text, precedence: loose ? 0 : 8 };
      }
      case 'KeyValueExpr':
        return { text: `${this.exprText(n.key)}:${this.exprText(n.value)}`, precedence: 0 };
      default:
        return { text: this.types.info(this.typeOf(n)).text, precedence: 8 };
    }
  }
}

/**
 * Whether interface `type` has every method of interface `iface` (by name: a program comparing
 * them is valid, so methods of one name have one signature).
 */
function implementsByName(type: Type, iface: Type): boolean {
  const have = underlying(type);
  const want = underlying(iface);
  if (have.kind !== 'Interface' || want.kind !== 'Interface') return false;
  const names = new Set(methodsOf(have).map((method) => method.name));
  return methodsOf(want).every((method) => names.has(method.name));
}

/** Whether two constants are equal (numbers of any kind by value). */
function constantsEqual(a: ConstantValue, b: ConstantValue): boolean {
  if (a.kind === 'bool' || b.kind === 'bool') return a.kind === 'bool' && b.kind === 'bool' && a.value === b.value;
  if (a.kind === 'string' || b.kind === 'string') return a.kind === 'string' && b.kind === 'string' && a.value === b.value;
  const parts = (v: ConstantValue) => (v.kind === 'complex' ? [v.real, v.imag] : [toRational(v), rational(0n)]);
  const [ar, ai] = parts(a);
  const [br, bi] = parts(b);
  if (ar === null || ai === null || br === null || bi === null || ar === undefined || ai === undefined || br === undefined || bi === undefined) return false;
  return compareRational(ar, br) === 0 && compareRational(ai, bi) === 0;
}

/** Whether `type` is of kind uint8 (`byte`, `type B byte`). */
function isByteKind(type: Type): boolean {
  const under = underlying(type);
  return under.kind === 'Basic' && under.basic === 'uint8';
}

/** Whether `type` is a typed string type (`string`, `type S string`). */
function isTypedString(type: Type | undefined): boolean {
  const under = type === undefined ? undefined : underlying(type);
  return under?.kind === 'Basic' && under.basic === 'string';
}

/**
 * Converting a slice of a defined byte or rune type to a string goes through `[]byte` or
 * `[]rune` first, which gc prints (`string(([]byte)(y))`); the slice type named, or undefined.
 */
function viaSliceType(target: Type, from: Type): string | undefined {
  if (!isTypedString(target)) return undefined;
  const fromUnder = underlying(from);
  if (fromUnder.kind !== 'Slice' || fromUnder.elem.kind === 'Basic') return undefined;
  const elem = underlying(fromUnder.elem);
  if (elem.kind !== 'Basic') return undefined;
  return elem.basic === 'uint8' ? '[]byte' : elem.basic === 'int32' ? '[]rune' : undefined;
}

/** The code points of a byte string as Go decodes it: each byte of an invalid sequence is one U+FFFD. */
function decodeRunes(bytes: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const [code, size] = decodeRune(bytes, i);
    out.push(code < 0 ? 0xfffd : code);
    i += size;
  }
  return out;
}

/** An expression's printed text and how tightly it binds (`printPrecedence`). */
interface PrintedExpr {
  text: string;
  precedence: number;
}

/**
 * Binary operator precedence on gc's printing scale (cmd/compile/internal/ir OpPrec): `||` 1,
 * `&&` 2, a send 3, comparisons 4, `+ - | ^` 5, `* / % << >> & &^` 6, unary operators 7,
 * operands and primary expressions 8. A node printed where a tighter one is expected gets
 * parentheses; a few nodes (`&T{...}`, string concatenation, `func literal`, making a map or
 * channel) have 0 and so are parenthesised anywhere but at the top.
 */
function printPrecedence(op: ast.Operator): number {
  return binaryPrecedence(op) + (op === '||' || op === '&&' ? 0 : 1);
}

function isStringType(type: Type): boolean {
  const u = underlying(type);
  return u.kind === 'Basic' && (u.basic === 'string' || u.basic === 'untyped string');
}

/** Binary operator precedence as in the Go spec (higher binds tighter). */
function binaryPrecedence(op: ast.Operator): number {
  switch (op) {
    case '||':
      return 1;
    case '&&':
      return 2;
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return 3;
    case '+':
    case '-':
    case '|':
    case '^':
      return 4;
    default:
      return 5;
  }
}

function quoteRune(code: number): string {
  const char = String.fromCodePoint(code);
  if (char === "'") return "'\\''";
  if (char === '\\') return "'\\\\'";
  if (char === '\n') return "'\\n'";
  if (char === '\t') return "'\\t'";
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  return `'${char}'`;
}

function isInterfaceType(type: Type): boolean {
  return underlying(type).kind === 'Interface';
}

/** `x` without enclosing parentheses. */
function stripParens(expr: ast.Expr): ast.Expr {
  let current = expr;
  while (current.kind === 'ParenExpr') current = current.x;
  return current;
}

/** Calls `visit` on `root` and every node below it, in source order. */
export function visitNodes(root: ast.Node, visit: (node: ast.Node) => void): void {
  const walk = (node: ast.Node): void => {
    visit(node);
    forEachChild(node, walk);
  };
  walk(root);
}

/** Properties of syntax nodes that hold positions, metadata or back references, not children. */
// (`value` is a child of key-value pairs, sends and map types, and text in names and literals: `isNode` tells.)
const nonChildKeys = new Set(['kind', 'pos', 'start', 'end', 'rbrace', 'rparen', 'colon', 'group', 'lines', 'source', 'op', 'define', 'literalKind', 'keyedCount', 'hasDots', 'full', 'token', 'dir', 'alias', 'hasTypeParams', 'pragmas', 'iota', 'isDefault']);
const childKeysByKind = new Map<string, string[]>();

/** Calls `visit` on each direct child node of `node`, in source order. */
export function forEachChild(node: ast.Node, visit: (child: ast.Node) => void): void {
  let keys = childKeysByKind.get(node.kind);
  if (keys === undefined) {
    keys = Object.keys(node).filter((key) => !nonChildKeys.has(key));
    childKeysByKind.set(node.kind, keys);
  }
  const record = node as unknown as Record<string, unknown>;
  for (const key of keys) {
    const value = record[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item);
    } else if (isNode(value)) {
      visit(value);
    }
  }
}

function isNode(value: unknown): value is ast.Node {
  return value !== null && typeof value === 'object' && typeof (value as { kind?: unknown }).kind === 'string' && 'start' in (value as object);
}

/** A part of a package-level value computed at run time, and where gc stores it (`offset` unknown: not named). */
interface StaticPart {
  expr: ast.Expr;
  target: Type;
  storage: string;
  offset: number | undefined;
}

/** Counts per key. */
class Counter<K> {
  private readonly counts = new Map<K, number>();
  count(key: K): number {
    return this.counts.get(key) ?? 0;
  }
  add(key: K): void {
    this.counts.set(key, this.count(key) + 1);
  }
}

/**
 * gc does not devirtualize the call of a go or defer statement itself (#52072): the interface
 * value goes to the wrapper's temporary like any receiver, and the call inside the wrapper is
 * devirtualized on that temporary when the inliner looks at it (`devirtualizing .autotmp_2.M`).
 */
function undoDevirtualization(call: Extract<IrExpr, { op: 'call' }>): void {
  if (call.devirtualized === undefined || call.interfaceMethod === undefined || call.interfaceReceiver !== undefined) return;
  let asserted = call.receiver;
  // Through the implicit `*` or `&` and the embedded fields of a promoted method.
  while (asserted?.op === 'deref' || asserted?.op === 'addr' || asserted?.op === 'dot' || asserted?.op === 'dotPtr') asserted = asserted.x;
  if (asserted?.op !== 'dotType') return;
  call.interfaceReceiver = asserted.x;
  call.receiver = undefined;
  call.callee = undefined;
  call.devirtualized = undefined;
}
