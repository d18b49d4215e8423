/**
 * The conformance floor: the number of Go escape-test annotations the simulator matches
 * (scored as `npm run conformance` scores them) must not drop below the committed figure.
 * Needs Go's test tree (`$(go env GOROOT)/test`); without a Go toolchain the test is skipped
 * and reported as skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceFiles, scoreFile } from '../../scripts/conformance.ts';

function goTestDir(): string | undefined {
  try {
    const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
    const dir = join(goroot, 'test');
    return existsSync(join(dir, 'escape2.go')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

const testDir = goTestDir();
const floor = JSON.parse(readFileSync(new URL('./conformance-floor.json', import.meta.url), 'utf8')) as { matched: number; stray: number };

describe('conformance on Go escape tests', () => {
  it.skipIf(testDir === undefined)('matches at least the committed number of annotations, with no more stray lines', async () => {
    const dir = testDir as string;
    let matched = 0;
    let stray = 0;
    for (const file of conformanceFiles(dir)) {
      const result = await scoreFile(dir, file, false);
      matched += result.matched;
      stray += result.stray;
    }
    expect(matched).toBeGreaterThanOrEqual(floor.matched);
    expect(stray).toBeLessThanOrEqual(floor.stray);
  }, 120_000);
});
