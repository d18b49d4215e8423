/**
 * The format of a lesson's quiz file (`quiz.json` beside the lesson's `index.mdx`).
 *
 * Every item names a snippet `.go` file of the same folder. Its correct answer is not taken
 * on trust: test/lessons/ checks it against the oracle's record of that snippet (see
 * `checkQuizItem` in quiz-check.ts), so an answer that disagrees with the real compiler fails
 * the tests.
 */
import { z } from 'astro/zod';
import { escapeFlagSets } from '../../data/oracle/snapshots.ts';

/** A snippet file of the lesson folder, by name. */
const snippetName = z.string().regex(/^[\w.-]+\.go$/, 'a .go file name in the lesson folder');

/** Fields every item has. */
const itemBase = {
  /** Unique within the quiz; used as the key of the saved answer, so do not rename lightly. */
  id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase words joined by hyphens'),
  /** The question; `code` spans in backticks are rendered as code. */
  question: z.string().min(1),
  /** The snippet the question is about, shown above the choices. */
  snippet: snippetName,
  /** The flags the answer holds for (checked against that recorded run). */
  flags: z.enum(escapeFlagSets).default('-m -l'),
  /** Shown after answering, right or wrong: why the answer is what it is. */
  explanation: z.string().min(1),
};

/** A line of the snippet and the variable or expression on it, as gc names it (`p`, `&point{...}`). */
const site = {
  /** 1-based line in the snippet; highlighted in the question. */
  line: z.number().int().positive(),
  /** What the compiler would name in its message: `moved to heap: <subject>` or `<subject> escapes to heap`. */
  subject: z.string().min(1),
};

/** Predict stack or heap for a marked line. */
const predictItem = z.object({
  kind: z.literal('predict'),
  ...itemBase,
  ...site,
  /** Where the subject ends up. */
  answer: z.enum(['stack', 'heap']),
});

/** Pick the line the compiler prints. */
const outputItem = z.object({
  kind: z.literal('output'),
  ...itemBase,
  /** The source line the messages are about; highlighted in the question. */
  line: z.number().int().positive(),
  /** Candidate messages (without the `file:line:col:` prefix). */
  choices: z.array(z.string().min(1)).min(2),
  /** Index of the message the compiler really prints for `line`; the others it must not print there. */
  answer: z.number().int().nonnegative(),
});

/** Spot the line that allocates. */
const spotItem = z.object({
  kind: z.literal('spot'),
  ...itemBase,
  /** Candidate sites; exactly the answer's line has a heap message for its subject. */
  choices: z.array(z.object(site)).min(2),
  /** Index of the site that is moved to the heap. */
  answer: z.number().int().nonnegative(),
});

/** Explain the fix: which change keeps the subject on the stack. */
const fixItem = z.object({
  kind: z.literal('fix'),
  ...itemBase,
  ...site,
  /** Candidate explanations or changes. */
  choices: z.array(z.string().min(1)).min(2),
  /** Index of the right one. */
  answer: z.number().int().nonnegative(),
  /** The snippet with the right change applied: the subject must not reach the heap in it. */
  solution: snippetName,
});

/** One quiz question. */
export const quizItemSchema = z
  .discriminatedUnion('kind', [predictItem, outputItem, spotItem, fixItem])
  .refine((item) => item.kind === 'predict' || item.answer < item.choices.length, {
    message: 'answer must be the index of one of the choices',
  });

/** A lesson's quiz file. */
export const quizSchema = z
  .object({
    /** The questions, in the order shown. */
    items: z.array(quizItemSchema).min(1),
  })
  .refine((quiz) => new Set(quiz.items.map((item) => item.id)).size === quiz.items.length, {
    message: 'item ids must be unique within a quiz',
  });

/** A validated quiz file. */
export type Quiz = z.infer<typeof quizSchema>;

/** A validated quiz item. */
export type QuizItem = z.infer<typeof quizItemSchema>;

/** The choices an item offers, as text; `code` spans in backticks allowed. */
export function choiceTexts(item: QuizItem): string[] {
  switch (item.kind) {
    case 'predict':
      return ['Stack', 'Heap'];
    case 'output':
      return item.choices.map((choice) => `\`${choice}\``);
    case 'spot':
      return item.choices.map((choice) => `line ${choice.line}: \`${choice.subject}\``);
    case 'fix':
      return item.choices;
  }
}

/** Index of the correct choice in `choiceTexts(item)`. */
export function correctChoice(item: QuizItem): number {
  return item.kind === 'predict' ? (item.answer === 'stack' ? 0 : 1) : item.answer;
}
