/**
 * Predicates on types, after the Go spec and go/types: underlying types, identity,
 * classification of basic types.
 */
import type { Func } from './objects.ts';
import type { Basic, Interface, Struct, Type } from './types.ts';

/** The underlying type (named types resolved). */
export function underlying(type: Type): Type {
  let current = type;
  for (let steps = 0; current.kind === 'Named' && steps < 100; steps++) current = current.underlying;
  return current;
}

/** The basic type under `type`, or null. */
export function basicOf(type: Type): Basic | null {
  const under = underlying(type);
  return under.kind === 'Basic' ? under : null;
}

/** Whether `type` is the invalid type. */
export function isInvalid(type: Type): boolean {
  return type.kind === 'Basic' && type.basic === 'invalid type';
}

/** Whether `type` is an untyped constant kind (or untyped nil). */
export function isUntyped(type: Type): boolean {
  return type.kind === 'Basic' && type.basic.startsWith('untyped');
}

const integerKinds = new Set(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'untyped int', 'untyped rune']);
const unsignedKinds = new Set(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);
const floatKinds = new Set(['float32', 'float64', 'untyped float']);
const complexKinds = new Set(['complex64', 'complex128', 'untyped complex']);

/** Whether the underlying type is an integer type. */
export function isInteger(type: Type): boolean {
  const b = basicOf(type);
  return b !== null && integerKinds.has(b.basic);
}

/** Whether the underlying type is an unsigned integer type. */
export function isUnsigned(type: Type): boolean {
  const b = basicOf(type);
  return b !== null && unsignedKinds.has(b.basic);
}

/** Whether the underlying type is a floating-point type. */
export function isFloat(type: Type): boolean {
  const b = basicOf(type);
  return b !== null && floatKinds.has(b.basic);
}

/** Whether the underlying type is a complex type. */
export function isComplex(type: Type): boolean {
  const b = basicOf(type);
  return b !== null && complexKinds.has(b.basic);
}

/** Whether the underlying type is numeric. */
export function isNumeric(type: Type): boolean {
  return isInteger(type) || isFloat(type) || isComplex(type);
}

/** Whether the underlying type is a string type. */
export function isString(type: Type): boolean {
  const b = basicOf(type);
  return b !== null && (b.basic === 'string' || b.basic === 'untyped string');
}

/** Whether the underlying type is a boolean type. */
export function isBoolean(type: Type): boolean {
  const b = basicOf(type);
  return b !== null && (b.basic === 'bool' || b.basic === 'untyped bool');
}

/** Whether the underlying type is an interface. */
export function isInterface(type: Type): boolean {
  return underlying(type).kind === 'Interface';
}

/** Whether values of the type can be ordered with `<`. */
export function isOrdered(type: Type): boolean {
  return isInteger(type) || isFloat(type) || isString(type);
}

/** Whether `a` and `b` are identical types (`ignoreTags`: struct tags do not count, as in conversions). */
export function identical(a: Type, b: Type, ignoreTags = false): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'Basic':
      return a.basic === (b as Basic).basic;
    case 'Named':
      return false;
    case 'Pointer':
    case 'Slice':
      return identical(a.elem, (b as typeof a).elem, ignoreTags);
    case 'Array':
      return a.length === (b as typeof a).length && identical(a.elem, (b as typeof a).elem, ignoreTags);
    case 'Map':
      return identical(a.key, (b as typeof a).key, ignoreTags) && identical(a.elem, (b as typeof a).elem, ignoreTags);
    case 'Chan':
      return a.dir === (b as typeof a).dir && identical(a.elem, (b as typeof a).elem, ignoreTags);
    case 'Struct': {
      const other = b as typeof a;
      if (a.fields.length !== other.fields.length) return false;
      return a.fields.every((field, index) => {
        const theirs = other.fields[index];
        return theirs !== undefined && field.name === theirs.name && field.embedded === theirs.embedded
          && (ignoreTags || a.tags[index] === other.tags[index]) && identical(field.type, theirs.type, ignoreTags)
          && (isExported(field.name) || field.pkg === theirs.pkg);
      });
    }
    case 'Signature': {
      const other = b as typeof a;
      return a.variadic === other.variadic && a.params.length === other.params.length && a.results.length === other.results.length
        && a.params.every((p, i) => identical(p.type, (other.params[i] ?? p).type, ignoreTags))
        && a.results.every((r, i) => identical(r.type, (other.results[i] ?? r).type, ignoreTags));
    }
    case 'Interface': {
      const mine = methodsOf(a);
      const theirs = methodsOf(b as Interface);
      return mine.length === theirs.length && mine.every((m, i) => {
        const t = theirs[i];
        return t !== undefined && m.name === t.name && identical(m.type, t.type, ignoreTags);
      });
    }
    case 'Tuple': {
      const other = b as typeof a;
      return a.vars.length === other.vars.length && a.vars.every((v, i) => identical(v.type, (other.vars[i] ?? v).type, ignoreTags));
    }
  }
}

/** Whether a name is exported. */
export function isExported(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

/** The full method set of an interface, sorted by name (computed once, embedded interfaces included). */
export function methodsOf(iface: Interface): Func[] {
  if (iface.allMethods !== null) return iface.allMethods;
  const all = new Map<string, Func>();
  const visit = (current: Interface, depth: number): void => {
    for (const method of current.methods) if (!all.has(method.name)) all.set(method.name, method);
    if (depth > 50) return;
    for (const embedded of current.embedded) {
      const under = underlying(embedded);
      if (under.kind === 'Interface') visit(under, depth + 1);
    }
  };
  visit(iface, 0);
  iface.allMethods = [...all.values()].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return iface.allMethods;
}

/** Whether values of `type` can be compared with `==`. */
export function isComparable(type: Type): boolean {
  const under = underlying(type);
  switch (under.kind) {
    case 'Basic':
      return under.basic !== 'untyped nil';
    case 'Pointer':
    case 'Chan':
    case 'Interface':
      return true;
    case 'Struct':
      return under.fields.every((field) => isComparable(field.type));
    case 'Array':
      return isComparable(under.elem);
    default:
      return false;
  }
}

/** Whether the type may be compared with `nil`. */
export function hasNil(type: Type): boolean {
  const under = underlying(type);
  switch (under.kind) {
    case 'Pointer': case 'Slice': case 'Map': case 'Chan': case 'Signature': case 'Interface':
      return true;
    case 'Basic':
      return under.basic === 'unsafe.Pointer' || under.basic === 'untyped nil';
    default:
      return false;
  }
}

/** Whether the invalid type occurs anywhere in `type` (errors about such types would be follow-on errors). */
export function containsInvalid(type: Type, depth = 0): boolean {
  if (depth > 10) return false;
  const next = (t: Type): boolean => containsInvalid(t, depth + 1);
  switch (type.kind) {
    case 'Basic': return type.basic === 'invalid type';
    case 'Pointer': case 'Slice': case 'Array': case 'Chan': return next(type.elem);
    case 'Map': return next(type.key) || next(type.elem);
    case 'Tuple': return type.vars.some((v) => next(v.type));
    case 'Signature': return type.params.some((v) => next(v.type)) || type.results.some((v) => next(v.type));
    case 'Struct': return type.fields.some((f) => next(f.type));
    default: return false;
  }
}

/**
 * The struct whose fields a composite literal or selector of `type` names: its underlying struct,
 * or for a std struct the checker sees as opaque, its recorded fields (unexported ones typed
 * invalid); undefined for other types.
 */
export function structFields(type: Type): Struct | undefined {
  const under = underlying(type);
  if (under.kind === 'Struct') return under;
  return type.kind === 'Named' && isInvalid(under) ? type.std?.fields : undefined;
}
