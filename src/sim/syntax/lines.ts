/**
 * Turning string offsets into gc positions: 1-based line, 1-based UTF-8 byte column, a tab
 * counting as one column.
 */
import type { LineTable, Pos } from './ast.ts';

/** Builds the line table of a source text. */
export function makeLineTable(source: string): LineTable {
  const starts: number[] = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  // ASCII-only sources (the usual case) need no byte counting.
  // eslint-disable-next-line no-control-regex
  const ascii = !/[^\x00-\x7f]/.test(source);
  return {
    position(offset: number): Pos {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((starts[middle] ?? 0) <= offset) low = middle;
        else high = middle - 1;
      }
      const lineStart = starts[low] ?? 0;
      if (ascii) return { line: low + 1, column: offset - lineStart + 1 };
      let bytes = 0;
      for (let index = lineStart; index < offset; index++) {
        const code = source.charCodeAt(index);
        if (code < 0x80) bytes += 1;
        else if (code < 0x800) bytes += 2;
        else if (code >= 0xd800 && code <= 0xdbff) {
          bytes += 4;
          index++;
        } else bytes += 3;
      }
      return { line: low + 1, column: bytes + 1 };
    },
  };
}
