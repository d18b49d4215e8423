/**
 * What both map models share: the shape of a map type (sizes and whether key and elem hold
 * pointers, which is all the runtime's layout depends on), keys, 64-bit hashes as two 32-bit
 * halves, and the hashers that produce them.
 */

/** A key as the models see it: Go integers as numbers, Go strings as strings. */
export type MapKey = number | string;

/** A 64-bit hash split into halves, so no BigInt is needed on the hot path. */
export interface Hash {
  /** Bits 63..32. */
  hi: number;
  /** Bits 31..0. */
  lo: number;
}

/** The parts of a Go map type that decide its memory layout. */
export interface MapTypeShape {
  /** How Go spells the type, e.g. `map[int64]int64`. */
  name: string;
  /** unsafe.Sizeof of the key. */
  keySize: number;
  /** unsafe.Alignof of the key. */
  keyAlign: number;
  /** Whether the key type contains pointers. */
  keyPointers: boolean;
  /** unsafe.Sizeof of the elem. */
  elemSize: number;
  /** unsafe.Alignof of the elem. */
  elemAlign: number;
  /** Whether the elem type contains pointers. */
  elemPointers: boolean;
}

/** Keys and elems larger than this are stored through a pointer (both implementations). */
export const MAX_INLINE_KEY_OR_ELEM = 128;

/** The map types the probes measured; `map[int]int` is the same shape as int64/int64. */
export const MAP_TYPES: Record<string, MapTypeShape> = {
  'map[int]int': shape('map[int]int', 8, 8, false, 8, 8, false),
  'map[int64]int64': shape('map[int64]int64', 8, 8, false, 8, 8, false),
  'map[string]string': shape('map[string]string', 16, 8, true, 16, 8, true),
  'map[int32]int8': shape('map[int32]int8', 4, 4, false, 1, 1, false),
  'map[int64][128]byte': shape('map[int64][128]byte', 8, 8, false, 128, 1, false),
  'map[int64][129]byte': shape('map[int64][129]byte', 8, 8, false, 129, 1, false),
  'map[string]int': shape('map[string]int', 16, 8, true, 8, 8, false),
};

function shape(
  name: string,
  keySize: number,
  keyAlign: number,
  keyPointers: boolean,
  elemSize: number,
  elemAlign: number,
  elemPointers: boolean,
): MapTypeShape {
  return { name, keySize, keyAlign, keyPointers, elemSize, elemAlign, elemPointers };
}

/** Turns keys into hashes; `reseed` models the runtime drawing a fresh seed (clear, delete to empty). */
export interface Hasher {
  /** The hash of `key` under the current seed. */
  hash(key: MapKey): Hash;
  /** Draws a new seed. */
  reseed(): void;
}

/** A small, fast PRNG (mulberry32): the models' stand-in for the runtime's random source. */
export class Random {
  /** Current generator state. */
  private state: number;

  /** Starts the sequence at `seed`. */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next uniformly distributed 32-bit unsigned integer. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
}

function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A seeded stand-in for the runtime's hash: well mixed, different for every seed, and the same
 * for the same seed and key, so a run can be repeated. It is not Go's hash function (whose
 * process-wide key cannot be read), so individual placements differ from any real run; only
 * the statistics match. Use {@link ReplayHasher} to reproduce a recorded run exactly.
 */
export class SeededHasher implements Hasher {
  /** Source of per-map seeds. */
  private readonly random: Random;
  /** Low half of the current seed. */
  private seedLow: number;
  /** High half of the current seed. */
  private seedHigh: number;

  /** A hasher whose sequence of seeds is fixed by `seed`. */
  constructor(seed: number) {
    this.random = new Random(seed);
    this.seedLow = this.random.next();
    this.seedHigh = this.random.next();
  }

  /** {@inheritDoc Hasher.hash} */
  hash(key: MapKey): Hash {
    let low: number;
    let high: number;
    if (typeof key === 'number') {
      low = key >>> 0;
      high = Math.floor(key / 4294967296) >>> 0;
    } else {
      low = 0x811c9dc5;
      high = 0x01000193;
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        low = Math.imul(low ^ c, 0x01000193);
        high = Math.imul(high ^ c, 0x5bd1e995) ^ (high >>> 15);
      }
    }
    const a = mix32(low ^ this.seedLow ^ Math.imul(high, 0x9e3779b1));
    const b = mix32(Math.imul(a ^ high ^ this.seedHigh, 0xcc9e2d51) + low);
    return { hi: mix32(a + Math.imul(b, 0x1b873593)), lo: mix32(b ^ (a >>> 7)) };
  }

  /** {@inheritDoc Hasher.reseed} */
  reseed(): void {
    this.seedLow = this.random.next();
    this.seedHigh = this.random.next();
  }
}

/**
 * Replays a recorded run: key i (the integer i) gets the hash the real runtime computed for it.
 * Reseeding is refused, because the recording holds hashes for one seed only.
 */
export class ReplayHasher implements Hasher {
  /** Recorded hashes by key. */
  private readonly hashes: Hash[];

  /** Takes the recorded hashes as 16 hex digits each, indexed by key. */
  constructor(hexHashes: readonly string[]) {
    this.hashes = hexHashes.map(parseHash);
  }

  /** {@inheritDoc Hasher.hash} */
  hash(key: MapKey): Hash {
    const found = typeof key === 'number' ? this.hashes[key] : undefined;
    if (found === undefined) throw new Error(`replay: no recorded hash for key ${String(key)}`);
    return found;
  }

  /** {@inheritDoc Hasher.reseed} */
  reseed(): void {
    throw new Error('replay: the recorded run has one seed; deleting to empty or clearing would draw another');
  }
}

/** Parses 16 hex digits into a {@link Hash}. */
export function parseHash(hex: string): Hash {
  return { hi: Number.parseInt(hex.slice(0, 8), 16) >>> 0, lo: Number.parseInt(hex.slice(8, 16), 16) >>> 0 };
}

/** Formats a {@link Hash} as 16 hex digits. */
export function formatHash(hash: Hash): string {
  return hash.hi.toString(16).padStart(8, '0') + hash.lo.toString(16).padStart(8, '0');
}

/** Bytes handed out by the heap, and how many objects, since the map was made. */
export interface MemoryAccount {
  /** Objects allocated so far (as MemStats.Mallocs counts them). */
  allocations: number;
  /** Bytes allocated so far, size-class rounded (as MemStats.TotalAlloc counts them). */
  allocatedBytes: number;
  /** Bytes the map keeps reachable now. */
  liveBytes: number;
}
