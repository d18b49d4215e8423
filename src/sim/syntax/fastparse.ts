/**
 * A hand-written recursive-descent parser for well-formed Go that builds exactly the tree
 * tree-sitter-go builds (as copied by `copyTree` in ./parse.ts): the same node types, fields,
 * anonymous tokens and offsets, the same comments, no errors. It is the fast path of `parse`:
 * for anything it is not sure about (a syntax error, a construct it does not read, a place
 * where tree-sitter's choice is not known) it gives up and returns null, and `parse` uses
 * tree-sitter, so malformed files get exactly the same diagnostics either way.
 *
 * One pass of a small lexer fills typed arrays of tokens; the parser walks them. Newlines are
 * tokens only where tree-sitter-go can read them as a statement terminator (after a token
 * that ends an operand, as Go's semicolon insertion has it); they are hidden in tree-sitter's
 * tree but count in the extent of statement lists.
 */
import type { Comment, SyntaxNode } from './parse.ts';

// --- tokens --------------------------------------------------------------------------------

const EOF: number = 0;
const IDENT: number = 1;
const INT: number = 2;
const FLOAT: number = 3;
const IMAG: number = 4;
const RUNE: number = 5;
const STRING: number = 6;
const RAW: number = 7;
const NL: number = 8;
// Predeclared names tree-sitter-go reads as their own node types in expressions.
const NIL: number = 9;
const TRUE: number = 10;
const FALSE: number = 11;
const IOTA: number = 12;
const NEW: number = 13;
const MAKE: number = 14;
// Keywords.
const BREAK: number = 20;
const CASE: number = 21;
const CHAN: number = 22;
const CONST: number = 23;
const CONTINUE: number = 24;
const DEFAULT: number = 25;
const DEFER: number = 26;
const ELSE: number = 27;
const FALLTHROUGH: number = 28;
const FOR: number = 29;
const FUNC: number = 30;
const GO: number = 31;
const GOTO: number = 32;
const IF: number = 33;
const IMPORT: number = 34;
const INTERFACE: number = 35;
const MAP: number = 36;
const PACKAGE: number = 37;
const RANGE: number = 38;
const RETURN: number = 39;
const SELECT: number = 40;
const STRUCT: number = 41;
const SWITCH: number = 42;
const TYPE: number = 43;
const VAR: number = 44;
// Operators (codes from 50 on, in the order of `operatorTexts`).
const operatorTexts = [
  '<<=', '>>=', '&^=', '...', '&&', '||', '<-', '++', '--', '==', '!=', '<=', '>=', ':=', '+=', '-=',
  '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '&^', '+', '-', '*', '/', '%', '&', '|', '^', '<',
  '>', '=', '!', '(', ')', '[', ']', '{', '}', ',', ';', '.', ':', '~',
];
const OP: number = 50;
const op = (text: string): number => OP + operatorTexts.indexOf(text);
const ELLIPSIS: number = op('...');
const ANDAND: number = op('&&');
const OROR: number = op('||');
const ARROW: number = op('<-');
const INC: number = op('++');
const DEC: number = op('--');
const DEFINE: number = op(':=');
const STAR: number = op('*');
const AMP: number = op('&');
const PIPE: number = op('|');
const ASSIGN: number = op('=');
const LPAREN: number = op('(');
const RPAREN: number = op(')');
const LBRACK: number = op('[');
const RBRACK: number = op(']');
const LBRACE: number = op('{');
const RBRACE: number = op('}');
const COMMA: number = op(',');
const SEMI: number = op(';');
const DOT: number = op('.');
const COLON: number = op(':');
const TILDE: number = op('~');
const PLUS: number = op('+');
const MINUS: number = op('-');
const NOT: number = op('!');
const XOR: number = op('^');

/** Text of each token code that has fixed text (keywords, operators, predeclared names). */
const texts: string[] = [];
const keywordCodes = new Map<string, number>();
{
  const words: [string, number][] = [
    ['nil', NIL], ['true', TRUE], ['false', FALSE], ['iota', IOTA], ['new', NEW], ['make', MAKE],
    ['break', BREAK], ['case', CASE], ['chan', CHAN], ['const', CONST], ['continue', CONTINUE], ['default', DEFAULT],
    ['defer', DEFER], ['else', ELSE], ['fallthrough', FALLTHROUGH], ['for', FOR], ['func', FUNC], ['go', GO],
    ['goto', GOTO], ['if', IF], ['import', IMPORT], ['interface', INTERFACE], ['map', MAP], ['package', PACKAGE],
    ['range', RANGE], ['return', RETURN], ['select', SELECT], ['struct', STRUCT], ['switch', SWITCH], ['type', TYPE],
    ['var', VAR],
  ];
  for (const [word, code] of words) {
    keywordCodes.set(word, code);
    texts[code] = word;
  }
  operatorTexts.forEach((text, index) => { texts[OP + index] = text; });
}

/** Binary operator precedence by token code (0: not a binary operator). */
const precedence = new Uint8Array(OP + operatorTexts.length);
for (const [text, level] of [
  ['||', 1], ['&&', 2], ['==', 3], ['!=', 3], ['<', 3], ['<=', 3], ['>', 3], ['>=', 3],
  ['+', 4], ['-', 4], ['|', 4], ['^', 4], ['*', 5], ['/', 5], ['%', 5], ['<<', 5], ['>>', 5], ['&', 5], ['&^', 5],
] as [string, number][]) precedence[op(text)] = level;

/** Assignment operators. */
const isAssignOp = new Uint8Array(OP + operatorTexts.length);
for (const text of ['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=', '&^=']) isAssignOp[op(text)] = 1;

/** Whether a newline after a token of this code ends the statement (Go's semicolon rule). */
function endsStatement(code: number): boolean {
  return (code >= IDENT && code <= RAW) || (code >= NIL && code <= MAKE) || code === BREAK || code === CONTINUE
    || code === FALLTHROUGH || code === RETURN || code === RPAREN || code === RBRACK || code === RBRACE || code === INC || code === DEC;
}

/** Thrown to give up; caught by `fastParse`. */
const bail = new Error('fast parser: not sure');

/** The lexed tokens: code, start, end. */
interface Tokens {
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  comments: Comment[];
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Lexes `source`; null when it meets anything it does not read (non-ASCII names, odd characters). */
function lex(source: string): Tokens | null {
  const length = source.length;
  let capacity = 1024 + (length >> 2);
  let kinds = new Uint8Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let count = 0;
  const comments: Comment[] = [];
  let last = EOF;
  const push = (kind: number, start: number, end: number): void => {
    if (count === capacity) {
      capacity *= 2;
      const k = new Uint8Array(capacity); k.set(kinds); kinds = k;
      const s = new Int32Array(capacity); s.set(starts); starts = s;
      const e = new Int32Array(capacity); e.set(ends); ends = e;
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = end;
    count++;
    last = kind;
  };
  let index = 0;
  while (index < length) {
    const code = source.charCodeAt(index);
    if (code === 10) {
      if (endsStatement(last)) {
        // tree-sitter's terminator takes in the newlines right after it.
        let end = index + 1;
        while (source.charCodeAt(end) === 10) end++;
        push(NL, index, end);
        index = end;
        continue;
      }
      index++;
      continue;
    }
    if (code === 32 || code === 9) {
      index++;
      continue;
    }
    const start = index;
    if (isLetter(code)) {
      index++;
      for (;;) {
        const c = source.charCodeAt(index);
        if (isLetter(c) || isDigit(c)) index++;
        else if (c > 0x7f) return null;
        else break;
      }
      let kind = IDENT;
      const size = index - start;
      if (size >= 2 && size <= 11) kind = keywordCodes.get(source.slice(start, index)) ?? IDENT;
      push(kind, start, index);
      continue;
    }
    if (isDigit(code) || (code === 46 && isDigit(source.charCodeAt(index + 1)))) {
      index = lexNumber(source, index);
      const lastChar = source.charCodeAt(index - 1);
      let kind = INT;
      if (lastChar === 105) kind = IMAG;
      else {
        const hex = code === 48 && (source.charCodeAt(start + 1) | 32) === 120;
        for (let i = start; i < index; i++) {
          const c = source.charCodeAt(i) | 32;
          if (c === 46 || (hex ? c === 112 : c === 101)) {
            kind = FLOAT;
            break;
          }
        }
        if (kind === INT && code === 46) kind = FLOAT;
      }
      push(kind, start, index);
      continue;
    }
    if (code === 34 || code === 39) {
      // An interpreted string or a rune: to the same quote, over escapes, on one line.
      index++;
      for (;;) {
        const c = source.charCodeAt(index);
        if (c === code) break;
        if (c === 92) index += 2;
        else if (c === 10 || index >= length) return null;
        else index++;
      }
      index++;
      push(code === 34 ? STRING : RUNE, start, index);
      continue;
    }
    if (code === 96) {
      const close = source.indexOf('`', index + 1);
      if (close === -1) return null;
      index = close + 1;
      push(RAW, start, index);
      continue;
    }
    if (code === 47) {
      const next = source.charCodeAt(index + 1);
      if (next === 47) {
        let end = source.indexOf('\n', index);
        if (end === -1) end = length;
        comments.push({ start, text: source.slice(start, end) });
        index = end;
        continue;
      }
      if (next === 42) {
        const close = source.indexOf('*/', index + 2);
        if (close === -1) return null;
        index = close + 2;
        comments.push({ start, text: source.slice(start, index) });
        continue;
      }
    }
    const kind = operatorAt(source, index, code);
    if (kind < 0) return null;
    index += (texts[kind] as string).length;
    push(kind, start, index);
  }
  push(EOF, length, length);
  return { kinds, starts, ends, count, comments };
}

/** The operator token code at `index` (longest match), or -1. */
function operatorAt(source: string, index: number, code: number): number {
  const next = source.charCodeAt(index + 1);
  const third = source.charCodeAt(index + 2);
  switch (code) {
    case 43: return next === 43 ? INC : next === 61 ? op('+=') : PLUS;
    case 45: return next === 45 ? DEC : next === 61 ? op('-=') : MINUS;
    case 42: return next === 61 ? op('*=') : STAR;
    case 47: return next === 61 ? op('/=') : op('/');
    case 37: return next === 61 ? op('%=') : op('%');
    case 38:
      if (next === 94) return third === 61 ? op('&^=') : op('&^');
      return next === 38 ? ANDAND : next === 61 ? op('&=') : AMP;
    case 124: return next === 124 ? OROR : next === 61 ? op('|=') : PIPE;
    case 94: return next === 61 ? op('^=') : XOR;
    case 60:
      if (next === 60) return third === 61 ? op('<<=') : op('<<');
      return next === 45 ? ARROW : next === 61 ? op('<=') : op('<');
    case 62:
      if (next === 62) return third === 61 ? op('>>=') : op('>>');
      return next === 61 ? op('>=') : op('>');
    case 61: return next === 61 ? op('==') : ASSIGN;
    case 33: return next === 61 ? op('!=') : NOT;
    case 58: return next === 61 ? DEFINE : COLON;
    case 46: return next === 46 && third === 46 ? ELLIPSIS : DOT;
    case 40: return LPAREN;
    case 41: return RPAREN;
    case 91: return LBRACK;
    case 93: return RBRACK;
    case 123: return LBRACE;
    case 125: return RBRACE;
    case 44: return COMMA;
    case 59: return SEMI;
    case 126: return TILDE;
    default: return -1;
  }
}

/** The end of the number literal starting at `index` (already checked by the scanner). */
function lexNumber(source: string, index: number): number {
  const first = source.charCodeAt(index);
  let hex = false;
  if (first === 48) {
    const x = source.charCodeAt(index + 1) | 32;
    if (x === 120) {
      hex = true;
      index += 2;
    } else if (x === 98 || x === 111) {
      index += 2;
    }
  }
  for (;;) {
    const c = source.charCodeAt(index);
    const lower = c | 32;
    if (isDigit(c) || c === 95 || c === 46 || (hex && lower >= 97 && lower <= 102 && lower !== 101) || (hex && lower === 101)) {
      if (c === 46 && source.charCodeAt(index + 1) === 46) break;
      index++;
    } else if ((!hex && lower === 101) || (hex && lower === 112)) {
      index++;
      const sign = source.charCodeAt(index);
      if (sign === 43 || sign === 45) index++;
    } else break;
  }
  if (source.charCodeAt(index) === 105) index++;
  return index;
}

// --- tree ----------------------------------------------------------------------------------

function node(type: string, named: boolean, start: number, end: number, children: SyntaxNode[]): SyntaxNode {
  return { type, field: null, named, missing: false, start, end, children };
}

/** A node over `children` (non-empty), spanning them. */
function wrap(type: string, children: SyntaxNode[]): SyntaxNode {
  return node(type, true, (children[0] as SyntaxNode).start, (children[children.length - 1] as SyntaxNode).end, children);
}

function withField(child: SyntaxNode, field: string): SyntaxNode {
  child.field = field;
  return child;
}

/** The most deeply nested constructs the parser follows before giving up. */
const maxDepth = 400;

class Parser {
  source: string;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  pos = 0;
  depth = 0;
  /** Steps left: backtracking may re-read parts, but never more than a few times over. */
  budget: number;
  /** Set when the depth or step limit is hit: no other reading is tried. */
  fatal = false;
  /** The score of the type arguments read by the last `tryGeneric`. */
  genericScore: number | null = null;
  /** The last index expression that could also be read as a generic type, and that reading's type arguments' score. */
  genericIndex: SyntaxNode | null = null;
  genericIndexScore = 0;
  /** Whether the type being read may be `[...]T` (it starts a composite literal). */
  literalType = false;
  /** Inside an if/for/switch header (outside brackets): `T{` is not a composite literal. */
  noLiteral = false;

  constructor(source: string, tokens: Tokens) {
    this.source = source;
    this.kinds = tokens.kinds;
    this.starts = tokens.starts;
    this.ends = tokens.ends;
    this.budget = 4 * tokens.count + 1000;
  }

  get kind(): number {
    return this.kinds[this.pos] as number;
  }

  peek(offset: number): number {
    return this.kinds[this.pos + offset] ?? EOF;
  }

  /** The current token as an anonymous node, consumed. */
  token(): SyntaxNode {
    const pos = this.pos++;
    return node(texts[this.kinds[pos] as number] as string, false, this.starts[pos] as number, this.ends[pos] as number, []);
  }

  expect(kind: number): SyntaxNode {
    if (this.kinds[this.pos] !== kind) throw bail;
    return this.token();
  }

  /** The current token as a named leaf of `type`, consumed. */
  leaf(type: string): SyntaxNode {
    const pos = this.pos++;
    return node(type, true, this.starts[pos] as number, this.ends[pos] as number, []);
  }

  /** An identifier-like token (names, and predeclared names read as plain names) as a leaf of `type`. */
  name(type: string): SyntaxNode {
    const kind = this.kind;
    if (kind !== IDENT && (kind < NIL || kind > MAKE)) throw bail;
    return this.leaf(type);
  }

  enter(): void {
    if (++this.depth > maxDepth || --this.budget < 0) {
      // Backtracking cannot help: give up on the file.
      this.fatal = true;
      throw bail;
    }
  }

  // --- file ------------------------------------------------------------------------------

  file(): SyntaxNode {
    const children: SyntaxNode[] = [];
    if (this.kind !== PACKAGE) throw bail;
    children.push(node('package_clause', true, this.starts[this.pos] as number, 0, [this.token(), this.name('package_identifier')]));
    (children[0] as SyntaxNode).end = (children[0] as SyntaxNode).children[1]!.end;
    for (;;) {
      if (this.kind === NL) this.pos++;
      else if (this.kind === SEMI) children.push(this.token());
      else if (this.kind === EOF) break;
      else throw bail;
      let declaration: SyntaxNode;
      let statement = true;
      switch (this.kind) {
        case EOF: continue;
        case IMPORT: declaration = this.importDeclaration(); statement = false; break;
        case FUNC: declaration = this.funcDeclaration(); statement = false; break;
        case VAR: declaration = this.varDeclaration(); break;
        case CONST: declaration = this.constDeclaration(); break;
        case TYPE: declaration = this.typeDeclaration(); break;
        default: throw bail;
      }
      children.push(declaration);
      // A statement at the very end needs a terminator (tree-sitter inserts a zero-width one).
      if (statement && this.kind === EOF) throw bail;
    }
    return node('source_file', true, 0, this.source.length, children);
  }

  importDeclaration(): SyntaxNode {
    return this.declaration('import_declaration', () => this.importSpec(), false, 'import_spec_list');
  }

  /**
   * `keyword spec` or `keyword ( spec; ... )`, the group in a `listType` node where tree-sitter
   * wraps it; `required`: whether the grammar wants a terminator after the group's last spec.
   */
  declaration(type: string, spec: () => SyntaxNode, required: boolean, listType?: string): SyntaxNode {
    const children = [this.token()];
    if (this.kind === LPAREN) {
      const group = [this.token()];
      while (this.kind !== RPAREN) {
        group.push(spec());
        this.groupTerminator(group, required);
      }
      group.push(this.token());
      if (listType === undefined) children.push(...group);
      else children.push(wrap(listType, group));
    } else {
      children.push(spec());
    }
    return wrap(type, children);
  }

  importSpec(): SyntaxNode {
    const children: SyntaxNode[] = [];
    const kind = this.kind;
    if (kind === DOT) {
      const dot = this.token();
      children.push(withField(node('dot', true, dot.start, dot.end, [dot]), 'name'));
    } else if (kind === IDENT || (kind >= NIL && kind <= MAKE)) {
      const isBlank = this.ends[this.pos]! - this.starts[this.pos]! === 1 && this.source.charCodeAt(this.starts[this.pos]!) === 95;
      children.push(withField(this.leaf(isBlank ? 'blank_identifier' : 'package_identifier'), 'name'));
    }
    children.push(withField(this.stringLiteral(), 'path'));
    return wrap('import_spec', children);
  }

  funcDeclaration(): SyntaxNode {
    const children = [this.token()];
    let type = 'function_declaration';
    if (this.kind === LPAREN) {
      type = 'method_declaration';
      children.push(withField(this.parameterList(), 'receiver'));
      children.push(withField(this.name('field_identifier'), 'name'));
    } else {
      children.push(withField(this.name('identifier'), 'name'));
      if (this.kind === LBRACK) children.push(withField(this.typeParameterList(), 'type_parameters'));
    }
    children.push(withField(this.parameterList(), 'parameters'));
    this.result(children);
    if (this.kind === LBRACE) children.push(withField(this.block(), 'body'));
    return wrap(type, children);
  }

  /** An optional result: a parameter list or a simple type. */
  result(children: SyntaxNode[]): void {
    const kind = this.kind;
    if (kind === LPAREN) children.push(withField(this.parameterList(), 'result'));
    else if (startsSimpleType(kind)) children.push(withField(this.type(), 'result'));
  }

  typeParameterList(): SyntaxNode {
    const children = [this.token()];
    for (;;) {
      const declaration: SyntaxNode[] = [withField(this.name('identifier'), 'name')];
      while (this.kind === COMMA) {
        declaration.push(this.token());
        declaration.push(withField(this.name('identifier'), 'name'));
      }
      declaration.push(withField(this.typeElem('type_constraint'), 'type'));
      children.push(wrap('type_parameter_declaration', declaration));
      if (this.kind === COMMA) {
        children.push(this.token());
        if (this.kind === RBRACK) break;
      } else break;
    }
    children.push(this.expect(RBRACK));
    return wrap('type_parameter_list', children);
  }

  /** `T | ~U | ...` as a node of `type` (type_elem, or type_constraint in type parameters). */
  typeElem(type: string): SyntaxNode {
    const children = [this.type()];
    while (this.kind === PIPE) {
      children.push(this.token());
      children.push(this.type());
    }
    return wrap(type, children);
  }

  parameterList(): SyntaxNode {
    this.enter();
    const children = [this.expect(LPAREN)];
    // Entries: [name, type] pairs; a lone identifier is a name or a type, decided below.
    const names: (SyntaxNode | null)[] = [];
    const types: (SyntaxNode | null)[] = [];
    const variadic: (SyntaxNode | null)[] = [];
    const commas: SyntaxNode[] = [];
    let anyNamed = false;
    const saved = this.noLiteral;
    this.noLiteral = false;
    while (this.kind !== RPAREN) {
      const kind = this.kind;
      let name: SyntaxNode | null = null;
      let dots: SyntaxNode | null = null;
      let type: SyntaxNode | null = null;
      if (kind === IDENT || (kind >= NIL && kind <= MAKE)) {
        const next = this.peek(1);
        if (next === COMMA || next === RPAREN) {
          name = this.name('identifier');
        } else if (next === DOT) {
          type = this.type();
        } else if (next === LBRACK) {
          const after = this.kinds[this.matching(this.pos + 1) + 1];
          if (after === COMMA || after === RPAREN) type = this.type();
          else {
            name = this.name('identifier');
            type = this.type();
            anyNamed = true;
          }
        } else {
          name = this.name('identifier');
          if (this.kind === ELLIPSIS) dots = this.token();
          type = this.type();
          anyNamed = true;
        }
      } else if (kind === ELLIPSIS) {
        dots = this.token();
        type = this.type();
      } else {
        type = this.type();
      }
      names.push(name);
      types.push(type);
      variadic.push(dots);
      if (this.kind === COMMA) commas.push(this.token());
      else if (this.kind !== RPAREN) throw bail;
    }
    this.noLiteral = saved;
    const close = this.token();
    const count = names.length;
    let index = 0;
    while (index < count) {
      const declaration: SyntaxNode[] = [];
      if (anyNamed) {
        // Lone names before a named entry share its type.
        let last = index;
        while (last < count && types[last] === null) last++;
        // tree-sitter-go keeps only so many readings of a long run of names apart.
        if (last === count || last - index > 8) throw bail;
        if (variadic[last] !== null && last !== index) throw bail;
        for (let i = index; i <= last; i++) {
          const name = names[i];
          if (name === null || name === undefined) throw bail;
          declaration.push(withField(name, 'name'));
          if (i < last) declaration.push(commas[i] as SyntaxNode);
        }
        const dots = variadic[last];
        if (dots !== null && dots !== undefined) declaration.push(dots);
        declaration.push(withField(types[last] as SyntaxNode, 'type'));
        children.push(wrap(dots === null ? 'parameter_declaration' : 'variadic_parameter_declaration', declaration));
        index = last + 1;
      } else {
        const dots = variadic[index];
        if (dots !== null && dots !== undefined) declaration.push(dots);
        const type = types[index] ?? null;
        if (type === null) {
          const name = names[index] as SyntaxNode;
          name.type = 'type_identifier';
          declaration.push(withField(name, 'type'));
        } else declaration.push(withField(type, 'type'));
        children.push(wrap(dots === null || dots === undefined ? 'parameter_declaration' : 'variadic_parameter_declaration', declaration));
        index++;
      }
      if (index - 1 < commas.length) children.push(commas[index - 1] as SyntaxNode);
    }
    children.push(close);
    this.depth--;
    return wrap('parameter_list', children);
  }

  /** Whether a `[` lies between tokens `from` and `to`. */
  hasBracket(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.kinds[i] === LBRACK) return true;
    return false;
  }

  /** The index of the `]`, `)` or `}` closing the bracket at token `open`. */
  matching(open: number): number {
    let depth = 0;
    for (let i = open; ; i++) {
      const kind = this.kinds[i] as number;
      if (kind === LPAREN || kind === LBRACK || kind === LBRACE) depth++;
      else if (kind === RPAREN || kind === RBRACK || kind === RBRACE) {
        if (--depth === 0) return i;
      } else if (kind === EOF) throw bail;
    }
  }

  // --- declarations ----------------------------------------------------------------------

  varDeclaration(): SyntaxNode {
    return this.declaration('var_declaration', () => this.varSpec(), true, 'var_spec_list');
  }

  /** The terminator after a spec in a group; `required` when the grammar wants one before `)`. */
  groupTerminator(list: SyntaxNode[], required: boolean): void {
    if (this.kind === NL) this.pos++;
    else if (this.kind === SEMI) list.push(this.token());
    else if (required || this.kind !== RPAREN) throw bail;
  }

  varSpec(): SyntaxNode {
    const children = this.specNames(false);
    if (this.kind !== ASSIGN) children.push(withField(this.type(), 'type'));
    if (this.kind === ASSIGN) {
      children.push(this.token());
      children.push(withField(this.expressionList(), 'value'));
    }
    return wrap('var_spec', children);
  }

  /** A spec's names `a, b, c`; tree-sitter-go files the commas of a const spec under `name` too. */
  specNames(commasNamed: boolean): SyntaxNode[] {
    const children = [withField(this.name('identifier'), 'name')];
    while (this.kind === COMMA) {
      const comma = this.token();
      children.push(commasNamed ? withField(comma, 'name') : comma);
      children.push(withField(this.name('identifier'), 'name'));
    }
    return children;
  }

  constDeclaration(): SyntaxNode {
    return this.declaration('const_declaration', () => this.constSpec(), true);
  }

  constSpec(): SyntaxNode {
    const children = this.specNames(true);
    const kind = this.kind;
    if (kind !== NL && kind !== SEMI && kind !== RPAREN) {
      if (kind !== ASSIGN) children.push(withField(this.type(), 'type'));
      children.push(this.expect(ASSIGN));
      children.push(withField(this.expressionList(), 'value'));
    }
    return wrap('const_spec', children);
  }

  typeDeclaration(): SyntaxNode {
    return this.declaration('type_declaration', () => this.typeSpec(), false);
  }

  typeSpec(): SyntaxNode {
    const children = [withField(this.name('type_identifier'), 'name')];
    if (this.kind === LBRACK) {
      // `type T[P C] ...` (type parameters) or `type T [N]E` (an array).
      const next = this.peek(1);
      const after = this.peek(2);
      if (next === IDENT && (after === IDENT || after === COMMA || after === TILDE || after === LBRACK || after === INTERFACE
        || after === FUNC || after === MAP || after === CHAN || after === STRUCT || (after >= NIL && after <= MAKE))) {
        children.push(withField(this.typeParameterList(), 'type_parameters'));
      }
    }
    let type = 'type_spec';
    if (this.kind === ASSIGN) {
      type = 'type_alias';
      children.push(this.token());
    }
    children.push(withField(this.type(), 'type'));
    return wrap(type, children);
  }

  // --- types -----------------------------------------------------------------------------

  type(): SyntaxNode {
    return this.nested(() => this.typeInner());
  }

  /** `inner` one nesting level deeper (the limit is checked on the way in). */
  nested(inner: () => SyntaxNode): SyntaxNode {
    this.enter();
    const result = inner();
    this.depth--;
    return result;
  }

  typeInner(): SyntaxNode {
    const kind = this.kind;
    if (kind !== LBRACK) this.literalType = false;
    switch (kind) {
      case IDENT: case NIL: case TRUE: case FALSE: case IOTA: case NEW: case MAKE: {
        let type = this.typeName();
        if (this.kind === LBRACK) type = this.genericType(type);
        return type;
      }
      case STAR: {
        const star = this.token();
        return wrap('pointer_type', [star, this.type()]);
      }
      case LBRACK: {
        const open = this.token();
        if (this.kind !== ELLIPSIS) this.literalType = false;
        if (this.kind === RBRACK) return wrap('slice_type', [open, this.token(), withField(this.type(), 'element')]);
        if (this.kind === ELLIPSIS) {
          // Only a composite literal's type (checked by `typeOperand`).
          if (!this.literalType) throw bail;
          this.literalType = false;
          const dots = this.token();
          return wrap('implicit_length_array_type', [open, dots, this.expect(RBRACK), withField(this.type(), 'element')]);
        }
        const saved = this.noLiteral;
        this.noLiteral = false;
        const length = withField(this.expression(), 'length');
        this.noLiteral = saved;
        return wrap('array_type', [open, length, this.expect(RBRACK), withField(this.type(), 'element')]);
      }
      case MAP: {
        const children = [this.token(), this.expect(LBRACK), withField(this.type(), 'key'), this.expect(RBRACK)];
        children.push(withField(this.type(), 'value'));
        return wrap('map_type', children);
      }
      case CHAN: {
        const children = [this.token()];
        if (this.kind === ARROW) {
          children.push(this.token());
          if (this.kind === CHAN) throw bail;
        }
        children.push(withField(this.type(), 'value'));
        return wrap('channel_type', children);
      }
      case ARROW: {
        const children = [this.token(), this.expect(CHAN)];
        children.push(withField(this.type(), 'value'));
        return wrap('channel_type', children);
      }
      case FUNC: {
        const children = [this.token(), withField(this.parameterList(), 'parameters')];
        this.result(children);
        return wrap('function_type', children);
      }
      case STRUCT:
        return this.structType();
      case INTERFACE:
        return this.interfaceType();
      case LPAREN: {
        const open = this.token();
        const inner = this.type();
        return wrap('parenthesized_type', [open, inner, this.expect(RPAREN)]);
      }
      case TILDE: {
        const tilde = this.token();
        return wrap('negated_type', [tilde, this.type()]);
      }
      default:
        throw bail;
    }
  }

  /** `T` or `p.T`. */
  typeName(): SyntaxNode {
    if (this.peek(1) === DOT) {
      const pkg = withField(this.name('package_identifier'), 'package');
      const dot = this.token();
      return wrap('qualified_type', [pkg, dot, withField(this.name('type_identifier'), 'name')]);
    }
    return this.name('type_identifier');
  }

  genericType(type: SyntaxNode): SyntaxNode {
    return wrap('generic_type', [withField(type, 'type'), withField(this.typeArguments(), 'type_arguments')]);
  }

  typeArguments(): SyntaxNode {
    const children = [this.expect(LBRACK)];
    const saved = this.noLiteral;
    this.noLiteral = false;
    for (;;) {
      children.push(this.typeElem('type_elem'));
      if (this.kind === COMMA) {
        children.push(this.token());
        if (this.kind === RBRACK) break;
      } else break;
    }
    this.noLiteral = saved;
    children.push(this.expect(RBRACK));
    return wrap('type_arguments', children);
  }

  structType(): SyntaxNode {
    const keyword = this.token();
    const list = [this.expect(LBRACE)];
    const saved = this.noLiteral;
    this.noLiteral = false;
    while (this.kind !== RBRACE) {
      list.push(this.fieldDeclaration());
      if (this.kind === NL) this.pos++;
      else if (this.kind === SEMI) list.push(this.token());
      else if (this.kind !== RBRACE) throw bail;
    }
    this.noLiteral = saved;
    list.push(this.token());
    return wrap('struct_type', [keyword, wrap('field_declaration_list', list)]);
  }

  fieldDeclaration(): SyntaxNode {
    const children: SyntaxNode[] = [];
    const kind = this.kind;
    let embedded = false;
    if (kind === STAR) {
      children.push(this.token());
      embedded = true;
    } else if (kind === IDENT || (kind >= NIL && kind <= MAKE)) {
      const next = this.peek(1);
      if (next === DOT || endsField(next)) embedded = true;
      else if (next === LBRACK) embedded = endsField(this.kinds[this.matching(this.pos + 1) + 1] as number);
    } else throw bail;
    if (embedded) {
      let type = this.typeName();
      if (this.kind === LBRACK) type = this.genericType(type);
      children.push(withField(type, 'type'));
    } else {
      children.push(withField(this.name('field_identifier'), 'name'));
      while (this.kind === COMMA) {
        children.push(this.token());
        children.push(withField(this.name('field_identifier'), 'name'));
      }
      children.push(withField(this.type(), 'type'));
    }
    if (this.kind === STRING || this.kind === RAW) children.push(withField(this.stringLiteral(), 'tag'));
    return wrap('field_declaration', children);
  }

  interfaceType(): SyntaxNode {
    const children = [this.token(), this.expect(LBRACE)];
    const saved = this.noLiteral;
    this.noLiteral = false;
    while (this.kind !== RBRACE) {
      const kind = this.kind;
      if ((kind === IDENT || (kind >= NIL && kind <= MAKE)) && this.peek(1) === LPAREN) {
        const method = [withField(this.name('field_identifier'), 'name'), withField(this.parameterList(), 'parameters')];
        this.result(method);
        children.push(wrap('method_elem', method));
      } else {
        children.push(this.typeElem('type_elem'));
      }
      if (this.kind === NL) this.pos++;
      else if (this.kind === SEMI) children.push(this.token());
      else if (this.kind !== RBRACE) throw bail;
    }
    this.noLiteral = saved;
    children.push(this.token());
    return wrap('interface_type', children);
  }

  // --- statements ------------------------------------------------------------------------

  block(): SyntaxNode {
    this.enter();
    const saved = this.noLiteral;
    this.noLiteral = false;
    const children = [this.expect(LBRACE)];
    const list = this.statementList(false);
    if (list !== null) children.push(list);
    children.push(this.expect(RBRACE));
    this.noLiteral = saved;
    this.depth--;
    return wrap('block', children);
  }

  /** Statements up to `}` (or `case`/`default` in a clause); null when there are none. */
  statementList(inClause: boolean): SyntaxNode | null {
    const children: SyntaxNode[] = [];
    let end = 0;
    for (;;) {
      const kind = this.kind;
      if (kind === RBRACE || (inClause && (kind === CASE || kind === DEFAULT))) break;
      if (kind === SEMI || kind === NL) throw bail;
      const statement = this.statement();
      children.push(statement);
      end = statement.end;
      if (this.kind === NL) {
        end = this.ends[this.pos] as number;
        this.pos++;
      } else if (this.kind === SEMI) {
        const semi = this.token();
        children.push(semi);
        end = semi.end;
      } else if (!(this.kind === RBRACE || (inClause && (this.kind === CASE || this.kind === DEFAULT)))) throw bail;
      // An empty labeled statement only ends a list.
      if (statement.type === 'labeled_statement' && statement.children.length === 2 && this.kind !== RBRACE
        && !(inClause && (this.kind === CASE || this.kind === DEFAULT))) throw bail;
    }
    if (children.length === 0) return null;
    return node('statement_list', true, (children[0] as SyntaxNode).start, end, children);
  }

  statement(): SyntaxNode {
    return this.nested(() => this.statementInner());
  }

  statementInner(): SyntaxNode {
    switch (this.kind) {
      case VAR: return this.varDeclaration();
      case CONST: return this.constDeclaration();
      case TYPE: return this.typeDeclaration();
      case RETURN: {
        const children = [this.token()];
        const kind = this.kind;
        if (kind !== NL && kind !== SEMI && kind !== RBRACE && kind !== CASE && kind !== DEFAULT) children.push(this.expressionList());
        return wrap('return_statement', children);
      }
      case GO:
      case DEFER: {
        const type = this.kind === GO ? 'go_statement' : 'defer_statement';
        const keyword = this.token();
        return wrap(type, [keyword, this.expression()]);
      }
      case IF: return this.ifStatement();
      case FOR: return this.forStatement();
      case SWITCH: return this.switchStatement();
      case SELECT: return this.selectStatement();
      case BREAK:
      case CONTINUE: {
        const type = this.kind === BREAK ? 'break_statement' : 'continue_statement';
        const children = [this.token()];
        if (this.kind === IDENT || (this.kind >= NIL && this.kind <= MAKE)) children.push(this.leaf('label_name'));
        return wrap(type, children);
      }
      case GOTO: {
        const keyword = this.token();
        return wrap('goto_statement', [keyword, this.name('label_name')]);
      }
      case FALLTHROUGH:
        return wrap('fallthrough_statement', [this.token()]);
      case LBRACE:
        return this.block();
      case IDENT:
        if (this.peek(1) === COLON) {
          const label = withField(this.leaf('label_name'), 'label');
          const colon = this.token();
          const kind = this.kind;
          if (kind === RBRACE || kind === CASE || kind === DEFAULT) return wrap('labeled_statement', [label, colon]);
          if (kind === SEMI || kind === NL) throw bail;
          const inner = this.statement();
          // tree-sitter-go does not read a label right before a label that ends the block.
          if (inner.type === 'labeled_statement' && inner.children.length === 2) throw bail;
          return wrap('labeled_statement', [label, colon, inner]);
        }
        return this.simpleStatement();
      default:
        return this.simpleStatement();
    }
  }

  simpleStatement(): SyntaxNode {
    return this.finishSimple(this.expressionList());
  }

  ifStatement(): SyntaxNode {
    const children = [this.token()];
    const saved = this.noLiteral;
    this.noLiteral = true;
    if (this.kind === SEMI) throw bail;
    const first = this.simpleStatement();
    if (this.kind === SEMI) {
      children.push(withField(first, 'initializer'));
      children.push(this.token());
      children.push(withField(this.expression(), 'condition'));
    } else {
      if (first.type !== 'expression_statement') throw bail;
      children.push(withField(first.children[0] as SyntaxNode, 'condition'));
    }
    this.noLiteral = saved;
    children.push(withField(this.block(), 'consequence'));
    if (this.kind === ELSE) {
      children.push(this.token());
      if (this.kind === IF) children.push(withField(this.statement(), 'alternative'));
      else children.push(withField(this.block(), 'alternative'));
    }
    return wrap('if_statement', children);
  }

  forStatement(): SyntaxNode {
    const children = [this.token()];
    const saved = this.noLiteral;
    this.noLiteral = true;
    const kind = this.kind;
    if (kind === RANGE) {
      const range = this.token();
      children.push(wrap('range_clause', [range, withField(this.expression(), 'right')]));
    } else if (kind === SEMI) {
      children.push(this.forClause(null));
    } else if (kind !== LBRACE) {
      const list = this.expressionList();
      if ((this.kind === DEFINE || this.kind === ASSIGN) && this.peek(1) === RANGE) {
        const operator = this.token();
        const range = this.token();
        children.push(wrap('range_clause', [withField(list, 'left'), operator, range, withField(this.expression(), 'right')]));
      } else {
        const first = this.finishSimple(list);
        if (this.kind === SEMI) children.push(this.forClause(first));
        else {
          if (first.type !== 'expression_statement') throw bail;
          children.push(first.children[0] as SyntaxNode);
        }
      }
    }
    this.noLiteral = saved;
    children.push(withField(this.block(), 'body'));
    return wrap('for_statement', children);
  }

  /** The rest of a simple statement whose expression list is parsed. */
  finishSimple(list: SyntaxNode): SyntaxNode {
    const kind = this.kind;
    if (kind === DEFINE) {
      const operator = this.token();
      return wrap('short_var_declaration', [withField(list, 'left'), operator, withField(this.expressionList(), 'right')]);
    }
    if (isAssignOp[kind] === 1) {
      const operator = withField(this.token(), 'operator');
      return wrap('assignment_statement', [withField(list, 'left'), operator, withField(this.expressionList(), 'right')]);
    }
    if (list.children.length !== 1) throw bail;
    const x = list.children[0] as SyntaxNode;
    if (kind === INC || kind === DEC) return wrap(kind === INC ? 'inc_statement' : 'dec_statement', [x, this.token()]);
    if (kind === ARROW) {
      const arrow = this.token();
      return wrap('send_statement', [withField(x, 'channel'), arrow, withField(this.expression(), 'value')]);
    }
    return wrap('expression_statement', [x]);
  }

  forClause(initializer: SyntaxNode | null): SyntaxNode {
    const children: SyntaxNode[] = [];
    if (initializer !== null) children.push(withField(initializer, 'initializer'));
    children.push(this.expect(SEMI));
    if (this.kind !== SEMI) children.push(withField(this.expression(), 'condition'));
    children.push(this.expect(SEMI));
    if (this.kind !== LBRACE) children.push(withField(this.simpleStatement(), 'update'));
    return wrap('for_clause', children);
  }

  switchStatement(): SyntaxNode {
    const children = [this.token()];
    const saved = this.noLiteral;
    this.noLiteral = true;
    let typeSwitch = false;
    if (this.kind === SEMI) throw bail;
    if (this.kind !== LBRACE) {
      let first: SyntaxNode | null = this.simpleStatement();
      if (this.kind === SEMI) {
        children.push(withField(first, 'initializer'));
        children.push(this.token());
        first = this.kind === LBRACE ? null : this.simpleStatement();
      }
      if (first === null) {
        // An init statement and no tag.
      } else if (this.kind === DOT && this.peek(1) === LPAREN && this.peek(2) === TYPE) {
        typeSwitch = true;
        if (first.type === 'short_var_declaration') {
          const right = first.children[2] as SyntaxNode;
          if (right.children.length !== 1) throw bail;
          children.push(withField(first.children[0] as SyntaxNode, 'alias'));
          children.push(first.children[1] as SyntaxNode);
          children.push(withField(right.children[0] as SyntaxNode, 'value'));
        } else if (first.type === 'expression_statement') {
          children.push(withField(first.children[0] as SyntaxNode, 'value'));
        } else throw bail;
        children.push(this.token(), this.token(), this.token(), this.expect(RPAREN));
      } else {
        if (first.type !== 'expression_statement') throw bail;
        children.push(withField(first.children[0] as SyntaxNode, 'value'));
      }
    }
    this.noLiteral = saved;
    children.push(this.expect(LBRACE));
    while (this.kind !== RBRACE) {
      const clause = [this.token()];
      let type = 'default_case';
      if ((clause[0] as SyntaxNode).type === 'case') {
        if (typeSwitch) {
          type = 'type_case';
          for (;;) {
            clause.push(withField(this.type(), 'type'));
            if (this.kind !== COMMA) break;
            clause.push(withField(this.token(), 'type'));
          }
        } else {
          type = 'expression_case';
          clause.push(withField(this.expressionList(), 'value'));
        }
      } else if ((clause[0] as SyntaxNode).type !== 'default') throw bail;
      children.push(this.finishClause(clause, type));
    }
    children.push(this.token());
    return wrap(typeSwitch ? 'type_switch_statement' : 'expression_switch_statement', children);
  }

  /** A case clause after its head: the `:` and its statements. */
  finishClause(clause: SyntaxNode[], type: string): SyntaxNode {
    clause.push(this.expect(COLON));
    const list = this.statementList(true);
    if (list !== null) clause.push(list);
    return wrap(type, clause);
  }

  selectStatement(): SyntaxNode {
    const children = [this.token(), this.expect(LBRACE)];
    while (this.kind !== RBRACE) {
      const clause = [this.token()];
      let type = 'default_case';
      if ((clause[0] as SyntaxNode).type === 'case') {
        type = 'communication_case';
        const list = this.expressionList();
        let communication: SyntaxNode;
        if (this.kind === DEFINE || this.kind === ASSIGN) {
          const operator = this.token();
          communication = wrap('receive_statement', [withField(list, 'left'), operator, withField(this.expression(), 'right')]);
        } else {
          if (list.children.length !== 1) throw bail;
          const x = list.children[0] as SyntaxNode;
          if (this.kind === ARROW) {
            const arrow = this.token();
            communication = wrap('send_statement', [withField(x, 'channel'), arrow, withField(this.expression(), 'value')]);
          } else communication = wrap('receive_statement', [withField(x, 'right')]);
        }
        clause.push(withField(communication, 'communication'));
      } else if ((clause[0] as SyntaxNode).type !== 'default') throw bail;
      children.push(this.finishClause(clause, type));
    }
    children.push(this.token());
    return wrap('select_statement', children);
  }

  // --- expressions -----------------------------------------------------------------------

  expressionList(): SyntaxNode {
    const children = [this.expression()];
    while (this.kind === COMMA) {
      children.push(this.token());
      children.push(this.expression());
    }
    return wrap('expression_list', children);
  }

  expression(): SyntaxNode {
    return this.nested(() => this.binary(1));
  }

  binary(minimum: number): SyntaxNode {
    let left = this.unary();
    for (;;) {
      const level = precedence[this.kind] as number;
      if (level < minimum || level === 0) return left;
      const operator = withField(this.token(), 'operator');
      const right = this.binaryAbove(level);
      left = wrap('binary_expression', [withField(left, 'left'), operator, withField(right, 'right')]);
    }
  }

  binaryAbove(level: number): SyntaxNode {
    this.enter();
    const result = this.binary(level + 1);
    this.depth--;
    return result;
  }

  unary(): SyntaxNode {
    const kind = this.kind;
    if (kind === PLUS || kind === MINUS || kind === NOT || kind === XOR || kind === STAR || kind === AMP || kind === ARROW) {
      if (kind === ARROW && this.peek(1) === CHAN) throw bail;
      if (kind === STAR && this.peek(1) === LPAREN) {
        const conversion = this.pointerConversion();
        if (conversion !== null) return conversion;
      }
      this.enter();
      const operator = withField(this.token(), 'operator');
      const operand = withField(this.unary(), 'operand');
      // tree-sitter-go reads `*S[K, V]` as an instantiation of `*S`.
      if (kind === STAR && operand.type === 'type_instantiation_expression') throw bail;
      this.depth--;
      return wrap('unary_expression', [operator, operand]);
    }
    return this.primary();
  }

  /** A type if one is written here, else null with the nesting depth back at `depth`. */
  attemptType(depth: number): SyntaxNode | null {
    try {
      return this.type();
    } catch (error) {
      if (error !== bail || this.fatal) throw error;
      this.depth = depth;
      return null;
    }
  }

  /**
   * `*(T)(x)`: tree-sitter-go reads a conversion to the pointer type `*(T)` when that scores at
   * least as high as the dereference of `(T)(x)` (always when `T` is not an expression).
   */
  pointerConversion(): SyntaxNode | null {
    const start = this.pos;
    const depth = this.depth;
    const saved = this.noLiteral;
    this.noLiteral = false;
    const type = this.attemptType(depth);
    const after = this.pos;
    if (type === null || this.kind !== LPAREN) {
      this.pos = start;
      this.noLiteral = saved;
      return null;
    }
    let expressionScore: number | null = null;
    this.pos = start + 1;
    try {
      const inner = this.operand();
      if (this.pos === after) expressionScore = dynamic(inner, null);
    } catch (error) {
      if (error !== bail || this.fatal) throw error;
      this.depth = depth;
    }
    this.noLiteral = saved;
    if (expressionScore !== null && -1 + dynamic(type, null) < expressionScore) {
      this.pos = start;
      return null;
    }
    this.pos = after;
    let result = this.typeOperand(type);
    // Postfix operators apply to the conversion.
    result = this.postfix(result);
    return result;
  }

  primary(): SyntaxNode {
    return this.postfix(this.operand());
  }

  postfix(operand: SyntaxNode): SyntaxNode {
    let x = operand;
    for (;;) {
      switch (this.kind) {
        case DOT: {
          const next = this.peek(1);
          if (next === LPAREN) {
            if (this.peek(2) === TYPE) return x;
            const dot = this.token();
            const open = this.token();
            const saved = this.noLiteral;
            this.noLiteral = false;
            const type = withField(this.type(), 'type');
            this.noLiteral = saved;
            x = wrap('type_assertion_expression', [withField(x, 'operand'), dot, open, type, this.expect(RPAREN)]);
          } else {
            const dot = this.token();
            x = wrap('selector_expression', [withField(x, 'operand'), dot, withField(this.name('field_identifier'), 'field')]);
          }
          break;
        }
        case LPAREN:
          x = wrap('call_expression', [withField(x, 'function'), withField(this.argumentList(false), 'arguments')]);
          break;
        case LBRACK:
          x = this.indexOrGeneric(x);
          break;
        case LBRACE: {
          if (this.noLiteral) return x;
          let type: SyntaxNode;
          if (x.type === 'identifier') {
            type = x;
            type.type = 'type_identifier';
          } else if (x.type === 'selector_expression' && (x.children[0] as SyntaxNode).type === 'identifier') {
            type = qualified(x);
          } else return x;
          x = wrap('composite_literal', [withField(type, 'type'), withField(this.literalValue(), 'body')]);
          break;
        }
        default:
          return x;
      }
    }
  }

  /** `x[...]`: an index or slice expression, or one of tree-sitter-go's readings of an instantiation. */
  indexOrGeneric(x: SyntaxNode): SyntaxNode {
    const open = this.pos;
    const saved = this.noLiteral;
    this.noLiteral = false;
    const typeName = x.type === 'identifier' || (x.type === 'selector_expression' && (x.children[0] as SyntaxNode).type === 'identifier');
    let genericScore: number | null = null;
    if (typeName && this.peek(1) !== COLON) {
      this.genericScore = null;
      const generic = this.tryGeneric(x, saved);
      if (generic !== null) {
        this.noLiteral = saved;
        return generic;
      }
      genericScore = this.genericScore;
      this.pos = open;
    } else if (x === this.genericIndex && this.peek(1) !== COLON) {
      this.checkDoubleIndex(x);
    }
    const bracket = this.token();
    const children = [withField(x, 'operand'), bracket];
    let first: SyntaxNode | null = null;
    if (this.kind !== COLON) first = this.expression();
    if (this.kind === RBRACK && first !== null) {
      children.push(withField(first, 'index'), this.token());
      this.noLiteral = saved;
      const index = wrap('index_expression', children);
      if (genericScore !== null) {
        this.genericIndex = index;
        this.genericIndexScore = genericScore;
      }
      return index;
    }
    if (first !== null) children.push(withField(first, 'start'));
    children.push(this.expect(COLON));
    if (this.kind !== RBRACK && this.kind !== COLON) children.push(withField(this.expression(), 'end'));
    if (this.kind === COLON) {
      if (children[children.length - 1]?.field !== 'end') throw bail;
      children.push(this.token());
      children.push(withField(this.expression(), 'capacity'));
    }
    children.push(this.expect(RBRACK));
    this.noLiteral = saved;
    return wrap('slice_expression', children);
  }

  /**
   * `a[i][j]` where `a[i]` may be a generic type: tree-sitter-go reads an instantiation of it
   * when that scores at least as high as the two index expressions; this parser gives up then.
   */
  checkDoubleIndex(x: SyntaxNode): void {
    const open = this.pos;
    const depth = this.depth;
    let typesScore: number | null = null;
    let indexScore: number | null = null;
    try {
      typesScore = dynamic(this.typeArguments(), null) - 2;
      this.pos = open + 1;
      const index = this.expression();
      if (this.kind === RBRACK) indexScore = dynamic(x, null) + 1 + dynamic(index, null);
    } catch (error) {
      if (error !== bail || this.fatal) throw error;
      this.depth = depth;
    }
    this.pos = open;
    if (typesScore === null) return;
    if (indexScore === null || -1 + 1 + this.genericIndexScore + typesScore >= indexScore) throw bail;
  }

  /**
   * `f[A, B]...` where the brackets hold types: tree-sitter-go reads a conversion of a generic
   * type when one argument follows, a composite literal of it before `{`, and otherwise an
   * index expression when the brackets hold one expression, else a call with type arguments
   * or an instantiation. Null (position unchanged by the caller) when the brackets do not hold types.
   */
  tryGeneric(x: SyntaxNode, outerNoLiteral: boolean): SyntaxNode | null {
    const open = this.pos;
    const depth = this.depth;
    let typeArguments: SyntaxNode;
    try {
      typeArguments = this.typeArguments();
    } catch (error) {
      if (error !== bail || this.fatal) throw error;
      this.depth = depth;
      return null;
    }
    const after = this.pos;
    const kind = this.kind;
    // The index reading, when the brackets hold one expression: its dynamic precedence.
    let indexScore: number | null = null;
    if (typeArguments.children.length === 3) {
      this.pos = open + 1;
      try {
        const index = this.expression();
        if (this.kind === RBRACK) indexScore = 1 + dynamic(index, null);
      } catch (error) {
        if (error !== bail || this.fatal) throw error;
        this.depth = depth;
      }
      this.pos = after;
    }
    const argumentsScore = dynamic(typeArguments, null);
    this.genericScore = argumentsScore;
    const typeNode = (): SyntaxNode => (x.type === 'identifier' ? { ...x, type: 'type_identifier' } : qualified(x, true));
    if (kind === LPAREN) {
      const close = this.matching(after);
      // One argument, no `...`: a conversion.
      let commas = 0;
      let variadic = false;
      let depthIn = 0;
      for (let i = after + 1; i < close; i++) {
        const k = this.kinds[i] as number;
        if (k === LPAREN || k === LBRACK || k === LBRACE) depthIn++;
        else if (k === RPAREN || k === RBRACK || k === RBRACE) depthIn--;
        else if (depthIn === 0 && k === COMMA) commas++;
        else if (depthIn === 0 && k === ELLIPSIS) variadic = true;
      }
      const trailingComma = this.kinds[close - 1] === COMMA;
      const argumentCount = close === after + 1 ? 0 : commas + 1 - (trailingComma ? 1 : 0);
      // A conversion of the generic type and a call with type arguments score the same; the
      // conversion wins that tie and a tie with the index reading; the index wins a tie with the call.
      if (argumentCount === 1 && !variadic && (indexScore === null || argumentsScore >= indexScore)) {
        const generic = wrap('generic_type', [withField(typeNode(), 'type'), withField(typeArguments, 'type_arguments')]);
        const list = this.argumentList(false);
        const parts = list.children;
        const children = [withField(generic, 'type'), parts[0] as SyntaxNode, withField(parts[1] as SyntaxNode, 'operand')];
        for (let i = 2; i < parts.length; i++) children.push(parts[i] as SyntaxNode);
        return wrap('type_conversion_expression', children);
      }
      if (indexScore !== null && indexScore >= argumentsScore) return null;
      return wrap('call_expression', [withField(x, 'function'), withField(typeArguments, 'type_arguments'), withField(this.argumentList(false), 'arguments')]);
    }
    if (kind === LBRACE && !outerNoLiteral) {
      const generic = wrap('generic_type', [withField(typeNode(), 'type'), withField(typeArguments, 'type_arguments')]);
      return wrap('composite_literal', [withField(generic, 'type'), withField(this.literalValue(), 'body')]);
    }
    // An instantiation (its type a plain type name or a qualified one, its types direct
    // children, no unions), unless the index reading scores higher.
    if (indexScore !== null) {
      const score = -1 + (x.type === 'identifier' ? -1 : 0) + argumentsScore - 2;
      if (score < indexScore) return null;
      if (score === indexScore) throw bail;
    }
    const children = [withField(typeNode(), 'type')];
    for (const child of typeArguments.children) {
      if (child.type === 'type_elem') {
        if (child.children.length !== 1) throw bail;
        children.push(child.children[0] as SyntaxNode);
      } else children.push(child);
    }
    return wrap('type_instantiation_expression', children);
  }

  argumentList(special: boolean): SyntaxNode {
    let first = true;
    return this.delimitedList('argument_list', LPAREN, RPAREN, () => {
      // make and new take a type first.
      const type = first && special;
      first = false;
      if (type) return this.type();
      const argument = this.expression();
      return this.kind === ELLIPSIS ? wrap('variadic_argument', [argument, this.token()]) : argument;
    });
  }

  /**
   * `open element, element, ... close` (a trailing comma allowed), one nesting level deeper;
   * inside, a composite literal may follow a type again (the brackets end any `if` header).
   */
  delimitedList(type: string, open: number, close: number, element: () => SyntaxNode): SyntaxNode {
    this.enter();
    const saved = this.noLiteral;
    this.noLiteral = false;
    const children = [this.expect(open)];
    while (this.kind !== close) {
      children.push(element());
      if (this.kind === COMMA) children.push(this.token());
      else if (this.kind !== close) throw bail;
    }
    children.push(this.token());
    this.noLiteral = saved;
    this.depth--;
    return wrap(type, children);
  }

  operand(): SyntaxNode {
    const kind = this.kind;
    switch (kind) {
      case IDENT:
        return this.leaf('identifier');
      case INT: return this.leaf('int_literal');
      case FLOAT: return this.leaf('float_literal');
      case IMAG: return this.leaf('imaginary_literal');
      case RUNE: return this.leaf('rune_literal');
      case STRING: case RAW: return this.stringLiteral();
      case NIL: return this.leaf('nil');
      case TRUE: return this.leaf('true');
      case FALSE: return this.leaf('false');
      case IOTA: return this.leaf('iota');
      case NEW: case MAKE: {
        const name = this.leaf('identifier');
        if (this.kind !== LPAREN) return name;
        return wrap('call_expression', [withField(name, 'function'), withField(this.argumentList(true), 'arguments')]);
      }
      case LPAREN: {
        const open = this.pos;
        const depth = this.depth;
        const saved = this.noLiteral;
        this.noLiteral = false;
        try {
          const bracket = this.token();
          const inner = this.expression();
          const result = wrap('parenthesized_expression', [bracket, inner, this.expect(RPAREN)]);
          // `(T[A])(x)`: tree-sitter-go may read a conversion to a parenthesized generic type.
          if (this.kind === LPAREN && this.hasBracket(open, this.pos)) {
            const after = this.pos;
            this.pos = open;
            const type = this.attemptType(depth);
            if (type !== null && this.pos === after && dynamic(type, null) - 1 >= dynamic(result, null)) {
              this.noLiteral = saved;
              return this.typeOperand(type);
            }
            this.pos = after;
          }
          this.noLiteral = saved;
          return result;
        } catch (error) {
          if (error !== bail || this.fatal) throw error;
          this.pos = open;
          this.depth = depth;
        }
        const type = this.type();
        this.noLiteral = saved;
        return this.typeOperand(type);
      }
      case FUNC: {
        const keyword = this.token();
        const children = [keyword, withField(this.parameterList(), 'parameters')];
        this.result(children);
        if (this.kind !== LBRACE) throw bail;
        children.push(withField(this.block(), 'body'));
        return wrap('func_literal', children);
      }
      case LBRACK: {
        this.literalType = true;
        const type = this.type();
        this.literalType = false;
        if (type.type === 'implicit_length_array_type' && this.kind !== LBRACE) throw bail;
        return this.typeOperand(type);
      }
      case MAP: case CHAN: case STRUCT: case INTERFACE:
        return this.typeOperand(this.type());
      default:
        throw bail;
    }
  }

  /** A type in an expression: a conversion or a composite literal. */
  typeOperand(type: SyntaxNode): SyntaxNode {
    if (this.kind === LPAREN) {
      const list = this.argumentList(false);
      const parts = list.children;
      if (parts.length < 3 || parts.length > 4 || (parts[1] as SyntaxNode).type === 'variadic_argument') throw bail;
      const children = [withField(type, 'type'), parts[0] as SyntaxNode, withField(parts[1] as SyntaxNode, 'operand')];
      for (let i = 2; i < parts.length; i++) children.push(parts[i] as SyntaxNode);
      return wrap('type_conversion_expression', children);
    }
    if (this.kind === LBRACE) {
      const t = type.type;
      if (t !== 'slice_type' && t !== 'array_type' && t !== 'implicit_length_array_type' && t !== 'map_type' && t !== 'struct_type') throw bail;
      return wrap('composite_literal', [withField(type, 'type'), withField(this.literalValue(), 'body')]);
    }
    throw bail;
  }

  literalValue(): SyntaxNode {
    return this.delimitedList('literal_value', LBRACE, RBRACE, () => {
      const key = this.literalElement();
      if (this.kind !== COLON) return key;
      const colon = this.token();
      return wrap('keyed_element', [withField(key, 'key'), colon, withField(this.literalElement(), 'value')]);
    });
  }

  literalElement(): SyntaxNode {
    return wrap('literal_element', [this.kind === LBRACE ? this.literalValue() : this.expression()]);
  }

  stringLiteral(): SyntaxNode {
    const kind = this.kind;
    const start = this.starts[this.pos] as number;
    const end = this.ends[this.pos] as number;
    this.pos++;
    if (kind === RAW) {
      return node('raw_string_literal', true, start, end, [
        node('`', false, start, start + 1, []),
        node('raw_string_literal_content', true, start + 1, end - 1, []),
        node('`', false, end - 1, end, []),
      ]);
    }
    if (kind !== STRING) throw bail;
    const source = this.source;
    const children = [node('"', false, start, start + 1, [])];
    let index = start + 1;
    let run = index;
    while (index < end - 1) {
      if (source.charCodeAt(index) !== 92) {
        index++;
        continue;
      }
      if (index > run) children.push(node('interpreted_string_literal_content', true, run, index, []));
      const escape = source.charCodeAt(index + 1);
      let size = 2;
      if (escape >= 48 && escape <= 55) size = 4;
      else if (escape === 120) size = 4;
      else if (escape === 117) size = 6;
      else if (escape === 85) size = 10;
      children.push(node('escape_sequence', true, index, index + size, []));
      index += size;
      run = index;
    }
    if (index > run) children.push(node('interpreted_string_literal_content', true, run, index, []));
    children.push(node('"', false, end - 1, end, []));
    return node('interpreted_string_literal', true, start, end, children);
  }
}

/**
 * The sum of tree-sitter-go's dynamic precedences over a subtree, which decides between its
 * readings of `f[T](x)` and `(T)(x)`: +1 for an index expression or a generic type, +2 for type
 * arguments, +3 for a map type and -1 for a type name read as a type, a conversion or an
 * instantiation. `parent` is the node holding `x` (null at the top).
 */
function dynamic(x: SyntaxNode, parent: SyntaxNode | null): number {
  let score = 0;
  switch (x.type) {
    case 'index_expression': case 'generic_type': score = 1; break;
    case 'type_arguments': score = 2; break;
    case 'map_type': score = parent?.type === 'composite_literal' ? 0 : 3; break;
    case 'type_conversion_expression': case 'type_instantiation_expression': score = -1; break;
    case 'type_identifier': {
      // A plain type name, not the name of a generic type, of a composite literal's type, an embedded field or a declaration.
      const direct = x.field === 'name' || (x.field === 'type' && parent !== null
        && (parent.type === 'generic_type' || parent.type === 'composite_literal' || (parent.type === 'field_declaration' && parent.children[0]?.field !== 'name')));
      return direct ? 0 : -1;
    }
    default:
  }
  for (const child of x.children) if (child.named) score += dynamic(child, x);
  return score;
}

/** Whether a token ends a struct field (so an identifier before it is an embedded type). */
function endsField(kind: number): boolean {
  return kind === NL || kind === SEMI || kind === RBRACE || kind === STRING || kind === RAW;
}

/** Whether a token can start a simple type (a function's result). */
function startsSimpleType(kind: number): boolean {
  return kind === IDENT || (kind >= NIL && kind <= MAKE) || kind === STAR || kind === LBRACK || kind === MAP || kind === CHAN
    || kind === FUNC || kind === STRUCT || kind === INTERFACE || kind === ARROW;
}

/** `p.T` read as a selector, as a qualified type. */
function qualified(selector: SyntaxNode, copy = false): SyntaxNode {
  let [operand, dot, field] = selector.children as [SyntaxNode, SyntaxNode, SyntaxNode];
  if (copy) {
    operand = { ...operand };
    field = { ...field };
  }
  operand.type = 'package_identifier';
  operand.field = 'package';
  field.type = 'type_identifier';
  field.field = 'name';
  return wrap('qualified_type', [operand, dot, field]);
}

/**
 * The tree tree-sitter-go would build for `source`, its comments and (no) errors; null when
 * the source is not certainly well-formed Go this parser reads exactly as tree-sitter does.
 */
export function fastParse(source: string): { root: SyntaxNode; comments: Comment[]; errors: number[] } | null {
  // Carriage returns: tree-sitter's comments and terminators around them are not modelled.
  if (source.indexOf('\r') !== -1) return null;
  const tokens = lex(source);
  if (tokens === null) return null;
  const parser = new Parser(source, tokens);
  let root: SyntaxNode;
  try {
    root = parser.file();
  } catch (error) {
    if (error === bail || error instanceof RangeError) return null;
    throw error;
  }
  const first = tokens.comments[0];
  root.start = first === undefined ? tokens.starts[0] as number : Math.min(first.start, tokens.starts[0] as number);
  return { root, comments: tokens.comments, errors: [] };
}
