import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import type { AnalysisResult } from '../sim/api.ts';
import { ANALYSIS_TIMEOUT_MS, crashReport, DEBOUNCE_MS, editorMachine, stateName, WORKER_START_LIMIT_MS, type AnalyzeInput } from './editor.machine.ts';

const ok: AnalysisResult = { kind: 'ok', goVersion: 'go1.26', lines: ['main.go:4:2: moved to heap: x'], sites: [], functions: [] };
const compileError: AnalysisResult = {
  kind: 'compileError',
  goVersion: 'go1.26',
  diagnostics: [{ line: 3, column: 1, message: "syntax error: unexpected }" }],
};
const notModeled: AnalysisResult = {
  kind: 'notModeled',
  goVersion: 'go1.26',
  diagnostics: [{ line: 5, column: 2, message: 'not modeled: goroutines' }],
};

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Starts the machine with an analysis that answers by calling `answer`, on a simulated clock. */
function start(
  answer: (input: AnalyzeInput, signal: AbortSignal) => Promise<AnalysisResult>,
  persisted: string[] = [],
  workerReady: () => Promise<void> = async () => {},
) {
  const clock = new SimulatedClock();
  const requests: AnalyzeInput[] = [];
  const restarts: number[] = [];
  const machine = editorMachine.provide({
    actors: {
      workerReady: fromPromise<void>(() => workerReady()),
      analyze: fromPromise<AnalysisResult, AnalyzeInput>(({ input, signal }) => {
        requests.push(input);
        return answer(input, signal);
      }),
    },
    actions: {
      persist: ({ context }) => void persisted.push(context.source),
      restartWorker: () => void restarts.push(restarts.length),
    },
  });
  const actor = createActor(machine, {
    clock,
    input: { source: 'package main\n', fileName: 'main.go', flags: { m: 1, noInline: false } },
  });
  actor.start();
  return { actor, clock, requests, restarts };
}

describe('editor machine', () => {
  it('starts idle with the given text', () => {
    const { actor } = start(async () => ok);
    expect(stateName(actor.getSnapshot().value)).toBe('idle');
    expect(actor.getSnapshot().context.source).toBe('package main\n');
  });

  it('debounces edits, then analyses the latest text once', async () => {
    const { actor, clock, requests } = start(async () => ok);
    actor.send({ type: 'EDIT', source: 'a' });
    clock.increment(DEBOUNCE_MS - 1);
    actor.send({ type: 'EDIT', source: 'ab' });
    expect(stateName(actor.getSnapshot().value)).toBe('debouncing');
    clock.increment(DEBOUNCE_MS - 1);
    expect(requests).toHaveLength(0);
    clock.increment(1);
    expect(stateName(actor.getSnapshot().value)).toBe('analyzing');
    await settle();
    expect(requests.map((request) => request.request.source)).toEqual(['ab']);
    expect(stateName(actor.getSnapshot().value)).toBe('shown');
    expect(actor.getSnapshot().context.result).toEqual(ok);
  });

  it('saves every edit', () => {
    const persisted: string[] = [];
    const { actor } = start(async () => ok, persisted);
    actor.send({ type: 'EDIT', source: 'x' });
    actor.send({ type: 'EDIT', source: 'xy' });
    expect(persisted).toEqual(['x', 'xy']);
  });

  it('shows compile errors in syntaxError and unsupported code in notModeled', async () => {
    const answers = [compileError, notModeled];
    const { actor } = start(async () => answers.shift()!);
    actor.send({ type: 'ANALYZE' });
    await settle();
    expect(stateName(actor.getSnapshot().value)).toBe('syntaxError');
    actor.send({ type: 'ANALYZE' });
    await settle();
    expect(stateName(actor.getSnapshot().value)).toBe('notModeled');
    expect(actor.getSnapshot().context.result).toEqual(notModeled);
  });

  it('times out after the limit, aborts the request, keeps the text, and recovers on the next edit', async () => {
    let aborted = false;
    let hang = true;
    const { actor, clock, restarts } = start((_input, signal) => {
      if (!hang) return Promise.resolve(ok);
      signal.addEventListener('abort', () => {
        aborted = true;
      });
      return new Promise<AnalysisResult>(() => {});
    });
    actor.send({ type: 'EDIT', source: '((((((' });
    clock.increment(DEBOUNCE_MS);
    await settle();
    clock.increment(ANALYSIS_TIMEOUT_MS - 1);
    expect(stateName(actor.getSnapshot().value)).toBe('analyzing');
    clock.increment(1);
    expect(stateName(actor.getSnapshot().value)).toBe('timedOut');
    expect(aborted).toBe(true);
    expect(restarts).toHaveLength(1);
    expect(actor.getSnapshot().context.source).toBe('((((((');
    hang = false;
    actor.send({ type: 'EDIT', source: 'package main' });
    clock.increment(DEBOUNCE_MS);
    await settle();
    expect(stateName(actor.getSnapshot().value)).toBe('shown');
  });

  it('reports a crash with a copyable report that includes the text', async () => {
    const { actor } = start(async () => {
      throw new Error('worker died');
    });
    actor.send({ type: 'EDIT', source: 'func f() {}' });
    actor.send({ type: 'ANALYZE' });
    await settle();
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('crashed');
    expect(snapshot.context.crashMessage).toBe('worker died');
    const report = crashReport(snapshot.context);
    expect(report).toContain('worker died');
    expect(report).toContain('func f() {}');
    expect(report).toContain('flags: -m');
  });

  it('re-analyses at once with new flags', async () => {
    const { actor, requests } = start(async () => ok);
    actor.send({ type: 'SET_FLAGS', flags: { m: 2, noInline: true } });
    expect(stateName(actor.getSnapshot().value)).toBe('analyzing');
    await settle();
    expect(requests[0]!.request.flags).toEqual({ m: 2, noInline: true });
  });

  it('ignores a stale answer when the text changed meanwhile', async () => {
    const resolvers: Array<(result: AnalysisResult) => void> = [];
    const { actor, clock, restarts } = start(() => new Promise((resolve) => resolvers.push(resolve)));
    actor.send({ type: 'ANALYZE' });
    await settle();
    actor.send({ type: 'EDIT', source: 'newer' });
    resolvers[0]!(notModeled);
    await settle();
    expect(stateName(actor.getSnapshot().value)).toBe('debouncing');
    clock.increment(DEBOUNCE_MS);
    await settle();
    resolvers[1]!(ok);
    await settle();
    expect(stateName(actor.getSnapshot().value)).toBe('shown');
    expect(restarts).toHaveLength(0);
  });

  it('replaces the text (example, solution, reset) and analyses at once', async () => {
    const { actor, requests } = start(async () => ok);
    actor.send({ type: 'REPLACE', source: 'package main\nfunc main() {}\n' });
    await settle();
    expect(requests[0]!.request.source).toBe('package main\nfunc main() {}\n');
    expect(stateName(actor.getSnapshot().value)).toBe('shown');
  });

  it("does not count the worker's start-up against the analysis time limit", async () => {
    let ready: () => void = () => {};
    const started = new Promise<void>((resolve) => (ready = resolve));
    const { actor, clock, requests } = start(async () => ok, [], () => started);
    actor.send({ type: 'ANALYZE' });
    clock.increment(ANALYSIS_TIMEOUT_MS * 3);
    expect(actor.getSnapshot().matches({ analyzing: 'starting' })).toBe(true);
    expect(requests).toHaveLength(0);
    ready();
    await settle();
    expect(stateName(actor.getSnapshot().value)).toBe('shown');
  });

  it('reports a worker that never starts, or fails to start, as a crash', async () => {
    const never = start(async () => ok, [], () => new Promise<void>(() => {}));
    never.actor.send({ type: 'ANALYZE' });
    never.clock.increment(WORKER_START_LIMIT_MS);
    expect(stateName(never.actor.getSnapshot().value)).toBe('crashed');
    expect(never.actor.getSnapshot().context.crashMessage).toMatch(/did not start/);
    const failing = start(async () => ok, [], async () => {
      throw new Error('CompileError: WebAssembly.instantiate(): expected magic word');
    });
    failing.actor.send({ type: 'ANALYZE' });
    await settle();
    expect(stateName(failing.actor.getSnapshot().value)).toBe('crashed');
    expect(failing.actor.getSnapshot().context.crashMessage).toMatch(/WebAssembly/);
  });
});
