/**
 * Constant values with arbitrary precision, as Go's untyped constants need: integers are
 * bigints, floats are exact rationals (every Go float literal is a rational), complex
 * numbers are pairs of rationals. Strings hold one character per byte (code units 0–255),
 * so `len` is the string's length and escapes such as `\xff` survive.
 */

/** An exact rational number; `denominator` is positive and the fraction is reduced. */
export interface Rational {
  /** Numerator. */
  numerator: bigint;
  /** Denominator (> 0). */
  denominator: bigint;
}

/** The value of a constant expression. */
export type ConstantValue =
  | { kind: 'bool'; value: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: Rational }
  | { kind: 'complex'; real: Rational; imag: Rational }
  | { kind: 'unknown' };

/** The value of an erroneous constant: operations on it stay unknown and report nothing more. */
export const unknownValue: ConstantValue = { kind: 'unknown' };

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Builds a reduced rational. */
export function rational(numerator: bigint, denominator: bigint = 1n): Rational {
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const divisor = gcd(numerator, denominator);
  if (divisor > 1n) {
    numerator /= divisor;
    denominator /= divisor;
  }
  return { numerator, denominator };
}

/** Exponents beyond this are not modelled (gc limits them too, with a different message). */
const maxExponent = 10_000;

const digitPatterns = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ };
const basePrefixes = { 2: '0b', 8: '0o', 10: '', 16: '0x' };

/** Parses a Go int literal (any base, with `_` separators); null when malformed. */
export function parseIntLiteral(text: string): bigint | null {
  if (/^(?:0|[1-9][0-9]*)$/.test(text)) return BigInt(text);
  let digits = text.replaceAll('_', '');
  let base = 10;
  if (/^0[xX]/.test(digits)) { base = 16; digits = digits.slice(2); }
  else if (/^0[bB]/.test(digits)) { base = 2; digits = digits.slice(2); }
  else if (/^0[oO]/.test(digits)) { base = 8; digits = digits.slice(2); }
  else if (/^0[0-9]/.test(digits)) { base = 8; digits = digits.slice(1); }
  if (digits === '') return null;
  const valid = digitPatterns[base as 2 | 8 | 10 | 16];
  if (!valid.test(digits)) return null;
  return BigInt(basePrefixes[base as 2 | 8 | 10 | 16] + digits);
}

/** Parses a Go float literal (decimal or hexadecimal) exactly; null when malformed or too large. */
export function parseFloatLiteral(text: string): Rational | null {
  const clean = text.replaceAll('_', '');
  const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(clean);
  if (hex !== null) {
    const whole = hex[1] ?? '';
    const fraction = hex[2] ?? '';
    if (whole + fraction === '') return null;
    const mantissa = BigInt('0x' + (whole + fraction || '0'));
    const exponent = Number(hex[3]) - 4 * fraction.length;
    if (Math.abs(exponent) > maxExponent * 4) return null;
    return exponent >= 0 ? rational(mantissa * 2n ** BigInt(exponent)) : rational(mantissa, 2n ** BigInt(-exponent));
  }
  const decimal = /^([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(clean);
  if (decimal === null) return null;
  const whole = decimal[1] ?? '';
  const fraction = decimal[2] ?? '';
  if (whole + fraction === '') return null;
  const mantissa = BigInt(whole + fraction || '0');
  const exponent = Number(decimal[3] ?? '0') - fraction.length;
  if (Math.abs(exponent) > maxExponent) return null;
  return exponent >= 0 ? rational(mantissa * 10n ** BigInt(exponent)) : rational(mantissa, 10n ** BigInt(-exponent));
}

/** Adds two rationals. */
export function addRational(a: Rational, b: Rational): Rational {
  return rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

/** Subtracts `b` from `a`. */
export function subtractRational(a: Rational, b: Rational): Rational {
  return rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator);
}

/** Multiplies two rationals. */
export function multiplyRational(a: Rational, b: Rational): Rational {
  return rational(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** Divides `a` by `b` (`b` non-zero). */
export function divideRational(a: Rational, b: Rational): Rational {
  return rational(a.numerator * b.denominator, a.denominator * b.numerator);
}

/** Compares two rationals: negative, zero or positive. */
export function compareRational(a: Rational, b: Rational): number {
  const difference = a.numerator * b.denominator - b.numerator * a.denominator;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** Whether a rational is a whole number. */
export function isWholeNumber(value: Rational): boolean {
  return value.denominator === 1n;
}

/** The nearest float64 to a rational (Infinity when out of range). */
export function rationalToNumber(value: Rational): number {
  const { numerator, denominator } = value;
  if (numerator === 0n) return 0;
  // Scale so that the quotient keeps 64 significant bits, then divide in floating point.
  const shift = BigInt(numerator.toString(2).length - denominator.toString(2).length - 64);
  const scaled = shift > 0n ? numerator / (denominator << shift) : (numerator << -shift) / denominator;
  return Number(scaled) * 2 ** Number(shift);
}

/** The value as a rational (ints and floats), or null. */
export function toRational(value: ConstantValue): Rational | null {
  if (value.kind === 'int') return rational(value.value);
  if (value.kind === 'float') return value.value;
  if (value.kind === 'complex' && value.imag.numerator === 0n) return value.real;
  return null;
}

/** The value as an exact integer (ints, whole floats, whole real complexes), or null. */
export function toInteger(value: ConstantValue): bigint | null {
  if (value.kind === 'int') return value.value;
  const asRational = toRational(value);
  return asRational !== null && isWholeNumber(asRational) ? asRational.numerator : null;
}

/** Formats a rational the way gc prints an untyped float constant in messages. */
function formatRational(value: Rational): string {
  if (isWholeNumber(value)) return value.numerator.toString();
  const approximate = rationalToNumber(value);
  const text = String(approximate);
  return text.includes('e') ? text.replace('e+', 'e+').replace(/e(-?)(\d)$/, 'e$10$2') : text;
}

/** Formats a constant as gc prints it in messages (`300`, `"a"`, `true`, `1.5`, `(1 + 2i)`). */
export function formatConstant(value: ConstantValue): string {
  switch (value.kind) {
    case 'bool':
      return String(value.value);
    case 'string':
      return quoteGoString(value.value);
    case 'int':
      return value.value.toString();
    case 'float':
      return formatRational(value.value);
    case 'complex':
      return `(${formatRational(value.real)} + ${formatRational(value.imag)}i)`;
    case 'unknown':
      return 'unknown';
  }
}

/**
 * A constant as go/constant's `String` prints it in messages: like {@link formatConstant}, but a
 * quoted string longer than 72 characters is cut to 69 and `...`.
 */
export function formatConstantShort(value: ConstantValue): string {
  if (value.kind === 'float') return shortFloat(value.value);
  if (value.kind === 'complex') return `(${shortFloat(value.real)} + ${shortFloat(value.imag)}i)`;
  const text = formatConstant(value);
  if (value.kind !== 'string') return text;
  const characters = [...text];
  return characters.length > 72 ? `${characters.slice(0, 69).join('')}...` : text;
}

/**
 * A float constant as go/constant prints it: `%.6g` of its float64 value, or the shortest `%g`
 * when that would hide that it is not a whole number (whole numbers print whole).
 */
function shortFloat(value: Rational): string {
  if (isWholeNumber(value)) {
    const whole = value.numerator;
    const digits = (whole < 0n ? -whole : whole).toString();
    if (digits.length <= 21) return formatG(Number(whole), 6);
  }
  const x = rationalToNumber(value);
  if (!Number.isFinite(x)) return formatRational(value);
  const text = formatG(x, 6);
  return !isWholeNumber(value) && !text.includes('.') && !text.includes('e') ? formatG(x, -1) : text;
}

/** Go's `%.<precision>g` (or the shortest `%g` for precision -1) of a float64. */
function formatG(x: number, precision: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const exponential = precision < 0 ? x.toExponential() : x.toExponential(precision - 1);
  const [mantissa = '', exponentText = '0'] = exponential.split('e');
  const exponent = Number(exponentText);
  // The shortest form switches to an exponent from 1e+06 on, as Go's does.
  const limit = precision < 0 ? 6 : precision;
  const trim = (digits: string) => (digits.includes('.') ? digits.replace(/0+$/, '').replace(/\.$/, '') : digits);
  if (exponent < -4 || exponent >= limit) {
    const sign = exponent < 0 ? '-' : '+';
    const magnitude = Math.abs(exponent);
    return `${trim(mantissa)}e${sign}${magnitude < 10 ? '0' : ''}${magnitude}`;
  }
  if (precision < 0) return String(x);
  return trim(x.toFixed(Math.max(0, precision - 1 - exponent)));
}

/**
 * Quotes a byte string as Go's strconv.Quote does: valid UTF-8 is kept, each byte of an invalid
 * sequence becomes `\xNN`, control characters are escaped.
 */
export function quoteGoString(bytes: string): string {
  let out = '"';
  for (let i = 0; i < bytes.length;) {
    const [code, size] = decodeRune(bytes, i);
    if (code < 0) {
      out += '\\x' + bytes.charCodeAt(i).toString(16).padStart(2, '0');
    } else {
      const char = String.fromCodePoint(code);
      if (char === '"' || char === '\\') out += '\\' + char;
      else if (char === '\n') out += '\\n';
      else if (char === '\t') out += '\\t';
      else if (char === '\r') out += '\\r';
      else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
      else out += char;
    }
    i += size;
  }
  return out + '"';
}

/** The code point of the UTF-8 sequence at byte `i` and its length, or -1 and 1 for an invalid byte (Go's utf8.DecodeRune). */
export function decodeRune(bytes: string, i: number): [number, number] {
  const b = bytes.charCodeAt(i);
  if (b < 0x80) return [b, 1];
  if (b < 0xc2 || b > 0xf4) return [-1, 1];
  const size = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
  const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  if (i + size > bytes.length) return [-1, 1];
  let code = b & (size === 2 ? 0x1f : size === 3 ? 0x0f : 0x07);
  for (let k = 1; k < size; k++) {
    const c = bytes.charCodeAt(i + k);
    if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return [-1, 1];
    code = (code << 6) | (c & 0x3f);
  }
  return [code, size];
}

/** Encodes a JavaScript string as a byte string (one char per UTF-8 byte). */
export function utf8Bytes(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(byte);
  return out;
}
