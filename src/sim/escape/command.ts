/**
 * `stackorheap escape [--gcflags="-m[=2] [-l]"] [--go=1.26] FILE.go`: prints what
 * `go build -gcflags=... FILE.go` prints (without the `# pkg` header). Exit 1 on compile
 * errors (printed in gc's format), 3 when the file uses something the simulator does not
 * model, 2 on bad usage.
 */
import { analyze } from '../analyze.ts';
import type { AnalysisFlags } from '../api.ts';
import type { CommandIO } from '../cli.ts';
import { parseGoVersionFlag, printDiagnostics, readOneGoFile } from '../command-input.ts';

const usage = 'usage: stackorheap escape [--gcflags="-m[=2] [-l]"] [--go=1.N] FILE.go\n';

/** Parses `-m`, `-m=2`, `-m -m`, `-l` out of a -gcflags value; undefined when something else is asked for. */
export function parseGcflags(value: string): AnalysisFlags | undefined {
  const flags: AnalysisFlags = { m: 1, noInline: false };
  let mCount = 0;
  for (const flag of value.trim().split(/\s+/).filter((part) => part !== '')) {
    if (flag === '-m') mCount++;
    else if (/^-m=\d$/.test(flag)) mCount = Number(flag.slice(3));
    else if (flag === '-l') flags.noInline = true;
    else return undefined;
  }
  if (mCount < 1 || mCount > 2) return undefined;
  flags.m = mCount === 2 ? 2 : 1;
  return flags;
}

/** Runs the command. */
export async function runCommand(args: string[], io: CommandIO): Promise<number> {
  let gcflags = '-m';
  let goMinor: number | undefined;
  const files: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg.startsWith('--gcflags=') || arg.startsWith('-gcflags=')) gcflags = arg.slice(arg.indexOf('=') + 1);
    else if (arg === '--gcflags' || arg === '-gcflags') gcflags = args[++index] ?? '';
    else if (arg.startsWith('--go=')) {
      goMinor = parseGoVersionFlag(arg);
      if (goMinor === undefined) {
        io.stderr(`stackorheap escape: bad Go version ${arg.slice('--go='.length)}\n${usage}`);
        return 2;
      }
    } else if (arg.startsWith('-')) {
      io.stderr(`stackorheap escape: unknown flag ${arg}\n${usage}`);
      return 2;
    } else files.push(arg);
  }
  const flags = parseGcflags(gcflags);
  if (flags === undefined) {
    io.stderr(`stackorheap escape: unsupported -gcflags "${gcflags}" (supported: -m, -m=2, -l)\n`);
    return 2;
  }
  const input = readOneGoFile('escape', files, usage, io);
  if (typeof input === 'number') return input;
  const { source, fileName } = input;
  const result = await analyze({ source, fileName, flags, goMinor });
  if (result.kind !== 'ok') return printDiagnostics(result, fileName, io);
  for (const line of result.lines) io.stdout(`${line}\n`);
  return 0;
}
