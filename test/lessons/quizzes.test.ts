/**
 * Every quiz answer on the site agrees with what the real compiler printed (the oracle's
 * snapshots), and the check itself catches an answer that does not.
 */
import { dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkQuiz, checkQuizItem, loadQuiz } from '../../src/components/lesson/quiz-check.ts';
import type { QuizItem } from '../../src/components/lesson/quiz-schema.ts';
import { filesUnder } from './lesson-files.ts';

const quizFiles = filesUnder('src/content/docs', 'quiz.json');

describe('quiz answers agree with the compiler', () => {
  test('there are quizzes to check', () => {
    expect(quizFiles.length).toBeGreaterThan(0);
  });

  test.each(quizFiles)('%s', (quizFile) => {
    expect(checkQuiz(quizFile)).toEqual([]);
  });
});

describe('the answer check', () => {
  const quizFile = 'src/content/docs/foundations/02-returning-pointers/quiz.json';
  const folder = dirname(quizFile);
  const items = new Map(loadQuiz(quizFile).items.map((item) => [item.kind, item]));

  /** The first item of a kind, with its answer changed. */
  function wrong<Kind extends QuizItem['kind']>(kind: Kind, change: (item: Extract<QuizItem, { kind: Kind }>) => QuizItem): QuizItem {
    const item = items.get(kind) as Extract<QuizItem, { kind: Kind }> | undefined;
    if (item === undefined) throw new Error(`${quizFile} has no ${kind} item`);
    return change(item);
  }

  test('rejects a predict item with the other placement', () => {
    const item = wrong('predict', (original) => ({ ...original, answer: original.answer === 'heap' ? 'stack' : 'heap' }));
    expect(checkQuizItem(item, folder)).toHaveLength(1);
  });

  test('rejects an output item whose answer points at a wrong message', () => {
    const item = wrong('output', (original) => ({ ...original, answer: (original.answer + 1) % original.choices.length }));
    expect(checkQuizItem(item, folder).length).toBeGreaterThan(0);
  });

  test('rejects a spot item whose answer points at a site on the stack', () => {
    const item = wrong('spot', (original) => ({ ...original, answer: (original.answer + 1) % original.choices.length }));
    expect(checkQuizItem(item, folder).length).toBeGreaterThan(0);
  });

  test('rejects a fix item whose solution still allocates', () => {
    const item = wrong('fix', (original) => ({ ...original, solution: original.snippet }));
    expect(checkQuizItem(item, folder)).toHaveLength(1);
  });
});
