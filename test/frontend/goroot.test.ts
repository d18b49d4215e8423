/**
 * The front end accepts Go's own escape tests ($(go env GOROOT)/test/escape*.go and three
 * fixedbugs files): no errors, and exactly the constructs pinned below reported as not
 * modelled (std packages outside stdlib.json, generics, body-less declarations). Needs `go`
 * to find the files; without it the tests are reported as skipped, not passed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelledStdlib } from '../../src/sim/stdlib/modelled.ts';
import { loadGoParserForNode } from '../../src/sim/syntax/node-wasm.ts';
import { parse } from '../../src/sim/syntax/parse.ts';
import { check } from '../../src/sim/types/index.ts';
import { goroot } from './go-toolchain.ts';

const root = goroot();
const goParser = await loadGoParserForNode();

/** The body-less declarations of escape2.go, repeated in escape2n.go. */
const bodiless = [
  '937:1: not modeled: function declarations without a body',
  '1354:1: not modeled: function declarations without a body',
  '1356:1: not modeled: function declarations without a body',
  '1360:1: not modeled: function declarations without a body',
  '1362:1: not modeled: function declarations without a body',
  '1418:1: not modeled: function declarations without a body',
  '1429:1: not modeled: function declarations without a body',
];

/** Per file, every diagnostic the front end gives: all `not modeled`. */
const notModeled: Record<string, string[]> = {
  'escape2.go': bodiless,
  'escape2n.go': bodiless,
  'escape_alias.go': [
    '751:13: not modeled: generic functions',
    '751:25: not modeled: generic type instantiation',
    '779:9: not modeled: generic types',
    '685:10: not modeled: runtime.AddCleanup',
  ],
  'escape_calls.go': [
    '18:1: not modeled: function declarations without a body',
  ],
  'escape_runtime_atomic.go': [
    '12:2: not modeled: import "internal/runtime/atomic"',
  ],
  'escape_unique.go': [
    '15:19: not modeled: generic type instantiation',
    '19:20: not modeled: generic type instantiation',
    '23:9: not modeled: generic functions',
    '23:26: not modeled: generic type instantiation',
    '27:14: not modeled: generic type instantiation',
    '31:14: not modeled: generic type instantiation',
    '40:31: not modeled: generic type instantiation',
    '48:19: not modeled: generic type instantiation',
    '54:19: not modeled: generic type instantiation',
    '59:20: not modeled: generic type instantiation',
    '11:8: not modeled: import "unique"',
  ],
};

const files = root === null || !existsSync(`${root}/test`) ? [] : [
  ...readdirSync(`${root}/test`).filter((f) => /^escape.*\.go$/.test(f)),
  'fixedbugs/issue12006.go', 'fixedbugs/issue13799.go', 'fixedbugs/issue31573.go',
].sort();

describe.skipIf(root === null)('Go escape tests are accepted', () => {
  it('finds the files', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });
  for (const file of files) {
    it(file, () => {
      const parsed = parse(goParser, readFileSync(`${root}/test/${file}`, 'utf8'));
      const checked = check(parsed.file, { stdlib: modelledStdlib() });
      const lines = [...parsed.diagnostics, ...checked.diagnostics].map((d) => `${d.line}:${d.column}: ${d.message.split('\n')[0]}`);
      expect(lines).toEqual(notModeled[file.replace(/^fixedbugs\//, '')] ?? []);
      expect(lines.every((line) => line.includes(': not modeled: '))).toBe(true);
    });
  }
});
