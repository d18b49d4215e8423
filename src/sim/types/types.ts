/**
 * The representation of Go types, after go/types and types2: a basic type, a composite type
 * built from other types, or a `Named` type with an underlying type and methods. Types are
 * plain objects compared by identity where Go compares named types by identity, and
 * structurally (see `identical` in ./predicates.ts) everywhere else.
 */
import type { Func, TypeName, Var } from './objects.ts';

/** The predeclared and untyped basic kinds, named as go/types prints them. */
export type BasicKind =
  | 'invalid type'
  | 'bool' | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr'
  | 'float32' | 'float64' | 'complex64' | 'complex128' | 'string' | 'unsafe.Pointer'
  | 'untyped bool' | 'untyped int' | 'untyped rune' | 'untyped float' | 'untyped complex'
  | 'untyped string' | 'untyped nil';

/** A basic type: a predeclared type, `unsafe.Pointer`, an untyped constant kind, or invalid. */
export interface Basic {
  kind: 'Basic';
  /** Which basic type. `byte` and `rune` are the same objects as `uint8` and `int32`. */
  basic: BasicKind;
  /** The name to print: `byte` and `rune` keep their alias spelling where written. */
  name: string;
}

/** `*T`. */
export interface Pointer {
  kind: 'Pointer';
  /** The pointed-to type. */
  elem: Type;
}

/** `[]T`. */
export interface Slice {
  kind: 'Slice';
  /** The element type. */
  elem: Type;
}

/** `[N]T`. */
export interface ArrayType {
  kind: 'Array';
  /** The element type. */
  elem: Type;
  /** The length (-1 when it could not be determined, after an error). */
  length: number;
}

/** `map[K]V`. */
export interface MapType {
  kind: 'Map';
  /** The key type. */
  key: Type;
  /** The value type. */
  elem: Type;
}

/** `chan T`, `chan<- T`, `<-chan T`. */
export interface Chan {
  kind: 'Chan';
  /** Which operations are allowed. */
  dir: 'both' | 'send' | 'recv';
  /** The element type. */
  elem: Type;
}

/** `struct { ... }`: fields are `Var`s with `isField` set. */
export interface Struct {
  kind: 'Struct';
  /** The fields in declaration order. */
  fields: Var[];
  /** Tags parallel to `fields` (empty string when absent). */
  tags: string[];
}

/** A function or method signature. */
export interface Signature {
  kind: 'Signature';
  /** The receiver for a method signature, else null. */
  recv: Var | null;
  /** The parameters; for a variadic function the last one's type is a slice. */
  params: Var[];
  /** The results. */
  results: Var[];
  /** Whether the last parameter is `...T`. */
  variadic: boolean;
}

/** `interface { ... }`. */
export interface Interface {
  kind: 'Interface';
  /** Methods declared directly in this interface. */
  methods: Func[];
  /** Embedded interfaces. */
  embedded: Type[];
  /** The full method set, sorted by name as gc sorts it (exported/unexported by package path); computed lazily. */
  allMethods: Func[] | null;
}

/** The type of a multi-value expression (a call with several results). */
export interface Tuple {
  kind: 'Tuple';
  /** The values. */
  vars: Var[];
}

/** A defined (named) type, or a predeclared named type such as `error`. */
export interface Named {
  kind: 'Named';
  /** The type's name object. */
  obj: TypeName;
  /** The underlying type; set once the declaration is checked (invalid until then). */
  underlying: Type;
  /** Methods declared with this type as receiver base, in source order. */
  methods: Func[];
  /** For a std type: its layout as the oracle measured it, its recorded method names and fields (stdlib.json). */
  std?: StdTypeFacts;
  /** For a std type: how gc's messages name its package (`io`, `pprof`, or the quoted path `"sync"` when another package of the same name is in scope). */
  qualifier?: string;
}

/** A std type's layout on amd64, measured with the real toolchain (src/data/oracle/stdlib.json). */
export interface StdTypeFacts {
  /** reflect.Kind's name of the underlying type: `struct`, `int64`, `interface`, `ptr`, ... */
  kind: string;
  /** unsafe.Sizeof. */
  size: number;
  /** unsafe.Alignof. */
  align: number;
  /** Whether values hold pointers. */
  hasPointers: boolean;
  /** Whether an interface holds a value directly, without a box. */
  pointerShaped: boolean;
  /** The underlying type, for a type that is neither a struct nor an interface (`[]string`, `map[string][]string`), when it could be read. */
  underlying?: Type;
  /** The exported methods of `*T` (of `T` for an interface), sorted: a name not listed is no exported method of the type. */
  methodNames: string[];
  /**
   * For a struct type: every field in order, as the checker sees a struct of another package:
   * exported fields with their types, unexported ones with the invalid type (user code cannot
   * use them). Absent when an exported field's type could not be read.
   */
  fields?: Struct;
}

/** Any Go type. */
export type Type =
  | Basic | Pointer | Slice | ArrayType | MapType | Chan | Struct | Signature | Interface
  | Tuple | Named;
