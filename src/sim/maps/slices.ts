/**
 * Slice growth as `runtime.growslice` computes it, for the slices the map runtime appends to
 * (the classic map's list of overflow buckets).
 */
import { roundUpSize } from '../alloc/size-classes.ts';

/** The capacity `append` gives a slice of `oldCapacity` that must hold `newLength` elements. */
export function appendCapacity(oldCapacity: number, newLength: number, elemSize: number, hasPointers: boolean, goMinor: number): number {
  const threshold = 256;
  let capacity = oldCapacity;
  const doubled = capacity + capacity;
  if (newLength > doubled) {
    capacity = newLength;
  } else if (oldCapacity < threshold) {
    capacity = doubled;
  } else {
    while (capacity < newLength) capacity += Math.floor((capacity + 3 * threshold) / 4);
  }
  return Math.floor(roundUpSize(capacity * elemSize, hasPointers, goMinor) / elemSize);
}
