/**
 * The analysis Web Worker: runs the simulator off the page's main thread, so a slow or stuck
 * analysis never freezes typing. The page terminates and replaces it when an answer is late.
 */
import runtimeUrl from 'web-tree-sitter/tree-sitter.wasm?url';
import grammarUrl from 'tree-sitter-go/tree-sitter-go.wasm?url';
import { analyze } from '../sim/analyze.ts';
import { loadGoParser } from '../sim/syntax/load.ts';
import type { AnalysisAnswer, AnalysisJob, WorkerStartup } from './protocol.ts';

function reply(answer: AnalysisAnswer | WorkerStartup): void {
  postMessage(answer);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

// The parser is loaded once, from the wasm files the site serves, before the first analysis;
// the page is told when that is done, so start-up time is not counted as analysis time.
const parserReady = loadGoParser({ runtime: runtimeUrl, grammar: grammarUrl });
parserReady.then(
  () => reply({ kind: 'ready' }),
  (error: unknown) => reply({ kind: 'startFailure', message: describe(error) }),
);

addEventListener('message', (event: MessageEvent<AnalysisJob>) => {
  const { id, request } = event.data;
  parserReady
    .then(() => analyze(request))
    .then(
      (result) => reply({ id, kind: 'result', result }),
      (error: unknown) => reply({ id, kind: 'failure', message: describe(error) }),
    );
});
