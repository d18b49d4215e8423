/**
 * The page's side of the analysis worker: sends requests, matches answers, and replaces the
 * worker when it dies or when the editor gives up on a late answer.
 */
import type { AnalysisRequest, AnalysisResult } from '../sim/api.ts';
import type { AnalysisAnswer, AnalysisJob, WorkerStartup } from './protocol.ts';

/** A request waiting for its answer. */
interface Pending {
  /** Completes the request's promise. */
  resolve: (result: AnalysisResult) => void;
  /** Fails it. */
  reject: (error: Error) => void;
}

/** Creates the worker; injected so tests can use a fake. */
export type WorkerFactory = () => Worker;

/** Starts the real analysis worker (bundled by Vite from `./analysis.worker.ts`). */
export function startAnalysisWorker(): Worker {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
}

/** One worker at a time, replaced whenever it can no longer be trusted to answer. */
export class AnalysisClient {
  /** Makes a fresh worker. */
  readonly createWorker: WorkerFactory;
  /** The current worker. */
  worker: Worker;
  /** Requests sent to the current worker and not yet answered, by id. */
  pending = new Map<number, Pending>();
  /** The next request id. */
  nextId = 1;
  /** How many times the worker was replaced (shown to the reader after a timeout). */
  restarts = 0;
  /** Settles when the current worker has loaded its parser (or failed to). */
  ready!: Promise<void>;

  constructor(createWorker: WorkerFactory = startAnalysisWorker) {
    this.createWorker = createWorker;
    this.worker = this.connect();
  }

  /** Starts a worker and listens to it. */
  connect(): Worker {
    const worker = this.createWorker();
    let started: () => void = () => {};
    let failed: (error: Error) => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    // Nobody may be waiting yet; a failure is reported when someone asks.
    this.ready.catch(() => {});
    worker.addEventListener('message', (event: MessageEvent<AnalysisAnswer | WorkerStartup>) => {
      const answer = event.data;
      if (answer.kind === 'ready') return started();
      if (answer.kind === 'startFailure') return failed(new Error(`the analysis worker could not load the Go parser: ${answer.message}`));
      const pending = this.pending.get(answer.id);
      if (pending === undefined) return;
      this.pending.delete(answer.id);
      if (answer.kind === 'result') pending.resolve(answer.result);
      else pending.reject(new Error(answer.message));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const error = new Error(`the analysis worker failed: ${event.message || 'it could not start'}`);
      failed(error);
      this.restart(error);
    });
    return worker;
  }

  /** Terminates the worker, fails everything it still owed, and starts a new one. */
  restart(reason: Error): void {
    this.worker.terminate();
    const owed = [...this.pending.values()];
    this.pending.clear();
    for (const pending of owed) pending.reject(reason);
    this.restarts += 1;
    this.worker = this.connect();
  }

  /** Analyses a file; aborting the signal drops the request (its answer, if any, is ignored). */
  analyze(request: AnalysisRequest, signal?: AbortSignal): Promise<AnalysisResult> {
    const id = this.nextId++;
    return new Promise<AnalysisResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      signal?.addEventListener(
        'abort',
        () => {
          this.pending.delete(id);
        },
        { once: true },
      );
      const job: AnalysisJob = { id, request };
      this.worker.postMessage(job);
    });
  }

  /** Stops the worker for good. */
  dispose(): void {
    this.worker.terminate();
    this.pending.clear();
  }
}
