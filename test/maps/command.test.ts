import { describe, expect, test } from 'vitest';
import { main } from '../../src/sim/cli.ts';
import { readSnapshot, type ClassicGrid, type SwissGrid } from './snapshots.ts';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['map', ...args], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const classicGrid = readSnapshot<ClassicGrid>('classic-grid.json');
const swissGrid = readSnapshot<SwissGrid>('swiss-grid.json');

describe('stackorheap map', () => {
  test('classic --json prints exactly the contract fields, matching the real runtime where seed-independent', async () => {
    const { code, stdout } = await run(['--impl', 'classic', '--go=1.19', '--hint', '100', '--insert', '1000', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['impl', 'count', 'B', 'buckets', 'overflow', 'growing', 'bytes']);
    const real = classicGrid.runs.find((r) => r.type === 'map[int64]int64' && r.hint === 100)?.states.find((s) => s.n === 1000);
    expect(real).toBeDefined();
    expect({ impl: result.impl, count: result.count, B: result.B, buckets: result.buckets }).toEqual({ impl: 'classic', count: real?.count, B: real?.B, buckets: real?.buckets });
    expect(typeof result.overflow).toBe('number');
    expect(typeof result.growing).toBe('boolean');
    expect(result.bytes).toBeGreaterThan(0);
  });

  test('swiss --json prints exactly the contract fields, matching the real runtime before the first split', async () => {
    const { code, stdout } = await run(['--impl=swiss', '--hint=0', '--insert=500', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { tables: Record<string, number>[] } & Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['impl', 'used', 'dirLen', 'globalDepth', 'tables', 'bytes']);
    const real = swissGrid.runs.find((r) => r.type === 'map[int64]int64' && r.hint === 0)?.states.find((s) => s.n === 500);
    expect(real).toBeDefined();
    expect(result.tables.map((table) => Object.keys(table))).toEqual([['capacity', 'used', 'growthLeft', 'localDepth']]);
    expect({ used: result.used, dirLen: result.dirLen, globalDepth: result.globalDepth, tables: result.tables }).toEqual({
      used: real?.used,
      dirLen: real?.dirLen,
      globalDepth: real?.globalDepth,
      tables: real?.tables.map(({ capacity, used, growthLeft, localDepth }) => ({ capacity, used, growthLeft, localDepth })),
    });
  });

  test('without --json the state is described in words', async () => {
    const classic = await run(['--impl', 'classic', '--insert', '27']);
    expect(classic.code).toBe(0);
    expect(classic.stdout).toMatch(/^classic map: make\(map\[int\]int, 0\) after 27 distinct inserts, go1\.23$/m);
    expect(classic.stdout).toMatch(/^B\s+3 \(8 buckets\)$/m);
    const swiss = await run(['--impl', 'swiss', '--insert', '8']);
    expect(swiss.stdout).toMatch(/small map: one group of 8 slots/);
  });

  test('the same seed gives the same seed-dependent numbers', async () => {
    const first = await run(['--impl', 'classic', '--insert', '20000', '--json', '--seed', '3']);
    const again = await run(['--impl', 'classic', '--insert', '20000', '--json', '--seed', '3']);
    expect(again.stdout).toBe(first.stdout);
  });

  const bad: [string[], number, RegExp][] = [
    [['--insert', '5'], 2, /--impl is required/],
    [['--impl', 'hash', '--insert', '5'], 2, /--impl must be classic or swiss/],
    [['--impl', 'swiss'], 2, /--insert is required/],
    [['--impl', 'swiss', '--insert', 'many'], 2, /--insert must be a whole number/],
    [['--impl', 'swiss', '--insert', '-1'], 2, /--insert must be a whole number/],
    [['--impl', 'swiss', '--insert', '1', '--hint'], 2, /--hint needs a value/],
    [['--impl', 'swiss', '--insert', '1', '--hint', '1000000000'], 2, /--hint must be at most 10000000/],
    [['--impl', 'swiss', '--go=1.22', '--insert', '1'], 2, /Swiss maps first shipped in go1\.24/],
    [['--impl', 'classic', '--go=1.26', '--insert', '1'], 2, /only Swiss maps/],
    [['--impl', 'classic', '--go=1.18', '--insert', '1'], 2, /between 1\.19 and 1\.26/],
    [['--impl', 'classic', '--go=banana', '--insert', '1'], 2, /--go must look like 1\.23/],
    [['--impl', 'classic', '--insert', '1', '--verbose'], 2, /unknown argument "--verbose"/],
    [['--impl', 'classic', '--go=1.24', '--insert', '1'], 3, /^stackorheap map: not modeled: classic maps in go1\.24/],
  ];
  for (const [args, exitCode, message] of bad) {
    test(`${args.join(' ')} exits ${exitCode} with a clear message`, async () => {
      const result = await run(args);
      expect(result.code).toBe(exitCode);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    });
  }
});
