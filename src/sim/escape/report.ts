/**
 * The output of one run, in gc's emission order: `-m` diagnostics (`file:line:col: text`) and
 * `-m=2` explanation lines, interleaved exactly as the compiler prints them (under `-m` gc
 * flushes every diagnostic immediately, so nothing is sorted or deduplicated).
 */
import type { Position } from '../api.ts';

/** One diagnostic as the analysis produced it. */
export interface ReportedLine {
  /** Where it is reported. */
  position: Position;
  /** The text after `file:line:col: `. */
  message: string;
}

/** Collects the lines of one run. */
export class Report {
  /** The file name printed in front of each position. */
  readonly fileName: string;
  /** Every printed line, in order, already formatted. */
  readonly lines: string[] = [];
  /** The `-m` diagnostics (not the explanation lines), in order. */
  readonly diagnostics: ReportedLine[] = [];

  constructor(fileName: string) {
    this.fileName = fileName;
  }

  /** `file:line:col`, as gc's `base.FmtPos` prints it. */
  formatPosition(position: Position): string {
    return `${this.fileName}:${position.line}:${position.column}`;
  }

  /** A diagnostic (gc's `base.WarnfAt`). */
  warn(position: Position, message: string): void {
    this.lines.push(`${this.formatPosition(position)}: ${message}`);
    this.diagnostics.push({ position, message });
  }

  /** A line of a `-m=2` explanation (gc prints these with `fmt.Printf`). */
  explanation(position: Position, text: string): void {
    this.lines.push(`${this.formatPosition(position)}: ${text}`);
  }
}
