/**
 * What the `escape` and `alloc` commands share: the `--go=1.N` flag, the one Go file they read,
 * and how a result that is not a report is printed (gc-style lines, exit 1 or 3).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { AnalysisResult } from './api.ts';
import type { CommandIO } from './cli.ts';

/** The minor version in `--go=1.N` (or `go1.N`), or undefined when the value is not one. */
export function parseGoVersionFlag(arg: string): number | undefined {
  const match = /^(?:go)?1\.(\d+)$/.exec(arg.slice('--go='.length));
  return match === null ? undefined : Number(match[1]);
}

/** The single Go file named on the command line, or the exit code after saying what is wrong. */
export function readOneGoFile(
  command: string,
  files: string[],
  usage: string,
  io: CommandIO,
): { source: string; fileName: string } | number {
  const [file] = files;
  if (file === undefined || files.length > 1) {
    io.stderr(usage);
    return 2;
  }
  try {
    return { source: readFileSync(file, 'utf8'), fileName: basename(file) };
  } catch (error) {
    io.stderr(`stackorheap ${command}: ${(error as Error).message}\n`);
    return 2;
  }
}

/** Prints a compile error or a not-modeled answer as gc-style lines; returns the exit code (1 or 3). */
export function printDiagnostics(result: Exclude<AnalysisResult, { kind: 'ok' }>, fileName: string, io: CommandIO): number {
  for (const diagnostic of result.diagnostics) io.stdout(`${fileName}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.message}\n`);
  return result.kind === 'compileError' ? 1 : 3;
}
