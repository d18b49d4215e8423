/**
 * Hostile input: every case is answered with a diagnostic, never an exception or a stack
 * overflow. (How long each takes is printed by scripts/bench-frontend.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/sim/api.ts';
import { modelledStdlib } from '../../src/sim/stdlib/modelled.ts';
import { loadGoParserForNode } from '../../src/sim/syntax/node-wasm.ts';
import { parse } from '../../src/sim/syntax/parse.ts';
import { check } from '../../src/sim/types/index.ts';

const goParser = await loadGoParserForNode();

/** Parses and, when the parse is clean, checks; returns all diagnostics. */
function frontEnd(source: string): Diagnostic[] {
  const parsed = parse(goParser, source);
  if (parsed.diagnostics.length > 0) return parsed.diagnostics;
  return check(parsed.file, { stdlib: modelledStdlib() }).diagnostics;
}

function first(source: string): string {
  const diagnostic = frontEnd(source)[0];
  return diagnostic === undefined ? '' : `${diagnostic.line}:${diagnostic.column}: ${diagnostic.message}`;
}

describe('limits', () => {
  it('refuses a 1 MB source with a diagnostic', () => {
    const source = `package main\n${'func f() { x := 1; _ = x }\n'.repeat(40_000)}`;
    expect(source.length).toBeGreaterThan(1_000_000);
    expect(first(source)).toBe('1:1: not modeled: source files larger than 512 KiB');
  });
  it('refuses 10,000 nested parentheses', () => {
    expect(first(`package main\nvar x = ${'('.repeat(10_000)}1${')'.repeat(10_000)}\n`)).toBe('2:1009: not modeled: nesting deeper than 1000 levels');
  });
  it('refuses 5,000 nested blocks', () => {
    expect(first(`package main\nfunc f() ${'{'.repeat(5_000)}${'}'.repeat(5_000)}\n`)).toBe('2:1010: not modeled: nesting deeper than 1000 levels');
  });
  it('refuses very long operator chains', () => {
    expect(first(`package main\nvar x = ${Array(20_000).fill('1').join(' + ')}\n`)).toBe('2:4007: not modeled: nesting deeper than 1000 levels');
    expect(first(`package main\nvar x = ${'-'.repeat(20_000)}1\n`)).toBe('2:2007: not modeled: nesting deeper than 1000 levels');
  });
  it('answers binary garbage', () => {
    const garbage = Array.from({ length: 200_000 }, (_, index) => String.fromCharCode((index * 7919) % 256)).join('');
    expect(first(garbage)).toBe('1:1: invalid NUL character');
  });
  it('answers an unterminated string', () => {
    expect(first(`package main\nvar s = "${'a'.repeat(200_000)}`)).toBe('2:9: string not terminated');
  });
  it('accepts nesting just under the limit', () => {
    const source = `package main\nvar x = ${'('.repeat(300)}1${')'.repeat(300)}\nfunc main() { _ = x }\n`;
    expect(frontEnd(source)).toEqual([]);
  });
});

const snippet = `package main

type point struct{ x, y int }

func (p *point) move(dx int) { p.x += dx }

func newPoint() *point {
	p := point{1, 2}
	p.move(3)
	s := []int{p.x, p.y}
	m := map[string]int{"a": len(s)}
	for k, v := range m {
		_ = k
		_ = v
	}
	return &p
}

func main() { _ = newPoint() }
`;

describe('property: the front end never throws', () => {
  it('on random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => {
      const diagnostics = frontEnd(text);
      return diagnostics.every((d) => d.line >= 1 && d.column >= 1 && d.message.length > 0);
    }), { numRuns: 300 });
  });
  it('on random Go-like token soup', () => {
    const token = fc.constantFrom('package', 'main', 'func', 'f', '(', ')', '{', '}', '[', ']', 'x', ':=', '=', '1', '"s"', '+', '*', '&', ',', ';', '\n', 'return', 'for', 'range', 'if', 'var', 'type', 'struct', 'map', 'chan', '<-', '.', 'go', 'defer', 'switch', 'case', ':', 'default');
    fc.assert(fc.property(fc.array(token, { maxLength: 120 }), (tokens) => {
      frontEnd(`package main\n${tokens.join(' ')}`);
      return true;
    }), { numRuns: 300 });
  });
  it('on mutations of a valid program', () => {
    expect(frontEnd(snippet)).toEqual([]);
    const mutation = fc.tuple(fc.nat(snippet.length), fc.nat(8), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
      let text = snippet;
      for (const [at, remove, insert] of mutations) text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));
      const diagnostics = frontEnd(text);
      return diagnostics.every((d) => d.line >= 1 && d.column >= 1);
    }), { numRuns: 400 });
  });
});
