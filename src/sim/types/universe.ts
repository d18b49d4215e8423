/**
 * The universe scope: predeclared types, constants, `nil`, builtins, and the `unsafe` package.
 */
import type { Basic, BasicKind, Interface, Named, Signature, Type } from './types.ts';
import type { BuiltinId, Builtin, Func, GoObject, Scope, TypeName, Var } from './objects.ts';

/** Makes a basic type. */
function basic(kind: BasicKind, name: string = kind): Basic {
  return { kind: 'Basic', basic: kind, name };
}

/** Every basic type by its kind (`byte` and `rune` are separate objects, see `byteType`, `runeType`). */
export const basicTypes: Record<BasicKind, Basic> = Object.fromEntries(
  ([
    'invalid type', 'bool', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32',
    'uint64', 'uintptr', 'float32', 'float64', 'complex64', 'complex128', 'string', 'unsafe.Pointer',
    'untyped bool', 'untyped int', 'untyped rune', 'untyped float', 'untyped complex', 'untyped string',
    'untyped nil',
  ] as BasicKind[]).map((kind) => [kind, kind === 'unsafe.Pointer' ? basic(kind, 'unsafe.Pointer') : basic(kind)]),
) as Record<BasicKind, Basic>;

/** The invalid type, given to erroneous expressions. */
export const invalidType: Basic = basicTypes['invalid type'];

/** `byte`, an alias of `uint8` that keeps its spelling in messages. */
export const byteType: Basic = basic('uint8', 'byte');

/** `rune`, an alias of `int32` that keeps its spelling in messages. */
export const runeType: Basic = basic('int32', 'rune');

function typeName(name: string, type: Type | null, isAlias = false): TypeName {
  const object: TypeName = { kind: 'TypeName', name, type: invalidType, pos: null, pkg: '', parent: null, isAlias };
  if (type !== null) object.type = type;
  return object;
}

function variable(name: string, type: Type): Var {
  return { kind: 'Var', name, type, pos: null, pkg: '', parent: null, isField: false, embedded: false, isParam: true, used: true, isGlobal: false, decl: null };
}

/** The predeclared `error` interface type. */
export const errorType: Named = (() => {
  const object = typeName('error', null);
  const named: Named = { kind: 'Named', obj: object, underlying: invalidType, methods: [] };
  object.type = named;
  const signature: Signature = { kind: 'Signature', recv: null, params: [], results: [variable('', basicTypes.string)], variadic: false };
  const errorMethod: Func = {
    kind: 'Func', name: 'Error', type: signature, pos: null, pkg: '', parent: null, decl: null, pragmas: null,
    pointerReceiver: false, isMethod: true,
  };
  const underlying: Interface = { kind: 'Interface', methods: [errorMethod], embedded: [], allMethods: [errorMethod] };
  signature.recv = variable('', named);
  named.underlying = underlying;
  return named;
})();

/** `interface{}`. */
export const emptyInterface: Interface = { kind: 'Interface', methods: [], embedded: [], allMethods: [] };

/**
 * `any`, the alias of `interface{}`: identical to it, but its own object, because gc and
 * types2 print it by name (`any(x)`, `[]any{...}`) where `interface{}` is spelled out.
 */
export const anyType: Interface = { kind: 'Interface', methods: [], embedded: [], allMethods: [] };

/** The builtin functions of the universe (`comparable` is not modelled: it only appears in constraints). */
const builtinNames: BuiltinId[] = [
  'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new',
  'panic', 'print', 'println', 'real', 'recover',
];

/** Makes the object of a builtin function. */
export function builtinObject(id: BuiltinId): Builtin {
  return { kind: 'Builtin', id, name: id.replace('unsafe.', ''), type: invalidType, pos: null, pkg: id.startsWith('unsafe.') ? 'unsafe' : '', parent: null };
}

/** The universe scope, shared by all checks (its objects are never mutated). */
export const universe: Scope = (() => {
  const names = new Map<string, GoObject>();
  const scope: Scope = { parent: null, names, node: null, func: null };
  for (const kind of [
    'bool', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
    'float32', 'float64', 'complex64', 'complex128', 'string',
  ] as BasicKind[]) {
    names.set(kind, typeName(kind, basicTypes[kind]));
  }
  names.set('byte', typeName('byte', byteType, true));
  names.set('rune', typeName('rune', runeType, true));
  names.set('error', errorType.obj);
  names.set('any', typeName('any', anyType, true));
  names.set('true', { kind: 'Const', name: 'true', type: basicTypes['untyped bool'], pos: null, pkg: '', parent: scope, value: { kind: 'bool', value: true } });
  names.set('false', { kind: 'Const', name: 'false', type: basicTypes['untyped bool'], pos: null, pkg: '', parent: scope, value: { kind: 'bool', value: false } });
  names.set('iota', { kind: 'Const', name: 'iota', type: basicTypes['untyped int'], pos: null, pkg: '', parent: scope, value: { kind: 'int', value: 0n } });
  names.set('nil', { kind: 'Nil', name: 'nil', type: basicTypes['untyped nil'], pos: null, pkg: '', parent: scope });
  for (const id of builtinNames) names.set(id, builtinObject(id));
  return scope;
})();

/** The members of package `unsafe`. */
export const unsafeMembers: Map<string, GoObject> = (() => {
  const members = new Map<string, GoObject>();
  members.set('Pointer', { ...typeName('Pointer', basicTypes['unsafe.Pointer']), pkg: 'unsafe' });
  for (const id of ['unsafe.Add', 'unsafe.Alignof', 'unsafe.Offsetof', 'unsafe.Sizeof', 'unsafe.Slice', 'unsafe.SliceData', 'unsafe.String', 'unsafe.StringData'] as BuiltinId[]) {
    members.set(id.slice('unsafe.'.length), builtinObject(id));
  }
  return members;
})();
