/**
 * Objects (what a name denotes) and scopes (where names are declared), after go/types.
 */
import type { FuncDecl, FuncLit, Node, Pos, Pragmas } from '../syntax/ast.ts';
import type { ConstantValue } from './constant.ts';
import type { Type } from './types.ts';

/** Fields every object has. */
export interface ObjectBase {
  /** The declared name (`_` for blank). */
  name: string;
  /** The object's type (invalid until known). */
  type: Type;
  /** Where it is declared (the name's position); null for universe objects. */
  pos: Pos | null;
  /** The package path it belongs to: `main`'s path is the package name; `""` for the universe. */
  pkg: string;
  /** The scope it was declared in, if any. */
  parent: Scope | null;
}

/** A variable: local, package-level, parameter, result, receiver, or struct field. */
export interface Var extends ObjectBase {
  kind: 'Var';
  /** Whether this is a struct field. */
  isField: boolean;
  /** Whether this field is embedded. */
  embedded: boolean;
  /** Whether this is a parameter, result or receiver. */
  isParam: boolean;
  /** Whether the variable is read somewhere (for "declared and not used"). */
  used: boolean;
  /** Whether it is declared at package level. */
  isGlobal: boolean;
  /** Node that declares it (the Name, or the Field for anonymous parameters), if any. */
  decl: Node | null;
}

/** A declared constant. */
export interface Const extends ObjectBase {
  kind: 'Const';
  /** The constant's value. */
  value: ConstantValue;
}

/** A type name: declared type, alias, or predeclared type. */
export interface TypeName extends ObjectBase {
  kind: 'TypeName';
  /** Whether declared with `type A = T`. */
  isAlias: boolean;
}

/** A function or method (including interface methods). */
export interface Func extends ObjectBase {
  kind: 'Func';
  /** The declaration; null for std functions and interface methods. */
  decl: FuncDecl | null;
  /** Compiler directives written above the declaration. */
  pragmas: Pragmas | null;
  /** Whether the receiver is a pointer (methods only). */
  pointerReceiver: boolean;
  /** Whether this is a method (has a receiver or belongs to an interface). */
  isMethod: boolean;
}

/** An imported package name. */
export interface PkgName extends ObjectBase {
  kind: 'PkgName';
  /** The import path. */
  path: string;
  /** Whether any use refers to it (for "imported and not used"). */
  used: boolean;
}

/** The name of a builtin function. */
export type BuiltinId =
  | 'append' | 'cap' | 'clear' | 'close' | 'complex' | 'copy' | 'delete' | 'imag' | 'len'
  | 'make' | 'max' | 'min' | 'new' | 'panic' | 'print' | 'println' | 'real' | 'recover'
  | 'unsafe.Add' | 'unsafe.Alignof' | 'unsafe.Offsetof' | 'unsafe.Sizeof' | 'unsafe.Slice'
  | 'unsafe.SliceData' | 'unsafe.String' | 'unsafe.StringData';

/** A builtin function (`len`, `append`, `unsafe.Sizeof`, ...). */
export interface Builtin extends ObjectBase {
  kind: 'Builtin';
  /** Which builtin. */
  id: BuiltinId;
}

/** The predeclared `nil`. */
export interface Nil extends ObjectBase {
  kind: 'Nil';
}

/** A statement label. */
export interface Label extends ObjectBase {
  kind: 'Label';
  /** Whether a branch statement refers to it. */
  used: boolean;
}

/** Anything a name can denote. */
export type GoObject = Var | Const | TypeName | Func | PkgName | Builtin | Nil | Label;

/** A lexical scope. */
export interface Scope {
  /** The enclosing scope; null for the universe. */
  parent: Scope | null;
  /** Names declared directly here. */
  names: Map<string, GoObject>;
  /** The node that opens the scope (File, FuncType, block, clause...), null for universe and package. */
  node: Node | null;
  /** The function literal or declaration this scope belongs to, if any. */
  func: FuncDecl | FuncLit | null;
}

/** Looks `name` up in `scope` and its parents. */
export function lookup(scope: Scope, name: string): GoObject | undefined {
  for (let s: Scope | null = scope; s !== null; s = s.parent) {
    const found = s.names.get(name);
    if (found !== undefined) return found;
  }
  return undefined;
}
