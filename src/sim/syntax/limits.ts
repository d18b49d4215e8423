/** Limits that keep the front end fast and its walks within the JavaScript stack. */

/** Larger sources are refused with a diagnostic (tree-sitter needs about 0.5 s per MB). */
export const maxSourceLength = 512 * 1024;

/** Deeper nesting of brackets, expressions, types or statements is refused with a diagnostic. */
export const maxNestingDepth = 1000;

/** tree-sitter gets this many milliseconds per file; pathological inputs are cut off rather than left to hang (generous: timings on a loaded machine vary tenfold). */
export const parseTimeBudget = 2000;
