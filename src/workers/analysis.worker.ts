/**
 * The analysis Web Worker: runs the simulator off the page's main thread, so a slow or stuck
 * analysis never freezes typing. The page terminates and replaces it when an answer is late.
 */
import runtimeUrl from 'web-tree-sitter/tree-sitter.wasm?url';
import grammarUrl from 'tree-sitter-go/tree-sitter-go.wasm?url';
import { analyze } from '../sim/analyze.ts';
import { loadGoParser } from '../sim/syntax/load.ts';
import type { AnalysisAnswer, AnalysisJob } from './protocol.ts';

// The parser is loaded once, from the wasm files the site serves, before the first analysis.
const parserReady = loadGoParser({ runtime: runtimeUrl, grammar: grammarUrl });

function reply(answer: AnalysisAnswer): void {
  postMessage(answer);
}

addEventListener('message', (event: MessageEvent<AnalysisJob>) => {
  const { id, request } = event.data;
  parserReady
    .then(() => analyze(request))
    .then(
      (result) => reply({ id, kind: 'result', result }),
      (error: unknown) => reply({ id, kind: 'failure', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
    );
});
