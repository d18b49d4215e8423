/**
 * What the checker records about a file: the result of `check` that later stages
 * (inlining, escape analysis, views) read. Maps are keyed by the AST nodes of ../syntax/ast.ts.
 */
import type { Diagnostic } from '../api.ts';
import type { CallExpr, Expr, FuncDecl, FuncLit, Name, Node, Pragmas, SelectorExpr } from '../syntax/ast.ts';
import type { ConstantValue } from './constant.ts';
import type { BuiltinId, Func, GoObject, PkgName, Scope, Var } from './objects.ts';
import type { Type } from './types.ts';

/** How an expression can be used, as in go/types' operand modes. */
export type Mode =
  | 'novalue' // a call without results
  | 'builtin' // a builtin function name
  | 'typexpr' // a type
  | 'constant' // a constant, with a value
  | 'variable' // an addressable value
  | 'mapindex' // m[k]: assignable but not addressable
  | 'value' // any other value
  | 'commaok'; // a value that may also produce a second bool result (x.(T), m[k], <-ch)

/** The type (and value, for constants) of one expression. */
export interface TypeAndValue {
  /** How the expression can be used. */
  mode: Mode;
  /** Its type; for untyped constants the final (defaulted or converted) type. */
  type: Type;
  /** The constant value when `mode` is `constant`. */
  value?: ConstantValue;
}

/** What a selector `x.f` selects. */
export interface Selection {
  /** A field, a method value (`x.m`), or a method expression (`T.m`). */
  kind: 'field' | 'method' | 'methodExpr';
  /** The type of `x` (or `T`). */
  recv: Type;
  /** The selected field (a Var) or method (a Func). */
  obj: Var | Func;
  /** The path of field indices through embedded fields; the last entry is the selected field or method index. */
  index: number[];
  /** Whether a pointer is dereferenced on the way (through `x` itself or an embedded pointer). */
  indirect: boolean;
  /** For a method: whether `x` is implicitly addressed (`x.m()` with pointer receiver on an addressable value). */
  addressed: boolean;
  /** For a method: whether `x` is implicitly dereferenced (value receiver called on a pointer). */
  dereferenced: boolean;
}

/** A call to a builtin, with the builtin resolved. */
export interface BuiltinCall {
  /** Which builtin. */
  id: BuiltinId;
  /** The call. */
  call: CallExpr;
}

/** A function or closure of the file with its directives and scope. */
export interface FunctionInfo {
  /** The declaration or literal. */
  node: FuncDecl | FuncLit;
  /** The function object (for declared functions and methods), else null. */
  obj: Func | null;
  /** Directives written above the declaration (all false for literals). */
  pragmas: Pragmas;
  /** The function literals nested directly in it, in source order. */
  closures: FuncLit[];
  /** Variables of enclosing functions that the literal refers to (closures only). */
  captured: Var[];
}

/** Everything the checker learned about the file. */
export interface Info {
  /** Type and mode of every expression checked (including type expressions). */
  types: Map<Expr, TypeAndValue>;
  /** Objects declared by identifiers (null for `_` and for the package name). */
  defs: Map<Name, GoObject | null>;
  /** Objects that identifiers refer to. */
  uses: Map<Name, GoObject>;
  /** Objects declared without their own identifier: type switch clause variables, anonymous parameters (key: the clause or field). */
  implicits: Map<Node, GoObject>;
  /** What every selector expression selects (not set for qualified identifiers `pkg.Name`). */
  selections: Map<SelectorExpr, Selection>;
  /** The scope opened by a node (File, FuncType, BlockStmt, IfStmt, ForStmt, SwitchStmt, CaseClause, CommClause, FuncLit). */
  scopes: Map<Node, Scope>;
  /** Builtin calls, keyed by the call. */
  builtins: Map<CallExpr, BuiltinCall>;
  /** Conversions `T(x)`, keyed by the call, with the target type. */
  conversions: Map<CallExpr, Type>;
  /** Every function and closure in source order. */
  functions: FunctionInfo[];
  /** Imported packages by local name. */
  imports: Map<string, PkgName>;
  /** Package-level variables with an initial value, by their declaring name, in the order gc initialises them. */
  initOrder: Name[];
}

/** The result of checking a file. */
export interface CheckResult {
  /** Types, objects and selections; filled as far as checking got even when there are errors. */
  info: Info;
  /** Compile errors in gc's words, sorted by position as gc sorts them; or, when some construct is not modelled, only the `not modeled:` notes (errors could be consequences of them). */
  diagnostics: Diagnostic[];
  /** True when some construct is not modelled (there is a `not modeled:` diagnostic). */
  notModeled: boolean;
}
