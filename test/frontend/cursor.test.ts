/**
 * The parser walks tree-sitter's tree through the runtime's cursor functions directly, and
 * through the `TreeCursor` class when a runtime lacks them: both walks must build the same AST.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGoParserForNode } from '../../src/sim/syntax/node-wasm.ts';
import { parse } from '../../src/sim/syntax/parse.ts';

const goParser = await loadGoParserForNode();
const fixtureDir = new URL('../fixtures/escape/', import.meta.url);
const fixtures = readdirSync(fixtureDir).filter((name) => name.endsWith('.go')).sort();

describe('tree walk', () => {
  it('the runtime exposes its cursor functions', () => {
    expect(goParser.raw).not.toBeNull();
  });

  it.each(fixtures)('%s: the direct walk and the TreeCursor walk agree', (name) => {
    const source = readFileSync(new URL(name, fixtureDir), 'utf8');
    const direct = parse(goParser, source);
    const raw = goParser.raw;
    goParser.raw = null;
    try {
      const viaClass = parse(goParser, source);
      expect(JSON.stringify(direct)).toBe(JSON.stringify(viaClass));
    } finally {
      goParser.raw = raw;
    }
    // A file with a syntax error goes through the same walk and must still agree.
    const broken = `${source}\nfunc broken( {\n`;
    const brokenDirect = parse(goParser, broken);
    goParser.raw = null;
    try {
      expect(JSON.stringify(brokenDirect)).toBe(JSON.stringify(parse(goParser, broken)));
    } finally {
      goParser.raw = raw;
    }
  });
});
