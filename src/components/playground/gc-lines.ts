/**
 * Reading gc's `-m` output: each line is `file:line:col: message`. Used for recorded compiler
 * runs (oracle snapshots), where only the text exists, to place the same badges the simulator's
 * sites give.
 */
import type { AnalysisFlags } from '../../sim/api.ts';

/** The flag sets a lesson snippet may ask for, as written on `go build -gcflags=...`. */
export type FlagString = '-m' | '-m -l' | '-m=2' | '-m=2 -l';

/** One parsed line of gc output. */
export interface GcLine {
  /** 1-based line. */
  line: number;
  /** 1-based byte column. */
  column: number;
  /** The message after the position, without leading spaces. */
  message: string;
  /** True for the indented explanation lines `-m=2` prints under a decision. */
  detail: boolean;
}

/** What a gc message says about where a value lives. */
export interface Verdict {
  /** Heap or stack. */
  placement: 'heap' | 'stack';
  /** The variable or expression the message is about. */
  what: string;
}

const linePattern = /^(?:.*?):(\d+):(\d+): (\s*)(.*)$/;

/** Parses one `file:line:col: message` line; undefined for lines of another shape (like `# pkg`). */
export function parseGcLine(text: string): GcLine | undefined {
  const match = linePattern.exec(text);
  if (match === null) return undefined;
  return {
    line: Number(match[1]),
    column: Number(match[2]),
    message: match[4]!,
    detail: match[3]!.length > 0,
  };
}

/** The placement a headline message states, or undefined for messages about inlining and parameters. */
export function verdictOf(message: string): Verdict | undefined {
  let match = /^moved to heap: (.+)$/.exec(message);
  if (match !== null) return { placement: 'heap', what: match[1]! };
  match = /^(.+) escapes to heap(?::.*)?$/.exec(message);
  if (match !== null) return { placement: 'heap', what: match[1]! };
  match = /^(.+) does not escape(?::.*)?$/.exec(message);
  if (match !== null) return { placement: 'stack', what: match[1]! };
  return undefined;
}

/** The flags a flag string stands for. */
export function flagsFromString(flags: FlagString): AnalysisFlags {
  const words = flags.split(/\s+/);
  return { m: words.includes('-m=2') ? 2 : 1, noInline: words.includes('-l') };
}

/** The flag string for a set of flags, in the order gc's users usually write it. */
export function flagsToString(flags: AnalysisFlags): FlagString {
  const m = flags.m === 2 ? '-m=2' : '-m';
  return flags.noInline ? `${m} -l` : m;
}

/** Whether a recorded run's flags (e.g. `-gcflags=-m -l` or `-l -m`) are the given ones. */
export function sameFlags(recorded: string, flags: AnalysisFlags): boolean {
  const words = recorded
    .replace(/^-gcflags=/, '')
    .replace(/['"]/g, '')
    .split(/\s+/)
    .filter((word) => word !== '');
  const m = words.includes('-m=2') || words.filter((word) => word === '-m').length === 2 ? 2 : words.includes('-m') ? 1 : 0;
  return m === flags.m && words.includes('-l') === flags.noInline;
}
