/**
 * `stackorheap alloc [--go=1.N] FILE.go`: per function, the heap allocations and bytes one call
 * makes (what `testing.AllocsPerRun` and the benchmark's B/op would report), from the escape
 * analysis with inlining off. A figure marked "at least" depends on run-time values (loop
 * counts, sizes, small-integer boxing, calls the simulator cannot follow).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '../analyze.ts';
import type { CommandIO } from '../cli.ts';

const usage = 'usage: stackorheap alloc [--go=1.N] FILE.go\n';

/** Runs the command. */
export async function runCommand(args: string[], io: CommandIO): Promise<number> {
  let goMinor: number | undefined;
  const files: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('--go=')) {
      const match = /^(?:go)?1\.(\d+)$/.exec(arg.slice('--go='.length));
      if (match === null) {
        io.stderr(`stackorheap alloc: bad Go version\n${usage}`);
        return 2;
      }
      goMinor = Number(match[1]);
    } else if (arg.startsWith('-')) {
      io.stderr(`stackorheap alloc: unknown flag ${arg}\n${usage}`);
      return 2;
    } else files.push(arg);
  }
  const [file] = files;
  if (file === undefined || files.length > 1) {
    io.stderr(usage);
    return 2;
  }
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr(`stackorheap alloc: ${(error as Error).message}\n`);
    return 2;
  }
  const fileName = basename(file);
  const result = await analyze({ source, fileName, flags: { m: 1, noInline: true }, goMinor });
  if (result.kind !== 'ok') {
    for (const diagnostic of result.diagnostics) io.stdout(`${fileName}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.message}\n`);
    return result.kind === 'compileError' ? 1 : 3;
  }
  for (const summary of result.functions) {
    const bound = summary.exact ? '' : 'at least ';
    const allocations = `${bound}${summary.heapAllocationsPerCall} heap allocation${summary.heapAllocationsPerCall === 1 ? '' : 's'}`;
    io.stdout(`${fileName}:${summary.line}:${summary.column}: ${summary.name}: ${allocations} per call, ${bound}${summary.heapBytesPerCall} bytes\n`);
  }
  return 0;
}
