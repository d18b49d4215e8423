/**
 * `stackorheap alloc [--go=1.N] FILE.go`: per function, the heap allocations and bytes one call
 * makes (what `testing.AllocsPerRun` and the benchmark's B/op would report), from the escape
 * analysis with inlining off. A figure marked "at least" depends on run-time values (loop
 * counts, sizes, small-integer boxing, calls the simulator cannot follow).
 */
import { analyze } from '../analyze.ts';
import type { CommandIO } from '../cli.ts';
import { parseGoVersionFlag, printDiagnostics, readOneGoFile } from '../command-input.ts';

const usage = 'usage: stackorheap alloc [--go=1.N] FILE.go\n';

/** Runs the command. */
export async function runCommand(args: string[], io: CommandIO): Promise<number> {
  let goMinor: number | undefined;
  const files: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('--go=')) {
      goMinor = parseGoVersionFlag(arg);
      if (goMinor === undefined) {
        io.stderr(`stackorheap alloc: bad Go version\n${usage}`);
        return 2;
      }
    } else if (arg.startsWith('-')) {
      io.stderr(`stackorheap alloc: unknown flag ${arg}\n${usage}`);
      return 2;
    } else files.push(arg);
  }
  const input = readOneGoFile('alloc', files, usage, io);
  if (typeof input === 'number') return input;
  const { source, fileName } = input;
  const result = await analyze({ source, fileName, flags: { m: 1, noInline: true }, goMinor });
  if (result.kind !== 'ok') return printDiagnostics(result, fileName, io);
  for (const summary of result.functions) {
    const bound = summary.exact ? '' : 'at least ';
    const allocations = `${bound}${summary.heapAllocationsPerCall} heap allocation${summary.heapAllocationsPerCall === 1 ? '' : 's'}`;
    io.stdout(`${fileName}:${summary.line}:${summary.column}: ${summary.name}: ${allocations} per call, ${bound}${summary.heapBytesPerCall} bytes\n`);
  }
  return 0;
}
