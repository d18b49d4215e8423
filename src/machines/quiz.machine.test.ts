import { describe, expect, test } from 'vitest';
import { createActor } from 'xstate';
import { quizItemMachine } from './quiz.machine.ts';

function start(correctChoice = 1, choiceCount = 3) {
  return createActor(quizItemMachine, { input: { correctChoice, choiceCount } }).start();
}

describe('quiz item machine', () => {
  test('starts unanswered with nothing selected', () => {
    const actor = start();
    expect(actor.getSnapshot().value).toBe('unanswered');
    expect(actor.getSnapshot().context.selected).toBeUndefined();
  });

  test('checking without a selection stays unanswered', () => {
    const actor = start();
    actor.send({ type: 'CHECK' });
    expect(actor.getSnapshot().value).toBe('unanswered');
  });

  test('the right choice is judged correct, then explained', () => {
    const actor = start(1);
    actor.send({ type: 'SELECT', choice: 1 });
    actor.send({ type: 'CHECK' });
    expect(actor.getSnapshot().value).toEqual({ answered: 'correct' });
    actor.send({ type: 'EXPLAIN' });
    expect(actor.getSnapshot().value).toBe('explained');
    expect(actor.getSnapshot().context.selected).toBe(1);
  });

  test('a wrong choice is judged incorrect', () => {
    const actor = start(1);
    actor.send({ type: 'SELECT', choice: 2 });
    actor.send({ type: 'CHECK' });
    expect(actor.getSnapshot().value).toEqual({ answered: 'incorrect' });
  });

  test('the last selection before checking counts', () => {
    const actor = start(0);
    actor.send({ type: 'SELECT', choice: 2 });
    actor.send({ type: 'SELECT', choice: 0 });
    actor.send({ type: 'CHECK' });
    expect(actor.getSnapshot().value).toEqual({ answered: 'correct' });
  });

  test('choices outside the offered ones are ignored', () => {
    const actor = start(0, 2);
    actor.send({ type: 'SELECT', choice: 5 });
    actor.send({ type: 'SELECT', choice: -1 });
    actor.send({ type: 'SELECT', choice: 0.5 });
    expect(actor.getSnapshot().context.selected).toBeUndefined();
    actor.send({ type: 'RESTORE', choice: 9 });
    expect(actor.getSnapshot().value).toBe('unanswered');
  });

  test('retry from answered or explained clears the selection', () => {
    const actor = start(1);
    actor.send({ type: 'SELECT', choice: 0 });
    actor.send({ type: 'CHECK' });
    actor.send({ type: 'RETRY' });
    expect(actor.getSnapshot().value).toBe('unanswered');
    expect(actor.getSnapshot().context.selected).toBeUndefined();
    actor.send({ type: 'SELECT', choice: 1 });
    actor.send({ type: 'CHECK' });
    actor.send({ type: 'EXPLAIN' });
    actor.send({ type: 'RETRY' });
    expect(actor.getSnapshot().value).toBe('unanswered');
  });

  test('a saved answer restores straight into explained, and selection cannot change there', () => {
    const actor = start(1);
    actor.send({ type: 'RESTORE', choice: 2 });
    expect(actor.getSnapshot().value).toBe('explained');
    actor.send({ type: 'SELECT', choice: 1 });
    actor.send({ type: 'CHECK' });
    expect(actor.getSnapshot().value).toBe('explained');
    expect(actor.getSnapshot().context.selected).toBe(2);
  });
});
