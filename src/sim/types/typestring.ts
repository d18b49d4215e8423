/**
 * Types and expressions spelled as gc's messages spell them: types as types2's TypeString
 * (the checked package's own names unqualified), expressions as `syntax.String` (short form:
 * composite literal and function bodies shortened to `{…}`).
 */
import type * as ast from '../syntax/ast.ts';
import type { Type } from './types.ts';
import { methodsOf } from './predicates.ts';
import { anyType } from './universe.ts';

/** Writes a type; `localPackage` names are left unqualified. */
export function typeString(type: Type, localPackage: string, depth = 0): string {
  if (depth > 20) return '…';
  const inner = (t: Type): string => typeString(t, localPackage, depth + 1);
  switch (type.kind) {
    case 'Basic':
      return type.name;
    case 'Named':
      // A std type's package is named as gc's qualifier names it (`pprof`, `"sync"`).
      return type.obj.pkg === '' || type.obj.pkg === localPackage ? type.obj.name : `${type.qualifier ?? type.obj.pkg}.${type.obj.name}`;
    case 'Pointer':
      return `*${inner(type.elem)}`;
    case 'Slice':
      return `[]${inner(type.elem)}`;
    case 'Array':
      return `[${type.length}]${inner(type.elem)}`;
    case 'Map':
      return `map[${inner(type.key)}]${inner(type.elem)}`;
    case 'Chan': {
      const prefix = type.dir === 'recv' ? '<-chan ' : type.dir === 'send' ? 'chan<- ' : 'chan ';
      const element = inner(type.elem);
      return prefix + (type.dir !== 'send' && type.elem.kind === 'Chan' && type.elem.dir === 'recv' ? `(${element})` : element);
    }
    case 'Struct':
      return `struct{${type.fields.map((f, i) => (f.embedded ? inner(f.type) : `${f.name} ${inner(f.type)}`) + (type.tags[i] ? ` ${JSON.stringify(type.tags[i])}` : '')).join('; ')}}`;
    case 'Signature':
      return `func${signatureString(type, localPackage, depth)}`;
    case 'Interface': {
      if (type === anyType) return 'any';
      if (type.methods.length === 0 && type.embedded.length === 0) return 'interface{}';
      const parts = methodsOf(type).map((m) => m.name + (m.type.kind === 'Signature' ? signatureString(m.type, localPackage, depth + 1) : ''));
      return `interface{${parts.join('; ')}}`;
    }
    case 'Tuple':
      return `(${type.vars.map((v) => inner(v.type)).join(', ')})`;
  }
}

/** Writes `(params) results` of a signature. */
export function signatureString(signature: Type & { kind: 'Signature' }, localPackage: string, depth = 0): string {
  const param = (name: string, text: string): string => (name === '' ? text : `${name} ${text}`);
  const params = signature.params.map((p, i) => {
    const variadic = signature.variadic && i === signature.params.length - 1 && p.type.kind === 'Slice';
    const text = variadic && p.type.kind === 'Slice' ? `...${typeString(p.type.elem, localPackage, depth + 1)}` : typeString(p.type, localPackage, depth + 1);
    return param(p.name, text);
  });
  let out = `(${params.join(', ')})`;
  const results = signature.results;
  if (results.length === 1 && results[0] !== undefined && results[0].name === '') out += ` ${typeString(results[0].type, localPackage, depth + 1)}`;
  else if (results.length > 0) out += ` (${results.map((r) => param(r.name, typeString(r.type, localPackage, depth + 1))).join(', ')})`;
  return out;
}

/** Writes an expression as gc's `syntax.String` does (short form). */
export function exprString(expr: ast.Expr, depth = 0): string {
  if (depth > 50) return '…';
  const e = (x: ast.Expr): string => exprString(x, depth + 1);
  switch (expr.kind) {
    case 'Name':
      return expr.value;
    case 'BasicLit':
      return expr.value;
    case 'CompositeLit':
      return `${expr.type === null ? '' : e(expr.type)}{${expr.elements.length > 0 ? '…' : ''}}`;
    case 'KeyValueExpr':
      return `${e(expr.key)}: ${e(expr.value)}`;
    case 'FuncLit':
      return `${e(expr.type)} {…}`;
    case 'ParenExpr':
      return `(${e(expr.x)})`;
    case 'SelectorExpr':
      return `${e(expr.x)}.${expr.selector.value}`;
    case 'IndexExpr':
      return `${e(expr.x)}[${e(expr.index)}]`;
    case 'SliceExpr': {
      const [low, high, max] = expr.index;
      let out = `${e(expr.x)}[${low === null ? '' : e(low)}:${high === null ? '' : e(high)}`;
      if (expr.full) out += `:${max === null ? '' : e(max)}`;
      return `${out}]`;
    }
    case 'AssertExpr':
      return `${e(expr.x)}.(${e(expr.type)})`;
    case 'TypeSwitchGuard':
      return `${expr.lhs === null ? '' : `${expr.lhs.value} := `}${e(expr.x)}.(type)`;
    case 'Operation':
      if (expr.y === null) return `${expr.op}${e(expr.x)}`;
      return `${e(expr.x)} ${expr.op} ${e(expr.y)}`;
    case 'CallExpr':
      return `${e(expr.fun)}(${expr.args.map(e).join(', ')}${expr.hasDots ? '...' : ''})`;
    case 'ListExpr':
      return expr.elements.map(e).join(', ');
    case 'ArrayType':
      return `[${expr.length === null ? '...' : e(expr.length)}]${e(expr.element)}`;
    case 'SliceType':
      return `[]${e(expr.element)}`;
    case 'DotsType':
      return `...${e(expr.element)}`;
    case 'StructType':
      return expr.fields.length > 0 ? 'struct{…}' : 'struct{}';
    case 'Field':
      return `${expr.name === null ? '' : `${expr.name.value} `}${e(expr.type)}`;
    case 'InterfaceType':
      return expr.methods.length > 0 ? 'interface{…}' : 'interface{}';
    case 'FuncType': {
      const fields = (list: ast.Field[]): string => list.map((f) => e(f)).join(', ');
      let out = `func(${fields(expr.params)})`;
      const only = expr.results[0];
      if (expr.results.length === 1 && only !== undefined && only.name === null) out += ` ${e(only.type)}`;
      else if (expr.results.length > 0) out += ` (${fields(expr.results)})`;
      return out;
    }
    case 'MapType':
      return `map[${e(expr.key)}]${e(expr.value)}`;
    case 'ChanType':
      return `${expr.dir === 'recv' ? '<-chan' : expr.dir === 'send' ? 'chan<-' : 'chan'} ${e(expr.element)}`;
    case 'BadExpr':
      return 'BadExpr';
  }
}
