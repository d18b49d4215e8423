/**
 * The typed syntax tree of one Go file, shaped after gc's own `cmd/compile/internal/syntax`
 * package so that a reader who knows gc finds the same names: `Operation` covers unary and
 * binary operators, `AssignStmt` covers `=`, `op=`, `:=`, `++` and `--`, `CallStmt` covers
 * `defer` and `go`, `ListExpr` is a parenthesised list of types or expressions.
 *
 * Every node carries two kinds of position:
 * - `pos`: where gc puts the node (the position gc prints in `-m` output and uses for IR nodes).
 *   As in gc's parser: a binary `Operation` sits at its operator, a `CallExpr` at its `(`, a
 *   `CompositeLit` at its `{`, a `SelectorExpr` and an `AssertExpr` at the `.`, an `IndexExpr`
 *   and a `SliceExpr` at the `[`, a `KeyValueExpr` at the `:`, an `AssignStmt` at its operator,
 *   statements that begin with a keyword at the keyword, everything else at its first byte.
 * - `start` / `end`: offsets of the node's text in the source string (JavaScript string
 *   indices, so `source.slice(start, end)` is the node's text; `end` exclusive). gc's type
 *   checker reports most errors at the node's start (`syntax.StartPos`); `File.lines` turns an
 *   offset into a gc position.
 *
 * Positions are 1-based lines and 1-based byte columns; a tab counts as one column.
 */

/** A point in the source as gc prints it. */
export interface Pos {
  /** 1-based line. */
  line: number;
  /** 1-based byte column; a tab is one column. */
  column: number;
}

/** Fields every node has. */
export interface NodeBase {
  /** gc's position of the node (see the module comment for which token that is). */
  pos: Pos;
  /** String index of the node's first character. */
  start: number;
  /** String index just past the node's text. */
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Expressions (types are expressions too, as in gc).

/** An identifier, including `_`. */
export interface Name extends NodeBase {
  kind: 'Name';
  /** The identifier's text. */
  value: string;
}

/** The kind of a basic literal. */
export type LiteralKind = 'int' | 'float' | 'imag' | 'rune' | 'string';

/** A literal number, rune or string, exactly as written. */
export interface BasicLit extends NodeBase {
  kind: 'BasicLit';
  /** The literal's source text, quotes included. */
  value: string;
  /** What sort of literal it is. */
  literalKind: LiteralKind;
}

/** `T{...}` or, inside another composite literal, `{...}` with the type elided. */
export interface CompositeLit extends NodeBase {
  kind: 'CompositeLit';
  /** The literal's type; null when elided inside an outer composite literal. */
  type: Expr | null;
  /** Elements, either plain expressions or `KeyValueExpr`s. */
  elements: Expr[];
  /** Number of elements written with a key. */
  keyedCount: number;
  /** Position of the closing `}`. */
  rbrace: Pos;
}

/** `key: value` inside a composite literal. */
export interface KeyValueExpr extends NodeBase {
  kind: 'KeyValueExpr';
  /** The key (a field name, index or map key). */
  key: Expr;
  /** The value. */
  value: Expr;
}

/** `func(...) ... { ... }`. */
export interface FuncLit extends NodeBase {
  kind: 'FuncLit';
  /** The signature. */
  type: FuncType;
  /** The body. */
  body: BlockStmt;
}

/** `(x)`. */
export interface ParenExpr extends NodeBase {
  kind: 'ParenExpr';
  /** The parenthesised expression. */
  x: Expr;
}

/** `x.Sel`: field, method, or qualified identifier. */
export interface SelectorExpr extends NodeBase {
  kind: 'SelectorExpr';
  /** The operand. */
  x: Expr;
  /** The selected name. */
  selector: Name;
}

/** `x[i]` (a single index; generic instantiations are not modelled). */
export interface IndexExpr extends NodeBase {
  kind: 'IndexExpr';
  /** The indexed operand. */
  x: Expr;
  /** The index. */
  index: Expr;
}

/** `x[low:high]` or `x[low:high:max]`. */
export interface SliceExpr extends NodeBase {
  kind: 'SliceExpr';
  /** The sliced operand. */
  x: Expr;
  /** `[low, high, max]`, each null when omitted. */
  index: [Expr | null, Expr | null, Expr | null];
  /** Whether the three-index form was used. */
  full: boolean;
}

/** `x.(T)`. */
export interface AssertExpr extends NodeBase {
  kind: 'AssertExpr';
  /** The interface operand. */
  x: Expr;
  /** The asserted type. */
  type: Expr;
}

/** `x.(type)` or `v := x.(type)` in a type switch header. */
export interface TypeSwitchGuard extends NodeBase {
  kind: 'TypeSwitchGuard';
  /** The symbol declared by `v :=`, or null. */
  lhs: Name | null;
  /** The interface operand. */
  x: Expr;
}

/** The operators of `Operation`, spelled as in Go. */
export type Operator =
  | '!' | '<-' | '~'
  | '||' | '&&'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | '+' | '-' | '|' | '^'
  | '*' | '/' | '%' | '&' | '&^' | '<<' | '>>';

/** A unary (`y` null) or binary operation. Unary `*x` is a dereference, `&x` an address. */
export interface Operation extends NodeBase {
  kind: 'Operation';
  /** The operator. */
  op: Operator;
  /** The first (or only) operand. */
  x: Expr;
  /** The second operand; null for unary operations. */
  y: Expr | null;
}

/** `f(args)`, a conversion `T(x)`, or a builtin call. */
export interface CallExpr extends NodeBase {
  kind: 'CallExpr';
  /** The callee (function, method value, type, or builtin). */
  fun: Expr;
  /** The arguments. */
  args: Expr[];
  /** Whether the last argument is followed by `...`. */
  hasDots: boolean;
  /** Position of the closing `)`. */
  rparen: Pos;
}

/** `x, y, z` where a list stands in one expression slot (assignments, returns). */
export interface ListExpr extends NodeBase {
  kind: 'ListExpr';
  /** The elements. */
  elements: Expr[];
}

/** `[N]T`, or `[...]T` when `length` is null. */
export interface ArrayType extends NodeBase {
  kind: 'ArrayType';
  /** The length expression; null for `[...]T`. */
  length: Expr | null;
  /** The element type. */
  element: Expr;
}

/** `[]T`. */
export interface SliceType extends NodeBase {
  kind: 'SliceType';
  /** The element type. */
  element: Expr;
}

/** `...T` as the type of a final variadic parameter. */
export interface DotsType extends NodeBase {
  kind: 'DotsType';
  /** The element type. */
  element: Expr;
}

/** `struct { ... }`. */
export interface StructType extends NodeBase {
  kind: 'StructType';
  /** The fields in order; an embedded field has a null name. */
  fields: Field[];
  /** Field tags, parallel to `fields`; null where absent. */
  tags: (BasicLit | null)[];
}

/** A struct field, parameter, result, or interface method. Names share their type node. */
export interface Field extends NodeBase {
  kind: 'Field';
  /** The name; null for anonymous parameters and embedded fields. */
  name: Name | null;
  /** The type (shared by reference among fields declared together as `a, b T`). */
  type: Expr;
}

/** `interface { ... }`. */
export interface InterfaceType extends NodeBase {
  kind: 'InterfaceType';
  /** Methods (named, with a `FuncType`) and embedded elements (unnamed). */
  methods: Field[];
}

/** `func(params) results`. */
export interface FuncType extends NodeBase {
  kind: 'FuncType';
  /** Parameters in order; the last one's type is a `DotsType` when variadic. */
  params: Field[];
  /** Results in order. */
  results: Field[];
}

/** `map[K]V`. */
export interface MapType extends NodeBase {
  kind: 'MapType';
  /** The key type. */
  key: Expr;
  /** The value type. */
  value: Expr;
}

/** Channel direction: both ways, send-only (`chan<-`), receive-only (`<-chan`). */
export type ChanDir = 'both' | 'send' | 'recv';

/** `chan T`, `chan<- T`, `<-chan T`. */
export interface ChanType extends NodeBase {
  kind: 'ChanType';
  /** Which operations the channel allows. */
  dir: ChanDir;
  /** The element type. */
  element: Expr;
}

/** A node the parser could not make sense of (the file also has a diagnostic for it). */
export interface BadExpr extends NodeBase {
  kind: 'BadExpr';
}

/** Any expression or type expression. */
export type Expr =
  | Name | BasicLit | CompositeLit | KeyValueExpr | FuncLit | ParenExpr | SelectorExpr
  | IndexExpr | SliceExpr | AssertExpr | TypeSwitchGuard | Operation | CallExpr | ListExpr
  | ArrayType | SliceType | DotsType | StructType | Field | InterfaceType | FuncType
  | MapType | ChanType | BadExpr;

// ---------------------------------------------------------------------------------------------
// Statements.

/** `;` with nothing before it. */
export interface EmptyStmt extends NodeBase {
  kind: 'EmptyStmt';
}

/** `label: stmt`. */
export interface LabeledStmt extends NodeBase {
  kind: 'LabeledStmt';
  /** The label. */
  label: Name;
  /** The labelled statement. */
  stmt: Stmt;
}

/** `{ ... }`. */
export interface BlockStmt extends NodeBase {
  kind: 'BlockStmt';
  /** The statements in order. */
  list: Stmt[];
  /** Position of the closing `}` (gc reports "missing return" there). */
  rbrace: Pos;
}

/** An expression used as a statement. */
export interface ExprStmt extends NodeBase {
  kind: 'ExprStmt';
  /** The expression. */
  x: Expr;
}

/** `ch <- v`. */
export interface SendStmt extends NodeBase {
  kind: 'SendStmt';
  /** The channel. */
  chan: Expr;
  /** The value sent. */
  value: Expr;
}

/** A `const`, `type` or `var` declaration inside a function. */
export interface DeclStmt extends NodeBase {
  kind: 'DeclStmt';
  /** One entry per spec. */
  declarations: Decl[];
}

/** `=`, `op=`, `:=` (`define`), `x++` / `x--` (`op` set, `rhs` empty). */
export interface AssignStmt extends NodeBase {
  kind: 'AssignStmt';
  /** The arithmetic operator for `op=`, `++`, `--`; null for `=` and `:=`. */
  op: Operator | null;
  /** Whether this is `:=`. */
  define: boolean;
  /** Left-hand side expressions. */
  lhs: Expr[];
  /** Right-hand side expressions; empty for `++` and `--`. */
  rhs: Expr[];
}

/** `break`, `continue`, `goto`, `fallthrough`. */
export interface BranchStmt extends NodeBase {
  kind: 'BranchStmt';
  /** The keyword. */
  token: 'break' | 'continue' | 'goto' | 'fallthrough';
  /** The label, if any. */
  label: Name | null;
}

/** `defer f()` or `go f()`. */
export interface CallStmt extends NodeBase {
  kind: 'CallStmt';
  /** The keyword. */
  token: 'defer' | 'go';
  /** The call (possibly not a `CallExpr` in an invalid program). */
  call: Expr;
}

/** `return` with optional results. */
export interface ReturnStmt extends NodeBase {
  kind: 'ReturnStmt';
  /** The returned expressions. */
  results: Expr[];
}

/** `if init; cond { ... } else ...`. */
export interface IfStmt extends NodeBase {
  kind: 'IfStmt';
  /** The init statement, if any. */
  init: Stmt | null;
  /** The condition. */
  cond: Expr;
  /** The `then` block. */
  then: BlockStmt;
  /** The `else` branch: a block or another `if`, or null. */
  else: BlockStmt | IfStmt | null;
}

/** `for init; cond; post { ... }`, `for cond { ... }`, or `for k, v := range x { ... }`. */
export interface ForStmt extends NodeBase {
  kind: 'ForStmt';
  /** The init statement (or the range clause), if any. */
  init: Stmt | null;
  /** The condition, if any. */
  cond: Expr | null;
  /** The post statement, if any. */
  post: Stmt | null;
  /** The body. */
  body: BlockStmt;
}

/** `k, v := range x` / `k, v = range x` / `range x`: the header of a range loop (as `ForStmt.init`). */
export interface RangeClause extends NodeBase {
  kind: 'RangeClause';
  /** The iteration variables (0 to 2). */
  lhs: Expr[];
  /** Whether they are declared with `:=`. */
  define: boolean;
  /** The ranged-over expression. */
  x: Expr;
  /** Where the `range` keyword is (gc's position for the loop in `-m=2` notes). */
  rangePos: Pos;
}

/** `switch init; tag { cases }`; for a type switch `tag` is a `TypeSwitchGuard`. */
export interface SwitchStmt extends NodeBase {
  kind: 'SwitchStmt';
  /** The init statement, if any. */
  init: Stmt | null;
  /** The tag expression, or null for `switch {`. */
  tag: Expr | null;
  /** The clauses in order. */
  body: CaseClause[];
  /** Position of the closing `}`. */
  rbrace: Pos;
}

/** `case a, b:` or `default:` (cases empty) in a switch. */
export interface CaseClause extends NodeBase {
  kind: 'CaseClause';
  /** The case expressions (or types); empty for `default`. */
  cases: Expr[];
  /** Whether this is the `default` clause. */
  isDefault: boolean;
  /** The clause's statements. */
  body: Stmt[];
  /** Position of the `:`. */
  colon: Pos;
}

/** `select { clauses }`. */
export interface SelectStmt extends NodeBase {
  kind: 'SelectStmt';
  /** The clauses in order. */
  body: CommClause[];
  /** Position of the closing `}`. */
  rbrace: Pos;
}

/** `case comm:` or `default:` (comm null) in a select. */
export interface CommClause extends NodeBase {
  kind: 'CommClause';
  /** A `SendStmt`, an `ExprStmt` receiving, or an `AssignStmt` receiving; null for `default`. */
  comm: Stmt | null;
  /** The clause's statements. */
  body: Stmt[];
  /** Position of the `:`. */
  colon: Pos;
}

/** Any statement. */
export type Stmt =
  | EmptyStmt | LabeledStmt | BlockStmt | ExprStmt | SendStmt | DeclStmt | AssignStmt
  | BranchStmt | CallStmt | ReturnStmt | IfStmt | ForStmt | RangeClause | SwitchStmt
  | SelectStmt;

// ---------------------------------------------------------------------------------------------
// Declarations.

/** One import spec: `import name "path"`. */
export interface ImportDecl extends NodeBase {
  kind: 'ImportDecl';
  /** The local name (`_`, `.`, or an identifier), null when absent. */
  localName: Name | null;
  /** The import path literal. */
  path: BasicLit;
}

/** One const spec; `values` empty and `type` null when it repeats the previous spec (iota). */
export interface ConstDecl extends NodeBase {
  kind: 'ConstDecl';
  /** The declared names. */
  names: Name[];
  /** The declared type, if any. */
  type: Expr | null;
  /** The values as written; empty when implicitly repeated. */
  values: Expr[];
  /** The value of `iota` for this spec. */
  iota: number;
  /** The spec whose type and values this one repeats (itself when it has values). */
  group: ConstDecl | null;
}

/** One type spec: `type Name T` or `type Name = T`. */
export interface TypeDecl extends NodeBase {
  kind: 'TypeDecl';
  /** The declared name. */
  name: Name;
  /** Whether this is an alias (`=`). */
  alias: boolean;
  /** The type expression. */
  type: Expr;
  /** Whether type parameters were given (generics are not modelled). */
  hasTypeParams: boolean;
}

/** One var spec: `var a, b T = x, y`. */
export interface VarDecl extends NodeBase {
  kind: 'VarDecl';
  /** The declared names. */
  names: Name[];
  /** The declared type, if any. */
  type: Expr | null;
  /** The initial values, if any. */
  values: Expr[];
}

/** Compiler directives that apply to a function, recorded from the comments just above it. */
export interface Pragmas {
  /** `//go:noinline`. */
  noinline: boolean;
  /** `//go:noescape`. */
  noescape: boolean;
  /** `//go:nosplit`. */
  nosplit: boolean;
  /** `//go:uintptrescapes`. */
  uintptrescapes: boolean;
  /** `//go:norace`, `//go:linkname ...` and any other `//go:` directive, verbatim. */
  other: string[];
}

/** `func (recv) Name(params) results { body }`. */
export interface FuncDecl extends NodeBase {
  kind: 'FuncDecl';
  /** The receiver for a method, or null. */
  recv: Field | null;
  /** The function's name. */
  name: Name;
  /** The signature. */
  type: FuncType;
  /** The body; null for a declaration without body (assembly or linkname). */
  body: BlockStmt | null;
  /** Directives from the comment lines immediately above. */
  pragmas: Pragmas;
  /** Whether type parameters were given (generics are not modelled). */
  hasTypeParams: boolean;
}

/** Any top-level (or, except `FuncDecl`/`ImportDecl`, local) declaration. */
export type Decl = ImportDecl | ConstDecl | TypeDecl | VarDecl | FuncDecl;

/** One parsed Go file. */
export interface File extends NodeBase {
  kind: 'File';
  /** The package name. */
  packageName: Name;
  /** Declarations in source order (imports first, as Go requires). */
  declarations: Decl[];
  /** The source text the positions refer to. */
  source: string;
  /** Turns string offsets into gc positions. */
  lines: LineTable;
  /** Whether the parser met constructs it does not model (generics): parts of the tree are missing, so the checker reports no errors for this file. */
  notModeled: boolean;
}

/** Any node. */
export type Node = Expr | Stmt | Decl | File | CaseClause | CommClause;

/** Maps string offsets to gc positions. */
export interface LineTable {
  /** Returns the 1-based line and 1-based UTF-8 byte column of a string offset. */
  position(offset: number): Pos;
}
