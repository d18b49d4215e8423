/**
 * The editor's lifecycle: the reader edits, the machine waits for a pause, asks the analysis
 * worker, and shows what came back. Every outcome is a state a view can draw:
 *
 *   idle → debouncing → analyzing → shown | syntaxError | notModeled | timedOut | crashed
 *
 * `analyzing` first waits for the worker to be ready (`workerReady`: loading the parser's
 * WebAssembly can take seconds on a slow machine, and is not the analysis being slow), then
 * runs the request under the time limit.
 * The analysis itself is an injected actor (`analyze`), so the machine runs the same in tests
 * and in the page. A request superseded by an edit is dropped (the actor is stopped, which
 * aborts its signal); one that outlives its time limit also triggers `restartWorker`, because
 * a worker that is stuck would never answer the next request either.
 * The reader's text lives in the context and is never dropped, whatever the outcome.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { AnalysisFlags, AnalysisRequest, AnalysisResult } from '../sim/api.ts';

/** How long the machine waits after the last keystroke before analysing, in ms. */
export const DEBOUNCE_MS = 20;

/** How long one analysis may take before the worker is given up on, in ms. */
export const ANALYSIS_TIMEOUT_MS = 2000;

/** How long a fresh worker may take to load before the editor reports it as broken, in ms. */
export const WORKER_START_LIMIT_MS = 30_000;

/** What the analysis actor receives. */
export interface AnalyzeInput {
  /** The request for the worker. */
  request: AnalysisRequest;
}

/** The editor machine's data. */
export interface EditorContext {
  /** The reader's current text. */
  source: string;
  /** Printed in front of each compiler line. */
  fileName: string;
  /** The chosen compiler flags. */
  flags: AnalysisFlags;
  /** The latest answer, kept while a newer one is computed so views do not flicker. */
  result: AnalysisResult | undefined;
  /** What went wrong in the crashed state. */
  crashMessage: string | undefined;
}

/** Events the editor machine accepts. */
export type EditorEvent =
  | { type: 'EDIT'; source: string }
  | { type: 'SET_FLAGS'; flags: AnalysisFlags }
  | { type: 'ANALYZE' }
  | { type: 'REPLACE'; source: string; flags?: AnalysisFlags };

/** Input when the machine starts. */
export interface EditorInput {
  /** The starting text. */
  source: string;
  /** The file name shown in compiler lines. */
  fileName: string;
  /** The starting flags. */
  flags: AnalysisFlags;
}

/** The top-level state name of a snapshot value (`analyzing` for `{ analyzing: 'running' }`). */
export function stateName(value: string | Record<string, unknown>): string {
  return typeof value === 'string' ? value : Object.keys(value)[0]!;
}

/** A crash report the reader can copy into an issue. */
export function crashReport(context: EditorContext): string {
  return [
    `Playground crash: ${context.crashMessage ?? 'unknown error'}`,
    `flags: ${context.flags.m === 2 ? '-m=2' : '-m'}${context.flags.noInline ? ' -l' : ''}`,
    `file: ${context.fileName}`,
    '--- source ---',
    context.source,
  ].join('\n');
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The editor lifecycle machine; provide `analyze` to connect it to a worker. */
export const editorMachine = setup({
  types: {
    context: {} as EditorContext,
    events: {} as EditorEvent,
    input: {} as EditorInput,
  },
  actors: {
    /** Resolves once the worker can take requests (immediately when it already can). */
    workerReady: fromPromise<void>(async () => {}),
    analyze: fromPromise<AnalysisResult, AnalyzeInput>(async () => {
      throw new Error('no analysis worker connected');
    }),
  },
  actions: {
    /** Called after every change to the text or flags; the page saves them. */
    persist: () => {},
    /** Called when an analysis timed out: the page terminates and replaces the worker. */
    restartWorker: () => {},
  },
  delays: {
    debounce: DEBOUNCE_MS,
    analysisTimeout: ANALYSIS_TIMEOUT_MS,
    workerStartLimit: WORKER_START_LIMIT_MS,
  },
}).createMachine({
  id: 'editor',
  context: ({ input }) => ({
    source: input.source,
    fileName: input.fileName,
    flags: input.flags,
    result: undefined,
    crashMessage: undefined,
  }),
  initial: 'idle',
  on: {
    EDIT: {
      target: '.debouncing',
      actions: [assign({ source: ({ event }) => event.source }), 'persist'],
    },
    REPLACE: {
      target: '.analyzing',
      actions: [
        assign({
          source: ({ event }) => event.source,
          flags: ({ event, context }) => event.flags ?? context.flags,
        }),
        'persist',
      ],
    },
    SET_FLAGS: {
      target: '.analyzing',
      actions: [assign({ flags: ({ event }) => event.flags }), 'persist'],
    },
    ANALYZE: { target: '.analyzing' },
  },
  states: {
    idle: {},
    debouncing: {
      after: { debounce: 'analyzing' },
    },
    analyzing: {
      initial: 'starting',
      states: {
        starting: {
          invoke: {
            src: 'workerReady',
            onDone: 'running',
            onError: {
              target: '#editor.crashed',
              actions: assign({ crashMessage: ({ event }) => errorMessage(event.error) }),
            },
          },
          after: {
            workerStartLimit: {
              target: '#editor.crashed',
              actions: assign({ crashMessage: `the analysis worker did not start within ${WORKER_START_LIMIT_MS / 1000} s` }),
            },
          },
        },
        running: {
          invoke: {
            src: 'analyze',
            input: ({ context }) => ({
              request: { source: context.source, fileName: context.fileName, flags: context.flags },
            }),
            onDone: [
              {
                guard: ({ event }) => event.output.kind === 'ok',
                target: '#editor.shown',
                actions: assign({ result: ({ event }) => event.output }),
              },
              {
                guard: ({ event }) => event.output.kind === 'compileError',
                target: '#editor.syntaxError',
                actions: assign({ result: ({ event }) => event.output }),
              },
              { target: '#editor.notModeled', actions: assign({ result: ({ event }) => event.output }) },
            ],
            onError: {
              target: '#editor.crashed',
              actions: assign({ crashMessage: ({ event }) => errorMessage(event.error) }),
            },
          },
          after: { analysisTimeout: '#editor.timedOut' },
        },
      },
    },
    shown: {},
    syntaxError: {},
    notModeled: {},
    timedOut: { entry: 'restartWorker' },
    crashed: {},
  },
});
