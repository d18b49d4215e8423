/**
 * The std model built from the committed oracle snapshot (src/data/oracle/stdlib.json), for
 * callers that want the project's own std model without loading the snapshot themselves.
 */
import snapshot from '../../data/oracle/stdlib.json' with { type: 'json' };
import type { StdlibSnapshot } from '../../data/oracle/snapshots.ts';
import { loadStdlib, type Stdlib } from './stdlib.ts';

let built: Stdlib | undefined;

/** The std functions and variables recorded by the oracle, built once. */
export function modelledStdlib(): Stdlib {
  built ??= loadStdlib(snapshot as StdlibSnapshot);
  return built;
}
