/**
 * std-internals.json: the lines gc prints about standard-library code a user package makes it
 * instantiate, when that code is the same whatever the package does with it. Using sync.Map at
 * all instantiates internal/sync's generic hash-trie, and with inlining off gc then prints the
 * same block of lines (positions inside GOROOT) after the package's own, whichever methods are
 * called: a probe program using sync.Map is compiled per flag set and its lines outside the probe
 * file are recorded (sync.Pool and *os.File likewise at -m and -m=2 -l, os without a file prints
 * nothing). With `-l` the simulator prints the block after the package's own functions' lines;
 * at `-m` gc prints it in two parts, its `can inline` lines after the package's and the rest
 * after the package's inlining lines (see src/sim/stdlib/internals.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StdInternalsSnapshot } from '../src/data/oracle/snapshots.ts';
import { formatJson, snippetModule } from './escape.ts';
import { runGo } from './toolchain.ts';

/**
 * Each recorded use: its key, the flag sets gc prints its block under with inlining off, and
 * probe programs that make it (several, to check the block does not depend on the calls).
 */
const uses: { key: string; flagSets: readonly string[]; probes: string[] }[] = [
  {
    key: 'sync.Map',
    flagSets: ['-m -l', '-m=2 -l'],
    probes: [
      'package main\n\nimport "sync"\n\nvar m sync.Map\n\nfunc main() {\n\tm.Delete("x")\n}\n',
      'package main\n\nimport "sync"\n\nfunc main() {\n\tvar m sync.Map\n\tm.Store(1, 2)\n\tv, ok := m.Load(1)\n\tm.Range(func(k, v any) bool { return true })\n\tprintln(v != nil, ok)\n}\n',
    ],
  },
  {
    // sync.Pool's generic atomic pointers: inlined at -m, explained at -m=2.
    key: 'sync.Pool',
    flagSets: ['-m', '-m=2 -l'],
    probes: [
      'package main\n\nimport "sync"\n\nvar p sync.Pool\n\nfunc main() {\n\tprintln(p.Get() == nil)\n}\n',
      'package main\n\nimport "sync"\n\nvar p = sync.Pool{New: func() any { return new(int) }}\n\nfunc main() {\n\tp.Put(p.Get())\n}\n',
    ],
  },
  {
    // *os.File's generic atomic pointers, inlined at -m and explained at -m=2, whichever way a
    // program comes by a file.
    key: 'os.File',
    flagSets: ['-m', '-m=2 -l'],
    probes: [
      'package main\n\nimport "os"\n\nfunc main() {\n\tos.Stdout.WriteString("hi")\n}\n',
      'package main\n\nimport "os"\n\nfunc main() {\n\tf, err := os.Open("x")\n\tif err == nil {\n\t\tf.Close()\n\t}\n}\n',
      'package main\n\nimport "os"\n\nfunc main() {\n\tf, _ := os.Create("x")\n\tos.Stderr.WriteString("x")\n\tprintln(f != nil)\n}\n',
    ],
  },
  {
    // os without a file: nothing.
    key: 'os',
    flagSets: ['-m', '-m=2 -l'],
    probes: [
      'package main\n\nimport "os"\n\nfunc main() {\n\tos.Exit(0)\n}\n',
      'package main\n\nimport "os"\n\nfunc main() {\n\tprintln(os.Getenv("X"))\n}\n',
    ],
  },
];

/** Compiles each use's probes under each of its flag sets; the blocks, or the problem found. */
export async function measureStdInternals(goVersion: string): Promise<StdInternalsSnapshot | { problem: string }> {
  const snapshot: StdInternalsSnapshot = { goVersion, uses: {} };
  for (const use of uses) {
    const blocks: Record<string, string[]> = {};
    for (const flags of use.flagSets) {
      const seen: string[][] = [];
      for (const probe of use.probes) {
        const module = mkdtempSync(join(tmpdir(), 'oracle-std-internals-'));
        try {
          writeFileSync(join(module, 'go.mod'), snippetModule);
          writeFileSync(join(module, 'main.go'), probe);
          const build = await runGo(['build', '-o', '/dev/null', `-gcflags=${flags}`, '.'], module);
          if (build.exitCode !== 0) return { problem: `std internals probe for ${use.key} failed with ${flags}:\n${build.output}` };
          seen.push(build.output.split('\n').filter((line) => line !== '' && !line.startsWith('#') && !/^(\.\/)?main\.go:/.test(line)));
        } finally {
          rmSync(module, { recursive: true, force: true });
        }
      }
      if (seen.some((lines) => lines.join('\n') !== seen[0]?.join('\n'))) return { problem: `std internals of ${use.key} with ${flags} depend on how the program uses it` };
      blocks[flags] = seen[0] ?? [];
    }
    snapshot.uses[use.key] = blocks;
  }
  return snapshot;
}

/** Writes `outFolder/std-internals.json`. */
export function writeStdInternals(outFolder: string, snapshot: StdInternalsSnapshot): void {
  writeFileSync(join(outFolder, 'std-internals.json'), formatJson(snapshot));
}
