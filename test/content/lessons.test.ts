/**
 * Every lesson of this part of the site has what a lesson needs (at least two playgrounds, a
 * quiz of at least four items whose answers agree with the compiler), and the run-time
 * figures its prose describes are what the oracle measured.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkQuiz, loadQuiz } from '../../src/components/lesson/quiz-check.ts';
import { filesUnder } from '../lessons/lesson-files.ts';
import { contentFolders, loadAllocs, measured, recorded, root } from './oracle-facts.ts';

const lessons = contentFolders
  .flatMap((folder) => filesUnder(folder, 'index.mdx'))
  .filter((page) => !page.startsWith('src/content/docs/reference/'))
  .map((page) => page.replace(/\/index\.mdx$/, ''));

describe('lessons are complete', () => {
  test('there are lessons', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  test.each(lessons)('%s', (folder) => {
    const page = readFileSync(join(root, folder, 'index.mdx'), 'utf8');
    expect((page.match(/<Playground /g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(page).toMatch(/<CompilerSays /);
    const quizFile = `${folder}/quiz.json`;
    expect(existsSync(join(root, quizFile))).toBe(true);
    expect(page).toContain('<Quiz file={`${dir}/quiz.json`} />');
    expect(loadQuiz(quizFile).items.length).toBeGreaterThanOrEqual(4);
    expect(checkQuiz(quizFile)).toEqual([]);
  });
});

describe('lesson 11, slices: what the compiler says', () => {
  const dir = 'src/content/docs/foundations/11-slices';

  test('64 KiB stays in the frame, one byte more goes to the heap', () => {
    const run = recorded(`${dir}/constant-size.go`);
    expect(run.messagesAt(6)).toEqual(['make([]byte, 65536) does not escape']);
    expect(run.messagesAt(12)).toEqual(['make([]byte, 65537) escapes to heap']);
  });

  test('a variable-size make that does not escape is reported as not escaping', () => {
    expect(recorded(`${dir}/variable-size.go`).messagesAt(10)).toEqual(['make([]byte, n) does not escape']);
  });

  test('append is reported: not escaping in count, escaping in collect', () => {
    const run = recorded(`${dir}/appending.go`);
    expect(run.messagesAt(12)).toEqual(['append does not escape']);
    expect(run.messagesAt(21)).toEqual(['append escapes to heap']);
  });

  test('sumFirst keeps its array; firstHalf moves it', () => {
    const run = recorded(`${dir}/local-array.go`);
    for (let line = 4; line <= 13; line++) expect(run.messagesAt(line)).toEqual([]);
    expect(run.messagesAt(17)).toEqual(['moved to heap: buf']);
  });
});

const allocs = loadAllocs();

describe.skipIf(allocs === undefined)('lesson 11, slices: what the runtime measured', () => {
  const dir = 'src/content/docs/foundations/11-slices';
  const figures = (file: string, name: string) => measured(allocs!, `${dir}/${file}`, name);

  test('at the limit nothing is allocated; one byte over costs one allocation rounded up to pages', () => {
    expect(figures('constant-size.go', 'atLimit').allocsPerOp).toBe(0);
    const over = figures('constant-size.go', 'overLimit');
    expect(over.allocsPerOp).toBe(1);
    expect(over.bytesPerOp % 8192).toBe(0);
    expect(over.bytesPerOp).toBeGreaterThan(65537);
  });

  test('16 bytes fit the buffer; 64 bytes cost one allocation', () => {
    expect(figures('variable-size.go', 'makeSmall').allocsPerOp).toBe(0);
    expect(figures('variable-size.go', 'makeLarge').allocsPerOp).toBe(1);
  });

  test('three appended ints cost nothing; a hundred cost heap allocations', () => {
    expect(figures('appending.go', 'collectFew').allocsPerOp).toBe(0);
    expect(figures('appending.go', 'collectMany').allocsPerOp).toBeGreaterThan(0);
  });
});
