/**
 * The type checker's state and its declaration-level walk, after types2 (gc's checker):
 * package-level objects are declared first and resolved on demand, then function bodies are
 * checked statement by statement. Errors use types2's words and positions (mostly the start
 * of the offending expression). Constructs outside the subset produce `not modeled: <what>`.
 *
 * Expressions, calls and builtins: ./expr.ts. Statements: ./stmt.ts. Entry point: ./index.ts.
 */
import type { Diagnostic } from '../api.ts';
import type * as ast from '../syntax/ast.ts';
import type { Stdlib } from '../stdlib/stdlib.ts';
import { toInteger, unknownValue } from './constant.ts';
import type { CheckResult, FunctionInfo, Info } from './info.ts';
import { lookup, type Const, type Func, type GoObject, type Label, type PkgName, type Scope, type TypeName, type Var } from './objects.ts';
import type { Operand } from './operand.ts';
import { containsInvalid, isComparable, isInvalid, isUntyped, underlying } from './predicates.ts';
import { sizeOf } from './sizes.ts';
import type { Interface, Named, Signature, Struct, Type } from './types.ts';
import { exprString, typeString } from './typestring.ts';
import { emptyInterface, invalidType, unsafeMembers, universe } from './universe.ts';

/** An object that can take part in package initialisation order. */
type InitNode = Var | Const | Func;

/** Options of a check. */
export interface CheckOptions {
  /** The std functions and variables to model (from stdlib.json); without it only `unsafe` can be imported. */
  stdlib?: Stdlib | null;
  /** The file's name as gc is given it (`main.go`), for the positions some messages print inside them. */
  fileName?: string;
}

/** A package-level or local declaration whose object is resolved on first use. */
interface PendingDeclaration {
  /** The declaration. */
  decl: ast.ConstDecl | ast.VarDecl | ast.TypeDecl | ast.FuncDecl;
  /** Index of the name within the declaration. */
  index: number;
  /** Whether it is being resolved (to detect cycles). */
  resolving: boolean;
}

/** What the checker knows while inside one function body. */
export interface FunctionContext {
  /** The function's signature. */
  signature: Signature;
  /** The record for the function in `info.functions`. */
  record: FunctionInfo;
  /** Local variables declared in it (for "declared and not used"). */
  locals: Var[];
  /** Labels declared in it. */
  labels: Map<string, Label>;
  /** The enclosing function context, for closures. */
  outer: FunctionContext | null;
  /** The function's own outermost scope. */
  scope: Scope;
}

/** The checker's state; the expression and statement walkers are mixed in from ./expr.ts and ./stmt.ts. */
export class Checker {
  /** The file being checked. */
  file: ast.File;
  /** The package name (used to leave local type names unqualified). */
  packageName: string;
  /** The std model. */
  stdlib: Stdlib | null;
  /** Everything recorded. */
  info: Info;
  /** Errors with their positions. */
  errors: Diagnostic[] = [];
  /** `not modeled` notes. */
  notModeled: Diagnostic[] = [];
  /** The package scope. */
  packageScope: Scope;
  /** The file scope (imports). */
  fileScope: Scope;
  /** Declarations not yet resolved, by object. */
  pending = new Map<GoObject, PendingDeclaration>();
  /** The function being checked, if any. */
  context: FunctionContext | null = null;
  /** Value of `iota` in the constant declaration being checked, if any. */
  iota: bigint | null = null;
  /** How many type declarations are being resolved (named types they mention are not resolved recursively). */
  typeDepth = 0;
  /** Checks that need every package-level type complete (map keys, channel elements), run after them. */
  later: (() => void)[] = [];
  /** The package-level constant, variable or function whose initialiser or body is being checked. */
  initOwner: InitNode | null = null;
  /** Package-level constants, variables and functions each of them refers to. */
  initDependencies = new Map<InitNode, Set<InitNode>>();
  /** Package-level constants and variables (blank ones too) in source order, with their names. */
  packageValues: { obj: Var | Const; name: ast.Name; initialized: boolean }[] = [];
  /** The package-level objects being resolved, outermost first (types2's object path). */
  objectPath: GoObject[] = [];

  /** Records that the current initialiser or function body refers to a package-level `obj`. */
  dependOn(obj: InitNode): void {
    if (this.initOwner === null) return;
    let set = this.initDependencies.get(this.initOwner);
    if (set === undefined) {
      set = new Set();
      this.initDependencies.set(this.initOwner, set);
    }
    set.add(obj);
  }

  /**
   * Reports package-level variables whose initialisation depends on themselves (through
   * functions too), the way types2 finds them while ordering initialisation: functions are
   * folded out of the dependency graph, constants are taken before variables, and each fewest
   * dependencies first (then in source order), and one still waiting on another when taken starts a cycle, reported with
   * each step (`a refers to f`) at the object that refers.
   */
  initializationCycles(): void {
    type Node = InitNode;
    const order = (node: Node): number => (node.pos === null ? 0 : node.pos.line * 1e6 + node.pos.column);
    const dependencies = (node: Node): Node[] => [...(this.initDependencies.get(node) ?? [])].sort((a, b) => order(a) - order(b));
    const variables: (Var | Const)[] = this.packageValues.map((value) => value.obj);
    const nameOf = new Map(this.packageValues.filter((value) => value.initialized).map((value) => [value.obj as Var | Const, value.name]));
    if (variables.length === 0) return;
    // The graph: successors (what a node depends on) and predecessors, functions included.
    const successors = new Map<Node, Set<Node>>();
    const predecessors = new Map<Node, Set<Node>>();
    const edges = (map: Map<Node, Set<Node>>, node: Node): Set<Node> => {
      let set = map.get(node);
      if (set === undefined) {
        set = new Set();
        map.set(node, set);
      }
      return set;
    };
    const functions = new Set<Func>();
    const pending: Node[] = [...variables];
    const seen = new Set<Node>(variables);
    while (pending.length > 0) {
      const node = pending.pop() as Node;
      for (const dependency of this.initDependencies.get(node) ?? []) {
        edges(successors, node).add(dependency);
        edges(predecessors, dependency).add(node);
        if (!seen.has(dependency)) {
          seen.add(dependency);
          if (dependency.kind === 'Func') functions.add(dependency);
          pending.push(dependency);
        }
      }
    }
    // Fold functions out: each caller now depends on what the function depends on.
    for (const fn of functions) {
      const fnSuccessors = edges(successors, fn);
      for (const p of edges(predecessors, fn)) {
        if (p === fn) continue;
        for (const s of fnSuccessors) {
          if (s === fn) continue;
          edges(successors, p).add(s);
          edges(predecessors, s).add(p);
        }
        edges(successors, p).delete(fn);
      }
      for (const s of fnSuccessors) edges(predecessors, s).delete(fn);
    }
    const waiting = new Map<Var | Const, number>(variables.map((v) => [v, edges(successors, v).size]));
    // A path of dependencies from `from` back to `to`, reversed (`[to, ..., first step]`).
    const findPath = (from: Node, to: Node, visited: Set<Node>): Node[] | null => {
      if (visited.has(from)) return null;
      visited.add(from);
      for (const dependency of dependencies(from)) {
        if (dependency === to) return [dependency];
        const path = findPath(dependency, to, visited);
        if (path !== null) return [...path, dependency];
      }
      return null;
    };
    const remaining = new Set(variables);
    while (remaining.size > 0) {
      let next: Var | Const | undefined;
      for (const v of remaining) {
        const count = waiting.get(v) ?? 0;
        const best = next === undefined ? undefined : (waiting.get(next) ?? 0);
        // Constants come before variables (go.dev/issue/66575), then fewest dependencies, then source order.
        if (next !== undefined && (v.kind === 'Const') !== (next.kind === 'Const')) {
          if (v.kind === 'Const') next = v;
          continue;
        }
        if (next === undefined || best === undefined || count < best || (count === best && order(v) < order(next))) next = v;
      }
      if (next === undefined) break;
      remaining.delete(next);
      const declared = nameOf.get(next);
      if (declared !== undefined) this.info.initOrder.push(declared);
      if ((waiting.get(next) ?? 0) > 0) {
        const cycle = findPath(next, next, new Set());
        if (cycle !== null) this.reportInitializationCycle(cycle);
      }
      for (const p of edges(predecessors, next)) if (p.kind !== 'Func' && waiting.has(p)) waiting.set(p, (waiting.get(p) ?? 0) - 1);
    }
  }

  private reportInitializationCycle(cycle: InitNode[]): void {
    let obj = cycle[0] as InitNode;
    const at = (node: InitNode): ast.Pos => node.pos ?? { line: 1, column: 1 };
    if (cycle.length === 1) {
      this.errorAt(at(obj), `initialization cycle: ${obj.name} refers to itself`);
      return;
    }
    const details: { position: ast.Pos; message: string }[] = [];
    const first = obj;
    for (let j = cycle.length - 1; j >= 0; j--) {
      const next = cycle[j] as InitNode;
      details.push({ position: at(obj), message: `${obj.name} refers to ${next.name}` });
      obj = next;
    }
    this.errorWithDetails(at(first), `initialization cycle for ${first.name}`, details);
  }

  /** The file's name, for positions printed inside messages. */
  fileName: string;

  constructor(file: ast.File, stdlib: Stdlib | null, fileName = 'main.go') {
    this.file = file;
    this.fileName = fileName;
    this.packageName = file.packageName.value;
    this.stdlib = stdlib;
    this.info = {
      types: new Map(), defs: new Map(), uses: new Map(), implicits: new Map(), selections: new Map(),
      scopes: new Map(), builtins: new Map(), conversions: new Map(), functions: [], imports: new Map(), initOrder: [],
    };
    this.packageScope = { parent: universe, names: new Map(), node: null, func: null };
    this.fileScope = { parent: this.packageScope, names: new Map(), node: file, func: null };
    this.info.scopes.set(file, this.fileScope);
  }

  // --- reporting -----------------------------------------------------------------------------

  /** Reports an error at a gc position. */
  errorAt(position: ast.Pos, message: string): void {
    this.errors.push({ line: position.line, column: position.column, message });
  }

  /** Reports an error at the start of a node (where types2 reports most errors). */
  error(node: ast.NodeBase, message: string): void {
    this.errorAt(this.file.lines.position(node.start), message);
  }

  /** A position as printed inside a message (`./main.go:4:6`, the way `go build` names the file). */
  where(position: ast.Pos): string {
    return `./${this.fileName}:${position.line}:${position.column}`;
  }

  /**
   * Reports an error that goes on with more lines, each at its own position (`other
   * declaration of f`): types2 prints them under the first, indented by a tab.
   */
  errorWithDetails(position: ast.Pos, message: string, details: { position: ast.Pos; message: string }[]): void {
    this.errorAt(position, [message, ...details.map((detail) => `\t${this.where(detail.position)}: ${detail.message}`)].join('\n'));
  }

  /** Reports `name` declared where `existing` already is, and where that one is. */
  redeclared(at: ast.Pos, message: string, existing: GoObject): void {
    this.errorWithDetails(at, message, existing.pos === null ? [] : [{ position: existing.pos, message: `other declaration of ${existing.name}` }]);
  }

  /** Reports a construct outside the modelled subset. */
  notModeledAt(offset: number, what: string): void {
    this.notModeled.push({ ...this.file.lines.position(offset), message: `not modeled: ${what}` });
  }

  result(): CheckResult {
    const sorted = [...this.errors].sort((a, b) => a.line - b.line || a.column - b.column);
    const seen = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    for (const error of sorted) {
      const key = `${error.line}:${error.message}`;
      if (seen.has(key)) continue; // gc prints one error per line and message
      seen.add(key);
      diagnostics.push(error);
    }
    const notes = [...this.notModeled].sort((a, b) => a.line - b.line || a.column - b.column);
    // An error in a file with unmodelled parts may be a consequence of what is not modelled
    // (a skipped generic body, an unknown import): report only what is not modelled.
    if (notes.length > 0 || this.file.notModeled) return { info: this.info, diagnostics: notes, notModeled: true };
    return { info: this.info, diagnostics, notModeled: false };
  }

  /** The type as messages print it. */
  typeText(type: Type): string {
    return typeString(type, this.packageName);
  }

  // --- declarations --------------------------------------------------------------------------

  /** Declares `obj` in `scope`, reporting a redeclaration; whether it was declared. */
  declare(scope: Scope, name: ast.Name, obj: GoObject): boolean {
    this.info.defs.set(name, name.value === '_' ? null : obj);
    if (name.value === '_') return false;
    const existing = scope.names.get(name.value);
    if (existing !== undefined) {
      this.redeclared(this.file.lines.position(name.start), `${name.value} redeclared in this block`, existing);
      return false;
    }
    obj.parent = scope;
    scope.names.set(name.value, obj);
    return true;
  }

  newVar(name: ast.Name | null, type: Type, isParam: boolean, decl: ast.Node | null): Var {
    return {
      kind: 'Var', name: name?.value ?? '', type, pos: name?.pos ?? null, pkg: this.packageName, parent: null,
      isField: false, embedded: false, isParam, used: false, isGlobal: false, decl: decl ?? name,
    };
  }

  checkFile(): void {
    const importNames: { decl: ast.ImportDecl; obj: PkgName }[] = [];
    const funcs: ast.FuncDecl[] = [];
    for (const decl of this.file.declarations) {
      switch (decl.kind) {
        case 'ImportDecl': {
          const obj = this.importPackage(decl);
          if (obj !== null) importNames.push({ decl, obj });
          break;
        }
        case 'ConstDecl':
        case 'VarDecl':
          decl.names.forEach((name, index) => {
            if (name.value === 'init' || (name.value === 'main' && this.packageName === 'main')) {
              this.error(name, `cannot declare ${name.value} - must be func`);
            }
            const obj: GoObject = decl.kind === 'ConstDecl'
              ? { kind: 'Const', name: name.value, type: invalidType, pos: name.pos, pkg: this.packageName, parent: null, value: unknownValue }
              : { ...this.newVar(name, invalidType, false, name), isGlobal: true, used: true };
            this.declare(this.packageScope, name, obj);
            this.pending.set(obj, { decl, index, resolving: false });
            if (obj.kind === 'Var' || obj.kind === 'Const') this.packageValues.push({ obj, name, initialized: decl.kind === 'VarDecl' && decl.values.length > 0 });
          });
          break;
        case 'TypeDecl': {
          const obj = this.declareTypeName(decl, this.packageScope);
          this.pending.set(obj, { decl, index: 0, resolving: false });
          break;
        }
        case 'FuncDecl':
          funcs.push(decl);
          break;
      }
    }
    const funcObjects: Func[] = funcs.map((decl) => this.declareFunc(decl));
    // Types first (methods need their receivers), then functions' signatures, then the rest.
    for (const [obj] of [...this.pending]) if (obj.kind === 'TypeName') this.resolve(obj);
    this.recursiveTypes();
    for (const [obj] of [...this.pending]) if (obj.kind === 'Func') this.resolve(obj);
    for (const [obj] of [...this.pending]) this.resolve(obj);
    funcs.forEach((decl, index) => {
      const obj = funcObjects[index] as Func;
      if (decl.body === null || obj.type.kind !== 'Signature') return;
      this.initOwner = obj;
      this.funcBody(decl, obj.type, obj, decl.body);
      this.initOwner = null;
    });
    for (const deferred of this.later) deferred();
    // A package-level name may not also be an imported package's name in the file.
    for (const { obj } of importNames) {
      const alt = this.packageScope.names.get(obj.name);
      if (alt === undefined || alt.pos === null || obj.pos === null) continue;
      const segments = obj.path.split('/');
      const last = segments[segments.length - 1] as string;
      const packageName = segments.length > 1 && /^v[0-9]+$/.test(last) ? (segments[segments.length - 2] as string) : last;
      this.errorWithDetails(alt.pos, `${alt.name} already declared through import of package ${packageName} (${JSON.stringify(obj.path)})`, [
        { position: obj.pos, message: `other declaration of ${obj.name}` },
      ]);
    }
    this.initializationCycles();
    for (const { decl, obj } of importNames) {
      if (obj.used) continue;
      const path = decl.path.value;
      const defaultName = obj.path.slice(obj.path.lastIndexOf('/') + 1);
      if (decl.localName === null || decl.localName.value === defaultName) this.error(decl.path, `${path} imported and not used`);
      else this.error(decl, `${path} imported as ${decl.localName.value} and not used`);
    }
  }

  importPackage(decl: ast.ImportDecl): PkgName | null {
    const path = decl.path.value.slice(1, -1);
    const known = path === 'unsafe' || (this.stdlib?.packages.has(path) ?? false);
    if (!known) {
      this.notModeledAt(decl.path.start, `import "${path}"`);
    }
    const name = decl.localName?.value ?? path.slice(path.lastIndexOf('/') + 1);
    if (name === '_') return null;
    if (name === '.') {
      this.notModeledAt(decl.start, 'dot imports');
      return null;
    }
    const obj: PkgName = { kind: 'PkgName', name, type: invalidType, pos: decl.pos, pkg: this.packageName, parent: this.fileScope, path, used: !known };
    const existing = this.fileScope.names.get(name);
    if (existing !== undefined) {
      // Not declared, so never used: reported unused as well, as gc does.
      this.redeclared(decl.pos, `${name} redeclared in this block`, existing);
      return { ...obj, used: false };
    }
    this.fileScope.names.set(name, obj);
    this.info.imports.set(name, obj);
    if (decl.localName !== null) this.info.defs.set(decl.localName, obj);
    return obj;
  }

  /** The members of an imported package. */
  packageMember(pkg: PkgName, name: string): GoObject | undefined {
    if (pkg.path === 'unsafe') return unsafeMembers.get(name);
    return this.stdlib?.packages.get(pkg.path)?.members.get(name);
  }

  /** Reports package-level types that contain themselves by value (`type T struct{ t T }`), as gc does. */
  recursiveTypes(): void {
    for (const decl of this.file.declarations) {
      if (decl.kind !== 'TypeDecl' || decl.alias || decl.hasTypeParams) continue;
      const start = this.packageScope.names.get(decl.name.value)?.type;
      if (start?.kind !== 'Named') continue;
      // Depth-first through fields and array elements (stored inline); pointers, slices, maps,
      // channels, functions and interfaces break a cycle.
      // `viaOther`: whether another named type lies on the way (gc words a direct cycle differently).
      const seen = new Set<Type>();
      const stack: { type: Type; viaOther: boolean }[] = [{ type: start.underlying, viaOther: false }];
      let cycle: 'direct' | 'indirect' | null = null;
      while (stack.length > 0 && cycle === null) {
        const { type, viaOther } = stack.pop() as { type: Type; viaOther: boolean };
        if (type === start) cycle = viaOther ? 'indirect' : 'direct';
        else if (!seen.has(type)) {
          seen.add(type);
          const through = viaOther || type.kind === 'Named';
          const under = type.kind === 'Named' ? type.underlying : type;
          if (under.kind === 'Struct') for (const field of under.fields) stack.push({ type: field.type, viaOther: through });
          else if (under.kind === 'Array') stack.push({ type: under.elem, viaOther: through });
        }
      }
      if (cycle !== null) {
        const name = decl.name.value;
        this.error(decl.name, cycle === 'direct' ? `invalid recursive type: ${name} refers to itself` : `invalid recursive type ${name}`);
        start.underlying = invalidType;
      }
    }
  }

  declareTypeName(decl: ast.TypeDecl, scope: Scope): TypeName {
    const obj: TypeName = { kind: 'TypeName', name: decl.name.value, type: invalidType, pos: decl.name.pos, pkg: this.packageName, parent: null, isAlias: decl.alias };
    // Generic types are reported by the parser; their uses see an invalid type.
    if (!decl.hasTypeParams && !decl.alias) {
      const named: Named = { kind: 'Named', obj, underlying: invalidType, methods: [] };
      obj.type = named;
    }
    this.declare(scope, decl.name, obj);
    return obj;
  }

  /** Resolves a pending package-level object (type, constant, variable). */
  resolve(obj: GoObject): void {
    const pending = this.pending.get(obj);
    if (pending === undefined) return;
    if (pending.resolving) {
      if (!this.validCycle(obj) && obj.kind !== 'Func') obj.type = invalidType;
      return;
    }
    pending.resolving = true;
    this.objectPath.push(obj);
    const savedContext = this.context;
    const savedIota = this.iota;
    const savedDeclarations = this.declareLater;
    const savedOwner = this.initOwner;
    this.context = null;
    this.declareLater = [];
    // Dependencies are recorded for a constant's or variable's initialiser, not for a type's declaration.
    this.initOwner = obj.kind === 'Var' || obj.kind === 'Const' ? obj : null;
    if (obj.kind === 'TypeName') this.typeDepth++;
    try {
      if (pending.decl.kind === 'FuncDecl') this.funcSignature(pending.decl, obj as Func);
      else this.declaration(pending.decl, obj, this.fileScope);
    } finally {
      if (obj.kind === 'TypeName') this.typeDepth--;
      this.context = savedContext;
      this.iota = savedIota;
      this.declareLater = savedDeclarations;
      this.initOwner = savedOwner;
      this.objectPath.pop();
      this.pending.delete(obj);
    }
  }

  /**
   * Whether referring to `obj` while it is being resolved is a cycle gc allows: one of only
   * constants and variables (an initialisation cycle, reported later), or of only types with at
   * least one defined type. Any other is reported here, from the object declared first.
   */
  validCycle(obj: GoObject): boolean {
    const start = this.objectPath.indexOf(obj);
    if (start < 0) return true;
    const cycle = this.objectPath.slice(start);
    const values = cycle.filter((o) => o.kind === 'Const' || o.kind === 'Var').length;
    const definitions = cycle.filter((o) => o.kind === 'TypeName' && !o.isAlias).length;
    if (values === cycle.length) return true;
    if (values === 0 && definitions > 0) return true;
    let first = 0;
    cycle.forEach((o, index) => {
      const best = cycle[first]?.pos;
      if (o.pos !== null && best !== null && best !== undefined && (o.pos.line < best.line || (o.pos.line === best.line && o.pos.column < best.column))) first = index;
    });
    const head = cycle[first] as GoObject;
    const isType = head.kind === 'TypeName';
    const at = head.pos ?? { line: 1, column: 1 };
    if (cycle.length === 1) {
      this.errorAt(at, isType ? `invalid recursive type: ${head.name} refers to itself` : `invalid cycle in declaration: ${head.name} refers to itself`);
      return false;
    }
    const details: { position: ast.Pos; message: string }[] = [];
    for (let i = 0; i < cycle.length; i++) {
      const from = cycle[(first + i) % cycle.length] as GoObject;
      const to = cycle[(first + i + 1) % cycle.length] as GoObject;
      details.push({ position: from.pos ?? at, message: `${from.name} refers to ${to.name}` });
    }
    this.errorWithDetails(at, isType ? `invalid recursive type ${head.name}` : `invalid cycle in declaration of ${head.name}`, details);
    return false;
  }

  /** Checks one declaration (package-level or local) for the object(s) it declares. */
  declaration(decl: ast.ConstDecl | ast.VarDecl | ast.TypeDecl, obj: GoObject | null, scope: Scope): void {
    switch (decl.kind) {
      case 'TypeDecl': {
        if (decl.hasTypeParams) break;
        const typeObj = obj as TypeName;
        const type = this.typeExpr(decl.type, scope);
        if (typeObj.type.kind === 'Named') {
          typeObj.type.underlying = underlying(type);
          if (isInvalid(typeObj.type.underlying) && type.kind === 'Named' && type === typeObj.type) {
            this.error(decl.name, `invalid recursive type ${decl.name.value}`);
          }
        } else typeObj.type = type;
        break;
      }
      case 'ConstDecl':
        this.constDecl(decl, scope, obj === null ? null : [obj as Const]);
        break;
      case 'VarDecl':
        this.varDecl(decl, scope, obj === null ? null : decl.names.map((n) => lookupIn(scope, n.value)));
        break;
    }
  }

  /** Checks a const spec; `objects` are the already-declared objects (package level) or null (declare now). */
  constDecl(decl: ast.ConstDecl, scope: Scope, objects: Const[] | null): void {
    const group = decl.group ?? decl;
    const declaredType = group.type === null ? null : this.typeExpr(group.type, scope);
    const outerIota = this.iota;
    this.iota = BigInt(decl.iota);
    const values = group.values;
    const targets: Const[] = decl.names.map((name) => {
      const existing = objects === null ? undefined : lookupIn(scope, name.value);
      if (existing?.kind === 'Const') return existing;
      const created: Const = { kind: 'Const', name: name.value, type: invalidType, pos: name.pos, pkg: this.packageName, parent: null, value: unknownValue };
      if (objects === null) this.declareLater.push({ scope, name, obj: created });
      return created;
    });
    decl.names.forEach((name, index) => {
      const target = targets[index] as Const;
      const valueExpr = values[index];
      if (valueExpr === undefined) {
        if (index === values.length && values.length > 0) this.error(name, 'missing init expr for const declaration');
        return;
      }
      const x = this.expr(valueExpr, scope);
      if (x.mode === 'invalid') return;
      if (x.mode !== 'constant') {
        this.error(valueExpr, `${this.describe(x)} is not constant`);
        return;
      }
      if (declaredType !== null) {
        this.assignment(x, declaredType, 'constant declaration');
        if ((x.mode as Operand['mode']) === 'invalid') return;
      }
      target.type = x.type;
      target.value = x.value ?? unknownValue;
    });
    if (values.length > decl.names.length) {
      const extra = values[decl.names.length];
      if (extra !== undefined) this.error(extra, 'extra init expr');
    }
    this.iota = outerIota;
    this.flushLocalDeclarations();
  }

  /** Local objects to declare once their initialisers are checked (a local `x := x` sees the outer x). */
  declareLater: { scope: Scope; name: ast.Name; obj: GoObject }[] = [];

  flushLocalDeclarations(): void {
    for (const { scope, name, obj } of this.declareLater) {
      // A variable that could not be declared is not reported unused: it is in no scope.
      if (this.declare(scope, name, obj) && obj.kind === 'Var' && this.context !== null && !obj.isGlobal) this.context.locals.push(obj);
    }
    this.declareLater = [];
  }

  /** Checks a var spec; `objects` are the already-declared package variables, or null to declare locals. */
  varDecl(decl: ast.VarDecl, scope: Scope, objects: (GoObject | undefined)[] | null): void {
    const declaredType = decl.type === null ? null : this.typeExpr(decl.type, scope);
    const targets: Var[] = decl.names.map((name, index) => {
      const existing = objects?.[index];
      if (existing?.kind === 'Var') return existing;
      const created = this.newVar(name, invalidType, false, name);
      if (objects === null) this.declareLater.push({ scope, name, obj: created });
      return created;
    });
    if (declaredType !== null) for (const target of targets) target.type = declaredType;
    if (decl.values.length === 0) {
      this.flushLocalDeclarations();
      return;
    }
    this.initVars(targets, decl.values, declaredType, decl, scope);
    this.flushLocalDeclarations();
  }

  /** Assigns initial values to new variables (var declarations and `:=`). */
  initVars(targets: Var[], values: ast.Expr[], declaredType: Type | null, at: ast.NodeBase, scope: Scope): void {
    const context = 'variable declaration';
    if (values.length === 1 && targets.length > 1) {
      const only = values[0] as ast.Expr;
      const x = this.multiExpr(only, scope);
      if (x.mode === 'invalid') {
        for (const target of targets) if (isInvalid(target.type)) target.type = invalidType;
        return;
      }
      const types = x.type.kind === 'Tuple' ? x.type.vars.map((v) => v.type) : [x.type];
      if ((x.mode === 'commaok' || x.mode === 'mapindex') && targets.length === 2) types.push(untypedBool);
      if (types.length !== targets.length) {
        this.assignmentMismatch(only, targets.length, types.length, only);
        return;
      }
      targets.forEach((target, index) => {
        const type = types[index] as Type;
        if (declaredType === null) target.type = isUntyped(type) ? defaultType(type) : type;
        else this.assignment({ mode: 'value', type, expr: only }, declaredType, context);
      });
      return;
    }
    if (values.length !== targets.length) {
      for (const value of values) this.expr(value, scope);
      this.assignmentMismatch(values[0] ?? at, targets.length, values.length, null);
      return;
    }
    targets.forEach((target, index) => {
      const value = values[index] as ast.Expr;
      const x = targets.length === 1 ? this.multiExpr(value, scope, declaredType ?? undefined) : this.expr(value, scope, declaredType ?? undefined);
      if (x.mode === 'invalid') return;
      if (x.type.kind === 'Tuple' && x.mode !== 'novalue') {
        this.assignmentMismatch(value, 1, x.type.vars.length, value);
        return;
      }
      if (x.mode === 'novalue' || x.mode === 'typexpr' || x.mode === 'builtin') {
        this.singleValueError(x);
        return;
      }
      if (declaredType !== null) {
        this.assignment(x, declaredType, context);
        return;
      }
      if (x.mode === 'nil') {
        this.error(value, 'use of untyped nil in variable declaration');
        return;
      }
      this.assignment(x, isUntyped(x.type) ? defaultType(x.type) : x.type, context);
      target.type = x.type;
    });
  }

  assignmentMismatch(at: ast.NodeBase, variables: number, values: number, call: ast.Expr | null): void {
    const noun = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    if (call !== null && call.kind === 'CallExpr') {
      this.error(at, `assignment mismatch: ${noun(variables, 'variable')} but ${exprString(call.fun)} returns ${noun(values, 'value')}`);
    } else {
      this.error(at, `assignment mismatch: ${noun(variables, 'variable')} but ${noun(values, 'value')}`);
    }
  }

  singleValueError(x: Operand): void {
    if (x.mode === 'novalue') this.error(x.expr, `${exprString(x.expr)} (no value) used as value`);
    else if (x.mode === 'typexpr') this.error(x.expr, `${exprString(x.expr)} (type) is not an expression`);
    else if (x.mode === 'builtin') this.error(x.expr, `${exprString(x.expr)} (built-in) must be called`);
  }

  /** Declares a function or method object and its signature; attaches methods to their receiver type. */
  /** Declares a function's or method's object; its signature is computed by `funcSignature`. */
  declareFunc(decl: ast.FuncDecl): Func {
    const obj: Func = {
      kind: 'Func', name: decl.name.value, type: invalidType, pos: decl.name.pos, pkg: this.packageName, parent: null,
      decl, pragmas: decl.pragmas, pointerReceiver: false, isMethod: decl.recv !== null,
    };
    if (decl.recv === null && decl.name.value !== 'init') this.declare(this.packageScope, decl.name, obj);
    else this.info.defs.set(decl.name, obj);
    // Generic functions are not modelled (the parser says so): their uses see an invalid type and stay silent.
    if (!decl.hasTypeParams) this.pending.set(obj, { decl, index: 0, resolving: false });
    return obj;
  }

  /** Computes a function's signature and attaches a method to its receiver's base type. */
  funcSignature(decl: ast.FuncDecl, obj: Func): void {
    const signature = this.signature(decl.type, this.fileScope, decl.recv);
    obj.type = signature;
    if (decl.recv === null) {
      if (decl.name.value === 'init' || (decl.name.value === 'main' && this.packageName === 'main')) {
        if (signature.params.length > 0 || signature.results.length > 0) {
          this.error(decl.name, `func ${decl.name.value} must have no arguments and no return values`);
        }
      }
      // gc accepts a body-less declaration when assembly or a linkname provides the body; a
      // single-file `go build` does not. Which case applies is outside the model.
      if (decl.body === null) this.notModeledAt(decl.start, 'function declarations without a body');
      return;
    }
    const receiver = signature.recv;
    if (receiver === null) return;
    let base = receiver.type;
    if (base.kind === 'Pointer') {
      base = base.elem;
      obj.pointerReceiver = true;
    }
    if (base.kind !== 'Named') {
      if (!isInvalid(base)) this.error(decl.recv?.type ?? decl, `invalid receiver type ${this.typeText(receiver.type)}`);
      return;
    }
    if (base.obj.pkg !== this.packageName) {
      this.error(decl.recv?.type ?? decl, `cannot define new methods on non-local type ${this.typeText(base)}`);
      return;
    }
    const under = underlying(base);
    if (under.kind === 'Pointer' || under.kind === 'Interface') {
      this.error(decl.recv?.type ?? decl, `invalid receiver type ${this.typeText(receiver.type)} (pointer or interface type)`);
      return;
    }
    if (decl.name.value !== '_') {
      const other = base.methods.find((m) => m.name === decl.name.value);
      if (other !== undefined) {
        this.error(decl.name, `method ${base.obj.name}.${decl.name.value} already declared${other.pos === null ? '' : ` at ${this.where(other.pos)}`}`);
      } else if (under.kind === 'Struct' && under.fields.some((f) => f.name === decl.name.value)) {
        const field = under.fields.find((f) => f.name === decl.name.value) as Var;
        this.redeclared(this.file.lines.position(decl.name.start), `field and method with the same name ${decl.name.value}`, field);
      } else base.methods.push(obj);
    }
    return;
  }

  /** Builds a signature from a FuncType; parameters are not declared (the body does that). */
  signature(type: ast.FuncType, scope: Scope, recv: ast.Field | null = null): Signature {
    const signature: Signature = { kind: 'Signature', recv: null, params: [], results: [], variadic: false };
    if (recv !== null) signature.recv = this.newVar(recv.name, this.typeExpr(recv.type, scope), true, recv);
    type.params.forEach((field, index) => {
      let fieldType: Type;
      if (field.type.kind === 'DotsType') {
        if (index !== type.params.length - 1) {
          this.error(field.type, 'can only use ... with final parameter in list');
        }
        signature.variadic = true;
        fieldType = { kind: 'Slice', elem: this.typeExpr(field.type.element, scope) };
      } else fieldType = this.typeExpr(field.type, scope);
      signature.params.push(this.newVar(field.name, fieldType, true, field));
    });
    for (const field of type.results) signature.results.push(this.newVar(field.name, this.typeExpr(field.type, scope), true, field));
    const names = new Map<string, ast.Pos>();
    for (const field of [...(recv === null ? [] : [recv]), ...type.params, ...type.results]) {
      if (field.name === null || field.name.value === '_') continue;
      const other = names.get(field.name.value);
      if (other !== undefined) {
        this.errorWithDetails(this.file.lines.position(field.name.start), `${field.name.value} redeclared in this block`, [{ position: other, message: `other declaration of ${field.name.value}` }]);
      } else names.set(field.name.value, this.file.lines.position(field.name.start));
    }
    this.info.types.set(type, { mode: 'typexpr', type: signature });
    return signature;
  }

  /** Checks a function body (declared function or literal). */
  funcBody(node: ast.FuncDecl | ast.FuncLit, signature: Signature, obj: Func | null, body: ast.BlockStmt): FunctionContext {
    const scope: Scope = { parent: this.context?.scope ?? this.fileScope, names: new Map(), node: node.type, func: node };
    // Closures see the enclosing block's scope; that is the current scope when they are checked.
    if (node.kind === 'FuncLit' && this.currentScope !== null) scope.parent = this.currentScope;
    this.info.scopes.set(node.type, scope);
    const record: FunctionInfo = {
      node, obj,
      pragmas: node.kind === 'FuncDecl' ? node.pragmas : { noinline: false, noescape: false, nosplit: false, uintptrescapes: false, other: [] },
      closures: [], captured: [],
    };
    this.info.functions.push(record);
    if (node.kind === 'FuncLit' && this.context !== null) this.context.record.closures.push(node);
    const context: FunctionContext = { signature, record, locals: [], labels: new Map(), outer: this.context, scope };
    const declareParam = (param: Var, field: ast.Field | null): void => {
      param.used = true;
      if (field?.name !== null && field?.name !== undefined) {
        this.declare(scope, field.name, param);
      } else if (field !== null) this.info.implicits.set(field, param);
    };
    if (node.kind === 'FuncDecl' && signature.recv !== null) declareParam(signature.recv, node.recv);
    signature.params.forEach((param, index) => declareParam(param, node.type.params[index] ?? null));
    signature.results.forEach((result, index) => declareParam(result, node.type.results[index] ?? null));
    const savedContext = this.context;
    const savedScope = this.currentScope;
    this.context = context;
    this.currentScope = scope;
    try {
      this.labels(body, context);
      this.stmtList(body.list, scope, { breakOk: false, continueOk: false });
      if (signature.results.length > 0 && !this.isTerminatingList(body.list)) {
        this.errorAt(body.rbrace, 'missing return');
      }
      this.reportUnused(context);
    } finally {
      this.context = savedContext;
      this.currentScope = savedScope;
    }
    return context;
  }

  /** The innermost scope being checked (for closures). */
  currentScope: Scope | null = null;

  reportUnused(context: FunctionContext): void {
    for (const local of context.locals) {
      if (!local.used && local.name !== '_' && local.pos !== null && local.decl !== null) {
        this.error(local.decl as ast.NodeBase, `declared and not used: ${local.name}`);
      }
    }
    for (const label of context.labels.values()) {
      if (!label.used && label.pos !== null) this.errorAt(label.pos, `label ${label.name} defined and not used`);
    }
  }

  // --- type expressions ----------------------------------------------------------------------

  /** Evaluates a type expression. */
  typeExpr(expr: ast.Expr, scope: Scope): Type {
    const type = this.typeExprInner(expr, scope);
    this.info.types.set(expr, { mode: 'typexpr', type });
    return type;
  }

  typeExprInner(expr: ast.Expr, scope: Scope): Type {
    switch (expr.kind) {
      case 'Name':
      case 'SelectorExpr': {
        const x = this.expr(expr, scope);
        if (x.mode === 'invalid') return invalidType;
        if (x.mode !== 'typexpr') {
          this.error(expr, `${exprString(expr)} is not a type`);
          return invalidType;
        }
        return x.type;
      }
      case 'ParenExpr':
        return this.typeExpr(expr.x, scope);
      case 'Operation':
        if (expr.op === '*' && expr.y === null) return { kind: 'Pointer', elem: this.typeExpr(expr.x, scope) };
        break;
      case 'ArrayType': {
        const elem = this.typeExpr(expr.element, scope);
        if (expr.length === null) {
          this.error(expr, 'invalid use of [...] array (outside a composite literal)');
          return invalidType;
        }
        return { kind: 'Array', elem, length: this.arrayLength(expr.length, scope) };
      }
      case 'SliceType':
        return { kind: 'Slice', elem: this.typeExpr(expr.element, scope) };
      case 'MapType': {
        const key = this.typeExpr(expr.key, scope);
        const elem = this.typeExpr(expr.value, scope);
        // Named key types may not be complete yet: check once every type is resolved.
        this.later.push(() => {
          if (!containsInvalid(key) && !isComparable(key)) this.error(expr.key, `invalid map key type ${this.typeText(key)}`);
        });
        return { kind: 'Map', key, elem };
      }
      case 'ChanType': {
        const elem = this.typeExpr(expr.element, scope);
        this.later.push(() => {
          const size = sizeOf(elem);
          if (size !== null && size >= 1 << 16) this.error(expr, 'channel element type too large (>64kB)');
        });
        return { kind: 'Chan', dir: expr.dir, elem };
      }
      case 'FuncType':
        return this.signature(expr, scope);
      case 'StructType':
        return this.structType(expr, scope);
      case 'InterfaceType':
        return this.interfaceType(expr, scope);
      case 'BadExpr':
        return invalidType;
      default:
        break;
    }
    this.error(expr, `${exprString(expr)} is not a type`);
    return invalidType;
  }

  arrayLength(expr: ast.Expr, scope: Scope): number {
    const x = this.expr(expr, scope);
    if (x.mode === 'invalid') return -1;
    if (x.mode !== 'constant' || x.value === undefined) {
      this.error(expr, `array length ${exprString(expr)} (${x.mode === 'variable' ? 'variable' : 'value'} of type ${this.typeText(x.type)}) must be constant`);
      return -1;
    }
    const length = toInteger(x.value);
    if (length === null || length < 0n) {
      this.error(expr, `invalid array length ${exprString(expr)}`);
      return -1;
    }
    if (length > 1n << 50n) {
      this.notModeledAt(expr.start, 'arrays this large');
      return -1;
    }
    return Number(length);
  }

  structType(expr: ast.StructType, scope: Scope): Struct {
    const struct: Struct = { kind: 'Struct', fields: [], tags: [] };
    const names = new Map<string, ast.Pos>();
    expr.fields.forEach((field, index) => {
      const type = this.typeExpr(field.type, scope);
      let name = field.name?.value ?? '';
      // Where the field's name is: an embedded `*p.T` is named by its `T`.
      let identifier: ast.NodeBase = field.name ?? field.type;
      const embedded = field.name === null;
      if (embedded) {
        let base: ast.Expr = field.type;
        if (base.kind === 'Operation' && base.op === '*') base = base.x;
        name = base.kind === 'SelectorExpr' ? base.selector.value : base.kind === 'Name' ? base.value : '_';
        if (base.kind === 'SelectorExpr') identifier = base.selector;
        else if (base.kind === 'Name') identifier = base;
        const under = type.kind === 'Pointer' ? type.elem : type;
        if (type.kind === 'Pointer' && (underlying(under).kind === 'Pointer' || underlying(under).kind === 'Interface')) {
          this.error(field.type, `embedded field type cannot be a pointer to an interface`);
        }
      }
      const tag = expr.tags[index];
      const fieldVar: Var = {
        kind: 'Var', name, type, pos: (field.name ?? field).pos, pkg: this.packageName, parent: null,
        isField: true, embedded, isParam: false, used: true, isGlobal: false, decl: field,
      };
      const at = this.file.lines.position(identifier.start);
      const other = names.get(name);
      if (name !== '_' && other !== undefined) this.errorWithDetails(at, `${name} redeclared`, [{ position: other, message: `other declaration of ${name}` }]);
      else names.set(name, at);
      if (field.name !== null) this.info.defs.set(field.name, fieldVar);
      else this.info.implicits.set(field, fieldVar);
      struct.fields.push(fieldVar);
      struct.tags.push(tag === null || tag === undefined ? '' : unquoteTag(tag.value));
    });
    return struct;
  }

  interfaceType(expr: ast.InterfaceType, scope: Scope): Interface {
    if (expr.methods.length === 0) return emptyInterface;
    const iface: Interface = { kind: 'Interface', methods: [], embedded: [], allMethods: null };
    for (const element of expr.methods) {
      if (element.name === null) {
        const type = this.typeExpr(element.type, scope);
        if (!isInvalid(type) && underlying(type).kind !== 'Interface') {
          this.notModeledAt(element.start, 'type sets in interfaces');
          continue;
        }
        iface.embedded.push(type);
        continue;
      }
      if (element.type.kind !== 'FuncType') continue;
      const signature = this.signature(element.type, scope);
      const method: Func = {
        kind: 'Func', name: element.name.value, type: signature, pos: element.name.pos, pkg: this.packageName, parent: null,
        decl: null, pragmas: null, pointerReceiver: false, isMethod: true,
      };
      signature.recv = this.newVar(null, iface, true, null);
      this.info.defs.set(element.name, method);
      if (iface.methods.some((m) => m.name === method.name)) this.error(element.name, `duplicate method ${method.name}`);
      else iface.methods.push(method);
    }
    return iface;
  }

  // Implemented in ./expr.ts, ./stmt.ts, ./assign.ts.
  declare expr: (expr: ast.Expr, scope: Scope, hint?: Type) => Operand;
  declare multiExpr: (expr: ast.Expr, scope: Scope, hint?: Type) => Operand;
  declare assignment: (x: Operand, target: Type, context: string) => void;
  declare describe: (x: Operand) => string;
  declare stmtList: (list: ast.Stmt[], scope: Scope, flow: FlowContext) => void;
  declare labels: (body: ast.BlockStmt, context: FunctionContext) => void;
  declare isTerminatingList: (list: ast.Stmt[]) => boolean;
}

/** Which branch statements are allowed where. */
export interface FlowContext {
  /** Inside a loop, switch or select. */
  breakOk: boolean;
  /** Inside a loop. */
  continueOk: boolean;
  /** Whether `fallthrough` is allowed here (last statement of a non-final expression switch clause). */
  fallthroughOk?: boolean;
}

/** `untyped bool`, the second result of comma-ok expressions. */
export const untypedBool: Type = { kind: 'Basic', basic: 'untyped bool', name: 'untyped bool' };

/** The default type of an untyped constant kind. */
export function defaultType(type: Type): Type {
  if (type.kind !== 'Basic') return type;
  const target = ({
    'untyped bool': 'bool', 'untyped int': 'int', 'untyped rune': 'rune', 'untyped float': 'float64',
    'untyped complex': 'complex128', 'untyped string': 'string',
  } as Record<string, string>)[type.basic];
  if (target === undefined) return type;
  const found = universe.names.get(target);
  return found?.type ?? type;
}

function lookupIn(scope: Scope, name: string): GoObject | undefined {
  return scope.names.get(name) ?? lookup(scope, name);
}

function unquoteTag(text: string): string {
  if (text.startsWith('`')) return text.slice(1, -1);
  try {
    return JSON.parse(text) as string;
  } catch {
    return text.slice(1, -1);
  }
}

