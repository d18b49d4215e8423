import { describe, expect, it } from 'vitest';
import { AnalysisClient } from '../../src/workers/analysis-client.ts';
import type { AnalysisJob } from '../../src/workers/protocol.ts';
import type { AnalysisResult } from '../../src/sim/api.ts';

/** A stand-in worker that records jobs and answers when told. */
class FakeWorker extends EventTarget {
  jobs: AnalysisJob[] = [];
  terminated = false;
  postMessage(job: AnalysisJob): void {
    this.jobs.push(job);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(id: number, result: AnalysisResult): void {
    this.dispatchEvent(new MessageEvent('message', { data: { id, kind: 'result', result } }));
  }
  fail(id: number, message: string): void {
    this.dispatchEvent(new MessageEvent('message', { data: { id, kind: 'failure', message } }));
  }
}

const result: AnalysisResult = { kind: 'notModeled', goVersion: 'go1.26', diagnostics: [] };
const request = { source: 'package main', fileName: 'main.go', flags: { m: 1 as const, noInline: false } };

function client() {
  const workers: FakeWorker[] = [];
  const analysis = new AnalysisClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { analysis, workers };
}

describe('analysis client', () => {
  it('matches answers to requests by id', async () => {
    const { analysis, workers } = client();
    const first = analysis.analyze(request);
    const second = analysis.analyze({ ...request, source: 'other' });
    const [jobOne, jobTwo] = workers[0]!.jobs;
    workers[0]!.answer(jobTwo!.id, { ...result, goVersion: 'second' });
    workers[0]!.answer(jobOne!.id, result);
    expect(await first).toEqual(result);
    expect((await second).goVersion).toBe('second');
  });

  it('turns a worker failure into a rejected request', async () => {
    const { analysis, workers } = client();
    const pending = analysis.analyze(request);
    workers[0]!.fail(workers[0]!.jobs[0]!.id, 'RangeError: too deep');
    await expect(pending).rejects.toThrow('RangeError: too deep');
  });

  it('restarts: terminates the old worker, fails what it owed, and uses a new one', async () => {
    const { analysis, workers } = client();
    const owed = analysis.analyze(request);
    analysis.restart(new Error('timed out'));
    await expect(owed).rejects.toThrow('timed out');
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const next = analysis.analyze(request);
    workers[1]!.answer(workers[1]!.jobs[0]!.id, result);
    expect(await next).toEqual(result);
  });

  it('drops an aborted request without restarting', () => {
    const { analysis, workers } = client();
    const controller = new AbortController();
    void analysis.analyze(request, controller.signal);
    controller.abort();
    expect(analysis.pending.size).toBe(0);
    expect(workers).toHaveLength(1);
  });

  it('restarts when the worker itself errors', async () => {
    const { analysis, workers } = client();
    const pending = analysis.analyze(request);
    workers[0]!.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'boom' }));
    await expect(pending).rejects.toThrow('the analysis worker failed: boom');
    expect(workers).toHaveLength(2);
  });

  it('is ready when the worker says so, and reports a worker that cannot load the parser', async () => {
    const { analysis, workers } = client();
    workers[0]!.dispatchEvent(new MessageEvent('message', { data: { kind: 'ready' } }));
    await expect(analysis.ready).resolves.toBeUndefined();
    analysis.restart(new Error('timed out'));
    workers[1]!.dispatchEvent(new MessageEvent('message', { data: { kind: 'startFailure', message: 'CompileError: bad wasm' } }));
    await expect(analysis.ready).rejects.toThrow('could not load the Go parser: CompileError: bad wasm');
  });
});
