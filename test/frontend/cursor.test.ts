/**
 * The tree-sitter path walks tree-sitter's tree through the runtime's cursor functions
 * directly, and through the `TreeCursor` class when a runtime lacks them: both walks must copy
 * the same tree (well-formed files usually take the hand-written parser, so `copyTree` is
 * called here directly).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGoParserForNode } from '../../src/sim/syntax/node-wasm.ts';
import { copyTree } from '../../src/sim/syntax/parse.ts';

const goParser = await loadGoParserForNode();
const fixtureDir = new URL('../fixtures/escape/', import.meta.url);
const fixtures = readdirSync(fixtureDir).filter((name) => name.endsWith('.go')).sort();

/** `copyTree` through the class's walk. */
function viaClass(source: string): ReturnType<typeof copyTree> {
  const raw = goParser.raw;
  goParser.raw = null;
  try {
    return copyTree(goParser, source);
  } finally {
    goParser.raw = raw;
  }
}

describe('tree walk', () => {
  it('the runtime exposes its cursor functions', () => {
    expect(goParser.raw).not.toBeNull();
  });

  it.each(fixtures)('%s: the direct walk and the TreeCursor walk copy the same tree', (name) => {
    const source = readFileSync(new URL(name, fixtureDir), 'utf8');
    const direct = copyTree(goParser, source);
    expect(direct).not.toBeNull();
    expect(JSON.stringify(direct)).toBe(JSON.stringify(viaClass(source)));
    // A file with a syntax error goes through the same walk and must still agree.
    const broken = `${source}\nfunc broken( {\n`;
    const brokenDirect = copyTree(goParser, broken);
    expect(brokenDirect?.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(brokenDirect)).toBe(JSON.stringify(viaClass(broken)));
  });
});
