/**
 * The map lab's stepper: paused ⇄ playing, with step, speed, skip-to-end and reset.
 *
 * Operations (insert, delete, lookup, clear) wait in a queue. Applying one to the models yields
 * a number of frames, one per internal step the models reported (hash, probe, slot taken,
 * evacuation, split, …). STEP (or TICK while playing) shows the next frame; when the current
 * operation's frames are used up, the next operation is applied. The machine knows nothing of
 * maps: the view passes `apply` and `reset`, and renders from the models and `frame`.
 */
import { assign, setup } from 'xstate';
import type { MapKey } from '../sim/maps/types.ts';

/** One thing the reader asked the maps to do. */
export type MapOperation = { kind: 'insert' | 'delete' | 'lookup'; key: MapKey } | { kind: 'clear' };

/** What the machine is created with. */
export interface MapStepperInput {
  /** Applies an operation to the models; returns how many frames (steps) it produced, at least 1. */
  apply: (operation: MapOperation) => number;
  /** Puts the models back to their starting state. */
  reset: () => void;
  /** Steps per second while playing. */
  stepsPerSecond?: number;
}

/** The stepper's state between events. */
export interface MapStepperContext {
  /** See {@link MapStepperInput.apply}. */
  apply: (operation: MapOperation) => number;
  /** See {@link MapStepperInput.reset}. */
  reset: () => void;
  /** Queued operations; those before `nextIndex` are applied already (kept so a step never copies the queue). */
  queue: MapOperation[];
  /** Index in `queue` of the next operation to apply. */
  nextIndex: number;
  /** The operation being shown, if any. */
  current: MapOperation | undefined;
  /** Frames of the current operation. */
  frames: number;
  /** The frame being shown (0-based). */
  frame: number;
  /** Operations applied so far. */
  applied: number;
  /** Steps per second while playing. */
  stepsPerSecond: number;
}

/** Events a view sends. */
export type MapStepperEvent =
  /** Queue operations. */
  | { type: 'ENQUEUE'; operations: MapOperation[] }
  /** Show the next frame (paused). */
  | { type: 'STEP' }
  /** The play loop's clock: show `steps` more frames. */
  | { type: 'TICK'; steps: number }
  | { type: 'PLAY' }
  | { type: 'PAUSE' }
  /** Change the playing speed. */
  | { type: 'SPEED'; stepsPerSecond: number }
  /** Apply everything queued at once and show the last frame. */
  | { type: 'FINISH' }
  /** Empty the queue and reset the models. */
  | { type: 'RESET' };

/** The speeds the lab offers, in steps per second. */
export const STEPPER_SPEEDS = [1, 2, 5, 20, 100, 1000] as const;

/** Operations still waiting. */
export function pendingCount(context: MapStepperContext): number {
  return context.queue.length - context.nextIndex;
}

/** The operations still waiting, in order. */
export function pendingOperations(context: MapStepperContext): MapOperation[] {
  return context.queue.slice(context.nextIndex);
}

/** Whether nothing is left to show. */
export function isIdle(context: MapStepperContext): boolean {
  return pendingCount(context) === 0 && context.frame >= context.frames - 1;
}

/** The context after showing up to `steps` more frames. */
export function advance(context: MapStepperContext, steps: number): Partial<MapStepperContext> {
  let { nextIndex, current, frames, frame, applied } = context;
  for (let i = 0; i < steps; i++) {
    if (frame + 1 < frames) {
      frame++;
      continue;
    }
    const next = context.queue[nextIndex];
    if (next === undefined) break;
    nextIndex++;
    current = next;
    frames = Math.max(1, context.apply(next));
    frame = 0;
    applied++;
  }
  return { nextIndex, current, frames, frame, applied };
}

/** The map lab's stepper machine. */
export const mapStepperMachine = setup({
  types: {
    input: {} as MapStepperInput,
    context: {} as MapStepperContext,
    events: {} as MapStepperEvent,
  },
  guards: {
    idle: ({ context }) => isIdle(context),
    hasWork: ({ context }) => !isIdle(context),
    validSpeed: ({ event }) => event.type === 'SPEED' && Number.isFinite(event.stepsPerSecond) && event.stepsPerSecond > 0,
  },
  actions: {
    enqueue: assign(({ context, event }) => ({
      queue: event.type === 'ENQUEUE' ? [...pendingOperations(context), ...event.operations] : context.queue,
      nextIndex: event.type === 'ENQUEUE' ? 0 : context.nextIndex,
    })),
    step: assign(({ context }) => advance(context, 1)),
    tick: assign(({ context, event }) => advance(context, event.type === 'TICK' ? Math.max(1, Math.floor(event.steps)) : 1)),
    finish: assign(({ context }) => {
      let { current, frames, applied } = context;
      for (const operation of pendingOperations(context)) {
        current = operation;
        frames = Math.max(1, context.apply(operation));
        applied++;
      }
      return { queue: [], nextIndex: 0, current, frames, frame: frames - 1, applied };
    }),
    setSpeed: assign({ stepsPerSecond: ({ context, event }) => (event.type === 'SPEED' ? event.stepsPerSecond : context.stepsPerSecond) }),
    reset: assign(({ context }) => {
      context.reset();
      return { queue: [], nextIndex: 0, current: undefined, frames: 0, frame: 0, applied: 0 };
    }),
  },
}).createMachine({
  id: 'mapStepper',
  context: ({ input }) => ({
    apply: input.apply,
    reset: input.reset,
    queue: [],
    nextIndex: 0,
    current: undefined,
    frames: 0,
    frame: 0,
    applied: 0,
    stepsPerSecond: input.stepsPerSecond ?? 5,
  }),
  initial: 'paused',
  on: {
    ENQUEUE: { actions: 'enqueue' },
    SPEED: { guard: 'validSpeed', actions: 'setSpeed' },
    FINISH: { target: '.paused', actions: 'finish' },
    RESET: { target: '.paused', actions: 'reset' },
  },
  states: {
    paused: {
      on: {
        STEP: { actions: 'step' },
        PLAY: { guard: 'hasWork', target: 'playing' },
      },
    },
    playing: {
      always: { guard: 'idle', target: 'paused' },
      on: {
        TICK: { actions: 'tick' },
        PAUSE: { target: 'paused' },
        STEP: { target: 'paused', actions: 'step' },
      },
    },
  },
});
