/**
 * The intermediate representation the escape analysis walks: a typed, desugared form of one
 * Go file, shaped like gc's IR after type checking, inlining and the order-independent
 * rewrites that happen before escape analysis (implicit interface conversions made explicit,
 * variadic arguments packed into a `... argument` slice literal, go/defer calls wrapped in
 * argument-less closures, per-iteration loop variables).
 *
 * Every node carries its position and the text gc prints for it, so the analysis never needs
 * the source again. The names of operations follow gc's `ir.O*` constants where one exists.
 */
import type { Position } from '../api.ts';

/** What the analysis needs to know about a type; computed once by the lowering. */
export interface TypeInfo {
  /** The type as gc prints it (`*T`, `[]int`, `map[string]int`, `struct { a int }`). */
  text: string;
  /** The type's shape. */
  kind: TypeKind;
  /** Size in bytes on amd64. */
  size: number;
  /** Alignment in bytes on amd64. */
  align: number;
  /** Whether values of the type contain pointers the garbage collector must see. */
  hasPointers: boolean;
  /** Whether the type is pointer-shaped, so an interface holds it directly without a box. */
  directIface: boolean;
  /** Element type of pointers, slices, arrays, channels; value type of maps. */
  elem?: TypeInfo;
  /** Whether this is the type of an untyped constant. */
  untyped: boolean;
  /** Set for std types known only by name: size, alignment and pointers are placeholders, not facts. */
  layoutUnknown?: true;
}

/** The shapes of types the analysis distinguishes. */
export type TypeKind =
  | 'bool'
  | 'integer'
  | 'uintptr'
  | 'float'
  | 'complex'
  | 'string'
  | 'pointer'
  | 'unsafePointer'
  | 'slice'
  | 'array'
  | 'struct'
  | 'map'
  | 'chan'
  | 'func'
  | 'interface'
  | 'nil'
  | 'tuple';

/** Storage classes of names, as gc's `ir.Class`. */
export type NameClass = 'local' | 'param' | 'result' | 'global' | 'func';

/** A declared name: a variable, parameter, result, global or function. */
export interface IrName {
  /** The name as gc prints it (`x`, `~r0` for an unnamed result). */
  name: string;
  /** Storage class. */
  class: NameClass;
  /** Position of the declaring identifier. */
  position: Position;
  /** The variable's type. */
  type: TypeInfo;
  /** The function that declares it (absent for globals and functions). */
  fn?: IrFunc;
  /** The statement that defines it (`x := ...`, a range clause), if any: an assignment there is not a reassignment. */
  definedBy?: IrStmt;
  /** Whether it is the variable a parameter of an inlined function became in the caller. */
  inlinedParam?: true;
  /** For names of class `func`: the function, when its body is in this file. */
  func?: IrFunc;
  /**
   * For the copy of a loop variable gc's loopvar pass makes (after inlining): its number is
   * not known until then, so it is named by `nameLoopvarTemporaries` (loopvar.ts).
   */
  loopvarTemporary?: true;
}

/** A function body (declared function, method, or closure). */
export interface IrFunc {
  /** The name as gc prints it: `f`, `T.M`, `(*T).M`, `f.func1`. */
  name: string;
  /** Position gc reports for the function (its name; the `func` keyword for closures). */
  position: Position;
  /** Receiver (if a method) then parameters, in order, including blank and unnamed ones. */
  params: IrParam[];
  /** Result parameters, in order; unnamed ones are named `~r0`, `~r1`, .... */
  results: IrName[];
  /** Every name the function declares, in gc's `Dcl` order: parameters, results, locals. */
  declarations: IrName[];
  /** The statements of the body; `undefined` for a function without a body. */
  body?: IrStmt[];
  /** For a closure: the function whose body contains it. */
  closureParent?: IrFunc;
  /** For a closure: the outer variables it refers to, in order of first reference. */
  closureVariables: IrName[];
  /** For a closure: where each captured variable is first referred to inside it (parallel to `closureVariables`). */
  closureVariablePositions?: Position[];
  /** Whether this closure is the argument-less wrapper gc makes for a `go` or `defer` call. */
  isGoDeferWrapper: boolean;
  /** `//go:noescape` on a function without a body. */
  noEscape: boolean;
  /** `//go:noinline`. */
  noInline?: boolean;
  /** Whether the body contains a `goto` (a backward one makes its label the head of a loop). */
  hasGoto?: boolean;
  /** Closures defined directly in this function's body, in source order. */
  closures: IrFunc[];
  /** How many function literals gc has named after this function so far (its `funcLitGen`): copies made by inlining continue the count. */
  funcLitGen?: number;
  /** Whether inlining made this function literal (a copy of one in an inlined body). */
  inlinedCopy?: true;
  /** For functions of other packages (no body here): whether gc inlines calls to them. */
  inlinableElsewhere?: boolean;
  /** For an inlinable function of another package: what inlining a call to it does, as measured with the real compiler, or why that is not modelled. */
  stdInline?: StdInlineModel;
  /** A std function as the body inlined in its place calls it (with its inlined tags). */
  inlinedStdCall?: true;
  /** For a function of another package: gc compiles its calls to machine instructions (an intrinsic: one node to a caller, never inlined). */
  intrinsic?: true;
  /** A method wrapper gc generates (`(*T).M`, `T.M-fm`): reported at `<autogenerated>:1`, without parameter lines. */
  methodWrapper?: true;
}

/**
 * What gc's inlining of a call to a std function does, without its body: the function's inline
 * cost, the `inlining call to` names one call prints round by round, the values its body makes
 * (printed at the call, escaping always, never, or with a result), the names of the result
 * variables, and the parameters' tags once inlined.
 */
export type StdInlineModel =
  | {
      cost: number;
      rounds: string[][];
      body: { text: string; flowsTo: 'heap' | 'nowhere' | number; holds?: number[] }[];
      results: string[];
      receiverTag?: string;
      paramTags: string[];
    }
  | { notModeled: string };

/** One parameter slot of a signature. */
export interface IrParam {
  /** The parameter variable; absent for unnamed parameters. */
  name?: IrName;
  /** Whether the parameter is `_`. */
  blank: boolean;
  /** The parameter's type. */
  type: TypeInfo;
  /** Position of the parameter (its identifier, or its type when unnamed). */
  position: Position;
  /** Whether this is the receiver. */
  receiver: boolean;
  /** For functions whose body is elsewhere (the standard library): the leak tag, as gc encodes it (`esc:...` or `` for "leaks to heap"). */
  tag?: string;
}

/** Fields every node has. */
interface NodeBase {
  /** gc's position for the node. */
  position: Position;
  /** The node as gc prints it with `%v`. */
  text: string;
}

/** An expression; `type` is its static type. */
export type IrExpr =
  | NameExpr
  | ConstExpr
  | UnaryExpr
  | BinaryExpr
  | AddrExpr
  | DerefExpr
  | SelectorExpr
  | TypeAssertExpr
  | IndexExpr
  | SliceExpr
  | ConvExpr
  | CallExpr
  | BuiltinCall
  | AllocExpr
  | CompositeLit
  | ClosureExpr
  | MethodValueExpr
  | InlinedCallExpr
  | InitExpr;

/** An expression preceded by statements that must run first (gc's `InitExpr`): `f(g())` evaluates `g()` into temporaries. */
export interface InitExpr extends NodeBase {
  op: 'withInit';
  type: TypeInfo;
  /** The statements. */
  init: IrStmt[];
  /** The expression. */
  x: IrExpr;
}

/** A use of a declared name. */
export interface NameExpr extends NodeBase {
  op: 'name';
  type: TypeInfo;
  /** The name used. */
  name: IrName;
}

/** A constant, `nil`, a type used as a value, or a method expression: nothing flows. */
export interface ConstExpr extends NodeBase {
  op: 'literal' | 'nil' | 'methodExpr';
  type: TypeInfo;
  /** For `nil`: the empty variadic slice a call passes on when given no variadic argument. */
  packedVariadic?: boolean;
}

/** Unary arithmetic and receive: the operand is discarded. */
export interface UnaryExpr extends NodeBase {
  op: 'unary' | 'receive';
  type: TypeInfo;
  /** The operator (`-`, `!`, `^`, `+`, `<-`). */
  operator: string;
  /** Operand. */
  x: IrExpr;
}

/** Binary arithmetic, comparisons and `&&`/`||`: both operands are discarded. */
export interface BinaryExpr extends NodeBase {
  op: 'binary';
  type: TypeInfo;
  /** The operator. */
  operator: string;
  /** Left operand. */
  x: IrExpr;
  /** Right operand. */
  y: IrExpr;
}

/** `&x` of an addressable operand (not a composite literal: that is {@link AllocExpr}). */
export interface AddrExpr extends NodeBase {
  op: 'addr';
  type: TypeInfo;
  /** The operand whose address is taken. */
  x: IrExpr;
}

/** `*p`. */
export interface DerefExpr extends NodeBase {
  op: 'deref';
  type: TypeInfo;
  /** The pointer. */
  x: IrExpr;
}

/** `x.f` on a value (`dot`) or through a pointer (`dotPtr`). */
export interface SelectorExpr extends NodeBase {
  op: 'dot' | 'dotPtr';
  type: TypeInfo;
  /** The struct value or pointer. */
  x: IrExpr;
  /** Field name. */
  field: string;
  /** The field's offset in its struct, when known (gc's inliner charges nothing for `&s.f` at offset 0). */
  offset?: number;
}

/** `x.(T)`. */
export interface TypeAssertExpr extends NodeBase {
  op: 'dotType';
  type: TypeInfo;
  /** The interface value. */
  x: IrExpr;
}

/** `x[i]` on an array or slice or string (`index`) or a map (`indexMap`). */
export interface IndexExpr extends NodeBase {
  op: 'index' | 'indexMap';
  type: TypeInfo;
  /** The indexed value. */
  x: IrExpr;
  /** The index or key. */
  index: IrExpr;
}

/** `x[lo:hi:max]`; for arrays, `x` is already `&array`. */
export interface SliceExpr extends NodeBase {
  op: 'slice';
  type: TypeInfo;
  /** The sliced value (a slice, string, or pointer to array). */
  x: IrExpr;
  /** Bounds, when present. */
  low?: IrExpr;
  high?: IrExpr;
  max?: IrExpr;
}

/**
 * Conversions. `conv` keeps the value (numeric, named types, pointer conversions);
 * `convIface` boxes into an interface; `stringConv` is a conversion that copies (string to
 * bytes or runes and back, rune to string); `toUnsafePointer` from uintptr.
 */
export interface ConvExpr extends NodeBase {
  op: 'conv' | 'convIface' | 'stringConv' | 'sliceToArray' | 'sliceToArrayPtr' | 'uintptrToPointer';
  type: TypeInfo;
  /** The operand. */
  x: IrExpr;
  /** For `stringConv` from string to `[]byte`: the zero-copy candidate. */
  stringToBytes?: boolean;
  /** For `conv`: whether the conversion changes no representation (gc's OCONVNOP: identical underlying types, pointers). */
  noop?: boolean;
  /** Whether the conversion was written in the source (false for gc's implicit interface conversions). */
  explicit: boolean;
}

/** A call of a function, method, closure or function value. */
export interface CallExpr extends NodeBase {
  op: 'call';
  type: TypeInfo;
  /** What is called, when the call is not through an interface. */
  fun?: IrExpr;
  /** For calls through an interface: the interface value (the receiver). */
  interfaceReceiver?: IrExpr;
  /** The statically known callee, if any. */
  callee?: IrFunc;
  /** For method calls with a static callee: the receiver argument. */
  receiver?: IrExpr;
  /** Arguments, one per parameter (variadic ones already packed into a slice literal). */
  args: IrExpr[];
  /** The callee's signature: parameter types in order (without receiver). */
  paramTypes: TypeInfo[];
  /** Number of results. */
  resultCount: number;
  /** When gc turned an interface call into this static call: its `devirtualizing x.M to T` message. */
  devirtualized?: string;
  /** For calls through an interface: the method's name and the selector as printed (`s.Area`). */
  interfaceMethod?: { name: string; text: string };
  /**
   * For a method expression naming a wrapper gc generates (`(*T).M` of a value method, a
   * promoted method): the wrapper's name. gc calls the method itself there, with its own tags
   * for the receiver it is given, and never inlines the call (the receiver's type differs).
   */
  viaWrapper?: string;
}

/** Calls of builtins that are not allocations (`append`, `copy`, `len`, ...). */
export interface BuiltinCall extends NodeBase {
  op: 'builtin';
  type: TypeInfo;
  /** Which builtin. */
  builtin:
    | 'append'
    | 'copy'
    | 'len'
    | 'cap'
    | 'panic'
    | 'print'
    | 'println'
    | 'delete'
    | 'recover'
    | 'close'
    | 'clear'
    | 'min'
    | 'max'
    | 'complex'
    | 'real'
    | 'imag'
    | 'unsafeAdd'
    | 'unsafeSlice'
    | 'unsafeString'
    | 'unsafeStringData'
    | 'unsafeSliceData';
  /** Arguments in source order. */
  args: IrExpr[];
  /** For `append(s, t...)`: whether the last argument is spread. */
  spread: boolean;
}

/** Allocating builtins and string concatenation: `new(T)`, `make(...)`, `a + b` on strings, `&T{...}`. */
export interface AllocExpr extends NodeBase {
  /** `stdValue`: a value an inlined std body makes, known only by how gc prints it. */
  op: 'new' | 'makeSlice' | 'makeMap' | 'makeChan' | 'addString' | 'ptrLit' | 'stdValue';
  type: TypeInfo;
  /** Operands: make's sizes; concatenated strings; the literal of `&T{...}`. */
  args: IrExpr[];
  /** For `makeSlice`: the constant length or capacity that decides the size, if constant. */
  constantCount?: number;
}

/** Composite literals of arrays, slices, structs and maps. */
export interface CompositeLit extends NodeBase {
  op: 'arrayLit' | 'sliceLit' | 'structLit' | 'mapLit';
  type: TypeInfo;
  /** Element values (for maps: values), in order. */
  elements: IrExpr[];
  /** For map literals: the keys, in order. */
  keys: IrExpr[];
  /** For array and slice literals: how many elements are written with an index (`3: x`). */
  keyedElements?: number;
}

/** A function literal. */
export interface ClosureExpr extends NodeBase {
  op: 'closure';
  type: TypeInfo;
  /** The closure's function. */
  func: IrFunc;
  /** Bytes of the closure object (function pointer plus captured variables). */
  closureSize: number;
}

/** A method value `x.M` (not called). */
export interface MethodValueExpr extends NodeBase {
  op: 'methodValue';
  type: TypeInfo;
  /** The receiver. */
  x: IrExpr;
  /** The method, when statically known. */
  method?: IrFunc;
  /** The method's receiver parameter (for its leak tag). */
  receiverParam?: IrParam;
  /** Number of results of the method. */
  resultCount: number;
}

/** A call whose body was inlined: the body runs in place and the results are the return variables. */
export interface InlinedCallExpr extends NodeBase {
  op: 'inlinedCall';
  type: TypeInfo;
  /** The inlined body. */
  body: IrStmt[];
  /** The variables holding the results. */
  returnVariables: IrExpr[];
}

/** A statement. */
export type IrStmt =
  | BlockStmt
  | DeclStmt
  | LabelStmt
  | BranchStmt
  | IfStmt
  | ForStmt
  | RangeStmt
  | SwitchStmt
  | SelectStmt
  | SendStmt
  | AssignStmt
  | AssignCallStmt
  | ReturnStmt
  | ExprStmt
  | GoDeferStmt;

/** `{ ... }`. */
export interface BlockStmt extends NodeBase {
  op: 'block';
  /** Statements. */
  list: IrStmt[];
}

/** The point where a local variable comes into scope. */
export interface DeclStmt extends NodeBase {
  op: 'decl';
  /** The declared variable. */
  name: IrName;
  /** Made by the per-iteration loop variable rewrite, which gc does after inlining (so it costs nothing there). */
  loopvar?: true;
}

/** `label:`. */
export interface LabelStmt extends NodeBase {
  op: 'label';
  /** The label's name. */
  label: string;
}

/** `goto`, `break`, `continue`, `fallthrough`. */
export interface BranchStmt extends NodeBase {
  op: 'goto' | 'break' | 'continue' | 'fallthrough';
  /** The label, for goto and labelled branches. */
  label?: string;
}

/** `if`. */
export interface IfStmt extends NodeBase {
  op: 'if';
  /** Statements of the init clause. */
  init: IrStmt[];
  /** Condition. */
  cond: IrExpr;
  /** Then branch. */
  body: IrStmt[];
  /** Else branch (an else-if is a one-statement list). */
  else: IrStmt[];
}

/** Three-clause or condition-only `for`. */
export interface ForStmt extends NodeBase {
  op: 'for';
  /** Statements of the init clause (run once, outside the loop). */
  init: IrStmt[];
  /** Condition, if any. */
  cond?: IrExpr;
  /** Post statement, if any. */
  post?: IrStmt;
  /** Body. */
  body: IrStmt[];
}

/** `for k, v := range x`. */
export interface RangeStmt extends NodeBase {
  op: 'range';
  /** Statements run before the loop (declarations of the key and value variables). */
  init: IrStmt[];
  /** The ranged value. */
  x: IrExpr;
  /** The key destination, if any. */
  key?: IrExpr;
  /** The value destination, if any. */
  value?: IrExpr;
  /** Whether `x` is an array (ranged by value) rather than a slice, string, map, channel or pointer. */
  overArray: boolean;
  /** Body. */
  body: IrStmt[];
  /** Whether key and value are declared by this statement (`:=`). */
  defines: boolean;
  /** Where the `range` keyword is: gc's position for the loop (printed as `for loop`) in `-m=2` notes. */
  rangePosition: Position;
}

/** `switch`, including type switches. */
export interface SwitchStmt extends NodeBase {
  op: 'switch';
  /** Statements of the init clause. */
  init: IrStmt[];
  /** Tag expression (for a type switch: the value whose type is switched on). */
  tag?: IrExpr;
  /** Whether this is a type switch. */
  typeSwitch: boolean;
  /** Whether a type switch binds a variable (`switch v := x.(type)`). */
  bindsVariable: boolean;
  /** Clauses in order. */
  cases: SwitchCase[];
}

/** One `case` or `default` clause. */
export interface SwitchCase extends NodeBase {
  /** Case expressions (types in a type switch are not listed). */
  list: IrExpr[];
  /** For a type switch binding a variable: that clause's variable. */
  variable?: IrName;
  /** For a type switch: how many of the clause's cases are `nil` (its types are not listed). */
  nilCases?: number;
  /** Body. */
  body: IrStmt[];
}

/** `select`. */
export interface SelectStmt extends NodeBase {
  op: 'select';
  /** Clauses in order. */
  cases: { comm?: IrStmt; body: IrStmt[] }[];
}

/** `ch <- v`. */
export interface SendStmt extends NodeBase {
  op: 'send';
  /** The channel. */
  chan: IrExpr;
  /** The value sent. */
  value: IrExpr;
}

/**
 * Assignments with as many values as destinations: `x = y`, `x op= y`, `a, b = c, d`,
 * `v, ok = x.(T)`, `v, ok = m[k]`, `v, ok = <-ch`. A `nil` destination is `_`.
 */
export interface AssignStmt extends NodeBase {
  op: 'assign';
  /** gc's note for the flow (`assign`, `assign-pair`, `assign-pair-dot-type`, ...). */
  why: 'assign' | 'assign-pair' | 'assign-pair-dot-type' | 'assign-pair-mapr' | 'assign-pair-receive';
  /** Destinations. */
  lhs: (IrExpr | undefined)[];
  /** Values; `undefined` for a declaration without value (`var x T`). */
  rhs: (IrExpr | undefined)[];
  /** Whether this is `x op= y`. */
  compound: boolean;
  /** Made by the per-iteration loop variable rewrite, which gc does after inlining (so it costs nothing there). */
  loopvar?: true;
  /** Whether the values are the temporaries of a multi-value right side (`a, b = f()` assigns `f()`'s results to temporaries first). */
  fromTemporaries?: true;
}

/** `a, b = f()`. */
export interface AssignCallStmt extends NodeBase {
  op: 'assignCall';
  /** Destinations, `undefined` for `_`. */
  lhs: (IrExpr | undefined)[];
  /** The call. */
  call: IrExpr;
}

/** `return ...`. */
export interface ReturnStmt extends NodeBase {
  op: 'return';
  /** Returned values; empty for a bare return. */
  results: IrExpr[];
}

/** A call (or receive) used as a statement. */
export interface ExprStmt extends NodeBase {
  op: 'expr';
  /** The expression. */
  x: IrExpr;
}

/** `go f()` / `defer f()`: the call has no arguments and no results. */
export interface GoDeferStmt extends NodeBase {
  op: 'go' | 'defer';
  /** The function value called. */
  fun: IrExpr;
}

/** A lowered file: its functions in source order. */
export interface IrFile {
  /** Top-level functions and methods, in source order (closures hang off their parents). */
  funcs: IrFunc[];
  /**
   * The package-level named types, in declaration order (as gc prints them), each with whether
   * a package-level declaration other than its own mentions it: gc then reads it earlier than
   * its declaration, in an order not modelled.
   */
  namedTypes?: { text: string; position: Position; mentionedElsewhere: boolean }[];
  /** The package's functions that package-level variables' initial values name (static parts included), in source order. */
  initializerFuncs?: { fn: IrFunc; position: Position }[];
  /** The method wrappers gc generates, in the order it adds them to the package (see `wrappers.ts`). */
  wrappers?: IrFunc[];
  /**
   * For the inliner's devirtualization: the method `name` of a concrete type, and the receiver
   * to call it on given `asserted` (`x.(T)`), through embedded fields for a promoted method;
   * undefined when the type has no such method, `notModeled` when it cannot be followed.
   */
  methodOf?: (concrete: TypeInfo, name: string, asserted: IrExpr) => { receiver: IrExpr; method: IrFunc } | { notModeled: string } | undefined;
}
