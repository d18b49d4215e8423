/**
 * Go's malloc size classes (linux/amd64) and the rounding every heap allocation goes through.
 * The table has been the same from Go 1.19 through Go 1.26. What changed is the malloc header:
 * from Go 1.22 on, an object that contains pointers and is larger than 512 bytes carries an
 * 8-byte header inside its slot, so it lands in the class of size + 8.
 */

/** Object sizes of the small size classes, in bytes (class 0 is unused). */
export const SIZE_CLASSES: readonly number[] = [
  0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448,
  480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096,
  4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480,
  21760, 24576, 27264, 28672, 32768,
];

/** Largest object served from a size class; larger ones get whole pages. */
export const MAX_SMALL_SIZE = 32768;
/** Page size for large objects. */
export const PAGE_SIZE = 8192;
/** Bytes of the malloc header (Go 1.22+). */
export const MALLOC_HEADER_SIZE = 8;
/** Objects with pointers above this size carry a malloc header (Go 1.22+). */
export const MIN_SIZE_FOR_MALLOC_HEADER = 512;

/** The smallest size class that holds `size` bytes (size must be 1..MAX_SMALL_SIZE). */
function classSize(size: number): number {
  let low = 1;
  let high = SIZE_CLASSES.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((SIZE_CLASSES[middle] as number) >= size) high = middle;
    else low = middle + 1;
  }
  return SIZE_CLASSES[low] as number;
}

/** Whether an object of this size and kind carries a malloc header in this Go version. */
function hasMallocHeader(size: number, hasPointers: boolean, goMinor: number): boolean {
  return goMinor >= 22 && hasPointers && size > MIN_SIZE_FOR_MALLOC_HEADER && size <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE;
}

/**
 * Bytes the heap hands out for an object of `size` bytes: its size class (header included
 * where there is one), or whole pages for a large object. This is what MemStats.TotalAlloc
 * counts. Zero-size objects share one address and cost nothing.
 */
export function allocationSize(size: number, hasPointers: boolean, goMinor: number): number {
  if (size === 0) return 0;
  const request = hasMallocHeader(size, hasPointers, goMinor) ? size + MALLOC_HEADER_SIZE : size;
  if (request <= MAX_SMALL_SIZE) return classSize(request);
  return Math.ceil(size / PAGE_SIZE) * PAGE_SIZE;
}

/**
 * `runtime.roundupsize`: the usable size of the slot an object of `size` bytes gets, which is
 * what the runtime may grow an allocation into (a bucket array's spare room, a slice's
 * capacity). The header, when there is one, is not usable.
 */
export function roundUpSize(size: number, hasPointers: boolean, goMinor: number): number {
  if (size === 0) return 0;
  const header = hasMallocHeader(size, hasPointers, goMinor) ? MALLOC_HEADER_SIZE : 0;
  return allocationSize(size, hasPointers, goMinor) - header;
}
