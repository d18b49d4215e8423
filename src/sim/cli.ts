/**
 * The `stackorheap` command: a thin dispatcher over the simulator's commands.
 * Each command lives with the part of the simulator it exposes and exports `runCommand`.
 * Contracts: ../../DESIGN notes in README.md ("Command line").
 */

/** Where a command writes; tests pass their own sinks. */
export interface CommandIO {
  /** Normal output (the text the real toolchain would print). */
  stdout: (text: string) => void;
  /** Usage errors and internal problems. */
  stderr: (text: string) => void;
}

/** A subcommand: takes its arguments, returns the process exit code. */
export type Command = (args: string[], io: CommandIO) => Promise<number>;

const commands: Record<string, () => Promise<{ runCommand: Command }>> = {
  escape: () => import('./escape/command.ts'),
  alloc: () => import('./alloc/command.ts'),
  map: () => import('./maps/command.ts'),
};

const usage = `usage:
  stackorheap escape [--gcflags="-m[=2] [-l]"] [--go=1.26] FILE.go
  stackorheap alloc FILE.go
  stackorheap map --impl classic|swiss [--go=1.19..1.26] --hint H --insert N [--json]
`;

/** Runs the command named by `argv[0]`. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help') {
    io.stderr(usage);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (load === undefined) {
    io.stderr(`stackorheap: unknown command "${name}"\n${usage}`);
    return 2;
  }
  const { runCommand } = await load();
  return runCommand(rest, io);
}

if (import.meta.main) {
  // A reader that stops early (`| head`) closes the pipe: that is a normal end, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const io: CommandIO = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
