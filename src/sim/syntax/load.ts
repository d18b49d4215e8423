/**
 * Loading the tree-sitter runtime and the Go grammar. The same code runs in Node (tests, CLI)
 * and in a browser Web Worker; only the way the two `.wasm` files are found differs, so the
 * caller passes them in: bytes (Node reads them from node_modules, see ./node-wasm.ts) or URLs
 * (the site serves them).
 */
import { Language, Parser } from 'web-tree-sitter';

/** Where the two WebAssembly modules come from: their bytes, or URLs to fetch. */
export interface WasmSources {
  /** `web-tree-sitter/tree-sitter.wasm`: the runtime. */
  runtime: Uint8Array | string;
  /** `tree-sitter-go/tree-sitter-go.wasm`: the Go grammar. */
  grammar: Uint8Array | string;
}

/** A ready tree-sitter parser for Go. */
export interface GoParser {
  /** The underlying tree-sitter parser (reused across parses). */
  parser: Parser;
}

let loading: Promise<GoParser> | null = null;

/**
 * Initialises tree-sitter with the given wasm files and returns the Go parser. The first
 * call's sources win; later calls return the same parser.
 */
export function loadGoParser(sources: WasmSources): Promise<GoParser> {
  loading ??= (async () => {
    const runtime = sources.runtime;
    await Parser.init(
      typeof runtime === 'string'
        ? { locateFile: () => runtime }
        : { wasmBinary: runtime },
    );
    const language = await Language.load(sources.grammar);
    const parser = new Parser();
    parser.setLanguage(language);
    return { parser };
  })();
  return loading;
}
