/**
 * One quiz question: unanswered → answered (correct or incorrect) → explained.
 *
 * The reader selects a choice and checks it; the verdict is shown at once, and the
 * explanation right after (the view sends EXPLAIN when it reveals it, or the reader asks).
 * A question answered in an earlier visit is restored straight into `explained`.
 */
import { assign, setup } from 'xstate';

/** What the machine is created with. */
export interface QuizItemInput {
  /** Index of the correct choice. */
  correctChoice: number;
  /** Number of choices offered. */
  choiceCount: number;
}

/** The state a question carries between events. */
export interface QuizItemContext {
  /** Index of the correct choice. */
  correctChoice: number;
  /** Number of choices offered. */
  choiceCount: number;
  /** The choice the reader has selected, if any. */
  selected: number | undefined;
}

/** Events a view sends. */
export type QuizItemEvent =
  /** The reader selected a choice (not yet submitted). */
  | { type: 'SELECT'; choice: number }
  /** The reader submitted the selected choice. */
  | { type: 'CHECK' }
  /** The explanation is revealed. */
  | { type: 'EXPLAIN' }
  /** The reader wants to answer again. */
  | { type: 'RETRY' }
  /** A saved answer from an earlier visit. */
  | { type: 'RESTORE'; choice: number };

/** Whether the selected choice is right. */
export function isCorrect(context: QuizItemContext): boolean {
  return context.selected === context.correctChoice;
}

/** The quiz question machine. */
export const quizItemMachine = setup({
  types: {
    input: {} as QuizItemInput,
    context: {} as QuizItemContext,
    events: {} as QuizItemEvent,
  },
  guards: {
    hasSelection: ({ context }) => context.selected !== undefined,
    selectedIsCorrect: ({ context }) => isCorrect(context),
    validChoice: ({ context, event }) =>
      (event.type === 'SELECT' || event.type === 'RESTORE') &&
      Number.isInteger(event.choice) &&
      event.choice >= 0 &&
      event.choice < context.choiceCount,
  },
  actions: {
    select: assign({
      selected: ({ event }) => (event.type === 'SELECT' || event.type === 'RESTORE' ? event.choice : undefined),
    }),
    clearSelection: assign({ selected: undefined }),
  },
}).createMachine({
  id: 'quizItem',
  context: ({ input }) => ({ correctChoice: input.correctChoice, choiceCount: input.choiceCount, selected: undefined }),
  initial: 'unanswered',
  states: {
    unanswered: {
      on: {
        SELECT: { guard: 'validChoice', actions: 'select' },
        CHECK: [
          { guard: 'selectedIsCorrect', target: 'answered.correct' },
          { guard: 'hasSelection', target: 'answered.incorrect' },
        ],
        RESTORE: { guard: 'validChoice', actions: 'select', target: 'explained' },
      },
    },
    answered: {
      initial: 'incorrect',
      states: {
        correct: {},
        incorrect: {},
      },
      on: {
        EXPLAIN: { target: 'explained' },
        RETRY: { target: 'unanswered', actions: 'clearSelection' },
      },
    },
    explained: {
      on: {
        RETRY: { target: 'unanswered', actions: 'clearSelection' },
      },
    },
  },
});
