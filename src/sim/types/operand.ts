/**
 * Operands: an expression being checked with its mode, type and constant value, and how
 * types2 describes one in an error (`x (variable of type int)`, `42 (untyped int constant)`).
 */
import type * as ast from '../syntax/ast.ts';
import { formatConstantShort, type ConstantValue } from './constant.ts';
import type { BuiltinId } from './objects.ts';
import type { Mode } from './info.ts';
import type { Type } from './types.ts';
import { isInvalid, isUntyped, underlying } from './predicates.ts';
import { exprString, typeString } from './typestring.ts';
import { anyType } from './universe.ts';

/** An expression under evaluation. `invalid` operands stop follow-on errors. */
export interface Operand {
  /** How it can be used; `invalid` after an error, `nil` for the predeclared nil. */
  mode: Mode | 'invalid' | 'nil';
  /** Its type (invalid for invalid operands). */
  type: Type;
  /** Constant value for `constant` mode. */
  value?: ConstantValue;
  /** The expression. */
  expr: ast.Expr;
  /** The builtin, for `builtin` mode. */
  builtin?: BuiltinId;
}

const modeWords: Record<Operand['mode'], string> = {
  invalid: 'invalid operand', novalue: 'no value', builtin: 'built-in', typexpr: 'type', constant: 'constant',
  variable: 'variable', mapindex: 'map index expression', value: 'value', commaok: 'comma, ok expression', nil: 'nil',
};

/** The kind word types2 puts before `type T` for named types (`struct type T`, `int type MyInt`). */
function kindDescription(type: Type): string {
  // `any` is an alias: described like a named type.
  if (type === anyType) return 'interface ';
  if (type.kind !== 'Named') return '';
  const under = underlying(type);
  switch (under.kind) {
    // A std type the checker sees as opaque: the kind the oracle measured.
    // types2 names the basic type (unsafe.Pointer's name is `Pointer`).
    case 'Basic': return isInvalid(under) ? stdKindWord(type.std?.kind) : under.basic === 'unsafe.Pointer' ? 'Pointer ' : `${under.name} `;
    case 'Array': return 'array ';
    case 'Slice': return 'slice ';
    case 'Struct': return 'struct ';
    case 'Pointer': return 'pointer ';
    case 'Signature': return 'func ';
    case 'Interface': return 'interface ';
    case 'Map': return 'map ';
    case 'Chan': return 'chan ';
    default: return '';
  }
}

/** The word for a std type's recorded reflect kind (`struct`, `ptr` → `pointer`), with a trailing space; empty when unknown. */
function stdKindWord(kind: string | undefined): string {
  if (kind === undefined) return '';
  const words: Record<string, string> = { ptr: 'pointer', 'unsafe.Pointer': 'Pointer' };
  return `${words[kind] ?? kind} `;
}

/** Describes an operand as types2 does in messages. */
export function describeOperand(x: Operand, localPackage: string): string {
  const expr = exprString(x.expr);
  if (x.mode === 'nil') return 'nil';
  let out = `${expr} (`;
  let hasType = false;
  if (x.mode !== 'invalid' && x.mode !== 'novalue' && x.mode !== 'builtin' && x.mode !== 'typexpr') {
    if (isUntyped(x.type)) out += `${typeString(x.type, localPackage)} `;
    else hasType = true;
  }
  out += modeWords[x.mode];
  if (x.mode === 'constant' && x.value !== undefined) {
    const value = formatConstantShort(x.value);
    if (value !== expr) out += ` ${value}`;
  }
  if (hasType && !isInvalid(x.type)) out += ` of ${kindDescription(x.type)}type ${typeString(x.type, localPackage)}`;
  return `${out})`;
}
