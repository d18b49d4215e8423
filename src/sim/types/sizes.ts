/**
 * Sizes, alignments and field offsets on amd64, as gc computes them (cmd/compile's types
 * package and go/types' gcSizes): a struct is padded to its alignment, and a struct whose last
 * field has size zero (while the struct does not) gets one extra byte so that a pointer to that
 * field never points past the object.
 */
import type { Type } from './types.ts';
import { underlying } from './predicates.ts';

/** A type's layout; null where it is not known (a std type known by name whose layout stdlib.json lacks). */
export type Layout = { size: number; align: number } | null;

const wordSize = 8;

const basicSizes: Record<string, number> = {
  bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, float32: 4,
  int: 8, uint: 8, int64: 8, uint64: 8, uintptr: 8, float64: 8, complex64: 8, complex128: 16,
  string: 16, 'unsafe.Pointer': 8,
};

/** The size and alignment of `type`, or null when unknown. */
export function layoutOf(type: Type, depth = 0): Layout {
  if (depth > 100) return null;
  const under = underlying(type);
  // A std type known by name only: the layout the oracle measured, if any.
  if (type.kind === 'Named' && under.kind === 'Basic' && under.basic === 'invalid type') {
    return type.std === undefined ? null : { size: type.std.size, align: type.std.align };
  }
  switch (under.kind) {
    case 'Basic': {
      const size = basicSizes[under.basic];
      if (size === undefined) return null;
      const align = under.basic === 'complex64' ? 4 : under.basic === 'complex128' ? 8 : Math.min(size, wordSize);
      return { size, align: under.basic === 'string' ? wordSize : align };
    }
    case 'Pointer': case 'Map': case 'Chan': case 'Signature':
      return { size: wordSize, align: wordSize };
    case 'Slice':
      return { size: 3 * wordSize, align: wordSize };
    case 'Interface':
      return { size: 2 * wordSize, align: wordSize };
    case 'Array': {
      const element = layoutOf(under.elem, depth + 1);
      if (element === null || under.length < 0) return null;
      return { size: element.size * under.length, align: element.align };
    }
    case 'Struct': {
      const offsets = offsetsOf(under, depth);
      if (offsets === null) return null;
      return { size: offsets.size, align: offsets.align };
    }
    default:
      return null;
  }
}

/** Field offsets of a struct type plus its size and alignment, or null when unknown. */
export function offsetsOf(type: Type, depth = 0): { offsets: number[]; size: number; align: number } | null {
  const under = underlying(type);
  if (under.kind !== 'Struct') return null;
  let offset = 0;
  let align = 1;
  const offsets: number[] = [];
  let lastSize = 0;
  for (const field of under.fields) {
    const layout = layoutOf(field.type, depth + 1);
    if (layout === null) return null;
    offset = roundUp(offset, layout.align);
    offsets.push(offset);
    offset += layout.size;
    align = Math.max(align, layout.align);
    lastSize = layout.size;
  }
  if (under.fields.length > 0 && lastSize === 0 && offset > 0) offset += 1;
  return { offsets, size: roundUp(offset, align), align };
}

function roundUp(value: number, align: number): number {
  return Math.ceil(value / align) * align;
}

/** `unsafe.Sizeof` on amd64, or null. */
export function sizeOf(type: Type): number | null {
  return layoutOf(type)?.size ?? null;
}

/** `unsafe.Alignof` on amd64, or null. */
export function alignOf(type: Type): number | null {
  return layoutOf(type)?.align ?? null;
}
