/**
 * A Go scanner used before tree-sitter: it finds the lexical errors gc's scanner reports
 * (unterminated literals and comments, invalid characters, malformed numbers) and the bracket
 * errors gc's parser reports (unbalanced `(`, `[`, `{`, a newline where a list must go on),
 * in gc's words and at gc's positions. tree-sitter recovers from errors silently, so these
 * messages cannot come from its tree. Iterative, linear in the source length.
 */
import type { Diagnostic } from '../api.ts';
import type { LineTable } from './ast.ts';
import { maxNestingDepth } from './limits.ts';

/** What kind of token. */
export type TokenKind = 'name' | 'keyword' | 'literal' | 'operator' | 'newline' | 'semicolon' | 'EOF';

/** One token. */
export interface Token {
  /** What kind. */
  kind: TokenKind;
  /** The token's text (`\n` for an inserted semicolon at a newline). */
  text: string;
  /** Offset of the first character. */
  start: number;
  /** What the innermost open bracket around the token is (null at top level). */
  context: Open['role'] | null;
}

/** The result of scanning. */
export interface ScanResult {
  /** At most one error, the first gc would report (gc stops the file at the first syntax error). */
  diagnostics: Diagnostic[];
  /** Offset where brackets nest deeper than `maxNestingDepth`, or null. */
  nestingTooDeep: number | null;
  /** Describes a syntax error found near `offset` as gc would: the offending token and, where the context is clear, what was expected. */
  syntaxErrorNear(offset: number): { start: number; message: string };
  /** The offset of `new` when `offset` lies in the arguments of a `new(...)` call, else null (tree-sitter-go does not parse Go 1.26's `new(expression)`). */
  insideNew(offset: number): number | null;
  /** The offset of the first method expression on a type literal (`interface{ M() }.M`, which tree-sitter-go does not parse), else null. */
  typeLiteralMethodExpr(): number | null;
}

const keywords = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for',
  'func', 'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select',
  'struct', 'switch', 'type', 'var',
]);

/** Operators by length, so the longest match can be tried first. */
const operatorList = [
  '<<=', '>>=', '&^=', '...', '&&', '||', '<-', '++', '--', '==', '!=', '<=', '>=', ':=', '+=', '-=',
  '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '&^', '+', '-', '*', '/', '%', '&', '|', '^', '<',
  '>', '=', '!', '(', ')', '[', ']', '{', '}', ',', ';', '.', ':', '~',
];
const operators = new Set(operatorList);

/** The operator at `index`, longest first, or undefined. */
function operatorAt(source: string, index: number): string | undefined {
  for (const length of [3, 2, 1]) {
    const candidate = source.slice(index, index + length);
    if (operators.has(candidate)) return candidate;
  }
  return undefined;
}

/** gc's description of a token in `syntax error: unexpected X`. */
function describeToken(token: Token | undefined): string {
  if (token === undefined) return 'EOF';
  switch (token.kind) {
    case 'name': return `name ${token.text}`;
    case 'keyword': return `keyword ${token.text}`;
    case 'literal': return `literal ${token.text}`;
    case 'newline': return 'newline';
    case 'semicolon': return 'semicolon';
    case 'EOF': return 'EOF';
    case 'operator': return token.text === ',' ? 'comma' : token.text;
  }
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code > 0x7f;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** An open bracket and what it opens. */
interface Open {
  /** `(`, `[` or `{`. */
  bracket: string;
  /** For `(`: an argument list, a parameter list, a grouping, or a declaration group (`var (`, a `brace` like `{`); `[`: an index or a type. */
  role: 'arguments' | 'parameters' | 'group' | 'brace' | 'index';
}

/** Scans `source` for lexical and bracket errors. */
export function scan(source: string, lines: LineTable): ScanResult {
  const tokens: Token[] = [];
  let error: Diagnostic | null = null;
  let nestingTooDeep: number | null = null;
  const fail = (offset: number, message: string): void => {
    error ??= { ...lines.position(offset), message };
  };
  const stack: Open[] = [];
  let previous: Token | undefined;
  let beforePrevious: Token | undefined;
  /** Whether a newline after the previous token becomes a semicolon (Go's insertion rule). */
  const semicolonAfter = (token: Token | undefined): boolean => {
    if (token === undefined) return false;
    if (token.kind === 'name' || token.kind === 'literal') return true;
    if (token.kind === 'keyword') return ['break', 'continue', 'fallthrough', 'return'].includes(token.text);
    return token.kind === 'operator' && [')', ']', '}', '++', '--'].includes(token.text);
  };
  const push = (token: Omit<Token, 'context'>): void => {
    const full = token as Token;
    full.context = stack[stack.length - 1]?.role ?? null;
    tokens.push(full);
    if (error === null) bracketCheck(full);
    beforePrevious = previous;
    previous = full;
  };
  const bracketCheck = (token: Token): void => {
    const top = stack[stack.length - 1];
    if (token.kind === 'newline' || token.kind === 'EOF') {
      operatorRun = 0;
      if (top === undefined || top.role === 'brace') {
        if (token.kind === 'EOF' && top !== undefined) fail(token.start, `syntax error: unexpected EOF, expected ${top.bracket === '(' ? ')' : '}'}`);
        return;
      }
      const what = token.kind === 'EOF' ? 'EOF' : 'newline';
      if (top.role === 'arguments') fail(token.start, `syntax error: unexpected ${what} in argument list; possibly missing comma or )`);
      else if (top.role === 'parameters') fail(token.start, `syntax error: unexpected ${what} in parameter list; possibly missing comma or )`);
      else if (top.role === 'index') fail(token.start, `syntax error: unexpected ${what}, expected comma, : or ]`);
      else fail(token.start, `syntax error: unexpected ${what}, expected ${top.bracket === '(' ? ')' : ']'}`);
      return;
    }
    if (token.kind === 'semicolon') operatorRun = 0;
    if (token.kind !== 'operator') return;
    const text = token.text;
    // Long operator chains nest as deeply as brackets do (`1 + 1 + ...`, `- - - x`).
    if (text === ',' || text === '{' || text === '}') operatorRun = 0;
    else if (!'()[].:'.includes(text) && ++operatorRun > maxNestingDepth) nestingTooDeep ??= token.start;
    if (text === '(' || text === '[' || text === '{') {
      let role: Open['role'] = 'brace';
      if (text === '(' && previous?.kind === 'keyword' && ['var', 'const', 'import', 'type'].includes(previous.text)) {
        role = 'brace';
      } else if (text === '(') {
        const afterFunc = previous?.text === 'func' || (previous?.kind === 'name' && beforePrevious?.text === 'func')
          || (previous?.text === ')' && lastClosedRole === 'parameters' && funcPending);
        role = afterFunc ? 'parameters' : semicolonAfter(previous) && previous?.kind !== 'keyword' ? 'arguments' : 'group';
        if (previous?.text === 'func') funcPending = true;
      } else if (text === '[') {
        role = semicolonAfter(previous) && previous?.kind !== 'keyword' ? 'index' : 'group';
      }
      stack.push({ bracket: text, role });
      if (stack.length > maxNestingDepth) nestingTooDeep ??= token.start;
      return;
    }
    if (text === ')' || text === ']' || text === '}') {
      if (top === undefined) {
        fail(token.start, previous?.kind === 'newline' || previous?.kind === 'semicolon'
          ? 'syntax error: non-declaration statement outside function body'
          : `syntax error: unexpected ${text} after top level declaration`);
        return;
      }
      const expected = top.bracket === '(' ? ')' : top.bracket === '[' ? ']' : '}';
      if (text === expected) {
        stack.pop();
        lastClosedRole = top.role;
        if (top.role !== 'parameters' && top.bracket === '(') funcPending = false;
        if (text === '}') funcPending = false;
        return;
      }
      if (top.role === 'arguments') fail(token.start, `syntax error: unexpected ${text} in argument list; possibly missing comma or )`);
      else if (top.role === 'parameters') fail(token.start, `syntax error: unexpected ${text} in parameter list; possibly missing comma or )`);
      else if (top.role === 'brace') {
        const statementEnded = previous !== undefined && endsOperand(previous);
        fail(token.start, `syntax error: unexpected ${text}${statementEnded ? ' at end of statement' : ', expected expression'}`);
      }
      else fail(token.start, `syntax error: unexpected ${text}, expected ${expected}`);
    }
  };
  let lastClosedRole: Open['role'] | null = null;
  /** Operators since the last statement or list boundary. */
  let operatorRun = 0;
  let funcPending = false;

  const length = source.length;
  let index = 0;
  while (index < length && nestingTooDeep === null) {
    const code = source.charCodeAt(index);
    // Whitespace and newlines.
    if (code === 10) {
      if (semicolonAfter(previous)) push({ kind: 'newline', text: '\n', start: index });
      index++;
      continue;
    }
    if (code === 32 || code === 9 || code === 13) {
      index++;
      continue;
    }
    const start = index;
    // Comments.
    if (code === 47 && source.charCodeAt(index + 1) === 47) {
      const newline = source.indexOf('\n', index);
      index = newline === -1 ? length : newline;
      continue;
    }
    if (code === 47 && source.charCodeAt(index + 1) === 42) {
      const close = source.indexOf('*/', index + 2);
      if (close === -1) {
        fail(start, 'comment not terminated');
        index = length;
        break;
      }
      const hasNewline = source.lastIndexOf('\n', close) > index;
      index = close + 2;
      if (hasNewline && semicolonAfter(previous)) push({ kind: 'newline', text: '\n', start });
      continue;
    }
    // Names and keywords.
    if (isLetter(code)) {
      while (index < length && (isLetter(source.charCodeAt(index)) || isDigit(source.charCodeAt(index)))) index++;
      const text = source.slice(start, index);
      if (code > 0x7f && !/^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(text)) {
        const bad = [...text].find((c) => !/[\p{L}\p{Nd}_]/u.test(c)) ?? text;
        const point = bad.codePointAt(0) ?? 0;
        if (point === 0xfffd) fail(start, 'invalid UTF-8 encoding');
        else fail(start, `invalid character U+${point.toString(16).toUpperCase().padStart(4, '0')}${/\p{L}|\p{N}|\p{P}|\p{S}/u.test(bad) ? ` '${bad}'` : ''}`);
      }
      push({ kind: keywords.has(text) ? 'keyword' : 'name', text, start });
      continue;
    }
    // Numbers.
    if (isDigit(code) || (code === 46 && isDigit(source.charCodeAt(index + 1)))) {
      index = scanNumber(source, index, fail);
      push({ kind: 'literal', text: source.slice(start, index), start });
      continue;
    }
    // Strings and runes.
    if (code === 34 || code === 39) {
      index = scanQuoted(source, index, fail);
      push({ kind: 'literal', text: source.slice(start, index), start });
      continue;
    }
    if (code === 96) {
      const close = source.indexOf('`', index + 1);
      if (close === -1) {
        fail(start, 'string not terminated');
        index = length;
        push({ kind: 'literal', text: source.slice(start), start });
        break;
      }
      index = close + 1;
      push({ kind: 'literal', text: source.slice(start, index), start });
      continue;
    }
    const operator = operatorAt(source, index);
    if (operator !== undefined) {
      index += operator.length;
      push({ kind: operator === ';' ? 'semicolon' : 'operator', text: operator, start });
      continue;
    }
    // Anything else is an invalid character; only the first error is reported.
    const point = source.codePointAt(index) ?? 0;
    if (error !== null) {
      index += point > 0xffff ? 2 : 1;
      continue;
    }
    if (point === 0) fail(start, 'invalid NUL character');
    else if (point === 0xfffd) fail(start, 'invalid UTF-8 encoding');
    else if (point === 0xfeff) fail(start, 'invalid BOM in the middle of the file');
    else {
      const char = String.fromCodePoint(point);
      const printable = /\p{L}|\p{N}|\p{P}|\p{S}/u.test(char);
      fail(start, `invalid character U+${point.toString(16).toUpperCase().padStart(4, '0')}${printable ? ` '${char}'` : ''}`);
    }
    index += point > 0xffff ? 2 : 1;
  }
  if (nestingTooDeep === null) {
    if (semicolonAfter(previous)) push({ kind: 'newline', text: 'EOF', start: length });
    push({ kind: 'EOF', text: '', start: length });
  }

  return {
    diagnostics: error === null ? [] : [error],
    nestingTooDeep,
    insideNew,
    typeLiteralMethodExpr,
    syntaxErrorNear(offset: number): { start: number; message: string } {
      let index = tokenIndexAt(offset);
      // tree-sitter often starts its error at the operand before the offending token: two
      // operands in a row (`f(a b)`) mean the second one is what gc complains about.
      const previousToken = tokens[index - 1];
      const atToken = tokens[index];
      const alreadyPaired = previousToken !== undefined && atToken !== undefined && endsOperand(previousToken) && startsOperand(atToken);
      for (let look = index; look < index + 3 && !alreadyPaired; look++) {
        const current = tokens[look];
        const next = tokens[look + 1];
        if (current === undefined || next === undefined || current.kind === 'newline' || current.kind === 'semicolon') break;
        if (endsOperand(current) && startsOperand(next)) {
          index = look + 1;
          break;
        }
      }
      const token = tokens[index];
      const before = tokens[index - 1];
      let suffix = '';
      if (token !== undefined && token.kind !== 'EOF') {
        if (token.context === 'arguments') suffix = ' in argument list; possibly missing comma or )';
        else if (token.context === 'parameters') suffix = ' in parameter list; possibly missing comma or )';
        else if (token.context === 'brace' && before !== undefined && endsOperand(before) && (startsOperand(token) || token.text === ')' || token.text === ']')) {
          suffix = ' at end of statement';
        }
      }
      return { start: token?.start ?? offset, message: `syntax error: unexpected ${describeToken(token?.kind === 'EOF' ? undefined : token)}${suffix}` };
    },
  };

  function typeLiteralMethodExpr(): number | null {
    for (let index = 0; index + 1 < tokens.length; index++) {
      const keyword = tokens[index] as Token;
      if ((keyword.text !== 'interface' && keyword.text !== 'struct') || keyword.kind !== 'keyword' || tokens[index + 1]?.text !== '{') continue;
      // The literal's closing brace, then `.` and a name.
      let depth = 0;
      for (let inner = index + 1; inner < tokens.length; inner++) {
        const text = (tokens[inner] as Token).text;
        if (text === '{') depth++;
        else if (text === '}' && --depth === 0) {
          if (tokens[inner + 1]?.text === '.' && tokens[inner + 2]?.kind === 'name') return keyword.start;
          break;
        }
      }
    }
    return null;
  }

  function insideNew(offset: number): number | null {
    // Walk back to the innermost unclosed `(` before `offset` and look at the token before it.
    let depth = 0;
    for (let index = Math.min(tokenIndexAt(offset), tokens.length - 1); index >= 0; index--) {
      const token = tokens[index] as Token;
      if (token.start >= offset) continue;
      if (token.text === ')' || token.text === ']' || token.text === '}') depth++;
      else if (token.text === '(' || token.text === '[' || token.text === '{') {
        if (depth > 0) depth--;
        else {
          const before = tokens[index - 1];
          return token.text === '(' && before?.kind === 'name' && before.text === 'new' ? before.start : null;
        }
      }
    }
    return null;
  }

  /** Index of the token that starts at or contains `offset` (the next token when `offset` is in a gap). */
  function tokenIndexAt(offset: number): number {
    let low = 0;
    let high = tokens.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      const token = tokens[middle] as Token;
      if (token.start + Math.max(token.text.length, 1) <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Whether a token can end an operand (`x`, `1`, `)`, `]`, `}`). */
function endsOperand(token: Token): boolean {
  return token.kind === 'name' || token.kind === 'literal' || (token.kind === 'operator' && (token.text === ')' || token.text === ']' || token.text === '}'));
}

/** Whether a token can start an operand. */
function startsOperand(token: Token): boolean {
  return token.kind === 'name' || token.kind === 'literal';
}

/** Scans a number literal at `index`; returns the offset after it. */
function scanNumber(source: string, index: number, fail: (offset: number, message: string) => void): number {
  const start = index;
  let base = 10;
  let prefix = '';
  if (source[index] === '0') {
    const next = source[index + 1]?.toLowerCase();
    if (next === 'x' || next === 'b' || next === 'o') {
      base = next === 'x' ? 16 : next === 'b' ? 2 : 8;
      prefix = next;
      index += 2;
    }
  }
  const digitsStart = index;
  let sawDot = false;
  let sawExponent = false;
  for (;;) {
    const char = source[index] ?? '';
    const lower = char.toLowerCase();
    if (/[0-9_]/.test(char) || (base === 16 && /[a-f]/.test(lower))) index++;
    else if (char === '.' && !sawDot && !sawExponent) {
      sawDot = true;
      index++;
    } else if ((base === 10 && lower === 'e') || (base === 16 && lower === 'p')) {
      sawExponent = true;
      index++;
      if (source[index] === '+' || source[index] === '-') index++;
      const exponentStart = index;
      while (/[0-9_]/.test(source[index] ?? '')) index++;
      if (index === exponentStart) fail(index, 'exponent has no digits');
      break;
    } else break;
  }
  if (source[index] === 'i') index++;
  const body = source.slice(digitsStart, index).replace(/i$/, '');
  if (prefix !== '' && !/[0-9a-fA-F]/.test(body.split(/[pP]/)[0] ?? '')) {
    const names: Record<string, string> = { x: 'hexadecimal', b: 'binary', o: 'octal' };
    fail(index, `${names[prefix] ?? ''} literal has no digits`);
  } else if (base === 2 || base === 8) {
    const bad = /[^0-9_]|[2-9]/.exec(base === 2 ? body : body.replace(/[0-7_]/g, ''));
    if (bad !== null && base === 2 && /[2-9]/.test(body)) {
      const offset = digitsStart + body.search(/[2-9]/);
      fail(offset, `invalid digit '${source[offset]}' in binary literal`);
    } else if (base === 8 && /[89]/.test(body)) {
      const offset = digitsStart + body.search(/[89]/);
      fail(offset, `invalid digit '${source[offset]}' in octal literal`);
    }
  } else if (base === 10 && source[start] === '0' && !sawDot && !sawExponent && /[89]/.test(body) && source[index - 1] !== 'i') {
    const offset = start + body.search(/[89]/);
    fail(offset, `invalid digit '${source[offset]}' in octal literal`);
  }
  return index;
}

/** Scans an interpreted string or rune literal at `index`; returns the offset after it. */
function scanQuoted(source: string, index: number, fail: (offset: number, message: string) => void): number {
  const start = index;
  const quote = source[index];
  const isRune = quote === "'";
  index++;
  let characters = 0;
  for (;;) {
    const char = source[index];
    if (char === undefined) {
      fail(start, isRune ? 'rune literal not terminated' : 'string not terminated');
      return index;
    }
    if (char === '\n') {
      fail(index, isRune ? 'newline in rune literal' : 'newline in string');
      return index;
    }
    if (char === quote) {
      index++;
      break;
    }
    if (char === '\\') {
      const escape = source[index + 1] ?? '';
      if ('abfnrtv\\'.includes(escape) || escape === quote) index += 2;
      else if (/[0-7]/.test(escape)) index += 4;
      else if (escape === 'x') index += 4;
      else if (escape === 'u') index += 6;
      else if (escape === 'U') index += 10;
      else {
        fail(index + 1, 'unknown escape');
        index += 2;
      }
    } else {
      index += (source.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
    }
    characters++;
  }
  if (isRune && characters === 0) fail(start + 1, "empty rune literal or unescaped ' in rune literal");
  else if (isRune && characters > 1) fail(start, 'more than one character in rune literal');
  return index;
}
