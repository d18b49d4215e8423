/**
 * The hand-written parser (src/sim/syntax/fastparse.ts) must build exactly tree-sitter-go's
 * tree whenever it builds one, and build one for every well-formed source of the site; for Go's
 * own test corpus a ratchet keeps the share of files it reads from going down. Files it gives up
 * on go through tree-sitter, so their diagnostics are unchanged.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/sim/syntax/fastparse.ts';
import { makeLineTable } from '../../src/sim/syntax/lines.ts';
import { loadGoParserForNode } from '../../src/sim/syntax/node-wasm.ts';
import { copyTree, type SyntaxNode } from '../../src/sim/syntax/parse.ts';
import { scan } from '../../src/sim/syntax/scanner.ts';
import { loadSnapshots } from '../escape/fixtures.ts';
import { goroot } from './go-toolchain.ts';

const goParser = await loadGoParserForNode();
const root = goroot();

/** The first difference between two trees, as a path and the differing values; null when equal. */
function difference(fast: SyntaxNode, expected: SyntaxNode, path = ''): string | null {
  const here = `${path}/${expected.type}@${expected.start}`;
  for (const key of ['type', 'field', 'named', 'missing', 'start', 'end'] as const) {
    if (fast[key] !== expected[key]) return `${here}.${key}: ${String(fast[key])} instead of ${String(expected[key])}`;
  }
  if (fast.children.length !== expected.children.length) {
    return `${here}: children [${fast.children.map((c) => c.type).join(' ')}] instead of [${expected.children.map((c) => c.type).join(' ')}]`;
  }
  for (let index = 0; index < fast.children.length; index++) {
    const found = difference(fast.children[index] as SyntaxNode, expected.children[index] as SyntaxNode, here);
    if (found !== null) return found;
  }
  return null;
}

interface Outcome {
  /** tree-sitter read the file without ERROR or MISSING nodes. */
  clean: boolean;
  /** The fast parser built a tree. */
  read: boolean;
  /** How its tree, comments or errors differ from tree-sitter's (null: identical or not built). */
  mismatch: string | null;
}

/** Both parsers on one source; null when the scanner rejects it (parse never gets that far). */
function compare(source: string): Outcome | null {
  const scanned = scan(source, makeLineTable(source));
  if (scanned.diagnostics.length > 0 || scanned.nestingTooDeep !== null) return null;
  const expected = copyTree(goParser, source);
  if (expected === null) return null;
  const fast = fastParse(source);
  const clean = expected.errors.length === 0;
  if (fast === null) return { clean, read: false, mismatch: null };
  let mismatch = difference(fast.root, expected.root);
  if (mismatch === null && JSON.stringify(fast.comments) !== JSON.stringify(expected.comments)) mismatch = 'comments differ';
  if (mismatch === null && JSON.stringify(fast.errors) !== JSON.stringify(expected.errors)) mismatch = 'errors differ';
  return { clean, read: true, mismatch };
}

function goFiles(folder: string): string[] {
  return readdirSync(folder).sort().flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return goFiles(path);
    return name.endsWith('.go') ? [path] : [];
  });
}

describe('fast parser', () => {
  it('builds tree-sitter-go\'s tree for every escape fixture and lesson snippet', () => {
    const snapshots = loadSnapshots();
    expect(snapshots.length).toBeGreaterThan(200);
    let read = 0;
    for (const snapshot of snapshots) {
      const outcome = compare(snapshot.source);
      if (outcome === null) continue;
      expect(outcome.mismatch, snapshot.path).toBeNull();
      if (outcome.clean) {
        expect(outcome.read, `${snapshot.path} is well-formed but the fast parser gave up`).toBe(true);
        read++;
      }
    }
    expect(read).toBeGreaterThan(200);
  });

  it('gives up on syntax errors and on constructs tree-sitter-go rejects', () => {
    for (const body of [
      'x := ', 'f(a b)', 'if x {', 'x.(type)', 'if ; x {\n\t}', 'A:\nB:\n', 'p := new(1)', '_ = interface{ M() }.M',
      'for {\n\t}\n\telse {}', 'x := [...]int(y)',
    ]) {
      expect(fastParse(`package p\n\nfunc f() {\n\t${body}\n}\n`), body).toBeNull();
    }
    expect(fastParse('package p\n\nvar x = 1')).toBeNull();
  });

  it('gives up rather than overflow the stack on deep nesting, and rather than backtrack for long', () => {
    const deep = `package p\n\nvar x = ${'('.repeat(900)}1${')'.repeat(900)}\n`;
    expect(() => fastParse(deep)).not.toThrow();
    const generics = `package p\n\nvar x = ${'a['.repeat(200)}b${']'.repeat(200)}\n`;
    const started = performance.now();
    expect(() => fastParse(generics)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.skipIf(root === null || !existsSync(`${root}/test`))("builds tree-sitter-go's tree for most of Go's test corpus", () => {
    let clean = 0;
    let read = 0;
    const mismatches: string[] = [];
    for (const file of goFiles(`${root}/test`)) {
      const source = readFileSync(file, 'utf8');
      if (source.length > 512 * 1024) continue;
      const outcome = compare(source);
      if (outcome === null) continue;
      if (outcome.mismatch !== null) mismatches.push(`${file}: ${outcome.mismatch}`);
      if (outcome.clean) {
        clean++;
        if (outcome.read) read++;
      }
    }
    expect(mismatches).toEqual([]);
    const share = read / clean;
    console.log(`fast parser: ${read} of ${clean} files of $GOROOT/test that tree-sitter-go reads cleanly (${(100 * share).toFixed(1)}%)`);
    expect(clean).toBeGreaterThan(3000);
    expect(share).toBeGreaterThanOrEqual(0.985);
  }, 60_000);
});
