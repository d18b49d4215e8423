/**
 * The std functions and variables the simulator models, built from the oracle's stdlib.json
 * (`StdlibSnapshot`, see src/data/oracle/snapshots.ts): their types, parsed from go/types'
 * signature strings, for the checker; and the compiler's parameter tags (`leaking param: p`,
 * ...) for the escape engine. Nothing here is declared by hand: a std name that is not in the
 * snapshot is `not modeled`.
 *
 * Std types (`strings.Builder`, `io.Writer`) carry the layout the oracle measured (size,
 * alignment, pointers), their exported method names and, for structs, their fields (`Named.std`).
 * To the checker most stay opaque `Named` types (underlying type invalid, so using their
 * representation or a member beyond the snapshot is not modelled; exported fields can still be
 * named, unexported ones are gc's errors). Ordinary named types are: a type whose underlying type
 * and whole exported method set the snapshot records with nothing hidden (every field exported,
 * e.g. `reflect.SliceHeader`), and an interface whose methods are all exported and spelled with
 * known types (`io.Writer`).
 */
import type { StdFunction, StdInline, StdlibSnapshot, StdType } from '../../data/oracle/snapshots.ts';
import type { ConstantValue } from '../types/constant.ts';
import type { Const, Func, GoObject, TypeName, Var } from '../types/objects.ts';
import type { Interface, Named, Signature, Struct, Type } from '../types/types.ts';
import { anyType, basicTypes, byteType, emptyInterface, errorType, invalidType, runeType } from '../types/universe.ts';

/** How the compiler summarises one parameter of a std function. */
export interface ParameterTag {
  /** The parameter's name (`""` if unnamed). */
  name: string;
  /** The compiler's -m lines about it, without position (`leaking param content: a`); empty when it does not leak. */
  leaks: string[];
}

/** A modelled std function or method with its type and escape tags. */
export interface StdFunctionInfo {
  /** The key in stdlib.json: `pkg.Func`, `(*pkg.T).M` or `pkg.T.M`. */
  key: string;
  /** The function object the checker uses. */
  obj: Func;
  /** Whether gc can inline it. */
  inlinable: boolean;
  /** The receiver's tag, for methods. */
  receiver: ParameterTag | null;
  /** Tags of the parameters in order. */
  params: ParameterTag[];
  /** For an inlinable function: what inlining a call to it does, as the oracle measured it. */
  inline?: StdInline;
  /** gc compiles its calls to machine instructions (they cost a caller one node, and are never inlined). */
  intrinsic?: true;
}

/** One std package's modelled members. */
export interface StdPackage {
  /** Import path. */
  path: string;
  /** Package-level functions and variables by name. */
  members: Map<string, GoObject>;
  /** Every exported name the package declares, modelled or not (absent if not recorded): another name is undefined. */
  exported?: Set<string>;
}

/** The loaded std model. */
export interface Stdlib {
  /** Go version of the snapshot. */
  goVersion: string;
  /** Modelled packages by import path. */
  packages: Map<string, StdPackage>;
  /** Every modelled function and method by stdlib.json key. */
  functions: Map<string, StdFunctionInfo>;
  /** Looks up the tags of a function or method by its stdlib.json key. */
  tags(key: string): StdFunctionInfo | undefined;
  /** Std named types whose layout the snapshot does not record (uses that need it are not modelled). */
  unknownLayouts: Named[];
}

/** Builds the std model from a stdlib.json snapshot. */
export function loadStdlib(snapshot: StdlibSnapshot): Stdlib {
  const named = new Map<string, Named>();
  const recordedTypes: Record<string, StdType> = snapshot.types ?? {};
  const packages = new Map<string, StdPackage>();
  const functions = new Map<string, StdFunctionInfo>();
  const packageOf = (path: string): StdPackage => {
    let found = packages.get(path);
    if (found === undefined) {
      found = { path, members: new Map() };
      const exported = snapshot.exported?.[path];
      if (exported !== undefined) found.exported = new Set(exported);
      packages.set(path, found);
    }
    return found;
  };
  const namedType = (qualified: string, register = true): Named => {
    let found = named.get(qualified);
    if (found === undefined) {
      const dot = qualified.lastIndexOf('.');
      const path = qualified.slice(0, dot);
      const object: TypeName = { kind: 'TypeName', name: qualified.slice(dot + 1), type: invalidType, pos: null, pkg: path, parent: null, isAlias: false };
      found = { kind: 'Named', obj: object, underlying: invalidType, methods: [] };
      const recorded = recordedTypes[qualified];
      if (recorded !== undefined) {
        found.std = {
          kind: recorded.kind, size: recorded.size, align: recorded.align, hasPointers: recorded.pointers, pointerShaped: recorded.pointerShaped,
          methodNames: recorded.methods,
        };
      }
      object.type = found;
      if (!register) return found;
      named.set(qualified, found);
      packageOf(path).members.set(object.name, object);
    }
    return found;
  };
  const parseType = (text: string): Type => new TypeStringParser(text, namedType).parseWhole();

  for (const [key, fn] of Object.entries(snapshot.functions)) {
    const signature = parseType(fn.type);
    if (signature.kind !== 'Signature') continue;
    const method = /^\((\*)?([\w/.]+)\)\.(\w+)$/.exec(key) ?? /^()([\w/]+\.\w+)\.(\w+)$/.exec(key);
    const plain = /^([\w/]+)\.(\w+)$/.exec(key);
    const obj: Func = {
      kind: 'Func', name: '', type: signature, pos: null, pkg: '', parent: null, decl: null, pragmas: null,
      pointerReceiver: false, isMethod: false,
    };
    if (method !== null) {
      const receiverType = namedType(method[2] ?? '');
      obj.name = method[3] ?? '';
      obj.pkg = receiverType.obj.pkg;
      obj.isMethod = true;
      obj.pointerReceiver = method[1] === '*';
      signature.recv = parameter('', obj.pointerReceiver ? { kind: 'Pointer', elem: receiverType } : receiverType);
      receiverType.methods.push(obj);
    } else if (plain !== null) {
      obj.name = plain[2] ?? '';
      obj.pkg = plain[1] ?? '';
      packageOf(obj.pkg).members.set(obj.name, obj);
    } else continue;
    functions.set(key, describe(key, obj, fn));
  }
  for (const [key, variable] of Object.entries(snapshot.variables)) {
    const plain = /^([\w/]+)\.(\w+)$/.exec(key);
    if (plain === null) continue;
    const object: Var = {
      kind: 'Var', name: plain[2] ?? '', type: parseType(variable.type), pos: null, pkg: plain[1] ?? '', parent: null,
      isField: false, embedded: false, isParam: false, used: true, isGlobal: true, decl: null,
    };
    packageOf(object.pkg).members.set(object.name, object);
  }
  for (const [key, recorded] of Object.entries(snapshot.constants ?? {})) {
    const plain = /^([\w/]+)\.(\w+)$/.exec(key);
    const value = constantValue(recorded.value);
    if (plain === null || value === undefined) continue;
    // An untyped constant (`math.MaxInt64`) has an untyped basic type, which go/types spells with a space.
    const type = recorded.type.startsWith('untyped ') ? (basicTypes[recorded.type as keyof typeof basicTypes] ?? invalidType) : parseType(recorded.type);
    if (type === invalidType || (type.kind === 'Basic' && type.basic === 'untyped float')) continue;
    const object: Const = { kind: 'Const', name: plain[2] ?? '', type, pos: null, pkg: plain[1] ?? '', parent: null, value };
    packageOf(object.pkg).members.set(object.name, object);
  }
  // Parses a type spelled only with std types already known (so with a recorded layout); undefined otherwise.
  const parseKnown = (text: string): Type | undefined => {
    let unknown = false;
    const parsed = new TypeStringParser(text, (qualified) => {
      const found = named.get(qualified);
      if (found !== undefined) return found;
      unknown = true;
      return namedType(qualified, false);
    }).parseWhole();
    return unknown || !spelledOut(parsed) ? undefined : parsed;
  };
  for (const [qualified, recorded] of Object.entries(recordedTypes)) {
    const type = namedType(qualified);
    if (recorded.kind === 'interface') {
      const iface = stdInterface(recorded, type.obj.pkg, parseKnown);
      if (iface !== undefined) type.underlying = iface;
      continue;
    }
    const complete = recorded.methods.every((method) => functions.has(`(*${qualified}).${method}`) || functions.has(`${qualified}.${method}`));
    const under = complete ? transparentUnderlying(recorded, type.obj.pkg, parseType) : undefined;
    if (under !== undefined) type.underlying = under;
    else if (recorded.fields !== undefined && type.std !== undefined) {
      const fields = visibleFields(recorded, type.obj.pkg, parseKnown);
      if (fields !== undefined) type.std.fields = fields;
    }
  }
  for (const type of named.values()) {
    const recorded = recordedTypes[`${type.obj.pkg}.${type.obj.name}`];
    if (type.std === undefined || recorded === undefined || recorded.fields !== undefined || recorded.kind === 'interface') continue;
    const under = parseType(recorded.underlying);
    if (spelledOut(under) && under.kind !== 'Named') type.std.underlying = under;
  }
  // Without a recorded layout, or (for a pointer, slice, map... type) without a readable underlying type, nothing is known.
  const shapes = new Set(['struct', 'interface', 'bool', 'string', 'uintptr', 'unsafe.Pointer']);
  const knownShape = (type: Named) => type.std !== undefined && (type.std.underlying !== undefined || shapes.has(type.std.kind) || /^(u?int|float|complex)\d*$/.test(type.std.kind));
  const unknownLayouts = [...named.values()].filter((type) => !knownShape(type));
  const qualifiers = packageQualifiers(recordedTypes);
  for (const type of named.values()) type.qualifier = qualifiers(type.obj.pkg);
  return { goVersion: snapshot.goVersion, packages, functions, tags: (key) => functions.get(key), unknownLayouts };
}

/** A constant's value from go/constant's exact string (integers, booleans, plain strings); undefined for others. */
function constantValue(text: string): ConstantValue | undefined {
  if (/^-?\d+$/.test(text)) return { kind: 'int', value: BigInt(text) };
  if (text === 'true' || text === 'false') return { kind: 'bool', value: text === 'true' };
  if (/^"([^"\\]|\\[\\"nt])*"$/.test(text)) return { kind: 'string', value: JSON.parse(text) as string };
  return undefined;
}

/**
 * The underlying type of a std type when user code can see all of it: a struct whose fields are
 * all exported and not embedded, or a non-struct, non-interface type, each spelled only with types
 * the parser knows. Undefined otherwise (the type stays opaque).
 */
function transparentUnderlying(recorded: StdType, pkg: string, parseType: (text: string) => Type): Type | undefined {
  if (recorded.fields !== undefined) {
    if (recorded.fields.some((field) => !field.exported || field.embedded)) return undefined;
    const fields = recorded.fields.map((field) => ({ ...parameter(field.name, parseType(field.type)), pkg, isField: true, isParam: false }));
    if (fields.some((field) => !spelledOut(field.type))) return undefined;
    const struct: Struct = { kind: 'Struct', fields, tags: fields.map(() => '') };
    return struct;
  }
  if (recorded.kind === 'interface') return undefined;
  const under = parseType(recorded.underlying);
  return spelledOut(under) && under.kind !== 'Named' ? under : undefined;
}

/**
 * A std interface type as user code sees it, from its recorded underlying type: only when every
 * method is exported and spelled with known types and no interface is embedded (otherwise the
 * type stays opaque and its uses are not modelled).
 */
function stdInterface(recorded: StdType, pkg: string, parseKnown: (text: string) => Type | undefined): Interface | undefined {
  const under = parseKnown(recorded.underlying);
  if (under?.kind !== 'Interface' || under.embedded.length > 0) return undefined;
  const names = under.methods.map((method) => method.name).sort();
  if (names.some((name) => !/^\p{Lu}/u.test(name)) || names.join(',') !== [...recorded.methods].sort().join(',')) return undefined;
  for (const method of under.methods) method.pkg = pkg;
  return under;
}

/**
 * The fields of an opaque std struct as user code sees them: every field by name, in order, the
 * exported ones with their types; undefined when an exported field's type cannot be read.
 */
function visibleFields(recorded: StdType, pkg: string, parseKnown: (text: string) => Type | undefined): Struct | undefined {
  const fields: Var[] = [];
  for (const field of recorded.fields ?? []) {
    const type = field.exported ? parseKnown(field.type) : invalidType;
    if (type === undefined) return undefined;
    fields.push({ ...parameter(field.name, type), pkg, isField: true, isParam: false, embedded: field.embedded });
  }
  return { kind: 'Struct', fields, tags: fields.map(() => '') };
}

/**
 * How gc's messages qualify each std package: by its name, or by its quoted import path when
 * another package of the same name is certainly imported alongside it (types2 quotes ambiguous
 * names). The evidence is the snapshot's own: a package whose recorded types mention another
 * package of its name (`sync`'s types hold `internal/sync` values) always comes with it.
 */
function packageQualifiers(recordedTypes: Record<string, StdType>): (path: string) => string {
  const nameOf = (path: string) => {
    const parts = path.split('/');
    const last = parts[parts.length - 1] ?? path;
    return /^v\d+$/.test(last) && parts.length > 1 ? (parts[parts.length - 2] ?? last) : last;
  };
  const quoted = new Set<string>();
  for (const [qualified, recorded] of Object.entries(recordedTypes)) {
    const path = qualified.slice(0, qualified.lastIndexOf('.'));
    const texts = [recorded.underlying, ...(recorded.fields ?? []).map((field) => field.type)];
    for (const text of texts) {
      for (const match of text.matchAll(/([a-z][\w]*(?:\/[\w]+)*)\.[\p{L}_]/gu)) {
        const other = match[1] ?? '';
        if (other !== path && nameOf(other) === nameOf(path)) quoted.add(path);
      }
    }
  }
  return (path) => (quoted.has(path) ? JSON.stringify(path) : nameOf(path));
}

/** Whether a parsed type has no part the parser could not read. */
function spelledOut(type: Type): boolean {
  switch (type.kind) {
    case 'Basic': return type.basic !== 'invalid type';
    case 'Pointer': case 'Slice': case 'Array': case 'Chan': return spelledOut(type.elem);
    case 'Map': return spelledOut(type.key) && spelledOut(type.elem);
    case 'Signature': return [...type.params, ...type.results].every((item) => spelledOut(item.type));
    case 'Named': return true;
    case 'Interface': return type.methods.every((method) => spelledOut(method.type)) && type.embedded.every(spelledOut);
    default: return false;
  }
}

function parameter(name: string, type: Type): Var {
  return { kind: 'Var', name, type, pos: null, pkg: '', parent: null, isField: false, embedded: false, isParam: true, used: true, isGlobal: false, decl: null };
}

function describe(key: string, obj: Func, fn: StdFunction): StdFunctionInfo {
  return {
    key, obj, inlinable: fn.inlinable, ...(fn.inline !== undefined ? { inline: fn.inline } : {}), ...(fn.intrinsic === true ? { intrinsic: true as const } : {}),
    receiver: fn.receiver === undefined ? null : { name: fn.receiver.name, leaks: fn.receiver.leaks },
    params: fn.params.map((p) => ({ name: p.name, leaks: p.leaks })),
  };
}

/** Parses a type as go/types prints it (`func(a ...any) (n int, err error)`, `*strings.Builder`). */
class TypeStringParser {
  /** The text. */
  text: string;
  /** Current offset. */
  offset = 0;
  /** Makes or finds an opaque named std type. */
  namedType: (qualified: string) => Named;

  constructor(text: string, namedType: (qualified: string) => Named) {
    this.text = text;
    this.namedType = namedType;
  }

  parseWhole(): Type {
    const type = this.type();
    return this.offset === this.text.length ? type : invalidType;
  }

  skipSpaces(): void {
    while (this.text[this.offset] === ' ') this.offset++;
  }

  eat(token: string): boolean {
    this.skipSpaces();
    if (!this.text.startsWith(token, this.offset)) return false;
    this.offset += token.length;
    return true;
  }

  word(): string {
    this.skipSpaces();
    const match = /^[\w/.]+/.exec(this.text.slice(this.offset));
    if (match === null) return '';
    this.offset += match[0].length;
    return match[0];
  }

  type(): Type {
    if (this.eat('*')) return { kind: 'Pointer', elem: this.type() };
    if (this.eat('[]')) return { kind: 'Slice', elem: this.type() };
    if (this.eat('[')) {
      const length = Number(this.word());
      this.eat(']');
      return { kind: 'Array', length, elem: this.type() };
    }
    if (this.eat('map[')) {
      const key = this.type();
      this.eat(']');
      return { kind: 'Map', key, elem: this.type() };
    }
    if (this.eat('<-chan ')) return { kind: 'Chan', dir: 'recv', elem: this.type() };
    if (this.eat('chan<- ')) return { kind: 'Chan', dir: 'send', elem: this.type() };
    if (this.eat('chan ')) return { kind: 'Chan', dir: 'both', elem: this.type() };
    if (this.eat('interface{}')) return emptyInterface;
    if (this.eat('interface{')) return this.interfaceBody();
    if (this.eat('func(')) return this.signature();
    const name = this.word();
    switch (name) {
      // The alias keeps its name, as go/types prints it (types2 does too in messages).
      case 'any': return anyType;
      case 'error': return errorType;
      case 'byte': return byteType;
      case 'rune': return runeType;
      case 'unsafe.Pointer': return basicTypes['unsafe.Pointer'];
      case '': return invalidType;
      default:
        if (name.includes('.')) return this.namedType(name);
        return name in basicTypes ? basicTypes[name as keyof typeof basicTypes] : invalidType;
    }
  }

  /** After `interface{`: methods (`M(p []byte) (n int, err error)`) and embedded types, separated by `; `, up to `}`. */
  interfaceBody(): Type {
    const iface: Interface = { kind: 'Interface', methods: [], embedded: [], allMethods: null };
    while (!this.eat('}')) {
      const name = this.word();
      if (name === '' || this.offset >= this.text.length) return invalidType;
      if (this.eat('(')) {
        const signature = this.signature();
        signature.recv = parameter('', iface);
        iface.methods.push({
          kind: 'Func', name, type: signature, pos: null, pkg: '', parent: null, decl: null, pragmas: null, pointerReceiver: false, isMethod: true,
        });
      } else if (name.includes('.')) {
        iface.embedded.push(this.namedType(name));
      } else return invalidType;
      this.eat(';');
    }
    return iface;
  }

  /** After `func(`: parameters, then results. */
  signature(): Signature {
    const signature: Signature = { kind: 'Signature', recv: null, params: [], results: [], variadic: false };
    signature.params = this.parameters(signature);
    this.skipSpaces();
    if (this.eat('(')) signature.results = this.parameters(null);
    else if (this.offset < this.text.length && !')],;}'.includes(this.text[this.offset] ?? ')')) {
      signature.results = [parameter('', this.type())];
    }
    return signature;
  }

  /** After `(`: a parameter list up to `)`, each `name T` or `T`. */
  parameters(variadicOwner: Signature | null): Var[] {
    const out: Var[] = [];
    while (!this.eat(')')) {
      if (this.offset >= this.text.length) break;
      const save = this.offset;
      let name = this.word();
      this.skipSpaces();
      const next = this.text[this.offset];
      if (name === '' || next === ',' || next === ')' || name.includes('.')) {
        this.offset = save;
        name = '';
      }
      let type: Type;
      if (this.eat('...')) {
        type = { kind: 'Slice', elem: this.type() };
        if (variadicOwner !== null) variadicOwner.variadic = true;
      } else type = this.type();
      out.push(parameter(name, type));
      this.eat(',');
    }
    return out;
  }
}
