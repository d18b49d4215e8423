/**
 * The type checker's entry point: `check(file, options)`. Loads the checker with its
 * expression and statement walkers (./expr.ts, ./stmt.ts) installed.
 */
import type * as ast from '../syntax/ast.ts';
import { Checker, type CheckOptions } from './check.ts';
import './expr.ts';
import './stmt.ts';
import type { CheckResult } from './info.ts';

export type { CheckOptions } from './check.ts';

/** Checks one parsed file. Never throws: every problem is a diagnostic. */
export function check(file: ast.File, options: CheckOptions = {}): CheckResult {
  const checker = new Checker(file, options.stdlib ?? null, options.fileName);
  try {
    checker.checkFile();
  } catch (error) {
    // The API never throws: a stack overflow or a checker bug becomes a plain "not modeled".
    if (error instanceof RangeError) checker.notModeledAt(file.start, 'expression too deeply nested');
    else checker.notModeledAt(file.start, `this file (the checker failed: ${error instanceof Error ? error.message : String(error)})`);
  }
  return checker.result();
}

