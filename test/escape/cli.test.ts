/**
 * `stackorheap escape` and `stackorheap alloc`: output lines and exit codes, against the
 * oracle snapshot of a fixture the simulator reproduces.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/sim/cli.ts';
import { loadFixtures } from './fixtures.ts';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const fixtureDir = fileURLToPath(new URL('../fixtures/escape/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'escape-cli-'));

describe('stackorheap escape', () => {
  for (const flags of ['-m -l', '-m']) {
    it(`prints what go build -gcflags="${flags}" prints for return-pointer.go`, async () => {
      const fixture = loadFixtures().find((candidate) => candidate.name === 'return-pointer.go');
      const expected = fixture?.runs.find((candidate) => candidate.flags === flags);
      expect(expected).toBeDefined();
      const result = await run(['escape', `--gcflags=${flags}`, join(fixtureDir, 'return-pointer.go')]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(expected?.lines.map((line) => `${line}\n`).join(''));
    });
  }

  it('exits 1 with gc-style errors for a program that does not compile', async () => {
    const file = join(scratch, 'bad.go');
    writeFileSync(file, 'package main\n\nfunc main() {\n\tx := 1\n}\n');
    const result = await run(['escape', '--gcflags=-m -l', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^bad\.go:4:2: declared and not used: x\n$/);
  });

  it('exits 3 and says what is not modeled instead of guessing', async () => {
    const file = join(scratch, 'net.go');
    writeFileSync(file, 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.Get }\n');
    const result = await run(['escape', file]);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^net\.go:\d+:\d+: not modeled: /);
  });

  it('rejects flags it does not model', async () => {
    const result = await run(['escape', '--gcflags=-m -N -d=ssa/check/on', join(fixtureDir, 'return-pointer.go')]);
    expect(result.code).toBe(2);
  });
});

describe('stackorheap alloc', () => {
  it('prints allocations and bytes per call for each function', async () => {
    const result = await run(['alloc', join(fixtureDir, 'return-pointer.go')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('return-pointer.go:5:6: newCounter: 1 heap allocation per call, 8 bytes\n');
  });
});
