/**
 * Every Go file in the lessons and pages of this part of the site has an oracle snapshot taken
 * from its current bytes, and compiles exactly when it does not say `// oracle: compile-error`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { filesUnder } from '../lessons/lesson-files.ts';
import { contentFolders, recorded, root } from './oracle-facts.ts';

const sources = contentFolders.flatMap((folder) => filesUnder(folder, '.go'));

describe('snippets have fresh snapshots', () => {
  test('there are snippets', () => {
    expect(sources.length).toBeGreaterThanOrEqual(20);
  });

  test.each(sources)('%s', (source) => {
    const expectError = /^\/\/\s*oracle:\s*compile-error\s*$/m.test(readFileSync(join(root, source), 'utf8').split(/^package /m)[0]!);
    for (const flags of ['-m', '-m -l', '-m=2 -l'] as const) {
      const run = recorded(source, flags);
      if (expectError) expect(run.exitCode, `${source} with ${flags}`).not.toBe(0);
      else expect(run.exitCode, `${source} with ${flags}`).toBe(0);
    }
  });
});
