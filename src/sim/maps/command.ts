import type { CommandIO } from '../cli.ts';

/** Placeholder until this command is implemented: says so plainly instead of guessing. */
export async function runCommand(_args: string[], io: CommandIO): Promise<number> {
  io.stderr('stackorheap: this command is not available yet\n');
  return 4;
}
