/**
 * std-internals.json: the lines gc prints about standard-library code a user package makes it
 * instantiate, when that code is the same whatever the package does with it. Using sync.Map at
 * all instantiates internal/sync's generic hash-trie, and with inlining off gc then prints the
 * same block of lines (positions inside GOROOT) after the package's own, whichever methods are
 * called: a probe program using sync.Map is compiled per flag set and its lines outside the probe
 * file are recorded. The simulator appends the block after its own lines for such a program.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StdInternalsSnapshot } from '../src/data/oracle/snapshots.ts';
import { formatJson, snippetModule } from './escape.ts';
import { runGo } from './toolchain.ts';

/** Each recorded use: its key, and a probe program that makes it (two, to check the block does not depend on the calls). */
const uses: { key: string; probes: string[] }[] = [
  {
    key: 'sync.Map',
    probes: [
      'package main\n\nimport "sync"\n\nvar m sync.Map\n\nfunc main() {\n\tm.Delete("x")\n}\n',
      'package main\n\nimport "sync"\n\nfunc main() {\n\tvar m sync.Map\n\tm.Store(1, 2)\n\tv, ok := m.Load(1)\n\tm.Range(func(k, v any) bool { return true })\n\tprintln(v != nil, ok)\n}\n',
    ],
  },
];

/** The flag sets for which the block is replayed (with inlining on, gc interleaves it with the package's own lines). */
export const replayedFlagSets = ['-m -l', '-m=2 -l'] as const;

/** Writes `outFolder/std-internals.json`; returns the problems found. */
export async function generateStdInternals(outFolder: string, goVersion: string): Promise<string[]> {
  const snapshot: StdInternalsSnapshot = { goVersion, uses: {} };
  for (const use of uses) {
    const blocks: Record<string, string[]> = {};
    for (const flags of replayedFlagSets) {
      const seen: string[][] = [];
      for (const probe of use.probes) {
        const module = mkdtempSync(join(tmpdir(), 'oracle-std-internals-'));
        try {
          writeFileSync(join(module, 'go.mod'), snippetModule);
          writeFileSync(join(module, 'main.go'), probe);
          const build = await runGo(['build', '-o', '/dev/null', `-gcflags=${flags}`, '.'], module);
          if (build.exitCode !== 0) return [`std internals probe for ${use.key} failed with ${flags}:\n${build.output}`];
          seen.push(build.output.split('\n').filter((line) => line !== '' && !line.startsWith('#') && !/^(\.\/)?main\.go:/.test(line)));
        } finally {
          rmSync(module, { recursive: true, force: true });
        }
      }
      if (seen.some((lines) => lines.join('\n') !== seen[0]?.join('\n'))) return [`std internals of ${use.key} with ${flags} depend on how the program uses it`];
      blocks[flags] = seen[0] ?? [];
    }
    snapshot.uses[use.key] = blocks;
  }
  writeFileSync(join(outFolder, 'std-internals.json'), formatJson(snapshot));
  return [];
}
