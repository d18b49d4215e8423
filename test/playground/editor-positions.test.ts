import { describe, expect, it } from 'vitest';
import { characterColumn, siteSummary } from '../../src/components/playground/code-editor.ts';
import { offsetOf } from '../../src/components/playground/textarea-editor.ts';

describe('gc positions in editor text', () => {
  it('maps byte columns to character columns (gc counts UTF-8 bytes)', () => {
    expect(characterColumn('\tx := 1', 2)).toBe(2);
    // "é" is two bytes: byte column 4 is the third character.
    expect(characterColumn('é:=x', 4)).toBe(3);
    expect(characterColumn('s := "日本"; p', 16)).toBe(12);
  });

  it('finds the character offset of a line and column', () => {
    const text = 'package main\n\nfunc f() {\n\tx := 1\n}\n';
    expect(text.slice(offsetOf(text, { line: 4, column: 2 }))).toMatch(/^x := 1/);
    expect(offsetOf(text, { line: 1, column: 1 })).toBe(0);
  });
});

describe('site summaries', () => {
  it('say where a site lives in plain words', () => {
    const base = { line: 4, column: 2, end: { line: 4, column: 3 }, what: 'x', reason: [] };
    expect(siteSummary({ ...base, placement: 'heap', message: 'moved to heap: x', allocates: true, heapBytes: 8 })).toBe(
      'x allocates 8 bytes on the heap (moved to heap: x).',
    );
    expect(siteSummary({ ...base, placement: 'heap', message: '42 escapes to heap', allocates: false })).toBe(
      'x escapes but does not allocate at run time (42 escapes to heap).',
    );
    expect(siteSummary({ ...base, placement: 'stack', message: 'x does not escape', allocates: false })).toBe(
      'x stays on the stack (x does not escape).',
    );
  });
});
