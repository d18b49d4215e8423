/**
 * From the checker's types to the facts the escape analysis needs (`TypeInfo`): the type as
 * gc's own type printer spells it in `-m` lines (`struct { a int }`, `interface {}`, which
 * differ from the type checker's `struct{a int}`), amd64 size and alignment, whether it holds
 * pointers, whether an interface stores it directly.
 */
import { methodsOf, underlying } from '../types/predicates.ts';
import { anyType } from '../types/universe.ts';
import { layoutOf } from '../types/sizes.ts';
import type { StdTypeFacts, Type } from '../types/types.ts';
import type { TypeInfo, TypeKind } from './ir.ts';

/** How deeply type texts may nest (gc has no limit; this one keeps the recursion safe). */
const maxTextDepth = 1000;

/** Converts checker types to `TypeInfo`, caching by identity. */
export class TypeTable {
  /** The package whose named types print without qualifier. */
  readonly packageName: string;
  private readonly cache = new Map<Type, TypeInfo>();

  /** The modelled Go minor version (which values an interface stores directly changed in 1.26). */
  readonly goMinor: number;

  constructor(packageName: string, goMinor = 26) {
    this.packageName = packageName;
    this.goMinor = goMinor;
  }

  /** The type whose facts are `info` (the same object {@link info} returned), if any. */
  typeOf(info: TypeInfo): Type | undefined {
    for (const [type, facts] of this.cache) if (facts === info) return type;
    return undefined;
  }

  /** The facts about `type`. */
  info(type: Type): TypeInfo {
    const cached = this.cache.get(type);
    if (cached !== undefined) return cached;
    // Recursive types (`type T struct{ next *T }`) meet themselves through a pointer: the
    // placeholder is filled in place once computed.
    const info = { text: '', kind: 'struct', size: 0, align: 1, hasPointers: true, directIface: false, untyped: false } as TypeInfo;
    this.cache.set(type, info);
    Object.assign(info, this.compute(type));
    return info;
  }

  /**
   * Set when a text needed what is not modelled: the import path of a package other than
   * `main`, or the number gc gives a type declared in a function (both only in link names),
   * or a type nested too deeply.
   */
  textNotModeled: string | undefined;

  /**
   * The type as gc prints it. `mode` is gc's: `go` in messages, `id` in link names (wrapper
   * functions' names), where every named type is qualified by its package path, `byte`,
   * `rune` and `any` are spelled `uint8`, `int32` and `interface {}`, and unexported field
   * names are qualified. An interface lists its whole method set sorted as gc sorts it
   * (exported names first); from its first unexported method on, gc prints in `id` mode.
   */
  text(type: Type, depth = 0, mode: 'go' | 'id' = 'go'): string {
    if (depth > maxTextDepth) {
      this.textNotModeled ??= `type texts nested deeper than ${maxTextDepth} levels`;
      return '...';
    }
    switch (type.kind) {
      case 'Basic':
        if (type.basic === 'untyped nil') return 'nil';
        return mode === 'id' ? type.basic : type.name;
      case 'Pointer':
        return `*${this.text(type.elem, depth + 1, mode)}`;
      case 'Slice':
        return `[]${this.text(type.elem, depth + 1, mode)}`;
      case 'Array':
        return `[${type.length}]${this.text(type.elem, depth + 1, mode)}`;
      case 'Map':
        return `map[${this.text(type.key, depth + 1, mode)}]${this.text(type.elem, depth + 1, mode)}`;
      case 'Chan': {
        const elem = this.text(type.elem, depth + 1, mode);
        if (type.dir === 'send') return `chan<- ${elem}`;
        if (type.dir === 'recv') return `<-chan ${elem}`;
        return type.elem.kind === 'Chan' && type.elem.dir === 'recv' ? `chan (${elem})` : `chan ${elem}`;
      }
      case 'Struct': {
        if (type.fields.length === 0) return 'struct {}';
        const fields = type.fields.map((field) =>
          field.embedded ? this.text(field.type, depth + 1, mode) : `${mode === 'id' && !isExported(field.name) ? this.qualifier(field.pkg) : ''}${field.name} ${this.text(field.type, depth + 1, mode)}`,
        );
        return `struct { ${fields.join('; ')} }`;
      }
      case 'Signature': {
        const params = type.params.map((param, index) =>
          type.variadic && index === type.params.length - 1 && param.type.kind === 'Slice'
            ? `...${this.text(param.type.elem, depth + 1, mode)}`
            : this.text(param.type, depth + 1, mode),
        );
        const results = type.results.map((result) => this.text(result.type, depth + 1, mode));
        let text = `func(${params.join(', ')})`;
        if (results.length === 1) text += ` ${results[0]}`;
        else if (results.length > 1) text += ` (${results.join(', ')})`;
        return text;
      }
      case 'Interface': {
        if (type === anyType) return mode === 'id' ? 'interface {}' : 'any';
        const all = methodsOf(type);
        if (all.length === 0) return 'interface {}';
        let current = mode;
        const methods = all.map((method) => {
          if (!isExported(method.name)) current = 'id';
          const name = isExported(method.name) ? method.name : `${this.qualifier(method.pkg)}${method.name}`;
          return `${name}${this.text(method.type, depth + 1, current).slice('func'.length)}`;
        });
        return `interface { ${methods.join('; ')} }`;
      }
      case 'Tuple':
        return `(${type.vars.map((item) => this.text(item.type, depth + 1, mode)).join(', ')})`;
      case 'Named': {
        const pkg = type.obj.pkg;
        if (pkg === '') return type.obj.name;
        if (mode === 'id') {
          if (type.obj.parent?.func != null) this.textNotModeled ??= `the number gc gives ${type.obj.name}, a type declared in a function, in link names`;
          return `${this.qualifier(pkg)}${type.obj.name}`;
        }
        if (pkg === this.packageName) return type.obj.name;
        return `${pkg.split('/').pop() ?? pkg}.${type.obj.name}`;
      }
    }
  }

  /** The qualifier gc's link names give a name of package `pkg` (`main.`). */
  private qualifier(pkg: string): string {
    if (pkg === this.packageName && pkg !== 'main') {
      this.textNotModeled ??= `the import path of package ${pkg} in link names (gc prints it for unexported methods of interface types)`;
    }
    return pkg === '' ? '' : `${pkg}.`;
  }

  private compute(type: Type): TypeInfo {
    const under = underlying(type);
    const text = this.text(type);
    const base = { text, untyped: false };
    if (type.kind === 'Named' && under.kind === 'Basic' && under.basic === 'invalid type') {
      // A std type the checker sees as opaque: its recorded underlying type, or its measured layout.
      if (type.std?.underlying !== undefined) return { ...this.info(type.std.underlying), ...base };
      return { ...base, ...opaqueStdFacts(type.std) };
    }
    switch (under.kind) {
      case 'Basic':
        return { ...base, ...basicFacts(under.basic) };
      case 'Pointer':
        return { ...base, kind: 'pointer', size: 8, align: 8, hasPointers: true, directIface: true, elem: this.info(under.elem) };
      case 'Slice':
        return { ...base, kind: 'slice', size: 24, align: 8, hasPointers: true, directIface: false, elem: this.info(under.elem) };
      case 'Array': {
        const elem = this.info(under.elem);
        const length = Math.max(0, under.length);
        return {
          ...base,
          kind: 'array',
          size: elem.size * length,
          align: elem.align,
          hasPointers: length > 0 && elem.hasPointers,
          directIface: this.goMinor >= 26 ? elem.size * length === 8 && length > 0 && elem.hasPointers : length === 1 && elem.directIface,
          elem,
        };
      }
      case 'Map':
        return { ...base, kind: 'map', size: 8, align: 8, hasPointers: true, directIface: true, elem: this.info(under.elem) };
      case 'Chan':
        return { ...base, kind: 'chan', size: 8, align: 8, hasPointers: true, directIface: true, elem: this.info(under.elem) };
      case 'Signature':
        return { ...base, kind: 'func', size: 8, align: 8, hasPointers: true, directIface: true };
      case 'Interface':
        return { ...base, kind: 'interface', size: 16, align: 8, hasPointers: true, directIface: false };
      case 'Tuple':
        return { ...base, kind: 'tuple', size: 0, align: 1, hasPointers: false, directIface: false };
      case 'Struct': {
        const fields = under.fields.map((field) => this.info(field.type));
        const layout = layoutOf(under) ?? { size: 0, align: 1 };
        const only = fields.length === 1 ? fields[0] : undefined;
        return {
          ...base,
          kind: 'struct',
          size: layout.size,
          align: layout.align,
          hasPointers: fields.some((field) => field.hasPointers),
          // go1.26: any value one pointer word long (gc's IsDirectIface: size and pointer data
          // both 8); before, only a struct of one such field.
          directIface: this.goMinor >= 26 ? layout.size === 8 && fields.some((field) => field.hasPointers) : only !== undefined && only.directIface,
        };
      }
      case 'Named':
        throw new Error('typeinfo: named type as underlying type');
    }
  }
}

/** Whether a Go name is exported (starts with an upper-case letter). */
function isExported(name: string): boolean {
  const first = name.codePointAt(0);
  if (first === undefined) return false;
  const char = String.fromCodePoint(first);
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

/** The shapes of std types the checker sees as opaque, by reflect.Kind name (those needing no element type). */
const opaqueKinds: Record<string, TypeKind> = {
  bool: 'bool', int: 'integer', int8: 'integer', int16: 'integer', int32: 'integer', int64: 'integer',
  uint: 'integer', uint8: 'integer', uint16: 'integer', uint32: 'integer', uint64: 'integer', uintptr: 'uintptr',
  float32: 'float', float64: 'float', complex64: 'complex', complex128: 'complex', string: 'string',
  'unsafe.Pointer': 'unsafePointer', struct: 'struct', interface: 'interface',
};

/**
 * A std type known to the checker by name only: the layout the oracle measured (stdlib.json).
 * Without one, or for a shape whose element type would be needed (pointers, slices, maps, ...),
 * the facts are placeholders flagged `layoutUnknown`.
 */
function opaqueStdFacts(std: StdTypeFacts | undefined): Omit<TypeInfo, 'text'> {
  const kind = std === undefined ? undefined : opaqueKinds[std.kind];
  if (std === undefined || kind === undefined) return { ...basicFacts('invalid type') };
  return { kind, size: std.size, align: std.align, hasPointers: std.hasPointers, directIface: std.pointerShaped, untyped: false };
}

function basicFacts(basic: string): { kind: TypeKind; size: number; align: number; hasPointers: boolean; directIface: boolean; untyped: boolean; layoutUnknown?: true } {
  const scalar = (kind: TypeKind, size: number, align = size) => ({ kind, size, align, hasPointers: false, directIface: false, untyped: false });
  switch (basic) {
    case 'bool':
      return scalar('bool', 1);
    case 'int8':
    case 'uint8':
      return scalar('integer', 1);
    case 'int16':
    case 'uint16':
      return scalar('integer', 2);
    case 'int32':
    case 'uint32':
      return scalar('integer', 4);
    case 'int':
    case 'uint':
    case 'int64':
    case 'uint64':
      return scalar('integer', 8);
    case 'uintptr':
      return scalar('uintptr', 8);
    case 'float32':
      return scalar('float', 4);
    case 'float64':
      return scalar('float', 8);
    case 'complex64':
      return scalar('complex', 8, 4);
    case 'complex128':
      return scalar('complex', 16, 8);
    case 'string':
      return { kind: 'string', size: 16, align: 8, hasPointers: true, directIface: false, untyped: false };
    case 'unsafe.Pointer':
      return { kind: 'unsafePointer', size: 8, align: 8, hasPointers: true, directIface: true, untyped: false };
    case 'untyped nil':
      return { kind: 'nil', size: 8, align: 8, hasPointers: true, directIface: true, untyped: true };
    case 'untyped string':
      return { kind: 'string', size: 16, align: 8, hasPointers: true, directIface: false, untyped: true };
    case 'untyped bool':
      return { kind: 'bool', size: 1, align: 1, hasPointers: false, directIface: false, untyped: true };
    case 'untyped float':
      return { kind: 'float', size: 8, align: 8, hasPointers: false, directIface: false, untyped: true };
    case 'untyped complex':
      return { kind: 'complex', size: 16, align: 8, hasPointers: false, directIface: false, untyped: true };
    case 'untyped int':
    case 'untyped rune':
      return { kind: 'integer', size: 8, align: 8, hasPointers: false, directIface: false, untyped: true };
    case 'invalid type':
      // A std type known only by name whose layout stdlib.json lacks: nothing about it is known.
      return { ...scalar('integer', 8), layoutUnknown: true };
    default:
      return scalar('integer', 8);
  }
}
