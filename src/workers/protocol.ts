/** Messages between the page and the analysis worker. */
import type { AnalysisRequest, AnalysisResult } from '../sim/api.ts';

/** Page → worker: analyse this file. */
export interface AnalysisJob {
  /** Matches the answer to the request. */
  id: number;
  /** What to analyse. */
  request: AnalysisRequest;
}

/** Worker → page: the answer to job `id`, or why there is none. */
export type AnalysisAnswer = { id: number; kind: 'result'; result: AnalysisResult } | { id: number; kind: 'failure'; message: string };

/** Worker → page, once after start: whether the parser loaded. */
export type WorkerStartup = { kind: 'ready' } | { kind: 'startFailure'; message: string };
