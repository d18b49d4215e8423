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
 *
 * sync.Map at `-m` prints the same lines for every program too, but not in the same order: gc
 * analyses a function after the functions it calls, so the hash-trie's functions that a call of
 * a sync.Map method reaches have their escape lines printed before the caller's. The block is
 * recorded from a program that calls no method, and for each method the std lines a call of it
 * brings ahead of the caller's own (`calls`).
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

/** The lines gc prints for a probe program (`main.go`) under `flags`, or the problem. */
async function buildProbe(key: string, probe: string, flags: string): Promise<string[] | { problem: string }> {
  const module = mkdtempSync(join(tmpdir(), 'oracle-std-internals-'));
  try {
    writeFileSync(join(module, 'go.mod'), snippetModule);
    writeFileSync(join(module, 'main.go'), probe);
    const build = await runGo(['build', '-o', '/dev/null', `-gcflags=${flags}`, '.'], module);
    if (build.exitCode !== 0) return { problem: `std internals probe for ${key} failed with ${flags}:\n${build.output}` };
    return build.output.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  } finally {
    rmSync(module, { recursive: true, force: true });
  }
}

/** Whether a line is about the probe file rather than std code. */
const probeLine = (line: string) => /^(\.\/)?main\.go:/.test(line);

/** Compiles each use's probes under each of its flag sets; the blocks, or the problem found. */
export async function measureStdInternals(goVersion: string): Promise<StdInternalsSnapshot | { problem: string }> {
  const snapshot: StdInternalsSnapshot = { goVersion, uses: {}, calls: {} };
  for (const use of uses) {
    const blocks: Record<string, string[]> = {};
    for (const flags of use.flagSets) {
      const seen: string[][] = [];
      for (const probe of use.probes) {
        const lines = await buildProbe(use.key, probe, flags);
        if ('problem' in lines) return lines;
        seen.push(lines.filter((line) => !probeLine(line)));
      }
      if (seen.some((lines) => lines.join('\n') !== seen[0]?.join('\n'))) return { problem: `std internals of ${use.key} with ${flags} depend on how the program uses it` };
      blocks[flags] = seen[0] ?? [];
    }
    snapshot.uses[use.key] = blocks;
  }
  const syncMap = await measureSyncMapInlined();
  if ('problem' in syncMap) return syncMap;
  (snapshot.uses['sync.Map'] as Record<string, string[]>)['-m'] = syncMap.block;
  snapshot.calls = { 'sync.Map': { '-m': syncMap.calls } };
  return snapshot;
}

/** sync.Map's methods, with arguments for a probe's call. */
const syncMapCalls: Record<string, string> = {
  Load: '1', Store: '1, 2', LoadOrStore: '1, 2', LoadAndDelete: '1', Delete: '1', Swap: '1, 2',
  CompareAndSwap: '1, 2, 3', CompareAndDelete: '1, 2', Range: 'func(k, v any) bool { return true }', Clear: '',
};

/** A probe program whose main calls `call` (if any) and then allocates `sink`, a line of main's own. */
function syncMapProbe(call: string | undefined): string {
  return `package main\n\nimport "sync"\n\nvar m sync.Map\n\nvar sink *int\n\nfunc main() {\n${call === undefined ? '\t_ = &m\n' : `\tm.${call}\n`}\tsink = new(int)\n}\n`;
}

/**
 * sync.Map with inlining on: the block from a program calling no method, and for each method
 * the std lines printed before the escape lines of a function calling it. Every program prints
 * the same lines, only their order differs; the probes check that.
 */
async function measureSyncMapInlined(): Promise<{ block: string[]; calls: Record<string, string[]> } | { problem: string }> {
  const key = 'sync.Map';
  const sorted = (lines: string[]) => [...lines].sort().join('\n');
  const marker = /^(\.\/)?main\.go:\d+:\d+: new\(int\) escapes to heap$/;
  const base = await buildProbe(key, syncMapProbe(undefined), '-m');
  if ('problem' in base) return base;
  const markerAt = base.findIndex((line) => marker.test(line));
  if (markerAt < 0 || base.slice(0, markerAt).some((line) => !probeLine(line) && !/: (can inline|inlining call to) /.test(line))) {
    return { problem: 'sync.Map with -m: std escape lines printed before those of a program calling no method' };
  }
  const block = base.filter((line) => !probeLine(line));
  const calls: Record<string, string[]> = {};
  for (const [method, args] of Object.entries(syncMapCalls)) {
    const lines = await buildProbe(key, syncMapProbe(`${method}(${args})`), '-m');
    if ('problem' in lines) return lines;
    const std = lines.filter((line) => !probeLine(line));
    if (sorted(std) !== sorted(block)) return { problem: `sync.Map with -m: a call of ${method} changes the std lines gc prints, not only their order` };
    const at = lines.findIndex((line) => marker.test(line));
    if (at < 0) return { problem: `sync.Map with -m: the probe calling ${method} printed no line of its own` };
    calls[`(*sync.Map).${method}`] = lines.slice(0, at).filter((line) => !probeLine(line) && !/: (can inline|inlining call to) /.test(line));
  }
  return { block, calls };
}

/** Writes `outFolder/std-internals.json`. */
export function writeStdInternals(outFolder: string, snapshot: StdInternalsSnapshot): void {
  writeFileSync(join(outFolder, 'std-internals.json'), formatJson(snapshot));
}
