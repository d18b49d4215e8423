/**
 * Expressions: operands, selectors, calls, conversions, builtins, composite literals,
 * constant folding and untyped conversion. Installed on `Checker` (./check.ts).
 */
import type * as ast from '../syntax/ast.ts';
import { children } from '../syntax/walk.ts';
import {
  addRational, compareRational, formatConstant, divideRational, multiplyRational, parseFloatLiteral, parseIntLiteral, rational,
  subtractRational, toInteger, toRational, unknownValue, utf8Bytes, type ConstantValue, type Rational,
} from './constant.ts';
import { Checker, defaultType, untypedBool } from './check.ts';
import { exprString, signatureString } from './typestring.ts';
import { lookupFieldOrMethod, unexportedStdField } from './methodset.ts';
import { lookup, type BuiltinId, type Func, type Scope, type Var } from './objects.ts';
import { describeOperand, type Operand } from './operand.ts';
import {
  basicOf, containsInvalid, hasNil, identical, isBoolean, isComparable, isComplex, isFloat, isInteger, isInterface, isInvalid,
  isExported, isNumeric, isString, isUnsigned, isUntyped, methodsOf, underlying,
} from './predicates.ts';
import { alignOf, offsetsOf, sizeOf } from './sizes.ts';
import type { Basic, Named, Signature, Struct, Type } from './types.ts';
import { basicTypes, byteType, invalidType } from './universe.ts';

const invalid = (expr: ast.Expr): Operand => ({ mode: 'invalid', type: invalidType, expr });

/** Integer ranges of sized integer kinds, for representability. */
const integerRanges: Record<string, [bigint, bigint]> = {
  int8: [-128n, 127n], int16: [-32768n, 32767n], int32: [-(2n ** 31n), 2n ** 31n - 1n], int64: [-(2n ** 63n), 2n ** 63n - 1n],
  int: [-(2n ** 63n), 2n ** 63n - 1n], uint8: [0n, 255n], uint16: [0n, 65535n], uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n], uint: [0n, 2n ** 64n - 1n], uintptr: [0n, 2n ** 64n - 1n],
};

/** Whether constant `value` fits `target`; the reason when not. */
function representable(value: ConstantValue, target: Basic): 'ok' | 'overflows' | 'truncated' | 'mismatch' {
  if (value.kind === 'unknown') return 'ok';
  const kind = target.basic;
  const range = integerRanges[kind];
  if (range !== undefined || kind === 'untyped int' || kind === 'untyped rune') {
    const asRational = toRational(value);
    if (asRational === null) return 'mismatch';
    const integer = toInteger(value);
    if (integer === null) return 'truncated';
    if (range !== undefined && (integer < range[0] || integer > range[1])) return 'overflows';
    return 'ok';
  }
  if (kind === 'float32' || kind === 'float64' || kind === 'untyped float') {
    const asRational = toRational(value);
    if (asRational === null) return value.kind === 'complex' ? 'truncated' : 'mismatch';
    if (kind === 'untyped float') return 'ok';
    // A value overflows when it rounds to infinity: at or beyond the largest finite value plus
    // half a unit in the last place (2^128 - 2^103 for float32, 2^1024 - 2^970 for float64).
    const limit = kind === 'float32' ? 2n ** 128n - 2n ** 103n : 2n ** 1024n - 2n ** 970n;
    const magnitude = asRational.numerator < 0n ? -asRational.numerator : asRational.numerator;
    return magnitude < limit * asRational.denominator ? 'ok' : 'overflows';
  }
  if (kind === 'complex64' || kind === 'complex128' || kind === 'untyped complex') {
    return value.kind === 'int' || value.kind === 'float' || value.kind === 'complex' ? 'ok' : 'mismatch';
  }
  if (kind === 'string' || kind === 'untyped string') return value.kind === 'string' ? 'ok' : 'mismatch';
  if (kind === 'bool' || kind === 'untyped bool') return value.kind === 'bool' ? 'ok' : 'mismatch';
  return 'mismatch';
}

/** Rank of untyped numeric kinds: the result of mixing two is the larger. */
const untypedRank: Record<string, number> = { 'untyped int': 1, 'untyped rune': 2, 'untyped float': 3, 'untyped complex': 4 };

interface CheckerExpressions {
  /** An argument already evaluated by `builtinCall`, handed back by `expr` once. */
  evaluated: { expr: ast.Expr; operand: Operand } | null;
  opaque(x: Operand | Type, at: ast.NodeBase): boolean;
  record(x: Operand): Operand;
  callsOrReceives(e: ast.Expr): boolean;
  ident(expr: ast.Name, scope: Scope): Operand;
  selector(expr: ast.SelectorExpr, scope: Scope): Operand;
  call(expr: ast.CallExpr, scope: Scope, allowTuple: boolean): Operand;
  conversion(expr: ast.CallExpr, target: Type, scope: Scope): Operand;
  builtinCall(expr: ast.CallExpr, id: BuiltinId, scope: Scope): Operand;
  binary(expr: ast.Operation, scope: Scope, hint?: Type): Operand;
  unary(expr: ast.Operation, scope: Scope, hint?: Type): Operand;
  index(expr: ast.IndexExpr, scope: Scope): Operand;
  sliceExpr(expr: ast.SliceExpr, scope: Scope): Operand;
  compositeLit(expr: ast.CompositeLit, scope: Scope, hint?: Type): Operand;
  convertUntyped(x: Operand, target: Type): void;
  basicLit(expr: ast.BasicLit): Operand;
  arguments(call: ast.CallExpr, signature: Signature, scope: Scope, name: string): void;
  use(obj: Var): void;
  implementsReason(type: Type, iface: Type): string | null;
  implementsCause(type: Type, iface: Type): string | null;
  implementsUnknown(type: Type, iface: Type, at: ast.NodeBase): boolean;
  funcText(method: Func): string;
  stdStructLiteral(e: ast.CompositeLit, type: Named, struct: Struct, scope: Scope, value: (element: ast.Expr, target: Type, context: string) => void): void;
  exprInner(expr: ast.Expr, scope: Scope, hint?: Type, allowTuple?: boolean): Operand;
}

declare module './check.ts' {
  interface Checker extends CheckerExpressions {}
}

const proto = Checker.prototype as Checker;
proto.evaluated = null;

proto.describe = function describe(this: Checker, x: Operand): string {
  return describeOperand(x, this.packageName);
};

/**
 * Whether a type is a std type known only by name (its underlying type is not in stdlib.json);
 * if so, reports that using it this way is not modelled.
 */
proto.opaque = function opaque(this: Checker, x: Operand | Type, at: ast.NodeBase): boolean {
  const type = 'expr' in x ? x.type : x;
  if (type.kind !== 'Named' || !isInvalid(type.underlying) || type.obj.pkg === this.packageName || type.obj.pkg === '') return false;
  this.notModeledAt(at.start, `the underlying type of ${type.obj.pkg}.${type.obj.name}`);
  return true;
};

proto.record = function record(this: Checker, x: Operand): Operand {
  if (x.mode !== 'invalid' && x.mode !== 'nil') {
    this.info.types.set(x.expr, { mode: x.mode, type: x.type, ...(x.value !== undefined ? { value: x.value } : {}) });
  } else if (x.mode === 'nil') {
    this.info.types.set(x.expr, { mode: 'value', type: x.type });
  }
  return x;
};

proto.expr = function expr(this: Checker, e: ast.Expr, scope: Scope, hint?: Type): Operand {
  const reused = this.evaluated;
  if (reused !== null && reused.expr === e) {
    this.evaluated = null;
    return { ...reused.operand };
  }
  const x = this.exprInner(e, scope, hint, false);
  if (x.mode !== 'invalid' && x.type.kind === 'Tuple') {
    this.error(e, `multiple-value ${exprString(e)} (value of type ${this.typeText(x.type)}) in single-value context`);
    return invalid(e);
  }
  return this.record(x);
};

proto.multiExpr = function multiExpr(this: Checker, e: ast.Expr, scope: Scope, hint?: Type): Operand {
  return this.record(this.exprInner(e, scope, hint, true));
};

proto.use = function use(this: Checker, obj: Var): void {
  obj.used = true;
  // A variable of an enclosing function used inside a closure is captured by it.
  if (obj.isGlobal || obj.isField || this.context === null) return;
  for (let context = this.context; context.record.node.kind === 'FuncLit'; ) {
    let declaredHere = false;
    for (let s: Scope | null = obj.parent; s !== null; s = s.parent) if (s === context.scope) declaredHere = true;
    if (declaredHere) break;
    if (!context.record.captured.includes(obj)) context.record.captured.push(obj);
    if (context.outer === null) break;
    context = context.outer;
  }
};

proto.exprInner = function exprInner(this: Checker, e: ast.Expr, scope: Scope, hint?: Type, allowTuple = false): Operand {
  switch (e.kind) {
    case 'Name':
      return this.ident(e, scope);
    case 'BasicLit':
      return this.basicLit(e);
    case 'ParenExpr': {
      const x = this.exprInner(e.x, scope, hint, allowTuple);
      this.record(x);
      return { ...x, expr: e };
    }
    case 'SelectorExpr':
      return this.selector(e, scope);
    case 'CallExpr':
      return this.call(e, scope, allowTuple);
    case 'Operation':
      if (e.y === null) return this.unary(e, scope, hint);
      return this.binary(e, scope, hint);
    case 'IndexExpr':
      return this.index(e, scope);
    case 'SliceExpr':
      return this.sliceExpr(e, scope);
    case 'CompositeLit':
      return this.compositeLit(e, scope, hint);
    case 'FuncLit': {
      const signature = this.signature(e.type, scope);
      const saved = this.currentScope;
      // Names the enclosing statement is about to declare are not visible inside the literal.
      const savedDeclarations = this.declareLater;
      this.currentScope = scope;
      this.declareLater = [];
      try {
        this.funcBody(e, signature, null, e.body);
      } finally {
        this.currentScope = saved;
        this.declareLater = savedDeclarations;
      }
      return { mode: 'value', type: signature, expr: e };
    }
    case 'AssertExpr': {
      const x = this.expr(e.x, scope);
      const target = this.typeExpr(e.type, scope);
      if (x.mode === 'invalid' || isInvalid(target)) return invalid(e);
      if (!isInterface(x.type)) {
        this.error(e.x, `invalid operation: ${exprString(e.x)} (${this.describe(x).replace(/^.*? \(/, '').replace(/\)$/, '')}) is not an interface`);
        return invalid(e);
      }
      if (!isInterface(target)) {
        if (this.implementsUnknown(target, x.type, e.type)) return invalid(e);
        const reason = this.implementsReason(target, x.type);
        if (reason !== null) {
          this.error(e, `impossible type assertion: ${exprString(e)}\n\t${reason}`);
          return invalid(e);
        }
      }
      return { mode: 'commaok', type: target, expr: e };
    }
    case 'KeyValueExpr':
      this.error(e, 'unexpected key:value expression');
      return invalid(e);
    case 'TypeSwitchGuard':
      this.error(e, `use of .(type) outside type switch`);
      return invalid(e);
    case 'BadExpr':
      return invalid(e);
    default: {
      const type = this.typeExpr(e, scope);
      if (isInvalid(type)) return invalid(e);
      return { mode: 'typexpr', type, expr: e };
    }
  }
};

proto.basicLit = function basicLit(this: Checker, e: ast.BasicLit): Operand {
  const constant = (type: Type, value: ConstantValue | null): Operand => {
    if (value === null) {
      this.notModeledAt(e.start, `literal ${e.value}`);
      return invalid(e);
    }
    return { mode: 'constant', type, value, expr: e };
  };
  switch (e.literalKind) {
    case 'int': {
      const value = parseIntLiteral(e.value);
      return constant(basicTypes['untyped int'], value === null ? null : { kind: 'int', value });
    }
    case 'float': {
      const value = /^0[xX]/.test(e.value) && !/[pP]/.test(e.value) ? null : parseFloatLiteral(e.value);
      return constant(basicTypes['untyped float'], value === null ? null : { kind: 'float', value });
    }
    case 'imag': {
      const body = e.value.slice(0, -1);
      const value = /[.eEpP]/.test(body) && !/^0[xX][0-9a-fA-F_]*$/.test(body) ? parseFloatLiteral(body) : (() => {
        const integer = /^0[0-9_]+$/.test(body) ? BigInt(body.replaceAll('_', '')) : parseIntLiteral(body);
        return integer === null ? null : rational(integer);
      })();
      return constant(basicTypes['untyped complex'], value === null ? null : { kind: 'complex', real: rational(0n), imag: value });
    }
    case 'rune': {
      const decoded = decodeQuoted(e.value);
      const code = decoded === null ? null : decodeRune(decoded);
      return constant(basicTypes['untyped rune'], code === null ? null : { kind: 'int', value: BigInt(code) });
    }
    case 'string': {
      const decoded = e.value.startsWith('`') ? utf8Bytes(e.value.slice(1, -1).replaceAll('\r', '')) : decodeQuoted(e.value);
      return constant(basicTypes['untyped string'], decoded === null ? null : { kind: 'string', value: decoded });
    }
  }
};

/** Decodes the body of an interpreted string or rune literal into a byte string; null when malformed. */
function decodeQuoted(literal: string): string | null {
  const body = literal.slice(1, -1);
  let out = '';
  for (let index = 0; index < body.length; ) {
    const char = body[index] as string;
    if (char !== '\\') {
      const point = body.codePointAt(index) ?? 0;
      const text = String.fromCodePoint(point);
      out += utf8Bytes(text);
      index += text.length;
      continue;
    }
    const escape = body[index + 1] ?? '';
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34 };
    if (escape in simple) {
      out += String.fromCharCode(simple[escape] as number);
      index += 2;
    } else if (escape === 'x' || /[0-7]/.test(escape)) {
      const digits = escape === 'x' ? body.slice(index + 2, index + 4) : body.slice(index + 1, index + 4);
      const value = parseInt(digits, escape === 'x' ? 16 : 8);
      if (Number.isNaN(value) || value > 255) return null;
      out += String.fromCharCode(value);
      index += 4;
    } else if (escape === 'u' || escape === 'U') {
      const width = escape === 'u' ? 4 : 8;
      const value = parseInt(body.slice(index + 2, index + 2 + width), 16);
      if (Number.isNaN(value) || value > 0x10ffff || (value >= 0xd800 && value < 0xe000)) return null;
      out += utf8Bytes(String.fromCodePoint(value));
      index += 2 + width;
    } else return null;
  }
  return out;
}

/** The code point of a rune literal's decoded byte string (single escapes of one byte count as that byte). */
function decodeRune(bytes: string): number | null {
  if (bytes.length === 1) return bytes.charCodeAt(0);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
    const points = [...text];
    return points.length === 1 ? (points[0] as string).codePointAt(0) ?? null : null;
  } catch {
    return null;
  }
}

proto.ident = function ident(this: Checker, e: ast.Name, scope: Scope): Operand {
  if (e.value === '_') {
    this.error(e, 'cannot use _ as value');
    return invalid(e);
  }
  const obj = lookup(scope, e.value);
  if (obj === undefined) {
    this.error(e, `undefined: ${e.value}`);
    return invalid(e);
  }
  this.info.uses.set(e, obj);
  // A named type can be referred to before its underlying type is known; resolving it from
  // inside another type declaration would turn legal cycles (through a named type) into errors.
  const namedType = obj.kind === 'TypeName' && obj.type.kind === 'Named';
  // One being resolved right now is a cycle, which is checked either way.
  if (this.pending.has(obj) && (!(namedType && this.typeDepth > 0) || this.objectPath.includes(obj))) this.resolve(obj);
  switch (obj.kind) {
    case 'Var':
      this.use(obj);
      if (obj.isGlobal && obj.parent === this.packageScope) this.dependOn(obj);
      if (isInvalid(obj.type)) return invalid(e);
      return { mode: 'variable', type: obj.type, expr: e };
    case 'Const':
      if (obj.name === 'iota' && obj.parent?.parent === null) {
        if (this.iota === null) {
          this.error(e, 'cannot use iota outside constant declaration');
          return invalid(e);
        }
        return { mode: 'constant', type: obj.type, value: { kind: 'int', value: this.iota }, expr: e };
      }
      if (obj.parent === this.packageScope) this.dependOn(obj);
      if (isInvalid(obj.type)) return invalid(e);
      return { mode: 'constant', type: obj.type, value: obj.value, expr: e };
    case 'TypeName':
      if (isInvalid(obj.type)) return invalid(e);
      return { mode: 'typexpr', type: obj.type, expr: e };
    case 'Func':
      if (obj.decl !== null) this.dependOn(obj);
      if (isInvalid(obj.type)) return invalid(e);
      return { mode: 'value', type: obj.type, expr: e };
    case 'Builtin':
      return { mode: 'builtin', type: invalidType, expr: e, builtin: obj.id };
    case 'Nil':
      return { mode: 'nil', type: basicTypes['untyped nil'], expr: e };
    case 'PkgName':
      obj.used = true;
      this.error(e, `use of package ${obj.name} without selector`);
      return invalid(e);
    case 'Label':
      this.error(e, `undefined: ${e.value}`);
      return invalid(e);
  }
};

proto.selector = function selector(this: Checker, e: ast.SelectorExpr, scope: Scope): Operand {
  const name = e.selector.value;
  if (e.x.kind === 'Name') {
    const target = lookup(scope, e.x.value);
    if (target?.kind === 'PkgName') {
      target.used = true;
      this.info.uses.set(e.x, target);
      const member = this.packageMember(target, name);
      if (member === undefined) {
        if (target.path === 'unsafe' || this.stdlib?.packages.has(target.path) === true) {
          // A name the package does not declare (its exported names are recorded) is undefined; one it declares is not modelled.
          const declared = this.stdlib?.packages.get(target.path)?.exported?.has(name) ?? true;
          if (target.path !== 'unsafe' && /^\p{Lu}/u.test(name) && declared) this.notModeledAt(e.selector.start, `${target.path}.${name}`);
          else this.error(e.selector, `undefined: ${e.x.value}.${name}`);
        }
        return invalid(e);
      }
      this.info.uses.set(e.selector, member);
      switch (member.kind) {
        case 'Builtin': return { mode: 'builtin', type: invalidType, expr: e, builtin: member.id };
        case 'TypeName': return { mode: 'typexpr', type: member.type, expr: e };
        case 'Var': return { mode: 'variable', type: member.type, expr: e };
        case 'Const': return { mode: 'constant', type: member.type, value: member.value, expr: e };
        default: return { mode: 'value', type: member.type, expr: e };
      }
    }
  }
  const x = this.expr(e.x, scope);
  if (x.mode === 'invalid') return invalid(e);
  if (x.mode === 'typexpr') {
    // Method expression T.m or (*T).m.
    const found = lookupFieldOrMethod(x.type, name);
    if (found.obj?.kind !== 'Func') {
      // A std type's methods beyond stdlib.json are unknown, not missing.
      if (found.incomplete !== undefined) {
        this.notModeledAt(e.selector.start, `${found.incomplete.obj.pkg}.${found.incomplete.obj.name}.${name}`);
        return invalid(e);
      }
      this.error(e.selector, `${exprString(e)} undefined (type ${this.typeText(x.type)} has no method ${name})`);
      return invalid(e);
    }
    const method = found.obj;
    if (method.pointerReceiver && x.type.kind !== 'Pointer' && !found.indirect) {
      this.error(e.selector, `invalid method expression ${exprString(e)} (needs pointer receiver (*${this.typeText(x.type)}).${name})`);
      return invalid(e);
    }
    // A method expression refers to the method (initialisation order).
    if (method.decl !== null) this.dependOn(method);
    const signature = method.type as Signature;
    const receiver = this.newVar(null, x.type, true, null);
    this.info.selections.set(e, { kind: 'methodExpr', recv: x.type, obj: method, index: found.index, indirect: found.indirect, addressed: false, dereferenced: false });
    this.info.uses.set(e.selector, method);
    return { mode: 'value', type: { ...signature, recv: null, params: [receiver, ...signature.params] }, expr: e };
  }
  if (x.mode === 'novalue' || x.mode === 'builtin') {
    this.singleValueError(x);
    return invalid(e);
  }
  if (x.mode === 'nil') {
    this.error(e, `use of untyped nil`);
    return invalid(e);
  }
  if (containsInvalid(x.type)) return invalid(e);
  const found = lookupFieldOrMethod(x.type, name);
  if (found.obj === null) {
    // A std type's fields and methods beyond stdlib.json are unknown, not missing (also through a pointer),
    // but an unexported field it records cannot be named.
    const base = x.type.kind === 'Pointer' ? x.type.elem : x.type;
    const hidden = base.kind === 'Named' ? unexportedStdField(base, name) : undefined;
    if (found.ambiguous) this.error(e.selector, `ambiguous selector ${exprString(e)}`);
    else if (hidden !== undefined) this.error(e.selector, `${exprString(e)} undefined (cannot refer to unexported field ${name})`);
    else if (found.incomplete !== undefined) {
      this.notModeledAt(e.selector.start, `${found.incomplete.obj.pkg}.${found.incomplete.obj.name}.${name}`);
    } else {
      const under = underlying(x.type);
      if (under.kind === 'Pointer' && underlying(under.elem).kind === 'Interface' && lookupFieldOrMethod(under.elem, name).obj !== null) {
        this.error(e.selector, `${exprString(e)} undefined (type ${this.typeText(x.type)} is pointer to interface, not interface)`);
      } else {
        this.error(e.selector, `${exprString(e)} undefined (type ${this.typeText(x.type)} has no field or method ${name})`);
      }
    }
    return invalid(e);
  }
  this.info.uses.set(e.selector, found.obj);
  if (found.obj.kind === 'Var') {
    const mode = x.mode === 'variable' || found.indirect ? 'variable' : 'value';
    this.info.selections.set(e, { kind: 'field', recv: x.type, obj: found.obj, index: found.index, indirect: found.indirect, addressed: false, dereferenced: false });
    return { mode, type: found.obj.type, expr: e };
  }
  const method = found.obj as Func;
  if (method.decl !== null) this.dependOn(method);
  let addressed = false;
  let dereferenced = false;
  if (method.pointerReceiver && !found.indirect && x.type.kind !== 'Pointer') {
    if (x.mode !== 'variable') {
      this.error(e.selector, `cannot call pointer method ${name} on ${this.typeText(x.type)}`);
      return invalid(e);
    }
    addressed = true;
  }
  if (!method.pointerReceiver && x.type.kind === 'Pointer' && found.index.length === 1) dereferenced = true;
  this.info.selections.set(e, { kind: 'method', recv: x.type, obj: method, index: found.index, indirect: found.indirect, addressed, dereferenced });
  const signature = method.type as Signature;
  return { mode: 'value', type: { ...signature, recv: null }, expr: e };
};

proto.call = function call(this: Checker, e: ast.CallExpr, scope: Scope, allowTuple: boolean): Operand {
  const fun = this.exprInner(e.fun, scope, undefined, false);
  this.record(fun);
  if (fun.mode === 'invalid') {
    for (const arg of e.args) this.multiExpr(arg, scope);
    return invalid(e);
  }
  if (fun.mode === 'typexpr') return this.conversion(e, fun.type, scope);
  if (fun.mode === 'builtin' && fun.builtin !== undefined) return this.builtinCall(e, fun.builtin, scope);
  const signature = underlying(fun.type);
  if (isInvalid(signature)) {
    for (const arg of e.args) this.multiExpr(arg, scope);
    return invalid(e);
  }
  if (signature.kind !== 'Signature') {
    this.error(e.fun, `invalid operation: cannot call ${this.describe(fun)}: ${this.typeText(fun.type)} is not a function`);
    for (const arg of e.args) this.multiExpr(arg, scope);
    return invalid(e);
  }
  this.arguments(e, signature, scope, exprString(e.fun));
  const results = signature.results;
  if (results.length === 0) return { mode: 'novalue', type: { kind: 'Tuple', vars: [] }, expr: e };
  if (results.length === 1) return { mode: 'value', type: (results[0] as Var).type, expr: e };
  if (!allowTuple) {
    this.error(e, `multiple-value ${exprString(e)} (value of type ${this.typeText({ kind: 'Tuple', vars: results })}) in single-value context`);
    return invalid(e);
  }
  return { mode: 'value', type: { kind: 'Tuple', vars: results }, expr: e };
};

/** The `have (...)` list of argument types, as types2 prints it (untyped numbers as `number`). */
function haveList(checker: Checker, operands: Operand[]): string {
  return `(${operands.map((x) => {
    if (x.mode === 'nil') return 'nil';
    if (isUntyped(x.type) && isNumeric(x.type)) return 'number';
    return checker.typeText(isUntyped(x.type) ? defaultType(x.type) : x.type);
  }).join(', ')})`;
}

proto.arguments = function argumentsCheck(this: Checker, e: ast.CallExpr, signature: Signature, scope: Scope, name: string): void {
  let operands: Operand[] = [];
  if (e.args.length === 1 && !e.hasDots) {
    const firstParam = signature.params[0]?.type;
    const hint = signature.variadic && signature.params.length === 1 && firstParam?.kind === 'Slice' ? firstParam.elem : firstParam;
    const only = this.multiExpr(e.args[0] as ast.Expr, scope, hint);
    if (only.mode !== 'invalid' && only.type.kind === 'Tuple') {
      operands = only.type.vars.map((v) => ({ mode: 'value', type: v.type, expr: e.args[0] as ast.Expr }));
    } else operands = [only];
  } else {
    operands = e.args.map((arg, index) => {
      const param = signature.params[Math.min(index, signature.params.length - 1)];
      let hint = param?.type;
      if (hint !== undefined && signature.variadic && index >= signature.params.length - 1 && !e.hasDots && hint.kind === 'Slice') hint = hint.elem;
      return this.expr(arg, scope, hint);
    });
  }
  if (operands.some((x) => x.mode === 'invalid')) return;
  for (const x of operands) {
    if (x.mode === 'novalue' || x.mode === 'typexpr' || x.mode === 'builtin') {
      this.singleValueError(x);
      return;
    }
  }
  const params = signature.params;
  const want = (): string => `(${params.map((p, i) => (signature.variadic && i === params.length - 1 && p.type.kind === 'Slice' ? `...${this.typeText(p.type.elem)}` : this.typeText(p.type))).join(', ')})`;
  if (e.hasDots) {
    if (!signature.variadic) {
      const last = e.args[e.args.length - 1] ?? e;
      this.error(last, `have (...) used with non-variadic function`);
      return;
    }
  }
  const fixed = signature.variadic && !e.hasDots ? params.length - 1 : params.length;
  if (operands.length < fixed) {
    const at = e.args[e.args.length - 1];
    if (at === undefined) this.errorAt(e.rparen, `not enough arguments in call to ${name}\n\thave ${haveList(this, operands)}\n\twant ${want()}`);
    else this.error(at, `not enough arguments in call to ${name}\n\thave ${haveList(this, operands)}\n\twant ${want()}`);
    return;
  }
  if (!signature.variadic || e.hasDots) {
    if (operands.length > params.length) {
      const extra = operands[params.length] as Operand;
      this.error(extra.expr, `too many arguments in call to ${name}\n\thave ${haveList(this, operands)}\n\twant ${want()}`);
      return;
    }
  }
  operands.forEach((x, index) => {
    let target: Type;
    if (index < fixed) target = (params[index] as Var).type;
    else {
      const last = params[params.length - 1] as Var;
      target = e.hasDots ? last.type : last.type.kind === 'Slice' ? last.type.elem : last.type;
    }
    this.assignment(x, target, `argument to ${name}`);
  });
};

proto.conversion = function conversion(this: Checker, e: ast.CallExpr, target: Type, scope: Scope): Operand {
  if (e.args.length !== 1 || e.hasDots) {
    for (const arg of e.args) this.expr(arg, scope);
    if (e.args.length === 0) this.errorAt(e.rparen, `missing argument in conversion to ${this.typeText(target)}`);
    else this.error(e.args[1] ?? e, `too many arguments in conversion to ${this.typeText(target)}`);
    return invalid(e);
  }
  const x = this.expr(e.args[0] as ast.Expr, scope, target);
  if (x.mode === 'invalid' || isInvalid(target)) return invalid(e);
  if (!identical(x.type, target) && (this.opaque(target, e) || this.opaque(x, e))) return invalid(e);
  this.info.conversions.set(e, target);
  const targetBasic = basicOf(target);
  if (x.mode === 'constant' && x.value !== undefined && targetBasic !== null && targetBasic.basic !== 'unsafe.Pointer') {
    // Constant conversion.
    if (isString(target) && isInteger(x.type)) {
      const code = toInteger(x.value);
      const text = code !== null && code >= 0n && code <= 0x10ffffn && !(code >= 0xd800n && code < 0xe000n) ? String.fromCodePoint(Number(code)) : '\ufffd';
      return { mode: 'constant', type: target, value: { kind: 'string', value: utf8Bytes(text) }, expr: e };
    }
    const fits = representable(x.value, targetBasic);
    if (fits === 'ok' || (fits === 'truncated' && isFloat(target))) {
      let value = x.value;
      if (isInteger(target) && value.kind !== 'int') value = { kind: 'int', value: toInteger(value) ?? 0n };
      else if (isFloat(target) && value.kind === 'int') value = { kind: 'float', value: rational(value.value) };
      return { mode: 'constant', type: target, value, expr: e };
    }
    if (fits === 'truncated' && isInteger(target)) {
      this.error(e.args[0] as ast.Expr, `cannot convert ${this.describe(x)} to type ${this.typeText(target)} (truncated)`);
      return invalid(e);
    }
    if (fits === 'overflows') {
      this.error(e.args[0] as ast.Expr, `cannot convert ${this.describe(x)} to type ${this.typeText(target)} (overflows)`);
      return invalid(e);
    }
  }
  if (!convertible(x, target)) {
    this.error(e.args[0] as ast.Expr, `cannot convert ${this.describe(x)} to type ${this.typeText(target)}`);
    return invalid(e);
  }
  if (isUntyped(x.type)) this.convertUntyped(x, isInterface(target) || x.mode === 'nil' ? defaultType(x.type) : target);
  return { mode: 'value', type: target, expr: e };
};

/** The spec's conversion rules (non-constant). */
function convertible(x: Operand, target: Type): boolean {
  const from = x.type;
  if (x.mode === 'nil') return hasNil(target);
  if (isUntyped(from)) {
    if (isInterface(target)) return assignableType(defaultType(from), target);
    // Otherwise the untyped value's kind must fit the target.
    return (isBoolean(from) && isBoolean(target)) || (isNumeric(from) && isNumeric(target)) || (isString(from) && (isString(target) || isByteOrRuneSlice(target)));
  }
  if (assignableType(from, target)) return true;
  const fromUnder = underlying(from);
  const toUnder = underlying(target);
  // Conversions ignore struct tags.
  if (identical(fromUnder, toUnder, true)) return true;
  if (fromUnder.kind === 'Pointer' && toUnder.kind === 'Pointer' && identical(underlying(fromUnder.elem), underlying(toUnder.elem), true)) return true;
  if (isNumeric(from) && isNumeric(target) && !isComplex(from) && !isComplex(target)) return true;
  if (isComplex(from) && isComplex(target)) return true;
  if (isString(target) && (isInteger(from) || isByteOrRuneSlice(from))) return true;
  if (isString(from) && isByteOrRuneSlice(target)) return true;
  const fromBasic = basicOf(from);
  const toBasic = basicOf(target);
  if (toBasic?.basic === 'unsafe.Pointer' && (fromUnder.kind === 'Pointer' || fromBasic?.basic === 'uintptr')) return true;
  if (fromBasic?.basic === 'unsafe.Pointer' && (toUnder.kind === 'Pointer' || toBasic?.basic === 'uintptr')) return true;
  if (fromUnder.kind === 'Slice' && toUnder.kind === 'Array' && identical(fromUnder.elem, toUnder.elem)) return true;
  if (fromUnder.kind === 'Slice' && toUnder.kind === 'Pointer' && underlying(toUnder.elem).kind === 'Array') return true;
  return false;
}

function isByteOrRuneSlice(type: Type): boolean {
  const under = underlying(type);
  if (under.kind !== 'Slice') return false;
  const element = basicOf(under.elem);
  return element !== null && (element.basic === 'uint8' || element.basic === 'int32');
}

/** Assignability of a typed value's type (interfaces by method names and types). */
export function assignableType(from: Type, to: Type): boolean {
  if (identical(from, to)) return true;
  const fromUnder = underlying(from);
  const toUnder = underlying(to);
  if ((from.kind !== 'Named' || to.kind !== 'Named') && identical(fromUnder, toUnder) && fromUnder.kind !== 'Basic') return true;
  if (toUnder.kind === 'Interface') return missingMethod(from, toUnder) === null;
  if (fromUnder.kind === 'Chan' && toUnder.kind === 'Chan' && fromUnder.dir === 'both' && identical(fromUnder.elem, toUnder.elem) && (from.kind !== 'Named' || to.kind !== 'Named')) return true;
  return false;
}

/** Why `type` does not implement an interface, as types2 words it (`missingMethod`). */
interface MissingMethod {
  /** The interface's method. */
  method: Func;
  /** What is wrong. */
  state: 'notFound' | 'wrongName' | 'unexported' | 'wrongSig' | 'ambiguous' | 'pointerReceiver' | 'field' | 'unknown';
  /** The method `type` has instead (wrong name or signature). */
  have?: Func;
  /** For `unknown`: the std type whose members the snapshot does not record in full. */
  std?: Named;
}

/** The first method of `iface` that `type` lacks, with the reason; null when `type` implements it. */
function missingMethod(type: Type, iface: Type & { kind: 'Interface' }): MissingMethod | null {
  const typeIface = underlying(type);
  for (const method of methodsOf(iface)) {
    if (typeIface.kind === 'Interface') {
      const have = methodsOf(typeIface).find((m) => m.name === method.name);
      if (have === undefined) return { method, state: 'notFound' };
      if (!identical({ ...(have.type as Signature), recv: null }, { ...(method.type as Signature), recv: null })) return { method, state: 'wrongSig', have };
      continue;
    }
    const found = lookupFieldOrMethod(type, method.name);
    if (found.incomplete !== undefined) return { method, state: 'unknown', std: found.incomplete };
    if (found.obj === null) {
      if (found.ambiguous) return { method, state: 'ambiguous' };
      const folded = lookupFieldOrMethod(type, method.name, true);
      if (folded.incomplete !== undefined) return { method, state: 'unknown', std: folded.incomplete };
      if (folded.obj?.kind === 'Func') return { method, state: folded.obj.name === method.name ? 'unexported' : 'wrongName', have: folded.obj };
      return { method, state: 'notFound' };
    }
    if (found.obj.kind !== 'Func') return { method, state: 'field' };
    if (found.obj.pointerReceiver && !found.indirect && type.kind !== 'Pointer') return { method, state: 'pointerReceiver' };
    if (!identical({ ...(found.obj.type as Signature), recv: null }, { ...(method.type as Signature), recv: null })) return { method, state: 'wrongSig', have: found.obj };
  }
  return null;
}

/**
 * Whether whether `type` implements `iface` depends on members of a std type the snapshot does
 * not record (reported as not modelled at `at`).
 */
proto.implementsUnknown = function implementsUnknown(this: Checker, type: Type, iface: Type, at: ast.NodeBase): boolean {
  const under = underlying(iface);
  if (under.kind !== 'Interface') return false;
  const missing = missingMethod(type, under);
  if (missing?.state !== 'unknown' || missing.std === undefined) return false;
  this.notModeledAt(at.start, `${missing.std.obj.pkg}.${missing.std.obj.name}.${missing.method.name}`);
  return true;
};

/** A method as types2's funcString writes it in causes: name and signature without parameter names. */
proto.funcText = function funcText(this: Checker, method: Func): string {
  const signature = method.type as Signature;
  const unnamed = (vars: Var[]) => vars.map((v) => ({ ...v, name: '' }));
  return method.name + signatureString({ ...signature, params: unnamed(signature.params), results: unnamed(signature.results) }, this.packageName);
};

/** The parenthesised cause types2 gives for `type` not implementing `iface`; null when it does. */
proto.implementsCause = function implementsCause(this: Checker, type: Type, iface: Type): string | null {
  const under = underlying(iface);
  if (under.kind !== 'Interface') return null;
  const missing = missingMethod(type, under);
  if (missing === null) return null;
  const name = missing.method.name;
  const haveWant = () => `\n\t\thave ${this.funcText(missing.have as Func)}\n\t\twant ${this.funcText(missing.method)}`;
  switch (missing.state) {
    case 'pointerReceiver': return `(method ${name} has pointer receiver)`;
    case 'wrongName': return `(missing method ${name})${haveWant()}`;
    case 'unexported': return `(unexported method ${name})`;
    case 'wrongSig': {
      const have = this.funcText(missing.have as Func);
      return have === this.funcText(missing.method) ? `(wrong type for method ${name})` : `(wrong type for method ${name})${haveWant()}`;
    }
    case 'ambiguous': return `(ambiguous selector ${this.typeText(type)}.${name})`;
    case 'field': return `(${this.typeText(type)}.${name} is a field, not a method)`;
    default: {
      const pointerToInterface = (t: Type) => { const u = underlying(t); return u.kind === 'Pointer' && underlying(u.elem).kind === 'Interface'; };
      if (pointerToInterface(type)) return `(type ${this.typeText(type)} is pointer to interface, not interface)`;
      if (pointerToInterface(iface)) return `(type ${this.typeText(iface)} is pointer to interface, not interface)`;
      return `(missing method ${name})`;
    }
  }
};

proto.implementsReason = function implementsReason(this: Checker, type: Type, iface: Type): string | null {
  const cause = this.implementsCause(type, iface);
  return cause === null ? null : `${this.typeText(type)} does not implement ${this.typeText(iface)} ${cause}`;
};

proto.assignment = function assignment(this: Checker, x: Operand, target: Type, context: string): void {
  if (x.mode === 'invalid' || containsInvalid(target) || containsInvalid(x.type)) return;
  if (x.mode === 'novalue' || x.mode === 'typexpr' || x.mode === 'builtin') {
    this.singleValueError(x);
    x.mode = 'invalid';
    return;
  }
  const targetText = this.typeText(target);
  if (x.mode === 'nil') {
    if (!hasNil(target)) {
      this.error(x.expr, `cannot use nil as ${targetText} value in ${context}`);
      x.mode = 'invalid';
      return;
    }
    x.type = target;
    this.record(x);
    return;
  }
  // Any value can be assigned to an empty interface: an opaque std type needs no more than its recorded layout there;
  // to another interface, only its method set matters (what the snapshot does not record of it is not modelled below).
  const targetUnder = underlying(target);
  const toEmptyInterface = targetUnder.kind === 'Interface' && methodsOf(targetUnder).length === 0;
  if (!identical(x.type, target) && !toEmptyInterface && (this.opaque(target, x.expr) || (targetUnder.kind !== 'Interface' && this.opaque(x, x.expr)))) {
    x.mode = 'invalid';
    return;
  }
  if (isUntyped(x.type)) {
    const targetBasic = basicOf(target);
    if (isInterface(target) || targetBasic === null) {
      if (!isInterface(target)) {
        this.error(x.expr, `cannot use ${this.describe(x)} as ${targetText} value in ${context}`);
        x.mode = 'invalid';
        return;
      }
      this.convertUntyped(x, defaultType(x.type));
      // A non-empty interface: the constant's default type must implement it.
      if (toEmptyInterface || targetUnder.kind !== 'Interface') return;
    } else if (x.mode === 'constant' && x.value !== undefined) {
      const fits = representable(x.value, targetBasic);
      if (fits !== 'ok') {
        const suffix = fits === 'mismatch' ? '' : ` (${fits})`;
        this.error(x.expr, `cannot use ${this.describe(x)} as ${targetText} value in ${context}${suffix}`);
        x.mode = 'invalid';
        return;
      }
    } else if ((isBoolean(x.type) && !isBoolean(target)) || (isNumeric(x.type) && !isNumeric(target)) || (isString(x.type) && !isString(target))) {
      this.error(x.expr, `cannot use ${this.describe(x)} as ${targetText} value in ${context}`);
      x.mode = 'invalid';
      return;
    }
    if (isUntyped(x.type)) {
      this.convertUntyped(x, target);
      return;
    }
  }
  if (!assignableType(x.type, target)) {
    const valueUnder = underlying(x.type);
    if (this.implementsUnknown(x.type, target, x.expr) || (targetUnder.kind !== 'Interface' && this.implementsUnknown(target, x.type, x.expr))) {
      x.mode = 'invalid';
      return;
    }
    let reason = this.implementsReason(x.type, target);
    // An interface value whose dynamic type could be the target: types2 hints at an assertion.
    if (reason === null && targetUnder.kind !== 'Interface' && valueUnder.kind === 'Interface' && missingMethod(target, valueUnder) === null) reason = 'need type assertion';
    this.error(x.expr, `cannot use ${this.describe(x)} as ${targetText} value in ${context}${reason === null ? '' : `: ${reason}`}`);
    x.mode = 'invalid';
  }
};

proto.convertUntyped = function convertUntyped(this: Checker, x: Operand, target: Type): void {
  x.type = target;
  // Give the final type to the expression and its untyped operands, as types2 does.
  const stack: ast.Expr[] = [x.expr];
  while (stack.length > 0) {
    const expr = stack.pop() as ast.Expr;
    const recorded = this.info.types.get(expr);
    if (recorded !== undefined && isUntyped(recorded.type)) recorded.type = target;
    else if (recorded === undefined) this.info.types.set(expr, { mode: x.mode === 'nil' ? 'value' : (x.mode as 'value'), type: target, ...(x.value !== undefined ? { value: x.value } : {}) });
    if (expr.kind === 'ParenExpr') stack.push(expr.x);
    else if (expr.kind === 'Operation' && (expr.op === '<<' || expr.op === '>>')) {
      // The shifted operand takes the type; the count keeps its own.
      if (!isInteger(target) && !isUntyped(target) && recorded?.mode !== 'constant') {
        this.error(expr.x, `invalid operation: shifted operand ${exprString(expr.x)} (type ${this.typeText(target)}) must be integer`);
      }
      stack.push(expr.x);
    } else if (expr.kind === 'Operation' && !['==', '!=', '<', '<=', '>', '>='].includes(expr.op)) {
      stack.push(expr.x);
      if (expr.y !== null) stack.push(expr.y);
    }
  }
};

/** Folds a binary operation on constants; null when not foldable (reported by the caller). */
function foldBinary(op: ast.Operator, a: ConstantValue, b: ConstantValue, integerDivision: boolean): ConstantValue | null {
  if (a.kind === 'unknown' || b.kind === 'unknown') return unknownValue;
  if (a.kind === 'bool' && b.kind === 'bool') {
    if (op === '&&') return { kind: 'bool', value: a.value && b.value };
    if (op === '||') return { kind: 'bool', value: a.value || b.value };
    if (op === '==') return { kind: 'bool', value: a.value === b.value };
    if (op === '!=') return { kind: 'bool', value: a.value !== b.value };
    return null;
  }
  if (a.kind === 'string' && b.kind === 'string') {
    switch (op) {
      case '+': return { kind: 'string', value: a.value + b.value };
      case '==': return { kind: 'bool', value: a.value === b.value };
      case '!=': return { kind: 'bool', value: a.value !== b.value };
      case '<': return { kind: 'bool', value: a.value < b.value };
      case '<=': return { kind: 'bool', value: a.value <= b.value };
      case '>': return { kind: 'bool', value: a.value > b.value };
      case '>=': return { kind: 'bool', value: a.value >= b.value };
      default: return null;
    }
  }
  if (a.kind === 'int' && b.kind === 'int' && (integerDivision || op !== '/')) {
    const x = a.value;
    const y = b.value;
    switch (op) {
      case '+': return { kind: 'int', value: x + y };
      case '-': return { kind: 'int', value: x - y };
      case '*': return { kind: 'int', value: x * y };
      case '/': return { kind: 'int', value: x / y };
      case '%': return { kind: 'int', value: x % y };
      case '&': return { kind: 'int', value: x & y };
      case '|': return { kind: 'int', value: x | y };
      case '^': return { kind: 'int', value: x ^ y };
      case '&^': return { kind: 'int', value: x & ~y };
      case '==': return { kind: 'bool', value: x === y };
      case '!=': return { kind: 'bool', value: x !== y };
      case '<': return { kind: 'bool', value: x < y };
      case '<=': return { kind: 'bool', value: x <= y };
      case '>': return { kind: 'bool', value: x > y };
      case '>=': return { kind: 'bool', value: x >= y };
      default: return null;
    }
  }
  if (a.kind === 'complex' || b.kind === 'complex') return foldComplex(op, a, b);
  const x = toRational(a);
  const y = toRational(b);
  if (x === null || y === null) return null;
  switch (op) {
    case '+': return { kind: 'float', value: addRational(x, y) };
    case '-': return { kind: 'float', value: subtractRational(x, y) };
    case '*': return { kind: 'float', value: multiplyRational(x, y) };
    case '/': return { kind: 'float', value: divideRational(x, y) };
    case '==': return { kind: 'bool', value: compareRational(x, y) === 0 };
    case '!=': return { kind: 'bool', value: compareRational(x, y) !== 0 };
    case '<': return { kind: 'bool', value: compareRational(x, y) < 0 };
    case '<=': return { kind: 'bool', value: compareRational(x, y) <= 0 };
    case '>': return { kind: 'bool', value: compareRational(x, y) > 0 };
    case '>=': return { kind: 'bool', value: compareRational(x, y) >= 0 };
    default: return null;
  }
}

/** Folds an arithmetic operation or comparison where one operand is complex. */
function foldComplex(op: ast.Operator, a: ConstantValue, b: ConstantValue): ConstantValue | null {
  const zero = rational(0n);
  const parts = (v: ConstantValue): [Rational, Rational] | null => {
    if (v.kind === 'complex') return [v.real, v.imag];
    const real = toRational(v);
    return real === null ? null : [real, zero];
  };
  const x = parts(a);
  const y = parts(b);
  if (x === null || y === null) return null;
  const [p, q] = x;
  const [r, s] = y;
  switch (op) {
    case '+': return { kind: 'complex', real: addRational(p, r), imag: addRational(q, s) };
    case '-': return { kind: 'complex', real: subtractRational(p, r), imag: subtractRational(q, s) };
    case '*': return { kind: 'complex', real: subtractRational(multiplyRational(p, r), multiplyRational(q, s)), imag: addRational(multiplyRational(p, s), multiplyRational(q, r)) };
    case '/': {
      // (p+qi)/(r+si) = ((pr+qs) + (qr-ps)i) / (r²+s²); the caller rejects a zero divisor.
      const norm = addRational(multiplyRational(r, r), multiplyRational(s, s));
      if (norm.numerator === 0n) return null;
      const real = addRational(multiplyRational(p, r), multiplyRational(q, s));
      const imag = subtractRational(multiplyRational(q, r), multiplyRational(p, s));
      return { kind: 'complex', real: divideRational(real, norm), imag: divideRational(imag, norm) };
    }
    case '==': return { kind: 'bool', value: compareRational(p, r) === 0 && compareRational(q, s) === 0 };
    case '!=': return { kind: 'bool', value: compareRational(p, r) !== 0 || compareRational(q, s) !== 0 };
    default: return null;
  }
}

const comparisonOperators = new Set(['==', '!=', '<', '<=', '>', '>=']);

proto.binary = function binary(this: Checker, e: ast.Operation, scope: Scope, hint?: Type): Operand {
  const y0 = e.y as ast.Expr;
  const op = e.op;
  if (op === '<<' || op === '>>') {
    const x = this.expr(e.x, scope, hint);
    const y = this.expr(y0, scope);
    if (x.mode === 'invalid' || y.mode === 'invalid') return invalid(e);
    if (!isInteger(y.type) && !(y.mode === 'constant' && y.value !== undefined && toInteger(y.value) !== null)) {
      this.error(y0, `invalid operation: shift count ${this.describe(y)} must be integer`);
      return invalid(e);
    }
    if (y.mode === 'constant' && y.value !== undefined && (toInteger(y.value) ?? 0n) < 0n) {
      this.error(y0, `invalid operation: negative shift count ${this.describe(y)}`);
      return invalid(e);
    }
    if (isUntyped(y.type)) this.convertUntyped(y, basicTypes.uint);
    if (x.mode === 'constant' && y.mode === 'constant' && x.value !== undefined && y.value !== undefined) {
      const base = toInteger(x.value);
      const count = toInteger(y.value);
      if (base === null || count === null) {
        this.error(e.x, `invalid operation: shifted operand ${this.describe(x)} must be integer`);
        return invalid(e);
      }
      if (count < 0n || count > 10000n) {
        this.notModeledAt(y0.start, 'constant shift this large');
        return invalid(e);
      }
      const value = op === '<<' ? base << count : base >> count;
      const type = isUntyped(x.type) ? (x.type.kind === 'Basic' && x.type.basic === 'untyped float' ? basicTypes['untyped int'] : x.type) : x.type;
      return { mode: 'constant', type, value: { kind: 'int', value }, expr: e };
    }
    if (isUntyped(x.type)) {
      if (x.mode === 'constant' && x.value !== undefined && toInteger(x.value) === null) {
        this.error(e.x, `invalid operation: shifted operand ${this.describe(x)} must be integer`);
        return invalid(e);
      }
      // A non-constant shift of an untyped constant takes its type from the context, later.
      if (hint === undefined || !isInteger(hint)) return { mode: 'value', type: basicTypes['untyped int'], expr: e };
      this.convertUntyped(x, hint);
    }
    if (!isInteger(x.type)) {
      this.error(e.x, `invalid operation: shifted operand ${this.describe(x)} must be integer`);
      return invalid(e);
    }
    return { mode: 'value', type: x.type, expr: e };
  }
  let x = this.expr(e.x, scope, hint);
  let y = this.expr(y0, scope, hint);
  if (x.mode === 'invalid' || y.mode === 'invalid') return invalid(e);
  if (this.opaque(x, e.x) || this.opaque(y, y0)) return invalid(e);
  for (const operand of [x, y]) {
    if (operand.mode === 'novalue' || operand.mode === 'typexpr' || operand.mode === 'builtin') {
      this.singleValueError(operand);
      return invalid(e);
    }
  }
  const comparison = comparisonOperators.has(op);
  // Match untyped operands to each other or to the typed side.
  const xUntyped = isUntyped(x.type);
  const yUntyped = isUntyped(y.type);
  const mismatch = (): Operand => {
    const at = comparison ? y0 : e.x;
    this.error(at, `invalid operation: ${exprString(e)} (mismatched types ${this.typeText(x.type)} and ${this.typeText(y.type)})`);
    return invalid(e);
  };
  if (xUntyped && yUntyped) {
    if (x.mode === 'nil' || y.mode === 'nil') {
      if (x.mode === 'nil' && y.mode === 'nil' && comparison) {
        this.error(e, `invalid operation: ${exprString(e)} (operator ${op} not defined on nil)`);
        return invalid(e);
      }
      if (x.mode !== y.mode) return mismatch();
    }
    const xRank = untypedRank[(x.type as Basic).basic];
    const yRank = untypedRank[(y.type as Basic).basic];
    if (xRank !== undefined && yRank !== undefined) {
      const wider = xRank >= yRank ? x.type : y.type;
      x = { ...x, type: wider };
      y = { ...y, type: wider };
    } else if ((x.type as Basic).basic !== (y.type as Basic).basic) return mismatch();
  } else if (xUntyped || yUntyped) {
    const [untyped, typed] = xUntyped ? [x, y] : [y, x];
    if (untyped.mode === 'nil') {
      if (!hasNil(typed.type)) {
        this.error(untyped.expr, `invalid operation: ${exprString(e)} (mismatched types ${this.typeText(x.type)} and ${this.typeText(y.type)})`);
        return invalid(e);
      }
    } else if (isInterface(typed.type) && comparison) {
      this.convertUntyped(untyped, defaultType(untyped.type));
    } else {
      const typedBasic = basicOf(typed.type);
      if (typedBasic === null) return mismatch();
      if (untyped.mode === 'constant' && untyped.value !== undefined) {
        const fits = representable(untyped.value, typedBasic);
        if (fits === 'mismatch') return mismatch();
        if (fits !== 'ok') {
          if (fits === 'truncated') this.error(untyped.expr, `${exprString(untyped.expr)} (${this.describe(untyped).replace(/^.*? \(/, '').replace(/\)$/, '')}) truncated to ${this.typeText(typed.type)}`);
          else this.error(untyped.expr, `cannot use ${exprString(untyped.expr)} (${this.describe(untyped).replace(/^.*? \(/, '').replace(/\)$/, '')}) as ${this.typeText(typed.type)} value in ${comparison ? 'comparison' : 'expression'} (overflows)`);
          return invalid(e);
        }
        if (isInteger(typed.type) && untyped.value.kind !== 'int') untyped.value = { kind: 'int', value: toInteger(untyped.value) ?? 0n };
      } else if ((isBoolean(untyped.type) && !isBoolean(typed.type)) || (isNumeric(untyped.type) && !isNumeric(typed.type)) || (isString(untyped.type) && !isString(typed.type))) {
        return mismatch();
      }
      this.convertUntyped(untyped, typed.type);
    }
  } else if (!identical(x.type, y.type) && !(comparison && (assignableType(x.type, y.type) || assignableType(y.type, x.type)))) {
    if (comparison && (this.implementsUnknown(x.type, y.type, e) || this.implementsUnknown(y.type, x.type, e))) return invalid(e);
    return mismatch();
  }
  const type = x.type;
  if (comparison) {
    const ordered = op !== '==' && op !== '!=';
    const nilComparison = x.mode === 'nil' || y.mode === 'nil';
    if (!nilComparison) {
      const okay = ordered ? isInteger(type) || isFloat(type) || isString(type) : isComparable(type) || (isInvalid(underlying(type)));
      if (!okay) {
        const under = underlying(type);
        const what = under.kind === 'Slice' ? 'slice' : under.kind === 'Map' ? 'map' : under.kind === 'Signature' ? 'func' : '';
        const reason = !ordered && what !== '' ? `${what} can only be compared to nil` : `operator ${op} not defined on ${exprString(e.x)} (${this.describe(x).replace(/^.*? \(/, '').replace(/\)$/, '')})`;
        this.error(e.x, `invalid operation: ${exprString(e)} (${reason})`);
        return invalid(e);
      }
    }
    if (x.mode === 'constant' && y.mode === 'constant' && x.value !== undefined && y.value !== undefined) {
      const value = foldBinary(op, x.value, y.value, true);
      if (value !== null) return { mode: 'constant', type: untypedBool, value, expr: e };
    }
    return { mode: 'value', type: untypedBool, expr: e };
  }
  // Arithmetic and logic.
  const defined = op === '&&' || op === '||' ? isBoolean(type)
    : op === '+' ? isNumeric(type) || isString(type)
      : op === '-' || op === '*' || op === '/' ? isNumeric(type)
        : isInteger(type);
  if (!defined) {
    this.error(e.x, `invalid operation: operator ${op} not defined on ${this.describe(x)}`);
    return invalid(e);
  }
  if ((op === '/' || op === '%') && y.mode === 'constant' && y.value !== undefined) {
    const divisor = toRational(y.value);
    if (divisor !== null && divisor.numerator === 0n && (x.mode === 'constant' || isInteger(type))) {
      this.error(y0, 'invalid operation: division by zero');
      return invalid(e);
    }
  }
  if (x.mode === 'constant' && y.mode === 'constant' && x.value !== undefined && y.value !== undefined) {
    const integerDivision = isInteger(type);
    const value = foldBinary(op, x.value, y.value, integerDivision);
    if (value === null) {
      this.notModeledAt(e.start, `constant operation ${op} on these operands`);
      return invalid(e);
    }
    const typedBasic = basicOf(type);
    if (typedBasic !== null && !isUntyped(type) && representable(value, typedBasic) === 'overflows') {
      this.error(e.x, `constant ${value.kind === 'int' ? value.value.toString() : ''} overflows ${this.typeText(type)}`);
      return invalid(e);
    }
    return { mode: 'constant', type, value, expr: e };
  }
  return { mode: 'value', type, expr: e };
};

proto.unary = function unary(this: Checker, e: ast.Operation, scope: Scope, hint?: Type): Operand {
  if (e.op === '&') {
    let inner: ast.Expr = e.x;
    while (inner.kind === 'ParenExpr') inner = inner.x;
    const targetHint = hint !== undefined && underlying(hint).kind === 'Pointer' ? (underlying(hint) as { elem: Type }).elem : undefined;
    const x = this.expr(e.x, scope, targetHint);
    if (x.mode === 'invalid') return invalid(e);
    if (inner.kind !== 'CompositeLit' && x.mode !== 'variable') {
      this.error(e.x, `invalid operation: cannot take address of ${this.describe(x)}`);
      return invalid(e);
    }
    return { mode: 'value', type: { kind: 'Pointer', elem: x.type }, expr: e };
  }
  const x = this.expr(e.x, scope, hint);
  if (x.mode === 'invalid') return invalid(e);
  if (x.mode === 'novalue' || x.mode === 'builtin') {
    this.singleValueError(x);
    return invalid(e);
  }
  if (x.mode !== 'typexpr' && this.opaque(x, e.x)) return invalid(e);
  switch (e.op) {
    case '*': {
      if (x.mode === 'typexpr') return { mode: 'typexpr', type: { kind: 'Pointer', elem: x.type }, expr: e };
      const under = underlying(x.type);
      if (x.mode === 'nil') {
        this.error(e, 'invalid operation: cannot indirect nil');
        return invalid(e);
      }
      if (under.kind !== 'Pointer') {
        this.error(e.x, `invalid operation: cannot indirect ${this.describe(x)}`);
        return invalid(e);
      }
      return { mode: 'variable', type: under.elem, expr: e };
    }
    case '<-': {
      const under = underlying(x.type);
      if (under.kind !== 'Chan') {
        this.error(e.x, `invalid operation: cannot receive from non-channel ${this.describe(x)}`);
        return invalid(e);
      }
      if (under.dir === 'send') {
        this.error(e.x, `invalid operation: cannot receive from send-only channel ${this.describe(x)}`);
        return invalid(e);
      }
      return { mode: 'commaok', type: under.elem, expr: e };
    }
    case '!':
      if (!isBoolean(x.type)) {
        this.error(e, `invalid operation: operator ! not defined on ${this.describe(x)}`);
        return invalid(e);
      }
      if (x.mode === 'constant' && x.value?.kind === 'bool') return { ...x, value: { kind: 'bool', value: !x.value.value }, expr: e };
      return { mode: 'value', type: x.type, expr: e };
    case '+':
    case '-':
    case '^': {
      const okay = e.op === '^' ? isInteger(x.type) : isNumeric(x.type);
      if (!okay) {
        this.error(e, `invalid operation: operator ${e.op} not defined on ${this.describe(x)}`);
        return invalid(e);
      }
      if (x.mode === 'constant' && x.value !== undefined) {
        let value: ConstantValue = x.value;
        if (e.op === '-') {
          if (value.kind === 'int') value = { kind: 'int', value: -value.value };
          else if (value.kind === 'float') value = { kind: 'float', value: rational(-value.value.numerator, value.value.denominator) };
          else if (value.kind === 'complex') value = { kind: 'complex', real: rational(-value.real.numerator, value.real.denominator), imag: rational(-value.imag.numerator, value.imag.denominator) };
        } else if (e.op === '^' && value.kind === 'int') {
          const basic = basicOf(x.type);
          const bits: Record<string, bigint> = { uint8: 8n, uint16: 16n, uint32: 32n, uint64: 64n, uint: 64n, uintptr: 64n };
          const width = basic === null ? undefined : bits[basic.basic];
          value = { kind: 'int', value: width === undefined || !isUnsigned(x.type) ? ~value.value : value.value ^ ((1n << width) - 1n) };
        }
        return { mode: 'constant', type: x.type, value, expr: e };
      }
      return { mode: 'value', type: x.type, expr: e };
    }
    default:
      this.notModeledAt(e.start, `operator ${e.op}`);
      return invalid(e);
  }
};

proto.index = function index(this: Checker, e: ast.IndexExpr, scope: Scope): Operand {
  const x = this.expr(e.x, scope);
  if (x.mode === 'invalid') {
    this.expr(e.index, scope);
    return invalid(e);
  }
  if (x.mode === 'typexpr' || (x.mode === 'value' && x.expr.kind === 'Name' && underlying(x.type).kind === 'Signature' && this.info.uses.get(x.expr)?.kind === 'Func')) {
    this.notModeledAt(e.start, 'generic instantiation');
    return invalid(e);
  }
  if (this.opaque(x, e.x)) return invalid(e);
  const under = underlying(x.type);
  const checkIndex = (length: number | null): boolean => {
    const i = this.expr(e.index, scope);
    if (i.mode === 'invalid') return false;
    if (isUntyped(i.type)) {
      if (i.mode === 'constant' && i.value !== undefined && toInteger(i.value) === null) {
        this.error(e.index, `invalid argument: index ${this.describe(i)} must be integer`);
        return false;
      }
      this.convertUntyped(i, basicTypes.int);
    }
    if (!isInteger(i.type)) {
      this.error(e.index, `invalid argument: index ${this.describe(i)} must be integer`);
      return false;
    }
    if (i.mode === 'constant' && i.value !== undefined) {
      const value = toInteger(i.value) ?? 0n;
      if (value < 0n) {
        this.error(e.index, `invalid argument: index ${exprString(e.index)} (constant of type int) must not be negative`);
        return false;
      }
      if (length !== null && value >= BigInt(length)) {
        this.error(e.index, `invalid argument: index ${exprString(e.index)} out of bounds [0:${length}]`);
        return false;
      }
    }
    return true;
  };
  switch (under.kind) {
    case 'Basic':
      if (isString(x.type)) {
        const length = x.mode === 'constant' && x.value?.kind === 'string' ? x.value.value.length : null;
        if (!checkIndex(length)) return invalid(e);
        return { mode: 'value', type: byteType, expr: e };
      }
      break;
    case 'Slice':
      if (!checkIndex(null)) return invalid(e);
      return { mode: 'variable', type: under.elem, expr: e };
    case 'Array':
      if (!checkIndex(under.length)) return invalid(e);
      return { mode: x.mode === 'variable' ? 'variable' : 'value', type: under.elem, expr: e };
    case 'Pointer': {
      const array = underlying(under.elem);
      if (array.kind === 'Array') {
        if (!checkIndex(array.length)) return invalid(e);
        return { mode: 'variable', type: array.elem, expr: e };
      }
      break;
    }
    case 'Map': {
      const key = this.expr(e.index, scope, under.key);
      if (key.mode === 'invalid') return invalid(e);
      this.assignment(key, under.key, 'map index');
      return { mode: 'mapindex', type: under.elem, expr: e };
    }
    default:
      break;
  }
  this.expr(e.index, scope);
  this.error(e.x, `invalid operation: cannot index ${this.describe(x)}`);
  return invalid(e);
};

proto.sliceExpr = function sliceExpr(this: Checker, e: ast.SliceExpr, scope: Scope): Operand {
  const x = this.expr(e.x, scope);
  for (const part of e.index) {
    if (part === null) continue;
    const i = this.expr(part, scope);
    if (i.mode === 'invalid') continue;
    if (isUntyped(i.type)) this.convertUntyped(i, basicTypes.int);
    else if (!isInteger(i.type)) this.error(part, `invalid argument: index ${this.describe(i)} must be integer`);
  }
  if (x.mode === 'invalid') return invalid(e);
  const under = underlying(x.type);
  // Constant indices must be in order and, for arrays, within the length.
  const constants = e.index.map((part) => {
    const recorded = part === null ? undefined : this.info.types.get(part);
    return recorded?.mode === 'constant' && recorded.value !== undefined ? toInteger(recorded.value) : null;
  });
  const arrayLength = under.kind === 'Array' ? under.length : under.kind === 'Pointer' && underlying(under.elem).kind === 'Array' ? (underlying(under.elem) as { length: number }).length : null;
  for (const [index, value] of constants.entries()) {
    const part = e.index[index];
    if (value === null || part === null || part === undefined) continue;
    if (arrayLength !== null && arrayLength >= 0 && value > BigInt(arrayLength)) {
      this.error(part, `invalid argument: index ${exprString(part)} out of bounds [0:${arrayLength + 1}]`);
      return invalid(e);
    }
    const later = constants.slice(index + 1).find((other) => other !== null);
    if (later !== undefined && later !== null && later < value) {
      this.error(e.index[constants.indexOf(later, index + 1)] ?? part, `invalid slice indices: ${later} < ${value}`);
      return invalid(e);
    }
  }
  if (isString(x.type)) {
    if (e.full) {
      this.error(e, `invalid operation: 3-index slice of string`);
      return invalid(e);
    }
    return { mode: 'value', type: isUntyped(x.type) ? basicTypes.string : x.type, expr: e };
  }
  if (under.kind === 'Slice') return { mode: 'value', type: x.type, expr: e };
  if (under.kind === 'Array') {
    if (x.mode !== 'variable') {
      this.error(e, `invalid operation: ${exprString(e.x)} (slice of unaddressable value)`);
      return invalid(e);
    }
    return { mode: 'value', type: { kind: 'Slice', elem: under.elem }, expr: e };
  }
  if (under.kind === 'Pointer') {
    const array = underlying(under.elem);
    if (array.kind === 'Array') return { mode: 'value', type: { kind: 'Slice', elem: array.elem }, expr: e };
  }
  this.error(e.x, `cannot slice ${this.describe(x)}`);
  return invalid(e);
};

proto.compositeLit = function compositeLit(this: Checker, e: ast.CompositeLit, scope: Scope, hint?: Type): Operand {
  let type: Type;
  if (e.type !== null) {
    if (e.type.kind === 'ArrayType' && e.type.length === null) {
      const elem = this.typeExpr(e.type.element, scope);
      let length = 0;
      let position = 0;
      for (const element of e.elements) {
        if (element.kind === 'KeyValueExpr') {
          const key = this.expr(element.key, scope);
          const index = key.mode === 'constant' && key.value !== undefined ? toInteger(key.value) : null;
          if (index !== null) position = Number(index);
        }
        position++;
        length = Math.max(length, position);
      }
      type = { kind: 'Array', elem, length };
      this.info.types.set(e.type, { mode: 'typexpr', type });
    } else type = this.typeExpr(e.type, scope);
  } else if (hint !== undefined) {
    type = hint;
    const under = underlying(type);
    if (under.kind === 'Pointer') type = under.elem;
  } else {
    this.error(e, 'invalid composite literal type: missing type');
    return invalid(e);
  }
  if (isInvalid(type)) {
    for (const element of e.elements) {
      if (element.kind === 'KeyValueExpr') this.expr(element.value, scope);
      else if (element.kind !== 'CompositeLit') this.expr(element, scope);
    }
    return invalid(e);
  }
  const under = underlying(type);
  const typeText = (): string => this.typeText(type);
  const value = (element: ast.Expr, target: Type, context: string): void => {
    const x = element.kind === 'CompositeLit' && element.type === null
      ? this.record(this.compositeLit(element, scope, target))
      : this.expr(element, scope, target);
    if (element.kind === 'CompositeLit' && element.type === null && underlying(target).kind === 'Pointer' && x.mode !== 'invalid') {
      // An elided `&T{...}` element.
      x.type = target;
      this.record(x);
      return;
    }
    this.assignment(x, target, context);
  };
  switch (under.kind) {
    case 'Struct': {
      if (e.elements.length === 0) break;
      if (e.keyedCount > 0) {
        const seen = new Set<string>();
        for (const element of e.elements) {
          if (element.kind !== 'KeyValueExpr') {
            this.error(element, 'mixture of field:value and value elements in struct literal');
            continue;
          }
          if (element.key.kind !== 'Name') {
            this.error(element.key, `invalid field name ${exprString(element.key)} in struct literal`);
            continue;
          }
          const fieldIndex = under.fields.findIndex((f) => f.name === (element.key as ast.Name).value);
          const field = under.fields[fieldIndex];
          if (field === undefined) {
            this.error(element.key, `unknown field ${element.key.value} in struct literal of type ${typeText()}`);
            this.expr(element.value, scope);
            continue;
          }
          this.info.uses.set(element.key, field);
          if (seen.has(field.name)) this.error(element.key, `duplicate field name ${field.name} in struct literal`);
          seen.add(field.name);
          value(element.value, field.type, 'struct literal');
        }
      } else {
        e.elements.forEach((element, index) => {
          const field = under.fields[index];
          if (field === undefined) {
            if (index === under.fields.length) this.error(element, `too many values in struct literal of type ${typeText()}`);
            this.expr(element, scope);
            return;
          }
          value(element, field.type, 'struct literal');
        });
        if (e.elements.length < under.fields.length) this.errorAt(e.rbrace, `too few values in struct literal of type ${typeText()}`);
      }
      break;
    }
    case 'Array':
    case 'Slice': {
      let position = 0;
      const indices = new Set<number>();
      for (const element of e.elements) {
        let item = element;
        if (element.kind === 'KeyValueExpr') {
          const key = this.expr(element.key, scope);
          const index = key.mode === 'constant' && key.value !== undefined ? toInteger(key.value) : null;
          if (key.mode !== 'invalid' && index === null) this.error(element.key, `index ${exprString(element.key)} must be integer constant`);
          if (index !== null) position = Number(index);
          item = element.value;
        }
        if (under.kind === 'Array' && under.length >= 0 && position >= under.length) {
          this.error(item, `index ${position} is out of bounds (>= ${under.length})`);
        }
        if (indices.has(position)) this.error(element.kind === 'KeyValueExpr' ? element.key : element, `duplicate index ${position} in array or slice literal`);
        indices.add(position);
        value(item, under.elem, 'array or slice literal');
        position++;
      }
      break;
    }
    case 'Map': {
      const keys = new Set<string>();
      for (const element of e.elements) {
        if (element.kind !== 'KeyValueExpr') {
          this.error(element, 'missing key in map literal');
          this.expr(element, scope);
          continue;
        }
        value(element.key, under.key, 'map literal');
        const key = this.info.types.get(element.key);
        if (key?.mode === 'constant' && key.value !== undefined && key.value.kind !== 'unknown') {
          // Constant keys must differ (by value and type, as gc compares them).
          const text = `${this.typeText(key.type)}:${formatConstant(key.value)}`;
          if (keys.has(text)) this.error(element.key, `duplicate key ${exprString(element.key)} in map literal`);
          keys.add(text);
        }
        value(element.value, under.elem, 'map literal');
      }
      break;
    }
    default:
      // `T{}` of a std struct type the checker sees as opaque is its zero value (the oracle's layout says it is a struct).
      if (e.elements.length === 0 && type.kind === 'Named' && type.std?.kind === 'struct') break;
      // Its recorded fields: the exported ones can be set, the others not.
      if (type.kind === 'Named' && type.std?.fields !== undefined && isInvalid(under)) {
        this.stdStructLiteral(e, type, type.std.fields, scope, value);
        break;
      }
      // A std type known by name only: using its representation is not modelled.
      if (this.opaque(type, e)) return invalid(e);
      // A type whose underlying type is invalid (a recursive type) was reported where it is declared.
      if (isInvalid(under)) {
        for (const element of e.elements) this.expr(element.kind === 'KeyValueExpr' ? element.value : element, scope);
        break;
      }
      if (!this.opaque(type, e)) this.error(e, `invalid composite literal type ${typeText()}`);
      return invalid(e);
  }
  return { mode: 'value', type, expr: e };
};

/**
 * A composite literal of an opaque std struct, checked against its recorded fields as types2
 * checks a struct of another package: keyed exported fields take values; naming an unexported
 * field, or setting one by position, is an error.
 */
proto.stdStructLiteral = function stdStructLiteral(
  this: Checker, e: ast.CompositeLit, type: Named, struct: Struct, scope: Scope, value: (element: ast.Expr, target: Type, context: string) => void,
): void {
  const fields = struct.fields;
  const typeText = this.typeText(type);
  if (e.keyedCount > 0) {
    const seen = new Set<Var>();
    for (const element of e.elements) {
      if (element.kind !== 'KeyValueExpr') {
        this.error(element, 'mixture of field:value and value elements in struct literal');
        continue;
      }
      const key = element.key;
      const field = key.kind === 'Name' ? fields.find((f) => f.name === key.value && isExported(f.name)) : undefined;
      if (key.kind !== 'Name' || field === undefined) {
        this.expr(element.value, scope);
        if (key.kind !== 'Name') {
          this.error(key, `invalid field name ${exprString(key)} in struct literal`);
          continue;
        }
        // types2's lookupError for struct literals, with the field of another spelling, if any.
        const alt = fields.find((f) => f.name.toLowerCase() === key.value.toLowerCase())?.name;
        const sel = key.value;
        let message = `unknown field ${sel} in struct literal of type ${typeText}`;
        if (alt !== undefined) {
          const tail = (name: string) => name.slice(1);
          if (isExported(sel) && isExported(alt)) message += `, but does have ${alt}`;
          else if (isExported(sel) && tail(sel) === tail(alt)) message += `, but does have unexported ${alt}`;
          else if (!isExported(sel) && isExported(alt) && tail(sel) === tail(alt)) message += `, but does have ${alt}`;
          else if (sel === alt) message = `cannot refer to unexported field ${alt} in struct literal of type ${typeText}`;
        }
        this.error(key, message);
        continue;
      }
      this.info.uses.set(key, field);
      value(element.value, field.type, 'struct literal');
      if (seen.has(field)) this.error(key, `duplicate field name ${field.name} in struct literal`);
      seen.add(field);
    }
    return;
  }
  for (const [index, element] of e.elements.entries()) {
    const field = fields[index];
    if (field === undefined) {
      this.expr(element, scope);
      this.error(element, `too many values in struct literal of type ${typeText}`);
      break;
    }
    if (!isExported(field.name)) {
      this.expr(element, scope);
      this.error(element, `implicit assignment to unexported field ${field.name} in struct literal of type ${typeText}`);
      continue;
    }
    value(element, field.type, 'struct literal');
  }
  if (e.elements.length < fields.length) this.errorAt(e.rbrace, `too few values in struct literal of type ${typeText}`);
};

/** How many arguments each built-in takes: least and most. */
const builtinArgumentCounts: Partial<Record<BuiltinId, [number, number]>> = {
  append: [1, Infinity], cap: [1, 1], clear: [1, 1], close: [1, 1], complex: [2, 2], copy: [2, 2], delete: [2, 2],
  imag: [1, 1], len: [1, 1], make: [1, 3], max: [1, Infinity], min: [1, Infinity], new: [1, 1], panic: [1, 1],
  print: [0, Infinity], println: [0, Infinity], real: [1, 1], recover: [0, 0], 'unsafe.Add': [2, 2],
  'unsafe.Alignof': [1, 1], 'unsafe.Offsetof': [1, 1], 'unsafe.Sizeof': [1, 1], 'unsafe.Slice': [2, 2],
  'unsafe.SliceData': [1, 1], 'unsafe.String': [2, 2], 'unsafe.StringData': [1, 1],
};

/**
 * Whether an already checked expression contains a function call whose value is not constant
 * (conversions aside) or a channel receive, outside function literals (types2's hasCallOrRecv).
 */
proto.callsOrReceives = function callsOrReceives(this: Checker, e: ast.Expr): boolean {
  const pending: ast.Node[] = [e];
  while (pending.length > 0) {
    const node = pending.pop() as ast.Node;
    if (node.kind === 'FuncLit') continue;
    if (node.kind === 'CallExpr' && !this.info.conversions.has(node) && this.info.types.get(node)?.mode !== 'constant') return true;
    if (node.kind === 'Operation' && node.op === '<-' && node.y === null) return true;
    pending.push(...children(node));
  }
  return false;
};

proto.builtinCall = function builtinCall(this: Checker, e: ast.CallExpr, id: BuiltinId, scope: Scope): Operand {
  const name = exprString(e.fun);
  const [least, most] = builtinArgumentCounts[id] ?? [0, Infinity];
  this.info.builtins.set(e, { id, call: e });
  const onlyArgument = e.args.length === 1 ? e.args[0] : undefined;
  if (onlyArgument?.kind === 'CallExpr' && most > 1) {
    const spread = this.multiExpr(onlyArgument, scope);
    if (spread.mode !== 'invalid' && spread.type.kind === 'Tuple' && spread.type.vars.length > 1) {
      this.notModeledAt(e.start, `multiple-value arguments to built-in ${name}`);
      return invalid(e);
    }
    // The builtin below evaluates its argument again: hand it this result instead.
    this.evaluated = { expr: onlyArgument, operand: spread };
  }
  if (e.args.length < least || e.args.length > most) {
    for (const arg of e.args) this.multiExpr(arg, scope);
    if (e.args.length < least) this.errorAt(e.rparen, `not enough arguments for ${exprString(e)} (expected ${least}, found ${e.args.length})`);
    else this.error(e, `invalid operation: too many arguments for ${exprString(e)} (expected ${most}, found ${e.args.length})`);
    return invalid(e);
  }
  if (e.hasDots && id !== 'append') {
    this.error(e, `invalid operation: invalid use of ... with built-in ${name}`);
    return invalid(e);
  }
  const args = e.args;
  const first = args[0];
  const value = (type: Type): Operand => ({ mode: 'value', type, expr: e });
  switch (id) {
    case 'len':
    case 'cap': {
      const x = this.expr(first as ast.Expr, scope);
      if (x.mode === 'invalid') return invalid(e);
      let type = underlying(x.type);
      if (type.kind === 'Pointer' && underlying(type.elem).kind === 'Array') type = underlying(type.elem);
      if (id === 'len' && isString(x.type)) {
        if (x.mode === 'constant' && x.value?.kind === 'string') return { mode: 'constant', type: basicTypes.int, value: { kind: 'int', value: BigInt(x.value.value.length) }, expr: e };
        if (isUntyped(x.type)) this.convertUntyped(x, basicTypes.string);
        return value(basicTypes.int);
      }
      // Constant unless the operand calls a function or receives (the spec's exception: len(f()) still calls f).
      if (type.kind === 'Array') return this.callsOrReceives(first as ast.Expr) ? value(basicTypes.int) : { mode: 'constant', type: basicTypes.int, value: { kind: 'int', value: BigInt(type.length) }, expr: e };
      if (type.kind === 'Slice' || type.kind === 'Chan' || (id === 'len' && type.kind === 'Map')) return value(basicTypes.int);
      this.error(first as ast.Expr, `invalid argument: ${this.describe(x)} for built-in ${id}`);
      return invalid(e);
    }
    case 'new': {
      const type = this.typeExpr(first as ast.Expr, scope);
      if (isInvalid(type)) return invalid(e);
      return value({ kind: 'Pointer', elem: type });
    }
    case 'make': {
      const type = this.typeExpr(first as ast.Expr, scope);
      if (isInvalid(type)) return invalid(e);
      const under = underlying(type);
      if (under.kind !== 'Slice' && under.kind !== 'Map' && under.kind !== 'Chan') {
        this.error(first as ast.Expr, `invalid argument: cannot make ${exprString(first as ast.Expr)}; type must be slice, map, or channel`);
        return invalid(e);
      }
      if (under.kind === 'Slice' && args.length === 1) {
        this.error(e, `invalid operation: ${exprString(e)} expects 2 or 3 arguments; found 1`);
        return invalid(e);
      }
      if (under.kind !== 'Slice' && args.length === 3) {
        this.error(e, `invalid operation: ${exprString(e)} expects 1 or 2 arguments; found 3`);
        return invalid(e);
      }
      for (const size of args.slice(1)) {
        const x = this.expr(size, scope);
        if (x.mode === 'invalid') continue;
        if (x.mode === 'constant' && x.value !== undefined) {
          const n = toInteger(x.value);
          if (n === null) this.error(size, `${exprString(size)} (${this.describe(x).replace(/^.*? \(/, '').replace(/\)$/, '')}) truncated to int`);
          else if (n < 0n) this.error(size, `invalid argument: index ${exprString(size)} (constant of type int) must not be negative`);
          if (isUntyped(x.type)) this.convertUntyped(x, basicTypes.int);
        } else if (!isInteger(x.type)) {
          this.error(size, `cannot convert ${this.describe(x)} to type int`);
        }
      }
      return value(type);
    }
    case 'append': {
      const s = this.expr(first as ast.Expr, scope);
      if (s.mode === 'invalid') {
        for (const arg of args.slice(1)) this.expr(arg, scope);
        return invalid(e);
      }
      if (s.mode === 'nil') {
        this.error(first as ast.Expr, `first argument to append must be a typed slice; found untyped nil`);
        return invalid(e);
      }
      const under = underlying(s.type);
      if (under.kind !== 'Slice') {
        this.error(first as ast.Expr, `invalid argument: ${this.describe(s)} is not a slice`);
        for (const arg of args.slice(1)) this.expr(arg, scope);
        return invalid(e);
      }
      if (e.hasDots) {
        if (args.length !== 2) {
          for (const arg of args.slice(1)) this.expr(arg, scope);
          const problem = args.length < 2 ? 'not enough' : 'too many';
          this.error(args.length < 2 ? e : (args[2] as ast.Expr), `${problem} arguments in call to ${name}\n\thave (...)\n\twant (${this.typeText(s.type)}, ...${this.typeText(under.elem)})`);
          return invalid(e);
        }
        const rest = this.expr(args[1] as ast.Expr, scope);
        if (rest.mode !== 'invalid' && !(isString(rest.type) && isByteOrRuneSlice(under) && basicOf(under.elem)?.basic === 'uint8')) {
          this.assignment(rest, s.type.kind === 'Named' ? under : s.type, `argument to ${name}`);
        }
        return value(s.type);
      }
      for (const arg of args.slice(1)) {
        const x = this.expr(arg, scope, under.elem);
        this.assignment(x, under.elem, `argument to ${name}`);
      }
      return value(s.type);
    }
    case 'copy': {
      const dst = this.expr(first as ast.Expr, scope);
      const src = this.expr(args[1] as ast.Expr, scope);
      if (dst.mode === 'invalid' || src.mode === 'invalid') return invalid(e);
      if (isUntyped(src.type)) this.convertUntyped(src, basicTypes.string);
      return value(basicTypes.int);
    }
    case 'delete': {
      const m = this.expr(first as ast.Expr, scope);
      if (m.mode === 'invalid') return { mode: 'novalue', type: { kind: 'Tuple', vars: [] }, expr: e };
      const under = underlying(m.type);
      if (under.kind !== 'Map') {
        this.error(first as ast.Expr, `invalid argument: ${this.describe(m)} is not a map`);
        return invalid(e);
      }
      const key = this.expr(args[1] as ast.Expr, scope, under.key);
      this.assignment(key, under.key, `argument to ${name}`);
      return { mode: 'novalue', type: { kind: 'Tuple', vars: [] }, expr: e };
    }
    case 'clear':
    case 'close':
    case 'panic':
    case 'print':
    case 'println': {
      for (const arg of args) {
        const x = this.expr(arg, scope);
        if (x.mode === 'invalid') continue;
        if (id === 'panic') this.assignment(x, { kind: 'Interface', methods: [], embedded: [], allMethods: [] }, `argument to ${name}`);
        else if (isUntyped(x.type) && x.mode !== 'nil') this.convertUntyped(x, defaultType(x.type));
        else if (x.mode === 'nil' && (id === 'print' || id === 'println')) this.error(arg, 'use of untyped nil in argument to built-in print');
      }
      return { mode: 'novalue', type: { kind: 'Tuple', vars: [] }, expr: e };
    }
    case 'recover':
      return value({ kind: 'Interface', methods: [], embedded: [], allMethods: [] });
    case 'min':
    case 'max': {
      const operands = args.map((arg) => this.expr(arg, scope));
      if (operands.some((x) => x.mode === 'invalid')) return invalid(e);
      const typed = operands.find((x) => !isUntyped(x.type));
      const target = typed?.type ?? operands[0]?.type ?? invalidType;
      if (!isInteger(target) && !isFloat(target) && !isString(target)) {
        this.error(e, `invalid argument: ${this.describe(operands[0] as Operand)} cannot be ordered`);
        return invalid(e);
      }
      for (const x of operands) {
        if (typed !== undefined && !identical(x.type, target) && !isUntyped(x.type)) {
          this.error(x.expr, `invalid argument: mismatched types ${this.typeText(target)} (previous argument) and ${this.typeText(x.type)} (type of ${exprString(x.expr)})`);
          return invalid(e);
        }
      }
      if (operands.every((x) => x.mode === 'constant')) {
        let best = operands[0] as Operand;
        for (const x of operands.slice(1)) {
          const a = toRational(best.value ?? unknownValue);
          const b = toRational(x.value ?? unknownValue);
          if (a !== null && b !== null && (id === 'min' ? compareRational(b, a) < 0 : compareRational(b, a) > 0)) best = x;
        }
        return { mode: 'constant', type: target, value: best.value ?? unknownValue, expr: e };
      }
      for (const x of operands) if (isUntyped(x.type)) this.assignment(x, target, `argument to ${name}`);
      return value(target);
    }
    case 'complex': {
      const re = this.expr(first as ast.Expr, scope);
      const im = this.expr(args[1] as ast.Expr, scope);
      if (re.mode === 'invalid' || im.mode === 'invalid') return invalid(e);
      // The typed side decides the precision; two untyped constants stay untyped.
      const typed = [re, im].find((x) => !isUntyped(x.type));
      const floatType = typed?.type ?? basicTypes['untyped float'];
      for (const part of [re, im]) {
        if (!isNumeric(part.type) || isComplex(part.type) && !isUntyped(part.type)) {
          this.error(part.expr, `invalid argument: arguments have type ${this.typeText(part.type)}, expected floating-point`);
          return invalid(e);
        }
        if (isUntyped(part.type)) this.assignment(part, floatType, `argument to ${name}`);
        else if (!identical(part.type, floatType)) {
          this.error(e, `invalid operation: ${exprString(e)} (mismatched types ${this.typeText(re.type)} and ${this.typeText(im.type)})`);
          return invalid(e);
        }
        if (part.mode === 'invalid') return invalid(e);
      }
      if (!isFloat(floatType)) {
        this.error(first as ast.Expr, `invalid argument: arguments have type ${this.typeText(floatType)}, expected floating-point`);
        return invalid(e);
      }
      const basic = basicOf(floatType)?.basic;
      const result = basic === 'float32' ? basicTypes.complex64 : basic === 'float64' ? basicTypes.complex128 : basicTypes['untyped complex'];
      if (re.mode === 'constant' && im.mode === 'constant' && re.value !== undefined && im.value !== undefined) {
        const realPart = toRational(re.value);
        const imaginaryPart = toRational(im.value);
        if (realPart !== null && imaginaryPart !== null) return { mode: 'constant', type: result, value: { kind: 'complex', real: realPart, imag: imaginaryPart }, expr: e };
      }
      return value(result);
    }
    case 'real':
    case 'imag': {
      const x = this.expr(first as ast.Expr, scope);
      if (x.mode === 'invalid') return invalid(e);
      if (!isNumeric(x.type)) {
        this.error(first as ast.Expr, `invalid argument: ${this.describe(x)} must be of complex type`);
        return invalid(e);
      }
      const basic = basicOf(x.type)?.basic;
      if (!isUntyped(x.type) && !isComplex(x.type)) {
        this.error(first as ast.Expr, `invalid argument: ${this.describe(x)} must be of complex type`);
        return invalid(e);
      }
      const result = basic === 'complex64' ? basicTypes.float32 : basic === 'complex128' ? basicTypes.float64 : basicTypes['untyped float'];
      if (x.mode === 'constant' && x.value !== undefined) {
        const part = x.value.kind === 'complex' ? (id === 'real' ? x.value.real : x.value.imag) : id === 'real' ? toRational(x.value) : rational(0n);
        if (part !== null) return { mode: 'constant', type: result, value: { kind: 'float', value: part }, expr: e };
      }
      return value(result);
    }
    case 'unsafe.Sizeof':
    case 'unsafe.Alignof': {
      const x = this.expr(first as ast.Expr, scope);
      if (x.mode === 'invalid') return invalid(e);
      const type = isUntyped(x.type) ? defaultType(x.type) : x.type;
      const size = id === 'unsafe.Sizeof' ? sizeOf(type) : alignOf(type);
      if (size === null) {
        this.notModeledAt(e.start, `size of ${this.typeText(type)}`);
        return invalid(e);
      }
      return { mode: 'constant', type: basicTypes.uintptr, value: { kind: 'int', value: BigInt(size) }, expr: e };
    }
    case 'unsafe.Offsetof': {
      const argument = first as ast.Expr;
      let inner = argument;
      while (inner.kind === 'ParenExpr') inner = inner.x;
      const x = this.expr(argument, scope);
      if (x.mode === 'invalid') return invalid(e);
      if (inner.kind !== 'SelectorExpr') {
        this.error(argument, `invalid argument: ${exprString(argument)} is not a selector expression`);
        return invalid(e);
      }
      const selection = this.info.selections.get(inner);
      const structType = this.info.types.get(inner.x)?.type;
      if (selection === undefined || selection.kind !== 'field' || structType === undefined || selection.index.length !== 1) {
        this.notModeledAt(e.start, 'unsafe.Offsetof through embedded fields');
        return invalid(e);
      }
      const layout = offsetsOf(structType.kind === 'Pointer' ? structType.elem : structType);
      const offset = layout?.offsets[selection.index[0] as number];
      if (offset === undefined) {
        this.notModeledAt(e.start, `offsets of ${this.typeText(structType)}`);
        return invalid(e);
      }
      return { mode: 'constant', type: basicTypes.uintptr, value: { kind: 'int', value: BigInt(offset) }, expr: e };
    }
    case 'unsafe.Add': {
      const pointer = this.expr(first as ast.Expr, scope);
      const length = this.expr(args[1] as ast.Expr, scope);
      if (pointer.mode === 'invalid' || length.mode === 'invalid') return invalid(e);
      this.assignment(pointer, basicTypes['unsafe.Pointer'], `argument to ${name}`);
      if (isUntyped(length.type)) this.convertUntyped(length, basicTypes.int);
      return value(basicTypes['unsafe.Pointer']);
    }
    case 'unsafe.Slice': {
      const pointer = this.expr(first as ast.Expr, scope);
      const length = this.expr(args[1] as ast.Expr, scope);
      if (pointer.mode === 'invalid' || length.mode === 'invalid') return invalid(e);
      const under = underlying(pointer.type);
      if (under.kind !== 'Pointer') {
        this.error(first as ast.Expr, `invalid argument: ${this.describe(pointer)} is not a pointer`);
        return invalid(e);
      }
      if (isUntyped(length.type)) this.convertUntyped(length, basicTypes.int);
      return value({ kind: 'Slice', elem: under.elem });
    }
    case 'unsafe.SliceData': {
      const slice = this.expr(first as ast.Expr, scope);
      if (slice.mode === 'invalid') return invalid(e);
      const under = underlying(slice.type);
      if (under.kind !== 'Slice') {
        this.error(first as ast.Expr, `invalid argument: ${this.describe(slice)} is not a slice`);
        return invalid(e);
      }
      return value({ kind: 'Pointer', elem: under.elem });
    }
    case 'unsafe.String': {
      const pointer = this.expr(first as ast.Expr, scope);
      const length = this.expr(args[1] as ast.Expr, scope);
      if (pointer.mode === 'invalid' || length.mode === 'invalid') return invalid(e);
      this.assignment(pointer, { kind: 'Pointer', elem: byteType }, `argument to ${name}`);
      if (isUntyped(length.type)) this.convertUntyped(length, basicTypes.int);
      return value(basicTypes.string);
    }
    case 'unsafe.StringData': {
      const text = this.expr(first as ast.Expr, scope);
      if (text.mode === 'invalid') return invalid(e);
      this.assignment(text, basicTypes.string, `argument to ${name}`);
      return value({ kind: 'Pointer', elem: byteType });
    }
  }
};

