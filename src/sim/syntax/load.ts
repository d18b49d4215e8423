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

/**
 * The runtime's own cursor functions. Each works on the cursor held in the runtime's transfer
 * buffer and leaves it there, so a walk that calls only these keeps its cursor in wasm memory;
 * the `TreeCursor` class instead copies the cursor in and out around every call.
 */
export interface RawCursor {
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_delete_wasm(tree: number): void;
}

/** A ready tree-sitter parser for Go. */
export interface GoParser {
  /** The underlying tree-sitter parser (reused across parses). */
  parser: Parser;
  /** The runtime's cursor functions, when the runtime exposes them (see `RawCursor`). */
  raw: RawCursor | null;
}

const rawFunctions = [
  '_ts_tree_cursor_goto_first_child_wasm', '_ts_tree_cursor_goto_next_sibling_wasm', '_ts_tree_cursor_goto_parent_wasm',
  '_ts_tree_cursor_current_node_type_id_wasm', '_ts_tree_cursor_current_field_id_wasm', '_ts_tree_cursor_current_node_is_missing_wasm',
  '_ts_tree_cursor_start_index_wasm', '_ts_tree_cursor_end_index_wasm', '_ts_tree_cursor_delete_wasm',
] as const;

/** The runtime module's cursor functions, if every one is there. */
function rawCursor(module: Record<string, unknown>): RawCursor | null {
  return rawFunctions.every((name) => typeof module[name] === 'function') ? (module as unknown as RawCursor) : null;
}

let loading: Promise<GoParser> | null = null;

/**
 * Initialises tree-sitter with the given wasm files and returns the Go parser. The first
 * call's sources win; later calls return the same parser.
 */
export function loadGoParser(sources: WasmSources): Promise<GoParser> {
  loading ??= (async () => {
    const runtime = sources.runtime;
    // The options object becomes the runtime's module, functions and all.
    const module: Record<string, unknown> = typeof runtime === 'string' ? { locateFile: () => runtime } : { wasmBinary: runtime };
    await Parser.init(module);
    const language = await Language.load(sources.grammar);
    const parser = new Parser();
    parser.setLanguage(language);
    return { parser, raw: rawCursor(module) };
  })();
  return loading;
}
