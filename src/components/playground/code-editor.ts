/**
 * What the playground needs from an editor, so Monaco (desktop) and the plain textarea
 * (touch and narrow screens) are interchangeable.
 */
import type { AllocationSite, Diagnostic, Position } from '../../sim/api.ts';

/** Marks the editor draws over the text. */
export interface EditorMarks {
  /** Allocation sites, badged heap or stack. */
  sites: AllocationSite[];
  /** Compile errors and not-modeled constructs, underlined at their position. */
  diagnostics: Array<Diagnostic & { severity: 'error' | 'info' }>;
}

/** A code editor the playground can drive. */
export interface CodeEditor {
  /** The current text. */
  getText(): string;
  /** Replaces the whole text (examples, reset, solution). */
  setText(text: string): void;
  /** Calls `listener` after every change the reader makes. */
  onChange(listener: (text: string) => void): void;
  /** Moves keyboard focus into the editor. */
  focus(): void;
  /** Puts the cursor at a position, scrolls to it and focuses the editor. */
  reveal(position: Position): void;
  /** Where the cursor is, as a gc position. */
  cursor(): Position;
  /** Draws badges and diagnostics. */
  mark(marks: EditorMarks): void;
  /** Frees the editor. */
  dispose(): void;
}

/** A one-line plain-words explanation of a site, for hovers and labels. */
export function siteSummary(site: AllocationSite): string {
  if (site.placement === 'stack') return `${site.what} stays on the stack (${site.message}).`;
  const allocation = site.allocates
    ? site.heapBytes === undefined
      ? 'allocates on the heap'
      : `allocates ${site.heapBytes} bytes on the heap`
    : 'escapes but does not allocate at run time';
  return `${site.what} ${allocation} (${site.message}).`;
}

/** The 1-based character column of a 1-based UTF-8 byte column in a line (gc counts bytes). */
export function characterColumn(line: string, byteColumn: number): number {
  const encoder = new TextEncoder();
  let bytes = 0;
  let characters = 0;
  for (const character of line) {
    if (bytes >= byteColumn - 1) break;
    bytes += encoder.encode(character).length;
    characters += character.length;
  }
  return characters + 1;
}

/** The 1-based UTF-8 byte column of a 1-based character column in a line. */
export function byteColumn(line: string, characterColumnNumber: number): number {
  return new TextEncoder().encode(line.slice(0, characterColumnNumber - 1)).length + 1;
}
