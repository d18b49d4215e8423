/**
 * Node positions are gc's: every position the real compiler prints for an escape fixture under
 * `-m -l` (allocation sites, moved variables, parameters) is the `pos` of some node of our AST,
 * and where gc names the node (`moved to heap: x`, `leaking param: p`, `new(T) escapes`), the
 * node there reads the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Node } from '../../src/sim/syntax/ast.ts';
import { loadGoParserForNode } from '../../src/sim/syntax/node-wasm.ts';
import { parse } from '../../src/sim/syntax/parse.ts';
import { forEachNode } from '../../src/sim/syntax/walk.ts';
import { exprString } from '../../src/sim/types/typestring.ts';

const goParser = await loadGoParserForNode();
const folder = 'test/fixtures/escape';
const snapshots = `src/data/oracle/escape/${folder}`;

describe('gc positions of escape fixtures', () => {
  const files = readdirSync(folder).filter((f) => f.endsWith('.go')).sort();
  for (const file of files) {
    const source = readFileSync(`${folder}/${file}`, 'utf8');
    if (source.startsWith('// oracle: compile-error')) continue;
    it(file, () => {
      const snapshot = JSON.parse(readFileSync(`${snapshots}/${file.replace(/\.go$/, '.json')}`, 'utf8')) as { runs: { flags: string; lines: string[] }[] };
      const run = snapshot.runs.find((r) => r.flags === '-m -l');
      expect(run).toBeDefined();
      const parsed = parse(goParser, source);
      const byPosition = new Map<string, Node[]>();
      forEachNode(parsed.file, (node) => {
        const key = `${node.pos.line}:${node.pos.column}`;
        byPosition.set(key, [...(byPosition.get(key) ?? []), node]);
      });
      for (const line of run?.lines ?? []) {
        const match = new RegExp(`^${file.replace('.', '\\.')}:(\\d+):(\\d+): (.*)$`).exec(line);
        if (match === null) continue;
        const [, lineNumber, column, message] = match;
        const nodes = byPosition.get(`${lineNumber}:${column}`) ?? [];
        expect(nodes.length, `no node at ${line}`).toBeGreaterThan(0);
        const named = /^(?:moved to heap|leaking param(?: content)?): (\w+)/.exec(message ?? '') ?? /^([A-Za-z_]\w*) does not escape$/.exec(message ?? '');
        if (named !== null) {
          // `append does not escape` names the builtin of the call at that position.
          expect(nodes.some((n) => (n.kind === 'Name' && n.value === named[1]) || (n.kind === 'CallExpr' && exprString(n.fun) === named[1])), line).toBe(true);
        }
        const allocation = /^((?:new|make)\(.*\)) (?:escapes to heap|does not escape)$/.exec(message ?? '');
        if (allocation !== null) {
          expect(nodes.some((n) => n.kind !== 'File' && exprString(n as never) === allocation[1]), line).toBe(true);
        }
      }
    });
  }
});
