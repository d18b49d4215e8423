/**
 * Foundations lessons 1 to 10 are complete: each has prose, at least two playgrounds, output
 * rendered from fresh compiler snapshots, and a quiz of at least four questions; every
 * snippet it names exists and has a snapshot of its current bytes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadQuiz } from '../../src/components/lesson/quiz-check.ts';
import { readFreshSnapshot } from '../../src/components/lesson/snapshot.ts';
import { filesUnder, root } from './lesson-files.ts';

const foundations = 'src/content/docs/foundations';
const lessonFolders = readdirSync(join(root, foundations))
  .filter((name) => /^(0\d|10)-/.test(name))
  .sort()
  .map((name) => `${foundations}/${name}`);

describe('foundations lessons', () => {
  test('the first lesson keeps its folder, and so its URL', () => {
    expect(lessonFolders).toContain(`${foundations}/01-how-to-ask-the-compiler`);
  });

  describe.each(lessonFolders)('%s', (folder) => {
    const mdx = readFileSync(join(root, folder, 'index.mdx'), 'utf8');
    const order = Number(/\/(\d\d)-[^/]+$/.exec(folder)?.[1]);

    test('sidebar order matches the folder prefix', () => {
      expect(mdx).toMatch(new RegExp(`\\n\\s+order: ${order}\\n`));
    });

    test('has at least two playgrounds and a compiler output block', () => {
      expect(mdx.match(/<Playground\s/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(mdx).toMatch(/<CompilerSays\s/);
    });

    test('every source it names is a Go file of this folder with a fresh snapshot', () => {
      const sources = [...mdx.matchAll(/\bsource="([^"]+)"/g)].map((match) => match[1]!);
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        expect(source.startsWith(`${folder}/`), source).toBe(true);
        expect(() => readFreshSnapshot(source)).not.toThrow();
      }
    });

    test('every Go file in the folder has a fresh snapshot', () => {
      for (const source of filesUnder(folder, '.go')) expect(() => readFreshSnapshot(source)).not.toThrow();
    });

    test('the quiz is its own and has at least four questions of at least three kinds', () => {
      const quizFile = `${folder}/quiz.json`;
      expect(existsSync(join(root, quizFile))).toBe(true);
      expect(mdx).toContain(`<Quiz file="${quizFile}" />`);
      const quiz = loadQuiz(quizFile);
      expect(quiz.items.length).toBeGreaterThanOrEqual(4);
      expect(new Set(quiz.items.map((item) => item.kind)).size).toBeGreaterThanOrEqual(3);
    });
  });
});
