/**
 * Node-only: the wasm files read from node_modules, for tests, benchmarks and the CLI.
 * The browser passes URLs to `loadGoParser` instead and never imports this module.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadGoParser, type GoParser } from './load.ts';

/** Loads the Go parser with the wasm files installed in node_modules. */
export function loadGoParserForNode(): Promise<GoParser> {
  const require = createRequire(import.meta.url);
  return loadGoParser({
    runtime: readFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm')),
    grammar: readFileSync(require.resolve('tree-sitter-go/tree-sitter-go.wasm')),
  });
}
