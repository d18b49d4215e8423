import { describe, expect, test } from 'vitest';
import { createActor } from 'xstate';
import { mapStepperMachine, pendingCount, type MapOperation } from './map-stepper.machine.ts';
import { ClassicMap } from '../sim/maps/classic/map.ts';

/** A stepper whose "models" record what was applied; each operation yields `framesPer` frames. */
function start(framesPer = 3) {
  const applied: MapOperation[] = [];
  let resets = 0;
  const actor = createActor(mapStepperMachine, {
    input: {
      apply: (operation) => {
        applied.push(operation);
        return framesPer;
      },
      reset: () => {
        resets++;
      },
    },
  });
  actor.start();
  return { actor, applied, resets: () => resets };
}

const insert = (key: number): MapOperation => ({ kind: 'insert', key });

describe('map stepper machine', () => {
  test('starts paused with nothing to show', () => {
    const { actor } = start();
    expect(actor.getSnapshot().value).toBe('paused');
    expect(actor.getSnapshot().context.applied).toBe(0);
  });

  test('ENQUEUE while operations wait keeps their order', () => {
    const { actor, applied } = start(1);
    actor.send({ type: 'ENQUEUE', operations: [insert(1), insert(2)] });
    actor.send({ type: 'STEP' });
    actor.send({ type: 'ENQUEUE', operations: [insert(3)] });
    expect(pendingCount(actor.getSnapshot().context)).toBe(2);
    actor.send({ type: 'FINISH' });
    expect(applied).toEqual([insert(1), insert(2), insert(3)]);
  });

  test('STEP applies the next operation, then walks through its frames, then applies the next', () => {
    const { actor, applied } = start(3);
    actor.send({ type: 'ENQUEUE', operations: [insert(1), insert(2)] });
    expect(applied).toEqual([]);
    actor.send({ type: 'STEP' });
    expect(applied).toEqual([insert(1)]);
    expect(actor.getSnapshot().context.frame).toBe(0);
    actor.send({ type: 'STEP' });
    actor.send({ type: 'STEP' });
    expect(actor.getSnapshot().context.frame).toBe(2);
    expect(applied).toHaveLength(1);
    actor.send({ type: 'STEP' });
    expect(applied).toEqual([insert(1), insert(2)]);
    expect(actor.getSnapshot().context).toMatchObject({ frame: 0, applied: 2, current: insert(2) });
  });

  test('PLAY is refused when there is nothing to play', () => {
    const { actor } = start();
    actor.send({ type: 'PLAY' });
    expect(actor.getSnapshot().value).toBe('paused');
  });

  test('playing advances on TICK and pauses by itself when the queue is done', () => {
    const { actor, applied } = start(2);
    actor.send({ type: 'ENQUEUE', operations: [insert(1), insert(2), insert(3)] });
    actor.send({ type: 'PLAY' });
    expect(actor.getSnapshot().value).toBe('playing');
    actor.send({ type: 'TICK', steps: 3 });
    expect(applied).toHaveLength(2);
    expect(actor.getSnapshot().value).toBe('playing');
    actor.send({ type: 'TICK', steps: 10 });
    expect(applied).toHaveLength(3);
    expect(actor.getSnapshot().value).toBe('paused');
  });

  test('PAUSE stops playing; TICK while paused does nothing', () => {
    const { actor, applied } = start(1);
    actor.send({ type: 'ENQUEUE', operations: [insert(1), insert(2)] });
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'PAUSE' });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'TICK', steps: 5 });
    expect(applied).toHaveLength(0);
  });

  test('SPEED changes steps per second and rejects nonsense', () => {
    const { actor } = start();
    actor.send({ type: 'SPEED', stepsPerSecond: 100 });
    expect(actor.getSnapshot().context.stepsPerSecond).toBe(100);
    actor.send({ type: 'SPEED', stepsPerSecond: -1 });
    actor.send({ type: 'SPEED', stepsPerSecond: Number.NaN });
    expect(actor.getSnapshot().context.stepsPerSecond).toBe(100);
  });

  test('FINISH applies everything queued and shows the last frame', () => {
    const { actor, applied } = start(4);
    actor.send({ type: 'ENQUEUE', operations: [insert(1), insert(2), { kind: 'clear' }] });
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'FINISH' });
    expect(applied).toHaveLength(3);
    expect(actor.getSnapshot().value).toBe('paused');
    expect(pendingCount(actor.getSnapshot().context)).toBe(0);
    expect(actor.getSnapshot().context).toMatchObject({ frame: 3, frames: 4, applied: 3 });
  });

  test('RESET empties the queue, resets the models and pauses', () => {
    const { actor, resets } = start();
    actor.send({ type: 'ENQUEUE', operations: [insert(1), insert(2)] });
    actor.send({ type: 'STEP' });
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'RESET' });
    expect(resets()).toBe(1);
    expect(actor.getSnapshot().value).toBe('paused');
    expect(pendingCount(actor.getSnapshot().context)).toBe(0);
    expect(actor.getSnapshot().context).toMatchObject({ frames: 0, frame: 0, applied: 0, current: undefined });
  });

  test('driving a real model: the queue of model events decides the frames', () => {
    let seen: string[] = [];
    const events: string[][] = [];
    const fresh = () => new ClassicMap({ seed: 9, onEvent: (event) => seen.push(event.kind) });
    let map = fresh();
    const actor = createActor(mapStepperMachine, {
      input: {
        apply: (operation) => {
          seen = [];
          if (operation.kind === 'insert') map.insert(operation.key);
          events.push(seen);
          return seen.length;
        },
        reset: () => {
          map = fresh();
        },
      },
    });
    actor.start();
    actor.send({ type: 'ENQUEUE', operations: Array.from({ length: 9 }, (_, i) => insert(i)) });
    actor.send({ type: 'FINISH' });
    expect(map.count).toBe(9);
    expect(map.B).toBe(1);
    const last = events.at(-1) ?? [];
    expect(last).toContain('growStarted');
    expect(actor.getSnapshot().context.frames).toBe(last.length);
    actor.send({ type: 'RESET' });
    expect(map.count).toBe(0);
  });
});
