/**
 * The annotations a snippet shows before any JavaScript runs, computed at build time from a
 * recorded compiler run when one exists, else from the simulator when it answers.
 */
import type { AnalysisResult } from '../../sim/api.ts';
import { parseGcLine, verdictOf } from './gc-lines.ts';
import type { RecordedAnswer } from './recorded-run.ts';

/** One badge on a source line. */
export interface LineBadge {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Heap or stack. */
  placement: 'heap' | 'stack';
  /** The variable or expression. */
  what: string;
  /** The gc message the badge stands for. */
  message: string;
}

/** What the static view shows for a snippet. */
export type StaticAnswer =
  | {
      /** A real compiler run. */
      kind: 'recorded';
      /** The toolchain that printed it. */
      goVersion: string;
      /** The output lines, exactly as printed. */
      lines: string[];
      /** Badges derived from the headline lines. */
      badges: LineBadge[];
    }
  | {
      /** The simulator's prediction. */
      kind: 'simulated';
      /** The modelled Go version. */
      goVersion: string;
      /** The lines gc would print, as predicted. */
      lines: string[];
      /** Badges from the allocation sites. */
      badges: LineBadge[];
    }
  | {
      /** Neither: the reason is stated, nothing is guessed. */
      kind: 'unavailable';
      /** The modelled Go version. */
      goVersion: string;
      /** Diagnostics (compile errors or `not modeled: ...`) in `line:col: message` form. */
      lines: string[];
    };

/** Badges for the headline lines of a recorded run (the `-m=2` detail lines carry none). */
export function badgesFromLines(lines: string[]): LineBadge[] {
  const badges: LineBadge[] = [];
  for (const text of lines) {
    const parsed = parseGcLine(text);
    if (parsed === undefined || parsed.detail) continue;
    const verdict = verdictOf(parsed.message);
    if (verdict === undefined) continue;
    badges.push({ line: parsed.line, column: parsed.column, placement: verdict.placement, what: verdict.what, message: parsed.message });
  }
  return badges;
}

/** Chooses between a recorded run and the simulator's answer; the recording wins. */
export function staticAnswer(recorded: RecordedAnswer | undefined, simulated: AnalysisResult, fileName: string): StaticAnswer {
  if (recorded !== undefined) {
    return { kind: 'recorded', goVersion: recorded.goVersion, lines: recorded.run.lines, badges: badgesFromLines(recorded.run.lines) };
  }
  if (simulated.kind === 'ok') {
    return {
      kind: 'simulated',
      goVersion: simulated.goVersion,
      lines: simulated.lines,
      badges: simulated.sites.map((site) => ({
        line: site.line,
        column: site.column,
        placement: site.placement,
        what: site.what,
        message: site.message,
      })),
    };
  }
  return {
    kind: 'unavailable',
    goVersion: simulated.goVersion,
    lines: simulated.diagnostics.map((diagnostic) => `${fileName}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.message}`),
  };
}
