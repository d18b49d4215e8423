/**
 * The classic Go map (runtime/map.go, Go 1.19 to 1.23): an `hmap` header pointing at 2^B
 * buckets of 8 slots, overflow buckets chained behind full ones, and incremental doubling.
 *
 * The model follows the runtime's algorithms step for step (mapassign, growWork, evacuate,
 * mapdelete, mapclear) so that, fed the same hashes, it reaches the same layout; with its own
 * seeded hashes it reaches the same seed-independent numbers (B, bucket arrays, grow points,
 * allocations) and statistically the same seed-dependent ones. Every internal step can be
 * reported as a {@link ClassicEvent}; when nobody listens no event object is built.
 */
import { allocationSize, roundUpSize } from '../../alloc/size-classes.ts';
import {
  MAX_INLINE_KEY_OR_ELEM,
  Random,
  SeededHasher,
  type Hash,
  type Hasher,
  type MapKey,
  type MapTypeShape,
  type MemoryAccount,
  MAP_TYPES,
} from '../types.ts';
import { appendCapacity } from '../slices.ts';

/** Bits of the hash a bucket remembers per slot. */
const HASH_LOW_MASK = 0x3fffffff;
/** Slots per bucket (`abi.MapBucketCount`). */
export const BUCKET_SLOTS = 8;
/** Size of the hmap header in Go 1.19 to 1.23. */
export const HMAP_SIZE = 48;
/** Size of `mapextra`. */
export const MAPEXTRA_SIZE = 24;
/** Size of a slice header (`new([]*bmap)`). */
export const SLICE_HEADER_SIZE = 24;

/** tophash value: this slot and every later slot and overflow bucket are empty. */
export const EMPTY_REST = 0;
/** tophash value: this slot is empty. */
export const EMPTY_ONE = 1;
/** tophash value in an old bucket: entry moved to the low half of the new array. */
export const EVACUATED_X = 2;
/** tophash value in an old bucket: entry moved to the high half. */
export const EVACUATED_Y = 3;
/** tophash value in an old bucket: slot was empty when evacuated. */
export const EVACUATED_EMPTY = 4;
/** Smallest tophash of a full slot. */
export const MIN_TOP_HASH = 5;

/** The Go releases whose classic map this model follows. */
export const CLASSIC_GO_MINORS = [19, 20, 21, 22, 23] as const;

/**
 * A bucket array: 2^B regular buckets, then any preallocated overflow buckets, in one
 * allocation; overflow buckets allocated on their own later are kept in the same storage after
 * them. A bucket is its index; slot s of bucket b is at b*8+s in the per-slot arrays.
 */
export class BucketArray {
  /** Regular buckets (2^B). */
  readonly regular: number;
  /** Buckets in the allocation: regular plus preallocated overflow. */
  readonly allocated: number;
  /** Buckets in use in storage: allocated plus those allocated on their own. */
  length: number;
  /** Index of the next free preallocated overflow bucket, or -1 when none is left. */
  nextOverflow: number;
  /** tophash per slot (or one of the empty/evacuated markers). */
  tophash: Uint8Array;
  /** Low 30 bits of each slot's hash: all that bucket choice and evacuation read (the runtime recomputes the hash; the model remembers it). */
  hashLow: Int32Array;
  /** Overflow pointer per bucket: the next bucket's index, or -1. */
  overflow: Int32Array;
  /** Keys per slot; undefined where empty. */
  readonly keys: (MapKey | undefined)[];
  /** Elems per slot; empty until a value other than undefined is stored (most runs never store one). */
  values: unknown[] = [];

  /** An all-empty array of `regular` buckets plus `allocated - regular` preallocated ones. */
  constructor(regular: number, allocated: number) {
    this.regular = regular;
    this.allocated = allocated;
    this.length = allocated;
    this.nextOverflow = allocated > regular ? regular : -1;
    const capacity = allocated + Math.max(4, allocated >> 4);
    this.tophash = new Uint8Array(capacity * BUCKET_SLOTS);
    this.hashLow = new Int32Array(capacity * BUCKET_SLOTS);
    this.overflow = new Int32Array(capacity).fill(-1);
    this.keys = new Array<MapKey | undefined>(capacity * BUCKET_SLOTS).fill(undefined);
  }

  /** Stores the elem of slot `at` (undefined stores nothing new). */
  setValue(at: number, value: unknown): void {
    if (value === undefined && this.values.length === 0) return;
    if (this.values.length === 0) this.values = new Array<unknown>(this.keys.length).fill(undefined);
    this.values[at] = value;
  }

  /** Adds a bucket allocated on its own; returns its index. */
  addBucket(): number {
    if (this.length === this.overflow.length) {
      const capacity = this.length * 2;
      const tophash = new Uint8Array(capacity * BUCKET_SLOTS);
      tophash.set(this.tophash);
      this.tophash = tophash;
      const hashLow = new Int32Array(capacity * BUCKET_SLOTS);
      hashLow.set(this.hashLow);
      this.hashLow = hashLow;
      const overflow = new Int32Array(capacity).fill(-1);
      overflow.set(this.overflow);
      this.overflow = overflow;
    }
    return this.length++;
  }

  /** How bucket `index` came to be. */
  origin(index: number): 'regular' | 'preallocated' | 'allocated' {
    return index < this.regular ? 'regular' : index < this.allocated ? 'preallocated' : 'allocated';
  }

  /** The chain starting at regular bucket `index`, as bucket indices. */
  chain(index: number): number[] {
    const chain: number[] = [];
    for (let b = index; b !== -1; b = this.overflow[b] as number) chain.push(b);
    return chain;
  }
}

/** Everything the model can report while it works (see `describeClassicEvent`). */
export type ClassicEvent =
  | { kind: 'hash'; key: MapKey; hash: Hash; bucket: number; tophash: number; B: number }
  | { kind: 'firstBucket' }
  | { kind: 'compare'; bucket: number; chain: number; slot: number; tophash: number; match: boolean; old: boolean }
  | { kind: 'stopAtEmptyRest'; bucket: number; chain: number; slot: number }
  | { kind: 'slotTaken'; bucket: number; chain: number; slot: number; tophash: number }
  | { kind: 'updated'; bucket: number; chain: number; slot: number }
  | { kind: 'found'; bucket: number; chain: number; slot: number; old: boolean }
  | { kind: 'notFound'; bucket: number; old: boolean }
  | { kind: 'overflowAllocated'; bucket: number; chain: number; preallocated: boolean }
  | { kind: 'growStarted'; sameSize: boolean; oldB: number; B: number; buckets: number; reason: 'load' | 'overflow' }
  | { kind: 'evacuated'; oldBucket: number; toX: number; toY: number; movedX: number; movedY: number; sameSize: boolean }
  | { kind: 'growFinished'; B: number }
  | { kind: 'deleted'; bucket: number; chain: number; slot: number; emptyRestSlots: number }
  | { kind: 'reseeded' }
  | { kind: 'cleared'; buckets: number };

/** Options for a new classic map. */
export interface ClassicMapOptions {
  /** Key/elem shape; default map[int64]int64. */
  type?: MapTypeShape;
  /** Go 1.x minor version, 19 to 23; default 23. */
  goMinor?: number;
  /** `make` hint; default 0. */
  hint?: number;
  /** Hash source; default a {@link SeededHasher} from `seed`. */
  hasher?: Hasher;
  /** Seed for the default hasher and for the runtime's other random draws; default 1. */
  seed?: number;
  /** Receives every internal step; leave unset for speed. */
  onEvent?: (event: ClassicEvent) => void;
}

/** The numbers `stackorheap map --impl classic --json` prints, and a few more. */
export interface ClassicStats {
  /** Live entries (`h.count`). */
  count: number;
  /** log2 of the regular bucket count. */
  B: number;
  /** Length of the current bucket array, preallocated overflow buckets included (0 before the first bucket exists). */
  buckets: number;
  /** `h.noverflow`: overflow buckets taken since the last grow (exact while B < 16, sampled above). */
  overflow: number;
  /** Overflow buckets chained from the current array, counted by walking. */
  overflowBuckets: number;
  /** Whether an incremental grow is in progress. */
  growing: boolean;
  /** Whether that grow keeps B (compacts overflow chains). */
  sameSizeGrow: boolean;
  /** Old buckets below this index are evacuated. */
  nevacuate: number;
  /** Bytes the map keeps reachable. */
  bytes: number;
}

/** Go's load-factor test: more than 8 entries and more than 6.5 (6.0 in Go 1.21) per bucket. */
export function overLoadFactor(count: number, B: number, goMinor: number): boolean {
  const loadFactorNumerator = goMinor === 21 ? 12 : 13;
  return count > BUCKET_SLOTS && count > loadFactorNumerator * Math.floor(2 ** B / 2);
}

/** B for `make(map[K]V, hint)`. */
export function bucketShiftForHint(hint: number, goMinor: number): number {
  let B = 0;
  while (overLoadFactor(hint, B, goMinor)) B++;
  return B;
}

/** tophash of a hash: its top byte, moved out of the marker range. */
export function topHash(hash: Hash): number {
  const top = hash.hi >>> 24;
  return top < MIN_TOP_HASH ? top + MIN_TOP_HASH : top;
}

/** The compiler's bucket layout for a map type. */
export interface BucketLayout {
  /** Key slot size (8 when the key is stored through a pointer). */
  keySlot: number;
  /** Elem slot size (8 when the elem is stored through a pointer). */
  elemSlot: number;
  /** Whole bucket in bytes. */
  bucketSize: number;
  /** Whether the bucket holds pointers (decides GC scanning and overflow bookkeeping). */
  hasPointers: boolean;
  /** Key stored through a pointer. */
  indirectKey: boolean;
  /** Elem stored through a pointer. */
  indirectElem: boolean;
}

/** Bucket layout as `reflectdata.MapBucketType` builds it (amd64). */
export function bucketLayout(type: MapTypeShape): BucketLayout {
  const indirectKey = type.keySize > MAX_INLINE_KEY_OR_ELEM;
  const indirectElem = type.elemSize > MAX_INLINE_KEY_OR_ELEM;
  const keySlot = indirectKey ? 8 : type.keySize;
  const elemSlot = indirectElem ? 8 : type.elemSize;
  const beforeOverflow = BUCKET_SLOTS + BUCKET_SLOTS * keySlot + BUCKET_SLOTS * elemSlot;
  const bucketSize = Math.ceil(beforeOverflow / 8) * 8 + 8;
  const hasPointers = indirectKey || indirectElem || type.keyPointers || type.elemPointers;
  return { keySlot, elemSlot, bucketSize, hasPointers, indirectKey, indirectElem };
}

/** A classic Go map. */
export class ClassicMap {
  /** Key/elem shape. */
  readonly type: MapTypeShape;
  /** Go 1.x minor version modelled. */
  readonly goMinor: number;
  /** Bucket layout derived from the type. */
  readonly layout: BucketLayout;
  /** Live entries. */
  count = 0;
  /** log2 of the regular bucket count. */
  B: number;
  /** Overflow buckets taken since the last grow (`h.noverflow`). */
  noverflow = 0;
  /** Current bucket array; null until the first bucket exists. */
  current: BucketArray | null = null;
  /** Previous array while a grow is in progress. */
  old: BucketArray | null = null;
  /** Whether the grow in progress keeps B. */
  sameSizeGrow = false;
  /** Old buckets below this index are evacuated. */
  nevacuate = 0;
  /** Heap accounting since `make`. */
  readonly memory: MemoryAccount = { allocations: 0, allocatedBytes: 0, liveBytes: 0 };

  /** Hash source. */
  private readonly hasher: Hasher;
  /** The runtime's other random draws (noverflow sampling, iteration start). */
  private readonly random: Random;
  /** Event sink, if any. */
  private readonly onEvent: ((event: ClassicEvent) => void) | undefined;
  /** Whether `mapextra` has been allocated. */
  private hasExtra = false;
  /** Whether the `[]*bmap` slice for the current array's overflow buckets exists (pointer-free buckets only). */
  private overflowListExists = false;
  /** Entries in that slice. */
  private overflowListLength = 0;
  /** Capacity of that slice. */
  private overflowListCapacity = 0;
  /** Bytes of that slice's header and backing array. */
  private overflowListBytes = 0;
  /** Bytes of the old array's slice, alive until evacuation finishes. */
  private oldOverflowListBytes = 0;
  /** Overflow buckets of the old array that were allocated on their own. */
  private oldFreshOverflow = 0;

  /** `make(map[K]V, hint)` for an escaping map: the header, and the bucket array when B > 0. */
  constructor(options: ClassicMapOptions = {}) {
    this.type = options.type ?? MAP_TYPES['map[int64]int64'] as MapTypeShape;
    this.goMinor = options.goMinor ?? 23;
    if (this.goMinor < 19 || this.goMinor > 23) throw new RangeError(`classic maps are modelled for go1.19 to go1.23, not go1.${this.goMinor}`);
    this.layout = bucketLayout(this.type);
    const seed = options.seed ?? 1;
    this.hasher = options.hasher ?? new SeededHasher(seed);
    this.random = new Random(seed ^ 0x5bf03635);
    this.onEvent = options.onEvent;
    this.allocate(HMAP_SIZE, true);
    let hint = options.hint ?? 0;
    if (hint < 0 || hint * this.layout.bucketSize > 2 ** 48) hint = 0;
    this.B = bucketShiftForHint(hint, this.goMinor);
    if (this.B !== 0) {
      this.current = this.makeBucketArray(this.B);
      if (this.current.nextOverflow >= 0) this.allocateExtra();
    }
  }

  /** Inserts or updates `key`; returns which. */
  insert(key: MapKey, value?: unknown): 'inserted' | 'updated' {
    const listen = this.onEvent !== undefined;
    const hash = this.hasher.hash(key);
    if (this.current === null) {
      this.current = new BucketArray(1, 1);
      this.allocate(this.layout.bucketSize, this.layout.hasPointers);
      if (listen) this.emit({ kind: 'firstBucket' });
    }
    const top = topHash(hash);
    for (;;) {
      const bucketIndex = hash.lo & (2 ** this.B - 1);
      if (listen) this.emit({ kind: 'hash', key, hash, bucket: bucketIndex, tophash: top, B: this.B });
      if (this.old !== null) this.growWork(bucketIndex);
      const array = this.current as BucketArray;
      const tophash = array.tophash;
      let bucket = bucketIndex;
      let insertAt = -1;
      let insertChain = -1;
      let chain = 0;
      search: for (;;) {
        const base = bucket * BUCKET_SLOTS;
        for (let slot = 0; slot < BUCKET_SLOTS; slot++) {
          const slotTop = tophash[base + slot] as number;
          if (slotTop !== top) {
            if (slotTop <= EMPTY_ONE && insertAt < 0) {
              insertAt = base + slot;
              insertChain = chain;
            }
            if (slotTop === EMPTY_REST) {
              if (listen) this.emit({ kind: 'stopAtEmptyRest', bucket: bucketIndex, chain, slot });
              break search;
            }
            continue;
          }
          const match = array.keys[base + slot] === key;
          if (listen) this.emit({ kind: 'compare', bucket: bucketIndex, chain, slot, tophash: top, match, old: false });
          if (match) {
            array.setValue(base + slot, value);
            if (listen) this.emit({ kind: 'updated', bucket: bucketIndex, chain, slot });
            return 'updated';
          }
        }
        const next = array.overflow[bucket] as number;
        if (next < 0) break;
        bucket = next;
        chain++;
      }
      if (this.old === null) {
        const overLoad = overLoadFactor(this.count + 1, this.B, this.goMinor);
        if (overLoad || this.tooManyOverflowBuckets()) {
          this.hashGrow(overLoad);
          continue;
        }
      }
      if (insertAt < 0) {
        insertAt = this.newOverflow(bucket, bucketIndex, chain) * BUCKET_SLOTS;
        insertChain = chain + 1;
      }
      array.tophash[insertAt] = top;
      array.keys[insertAt] = key;
      array.setValue(insertAt, value);
      array.hashLow[insertAt] = hash.lo & HASH_LOW_MASK;
      if (this.layout.indirectKey) this.allocate(this.type.keySize, this.type.keyPointers);
      if (this.layout.indirectElem) this.allocate(this.type.elemSize, this.type.elemPointers);
      this.count++;
      if (listen) this.emit({ kind: 'slotTaken', bucket: bucketIndex, chain: insertChain, slot: insertAt % BUCKET_SLOTS, tophash: top });
      return 'inserted';
    }
  }

  /** Looks `key` up (reads do no evacuation work). */
  lookup(key: MapKey): { found: boolean; value: unknown } {
    const listen = this.onEvent !== undefined;
    if (this.count === 0 || this.current === null) return { found: false, value: undefined };
    const hash = this.hasher.hash(key);
    const top = topHash(hash);
    let bucketIndex = hash.lo & (2 ** this.B - 1);
    if (listen) this.emit({ kind: 'hash', key, hash, bucket: bucketIndex, tophash: top, B: this.B });
    let array = this.current;
    let old = false;
    if (this.old !== null) {
      const oldIndex = this.sameSizeGrow ? bucketIndex : bucketIndex & (2 ** (this.B - 1) - 1);
      if (!isEvacuated(this.old, oldIndex)) {
        array = this.old;
        bucketIndex = oldIndex;
        old = true;
      }
    }
    let chain = 0;
    for (let b = bucketIndex; b !== -1; b = array.overflow[b] as number, chain++) {
      for (let slot = 0; slot < BUCKET_SLOTS; slot++) {
        const at = b * BUCKET_SLOTS + slot;
        const slotTop = array.tophash[at] as number;
        if (slotTop !== top) {
          if (slotTop === EMPTY_REST) {
            if (listen) this.emit({ kind: 'notFound', bucket: bucketIndex, old });
            return { found: false, value: undefined };
          }
          continue;
        }
        const match = array.keys[at] === key;
        if (listen) this.emit({ kind: 'compare', bucket: bucketIndex, chain, slot, tophash: top, match, old });
        if (match) {
          if (listen) this.emit({ kind: 'found', bucket: bucketIndex, chain, slot, old });
          return { found: true, value: array.values[at] };
        }
      }
    }
    if (listen) this.emit({ kind: 'notFound', bucket: bucketIndex, old });
    return { found: false, value: undefined };
  }

  /** Deletes `key`; returns whether it was there. Nothing is freed and B never shrinks. */
  delete(key: MapKey): boolean {
    const listen = this.onEvent !== undefined;
    if (this.count === 0 || this.current === null) return false;
    const hash = this.hasher.hash(key);
    const bucketIndex = hash.lo & (2 ** this.B - 1);
    const top = topHash(hash);
    if (listen) this.emit({ kind: 'hash', key, hash, bucket: bucketIndex, tophash: top, B: this.B });
    if (this.old !== null) this.growWork(bucketIndex);
    const array = this.current;
    let chain = 0;
    for (let b = bucketIndex; b !== -1; b = array.overflow[b] as number, chain++) {
      for (let slot = 0; slot < BUCKET_SLOTS; slot++) {
        const at = b * BUCKET_SLOTS + slot;
        const slotTop = array.tophash[at] as number;
        if (slotTop !== top) {
          if (slotTop === EMPTY_REST) {
            if (listen) this.emit({ kind: 'notFound', bucket: bucketIndex, old: false });
            return false;
          }
          continue;
        }
        const match = array.keys[at] === key;
        if (listen) this.emit({ kind: 'compare', bucket: bucketIndex, chain, slot, tophash: top, match, old: false });
        if (!match) continue;
        array.keys[at] = undefined;
        array.setValue(at, undefined);
        array.tophash[at] = EMPTY_ONE;
        const emptyRestSlots = markEmptyRest(array, bucketIndex, b, slot);
        this.count--;
        if (this.layout.indirectKey) this.memory.liveBytes -= allocationSize(this.type.keySize, this.type.keyPointers, this.goMinor);
        if (this.layout.indirectElem) this.memory.liveBytes -= allocationSize(this.type.elemSize, this.type.elemPointers, this.goMinor);
        if (listen) this.emit({ kind: 'deleted', bucket: bucketIndex, chain, slot, emptyRestSlots });
        if (this.count === 0) {
          this.hasher.reseed();
          if (listen) this.emit({ kind: 'reseeded' });
        }
        return true;
      }
    }
    if (listen) this.emit({ kind: 'notFound', bucket: bucketIndex, old: false });
    return false;
  }

  /** `clear(m)` (and the range-delete idiom): keeps B and the array, drops overflow buckets, draws a new seed. */
  clear(): void {
    if (this.current === null || this.count === 0) return;
    this.memory.liveBytes -= this.droppableBytes();
    this.old = null;
    this.sameSizeGrow = false;
    this.nevacuate = 0;
    this.noverflow = 0;
    this.count = 0;
    this.oldFreshOverflow = 0;
    this.overflowListExists = false;
    this.overflowListLength = 0;
    this.overflowListCapacity = 0;
    this.overflowListBytes = 0;
    this.oldOverflowListBytes = 0;
    this.hasher.reseed();
    this.current = new BucketArray(this.current.regular, this.current.allocated);
    this.emit({ kind: 'cleared', buckets: this.current.allocated });
  }

  /** Entries in the runtime's iteration order for a random start drawn from the model's source. */
  *entries(): Generator<[MapKey, unknown]> {
    if (this.current === null || this.count === 0) return;
    const random = this.random.next();
    const regular = 2 ** this.B;
    const start = random & (regular - 1);
    const offset = Math.floor(random / regular) & 7;
    for (let step = 0; step < regular; step++) {
      const bucketIndex = (start + step) & (regular - 1);
      let array = this.current;
      let first = bucketIndex;
      let filter = false;
      if (this.old !== null) {
        const oldIndex = this.sameSizeGrow ? bucketIndex : bucketIndex & (2 ** (this.B - 1) - 1);
        if (!isEvacuated(this.old, oldIndex)) {
          array = this.old;
          first = oldIndex;
          filter = !this.sameSizeGrow;
        }
      }
      for (let b = first; b !== -1; b = array.overflow[b] as number) {
        for (let i = 0; i < BUCKET_SLOTS; i++) {
          const at = b * BUCKET_SLOTS + ((i + offset) & 7);
          if ((array.tophash[at] as number) < MIN_TOP_HASH) continue;
          if (filter && ((array.hashLow[at] as number) & (regular - 1)) !== bucketIndex) continue;
          yield [array.keys[at] as MapKey, array.values[at]];
        }
      }
    }
  }

  /** The numbers the CLI prints. */
  stats(): ClassicStats {
    let overflowBuckets = 0;
    if (this.current !== null) {
      for (let i = 0; i < this.current.regular; i++) {
        for (let b = this.current.overflow[i] as number; b !== -1; b = this.current.overflow[b] as number) overflowBuckets++;
      }
    }
    return {
      count: this.count,
      B: this.B,
      buckets: this.current === null ? 0 : this.current.allocated,
      overflow: this.noverflow,
      overflowBuckets,
      growing: this.old !== null,
      sameSizeGrow: this.sameSizeGrow,
      nevacuate: this.nevacuate,
      bytes: this.memory.liveBytes,
    };
  }

  /** Average entries per regular bucket. */
  loadFactor(): number {
    return this.count / 2 ** this.B;
  }

  private emit(event: ClassicEvent): void {
    this.onEvent?.(event);
  }

  private allocate(size: number, hasPointers: boolean): void {
    const bytes = allocationSize(size, hasPointers, this.goMinor);
    this.memory.allocations++;
    this.memory.allocatedBytes += bytes;
    this.memory.liveBytes += bytes;
  }

  private allocateExtra(): void {
    if (this.hasExtra) return;
    this.hasExtra = true;
    this.allocate(MAPEXTRA_SIZE, true);
  }

  /** `makeBucketArray`: 2^B buckets, plus 2^(B-4) overflow buckets and size-class slack when B >= 4. */
  private makeBucketArray(B: number): BucketArray {
    const regular = 2 ** B;
    let total = regular;
    const size = this.layout.bucketSize;
    if (B >= 4) {
      total += 2 ** (B - 4);
      total = Math.floor(roundUpSize(size * total, this.layout.hasPointers, this.goMinor) / size);
    }
    this.allocate(size * total, this.layout.hasPointers);
    return new BucketArray(regular, total);
  }

  private tooManyOverflowBuckets(): boolean {
    return this.noverflow >= 2 ** Math.min(this.B, 15);
  }

  private incrementOverflowCount(): void {
    if (this.B < 16) {
      this.noverflow++;
      return;
    }
    const mask = 2 ** (this.B - 15) - 1;
    if ((this.random.next() & mask) === 0) this.noverflow++;
  }

  /** `newoverflow`: chains a preallocated bucket if one is left, else a new allocation, behind `last`. */
  private newOverflow(last: number, bucketIndex: number, chain: number): number {
    const array = this.current as BucketArray;
    let overflow: number;
    const preallocated = array.nextOverflow >= 0;
    if (preallocated) {
      overflow = array.nextOverflow;
      array.nextOverflow = overflow + 1 < array.allocated ? overflow + 1 : -1;
    } else {
      overflow = array.addBucket();
      this.allocate(this.layout.bucketSize, this.layout.hasPointers);
    }
    this.incrementOverflowCount();
    if (!this.layout.hasPointers) this.rememberOverflow();
    array.overflow[last] = overflow;
    if (this.onEvent !== undefined) this.emit({ kind: 'overflowAllocated', bucket: bucketIndex, chain: chain + 1, preallocated });
    return overflow;
  }

  /** Pointer-free buckets keep their overflow buckets alive through `extra.overflow`. */
  private rememberOverflow(): void {
    this.allocateExtra();
    if (!this.overflowListExists) {
      this.overflowListExists = true;
      this.allocate(SLICE_HEADER_SIZE, true);
      this.overflowListBytes = allocationSize(SLICE_HEADER_SIZE, true, this.goMinor);
    }
    if (this.overflowListLength === this.overflowListCapacity) {
      const capacity = appendCapacity(this.overflowListCapacity, this.overflowListLength + 1, 8, true, this.goMinor);
      const before = allocationSize(this.overflowListCapacity * 8, true, this.goMinor);
      this.allocate(capacity * 8, true);
      this.memory.liveBytes -= before;
      this.overflowListBytes += allocationSize(capacity * 8, true, this.goMinor) - before;
      this.overflowListCapacity = capacity;
    }
    this.overflowListLength++;
  }

  /** `hashGrow`: a new array (double, or same size to compact overflow chains). */
  private hashGrow(overLoad: boolean): void {
    const oldB = this.B;
    this.sameSizeGrow = !overLoad;
    this.old = this.current;
    this.oldFreshOverflow = (this.old as BucketArray).length - (this.old as BucketArray).allocated;
    this.B = overLoad ? this.B + 1 : this.B;
    this.current = this.makeBucketArray(this.B);
    this.nevacuate = 0;
    this.noverflow = 0;
    if (this.overflowListExists) {
      this.oldOverflowListBytes = this.overflowListBytes;
      this.overflowListExists = false;
      this.overflowListLength = 0;
      this.overflowListCapacity = 0;
      this.overflowListBytes = 0;
    }
    if (this.current.nextOverflow >= 0) this.allocateExtra();
    if (this.onEvent !== undefined) {
      this.emit({ kind: 'growStarted', sameSize: this.sameSizeGrow, oldB, B: this.B, buckets: this.current.allocated, reason: overLoad ? 'load' : 'overflow' });
    }
  }

  /** `growWork`: evacuate the old bucket the write maps to, and one more to make progress. */
  private growWork(bucketIndex: number): void {
    this.evacuate(bucketIndex & (this.oldBucketCount() - 1));
    if (this.old !== null) this.evacuate(this.nevacuate);
  }

  private oldBucketCount(): number {
    return this.sameSizeGrow ? 2 ** this.B : 2 ** (this.B - 1);
  }

  /** `evacuate`: move one old bucket's chain to X (same index) and Y (index + old count). */
  private evacuate(oldIndex: number): void {
    const oldArray = this.old as BucketArray;
    const newBit = this.oldBucketCount();
    if (!isEvacuated(oldArray, oldIndex)) {
      const array = this.current as BucketArray;
      const yIndex = this.sameSizeGrow ? oldIndex : oldIndex + newBit;
      // Destination cursors for X and Y: current bucket, next free slot, chain position, entries moved.
      let xBucket = oldIndex;
      let xSlot = 0;
      let xChain = 0;
      let xMoved = 0;
      let yBucket = yIndex;
      let ySlot = 0;
      let yChain = 0;
      let yMoved = 0;
      for (let b = oldIndex; b !== -1; b = oldArray.overflow[b] as number) {
        for (let slot = 0; slot < BUCKET_SLOTS; slot++) {
          const from = b * BUCKET_SLOTS + slot;
          const top = oldArray.tophash[from] as number;
          if (top < MIN_TOP_HASH) {
            oldArray.tophash[from] = EVACUATED_EMPTY;
            continue;
          }
          let to: number;
          if (!this.sameSizeGrow && ((oldArray.hashLow[from] as number) & newBit) !== 0) {
            oldArray.tophash[from] = EVACUATED_Y;
            if (ySlot === BUCKET_SLOTS) {
              yBucket = this.newOverflow(yBucket, yIndex, yChain);
              yChain++;
              ySlot = 0;
            }
            to = yBucket * BUCKET_SLOTS + ySlot++;
            yMoved++;
          } else {
            oldArray.tophash[from] = EVACUATED_X;
            if (xSlot === BUCKET_SLOTS) {
              xBucket = this.newOverflow(xBucket, oldIndex, xChain);
              xChain++;
              xSlot = 0;
            }
            to = xBucket * BUCKET_SLOTS + xSlot++;
            xMoved++;
          }
          array.tophash[to] = top;
          array.keys[to] = oldArray.keys[from];
          array.setValue(to, oldArray.values[from]);
          array.hashLow[to] = oldArray.hashLow[from] as number;
        }
      }
      if (this.onEvent !== undefined) {
        this.emit({ kind: 'evacuated', oldBucket: oldIndex, toX: oldIndex, toY: yIndex, movedX: xMoved, movedY: yMoved, sameSize: this.sameSizeGrow });
      }
    }
    if (oldIndex === this.nevacuate) this.advanceEvacuationMark(newBit);
  }

  private advanceEvacuationMark(newBit: number): void {
    const oldArray = this.old as BucketArray;
    this.nevacuate++;
    const stop = Math.min(this.nevacuate + 1024, newBit);
    while (this.nevacuate !== stop && isEvacuated(oldArray, this.nevacuate)) this.nevacuate++;
    if (this.nevacuate === newBit) {
      const bucketBytes = allocationSize(this.layout.bucketSize, this.layout.hasPointers, this.goMinor);
      this.memory.liveBytes -=
        allocationSize(oldArray.allocated * this.layout.bucketSize, this.layout.hasPointers, this.goMinor) +
        this.oldFreshOverflow * bucketBytes +
        this.oldOverflowListBytes;
      this.oldFreshOverflow = 0;
      this.oldOverflowListBytes = 0;
      this.old = null;
      this.sameSizeGrow = false;
      if (this.onEvent !== undefined) this.emit({ kind: 'growFinished', B: this.B });
    }
  }

  /** Bytes that `clear` makes unreachable: overflow buckets, the old array, indirect keys and elems. */
  private droppableBytes(): number {
    const current = this.current as BucketArray;
    const bucketBytes = allocationSize(this.layout.bucketSize, this.layout.hasPointers, this.goMinor);
    let bytes = (current.length - current.allocated + this.oldFreshOverflow) * bucketBytes + this.overflowListBytes + this.oldOverflowListBytes;
    if (this.old !== null) bytes += allocationSize(this.old.allocated * this.layout.bucketSize, this.layout.hasPointers, this.goMinor);
    if (this.layout.indirectKey) bytes += this.count * allocationSize(this.type.keySize, this.type.keyPointers, this.goMinor);
    if (this.layout.indirectElem) bytes += this.count * allocationSize(this.type.elemSize, this.type.elemPointers, this.goMinor);
    return bytes;
  }
}

/** Whether old bucket `index` has been evacuated (its first tophash holds an evacuation marker). */
export function isEvacuated(array: BucketArray, index: number): boolean {
  const top = array.tophash[index * BUCKET_SLOTS] as number;
  return top > EMPTY_ONE && top < MIN_TOP_HASH;
}

/**
 * After a delete at `slot` of `bucket` (in the chain starting at `first`): if nothing after it
 * is occupied, turn the trailing run of emptyOne slots into emptyRest, walking back across the
 * chain. Returns how many slots were marked.
 */
function markEmptyRest(array: BucketArray, first: number, bucket: number, slot: number): number {
  if (slot === BUCKET_SLOTS - 1) {
    const next = array.overflow[bucket] as number;
    if (next !== -1 && array.tophash[next * BUCKET_SLOTS] !== EMPTY_REST) return 0;
  } else if (array.tophash[bucket * BUCKET_SLOTS + slot + 1] !== EMPTY_REST) {
    return 0;
  }
  let marked = 0;
  let b = bucket;
  let i = slot;
  for (;;) {
    array.tophash[b * BUCKET_SLOTS + i] = EMPTY_REST;
    marked++;
    if (i === 0) {
      if (b === first) break;
      let previous = first;
      while (array.overflow[previous] !== b) previous = array.overflow[previous] as number;
      b = previous;
      i = BUCKET_SLOTS - 1;
    } else {
      i--;
    }
    if (array.tophash[b * BUCKET_SLOTS + i] !== EMPTY_ONE) break;
  }
  return marked;
}
