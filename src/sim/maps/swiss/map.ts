/**
 * The Swiss-table Go map (internal/runtime/maps, Go 1.24 to 1.26): a small map is one group of
 * 8 slots; past 8 entries it becomes a directory of tables, each an open-addressed array of
 * groups with one control byte per slot, probed quadratically. A full table doubles up to 1024
 * slots, then splits in two (extendible hashing), doubling the directory when it must.
 *
 * The model follows the runtime's algorithms (PutSlot, uncheckedPutSlot, Delete, rehash,
 * split, installTableSplit, pruneTombstones, Clear). Fed the real hashes it reaches the real
 * layout; with its own seeded hashes it reaches the same seed-independent numbers. Every step
 * can be reported as a {@link SwissEvent}; when nobody listens no event object is built.
 */
import { allocationSize } from '../../alloc/size-classes.ts';
import {
  MAP_TYPES,
  MAX_INLINE_KEY_OR_ELEM,
  SeededHasher,
  type Hash,
  type Hasher,
  type MapKey,
  type MapTypeShape,
  type MemoryAccount,
} from '../types.ts';

/** Slots per group. */
export const GROUP_SLOTS = 8;
/** Largest table; a full table this size splits instead of growing. */
export const MAX_TABLE_CAPACITY = 1024;
/** Control byte of an empty slot. */
export const CTRL_EMPTY = 0x80;
/** Control byte of a deleted slot (tombstone). */
export const CTRL_DELETED = 0xfe;
/** Size of the Map header. */
export const MAP_HEADER_SIZE = 48;
/** Size of a table struct. */
export const TABLE_STRUCT_SIZE = 32;

/** The Go releases whose Swiss map this model follows. */
export const SWISS_GO_MINORS = [24, 25, 26] as const;

/** The compiler's group layout for a map type. */
export interface GroupLayout {
  /** Bytes of one key+elem slot. */
  slotSize: number;
  /** Offset of the elem inside a slot. */
  elemOffset: number;
  /** Bytes of a group: 8 control bytes plus 8 slots. */
  groupSize: number;
  /** Whether groups hold pointers. */
  hasPointers: boolean;
  /** Key stored through a pointer. */
  indirectKey: boolean;
  /** Elem stored through a pointer. */
  indirectElem: boolean;
}

/** Group layout as `reflectdata.MapGroupType` builds it (amd64). */
export function groupLayout(type: MapTypeShape): GroupLayout {
  const indirectKey = type.keySize > MAX_INLINE_KEY_OR_ELEM;
  const indirectElem = type.elemSize > MAX_INLINE_KEY_OR_ELEM;
  const keySize = indirectKey ? 8 : type.keySize;
  const keyAlign = indirectKey ? 8 : type.keyAlign;
  const elemSize = indirectElem ? 8 : type.elemSize;
  const elemAlign = indirectElem ? 8 : type.elemAlign;
  const elemOffset = Math.ceil(keySize / elemAlign) * elemAlign;
  const slotAlign = Math.max(keyAlign, elemAlign);
  const slotSize = Math.ceil((elemOffset + elemSize) / slotAlign) * slotAlign;
  // A group of zero-size slots is padded so that it is larger than its control word.
  const groupSize = slotSize === 0 ? 16 : 8 + GROUP_SLOTS * slotSize;
  const hasPointers = indirectKey || indirectElem || type.keyPointers || type.elemPointers;
  return { slotSize, elemOffset, groupSize, hasPointers, indirectKey, indirectElem };
}

/** One table: `capacity` slots in groups of 8, with a control byte per slot. */
export class Table {
  /** Slots; a power of two, at most 1024. */
  readonly capacity: number;
  /** Live entries. */
  used = 0;
  /** Inserts left before the table must grow or split (tombstones count against it). */
  growthLeft: number;
  /** Directory depth this table was made for. */
  readonly localDepth: number;
  /** First directory index pointing here; -1 once replaced. */
  index: number;
  /** Control byte per slot: CTRL_EMPTY, CTRL_DELETED or the entry's H2. */
  readonly ctrl: Uint8Array;
  /** High half of each slot's hash (directory index and split bit). */
  readonly hashHigh: Int32Array;
  /** Low half of each slot's hash (H1 probe start and H2). */
  readonly hashLow: Int32Array;
  /** Key per slot. */
  readonly keys: (MapKey | undefined)[];
  /** Elem per slot; empty until a value other than undefined is stored (most runs never store one). */
  values: unknown[] = [];

  /** `newTable`: an empty table; capacity is raised to at least 8 and to a power of two. */
  constructor(capacity: number, index: number, localDepth: number) {
    let rounded = GROUP_SLOTS;
    while (rounded < capacity) rounded *= 2;
    this.capacity = rounded;
    this.index = index;
    this.localDepth = localDepth;
    this.growthLeft = maxGrowthLeft(rounded);
    this.ctrl = new Uint8Array(rounded).fill(CTRL_EMPTY);
    this.hashHigh = new Int32Array(rounded);
    this.hashLow = new Int32Array(rounded);
    this.keys = new Array<MapKey | undefined>(rounded).fill(undefined);
  }

  /** Stores the elem of slot `at` (undefined stores nothing new). */
  setValue(at: number, value: unknown): void {
    if (value === undefined && this.values.length === 0) return;
    if (this.values.length === 0) this.values = new Array<unknown>(this.capacity).fill(undefined);
    this.values[at] = value;
  }

  /** Number of groups. */
  get groupCount(): number {
    return this.capacity / GROUP_SLOTS;
  }

  /** Tombstones, as the runtime derives them. */
  tombstones(): number {
    return maxGrowthLeft(this.capacity) - this.used - this.growthLeft;
  }

  /** Whether group `group` has an empty slot. */
  groupHasEmpty(group: number): boolean {
    const base = group * GROUP_SLOTS;
    for (let i = 0; i < GROUP_SLOTS; i++) if (this.ctrl[base + i] === CTRL_EMPTY) return true;
    return false;
  }
}

/** Entries a table of this capacity may hold: 7/8 of it (one less for a single group). */
export function maxGrowthLeft(capacity: number): number {
  return capacity <= GROUP_SLOTS ? capacity - 1 : (capacity * 7) / 8;
}

/** Everything the model can report while it works (see `describeSwissEvent`). */
export type SwissEvent =
  | { kind: 'hash'; key: MapKey; hash: Hash; h2: number; small: boolean; directoryIndex: number }
  | { kind: 'smallGroupCreated' }
  | { kind: 'probe'; table: number; group: number; step: number }
  | { kind: 'compare'; table: number; group: number; slot: number; h2: number; match: boolean }
  | { kind: 'tombstoneRemembered'; table: number; group: number; slot: number }
  | { kind: 'slotTaken'; table: number; group: number; slot: number; h2: number; reusedTombstone: boolean }
  | { kind: 'updated'; table: number; group: number; slot: number }
  | { kind: 'found'; table: number; group: number; slot: number }
  | { kind: 'notFound'; table: number; group: number }
  | { kind: 'smallToTable'; moved: number }
  | { kind: 'tableGrown'; table: number; from: number; to: number; moved: number }
  | { kind: 'tableSplit'; table: number; localDepth: number; left: number; right: number }
  | { kind: 'directoryDoubled'; dirLen: number }
  | { kind: 'deleted'; table: number; group: number; slot: number; tombstone: boolean }
  | { kind: 'tombstonesPruned'; table: number; count: number }
  | { kind: 'reseeded' }
  | { kind: 'cleared' };

/** Options for a new Swiss map. */
export interface SwissMapOptions {
  /** Key/elem shape; default map[int64]int64. */
  type?: MapTypeShape;
  /** Go 1.x minor version, 24 to 26; default 26. */
  goMinor?: number;
  /** `make` hint; default 0. */
  hint?: number;
  /** Hash source; default a {@link SeededHasher} from `seed`. */
  hasher?: Hasher;
  /** Seed for the default hasher; default 1. */
  seed?: number;
  /** Receives every internal step; leave unset for speed. */
  onEvent?: (event: SwissEvent) => void;
}

/** One table's numbers as the CLI prints them. */
export interface SwissTableStats {
  capacity: number;
  used: number;
  growthLeft: number;
  localDepth: number;
}

/** The numbers `stackorheap map --impl swiss --json` prints. */
export interface SwissStats {
  /** Live entries. */
  used: number;
  /** Directory length (0 for a small map). */
  dirLen: number;
  /** Hash bits indexing the directory. */
  globalDepth: number;
  /** Distinct tables in directory order. */
  tables: SwissTableStats[];
  /** Bytes the map keeps reachable. */
  bytes: number;
}

/** A Swiss-table Go map. */
export class SwissMap {
  /** Key/elem shape. */
  readonly type: MapTypeShape;
  /** Go 1.x minor version modelled. */
  readonly goMinor: number;
  /** Group layout derived from the type. */
  readonly layout: GroupLayout;
  /** Live entries. */
  used = 0;
  /** Hash bits indexing the directory. */
  globalDepth = 0;
  /** Directory: table per index (a table appears 2^(globalDepth-localDepth) times in a row). Empty for a small map. */
  directory: Table[] = [];
  /** The single group of a small map (null before the first insert, and once the map has tables). */
  small: Table | null = null;
  /** A delete may have left a tombstone (Go 1.25+; lets clear run on an empty map). */
  tombstonePossible = false;
  /** Heap accounting since `make`. */
  readonly memory: MemoryAccount = { allocations: 0, allocatedBytes: 0, liveBytes: 0 };

  /** Hash source. */
  private readonly hasher: Hasher;
  /** Event sink, if any. */
  private readonly onEvent: ((event: SwissEvent) => void) | undefined;

  /** `make(map[K]V, hint)` for an escaping map. */
  constructor(options: SwissMapOptions = {}) {
    this.type = options.type ?? (MAP_TYPES['map[int64]int64'] as MapTypeShape);
    this.goMinor = options.goMinor ?? 26;
    if (this.goMinor < 24 || this.goMinor > 26) throw new RangeError(`Swiss maps are modelled for go1.24 to go1.26, not go1.${this.goMinor}`);
    this.layout = groupLayout(this.type);
    this.hasher = options.hasher ?? new SeededHasher(options.seed ?? 1);
    this.onEvent = options.onEvent;
    this.allocate(MAP_HEADER_SIZE, true);
    const hint = options.hint ?? 0;
    if (hint <= GROUP_SLOTS) return;
    const targetCapacity = Math.floor((hint * GROUP_SLOTS) / 7);
    let directorySize = 1;
    while (directorySize < Math.ceil(targetCapacity / MAX_TABLE_CAPACITY)) directorySize *= 2;
    if (directorySize * MAX_TABLE_CAPACITY * this.layout.groupSize > 2 ** 48) return;
    this.globalDepth = Math.log2(directorySize);
    this.allocate(8 * directorySize, true);
    for (let i = 0; i < directorySize; i++) {
      this.directory.push(this.newTable(Math.floor(targetCapacity / directorySize), i, this.globalDepth));
    }
  }

  /** Directory length (0 for a small map). */
  get dirLen(): number {
    return this.directory.length;
  }

  /** Inserts or updates `key`; returns which. */
  insert(key: MapKey, value?: unknown): 'inserted' | 'updated' {
    const listen = this.onEvent !== undefined;
    const hash = this.hasher.hash(key);
    const h2 = hash.lo & 0x7f;
    if (this.directory.length === 0 && this.small === null) {
      this.small = new Table(GROUP_SLOTS, -1, 0);
      this.allocate(this.layout.groupSize, this.layout.hasPointers);
      if (listen) this.emit({ kind: 'smallGroupCreated' });
    }
    if (this.small !== null) {
      if (listen) this.emit({ kind: 'hash', key, hash, h2, small: true, directoryIndex: -1 });
      if (this.used < GROUP_SLOTS) return this.putSmall(this.small, key, value, hash, h2);
      this.growToTable(this.small);
    }
    for (;;) {
      const directoryIndex = this.directoryIndex(hash);
      if (listen) this.emit({ kind: 'hash', key, hash, h2, small: false, directoryIndex });
      const result = this.putSlot(this.directory[directoryIndex] as Table, key, value, hash, h2);
      if (result !== 'rehashed') return result;
    }
  }

  /** Looks `key` up. */
  lookup(key: MapKey): { found: boolean; value: unknown } {
    const listen = this.onEvent !== undefined;
    if (this.used === 0) return { found: false, value: undefined };
    const hash = this.hasher.hash(key);
    const h2 = hash.lo & 0x7f;
    const small = this.small !== null;
    const table = this.small ?? (this.directory[this.directoryIndex(hash)] as Table);
    if (listen) this.emit({ kind: 'hash', key, hash, h2, small, directoryIndex: small ? -1 : table.index });
    const at = this.find(table, key, hash, h2, small);
    if (at < 0) return { found: false, value: undefined };
    return { found: true, value: table.values[at] };
  }

  /** Deletes `key`; returns whether it was there. Tables and the directory never shrink. */
  delete(key: MapKey): boolean {
    const listen = this.onEvent !== undefined;
    if (this.used === 0) return false;
    const hash = this.hasher.hash(key);
    const h2 = hash.lo & 0x7f;
    const small = this.small !== null;
    const table = this.small ?? (this.directory[this.directoryIndex(hash)] as Table);
    if (listen) this.emit({ kind: 'hash', key, hash, h2, small, directoryIndex: small ? -1 : table.index });
    const at = this.find(table, key, hash, h2, small);
    if (at < 0) return false;
    table.keys[at] = undefined;
    table.setValue(at, undefined);
    table.used--;
    this.used--;
    this.freeIndirect(1);
    const group = Math.floor(at / GROUP_SLOTS);
    let tombstone = false;
    if (small || table.groupHasEmpty(group)) {
      table.ctrl[at] = CTRL_EMPTY;
      if (!small) table.growthLeft++;
    } else {
      table.ctrl[at] = CTRL_DELETED;
      tombstone = true;
      if (this.goMinor >= 25) this.tombstonePossible = true;
    }
    if (listen) this.emit({ kind: 'deleted', table: small ? -1 : table.index, group, slot: at % GROUP_SLOTS, tombstone });
    if (this.used === 0) {
      this.hasher.reseed();
      if (listen) this.emit({ kind: 'reseeded' });
    }
    return true;
  }

  /** `clear(m)`: empties every group, keeps every table and the directory, draws a new seed. */
  clear(): void {
    if (this.used === 0 && !this.tombstonePossible) return;
    this.freeIndirect(this.used);
    const tables = this.small !== null ? [this.small] : this.tables();
    for (const table of tables) {
      if (table !== this.small && table.used === 0 && table.growthLeft === maxGrowthLeft(table.capacity)) continue;
      table.ctrl.fill(CTRL_EMPTY);
      table.keys.fill(undefined);
      table.values = [];
      table.used = 0;
      if (table !== this.small) table.growthLeft = maxGrowthLeft(table.capacity);
    }
    this.used = 0;
    this.tombstonePossible = false;
    this.hasher.reseed();
    this.emit({ kind: 'cleared' });
  }

  /** Distinct tables in directory order. */
  tables(): Table[] {
    const tables: Table[] = [];
    for (let i = 0; i < this.directory.length; i++) {
      const table = this.directory[i] as Table;
      if (table.index === i) tables.push(table);
    }
    return tables;
  }

  /** Every entry, table by table and slot by slot (the runtime starts at a random slot and table; the order of the walk is the same). */
  *entries(): Generator<[MapKey, unknown]> {
    for (const table of this.small !== null ? [this.small] : this.tables()) {
      for (let at = 0; at < table.capacity; at++) {
        if (((table.ctrl[at] as number) & CTRL_EMPTY) === 0) yield [table.keys[at] as MapKey, table.values[at]];
      }
    }
  }

  /** The numbers the CLI prints. */
  stats(): SwissStats {
    return {
      used: this.used,
      dirLen: this.directory.length,
      globalDepth: this.globalDepth,
      tables: this.tables().map((table) => ({
        capacity: table.capacity,
        used: table.used,
        growthLeft: table.growthLeft,
        localDepth: table.localDepth,
      })),
      bytes: this.memory.liveBytes,
    };
  }

  /** Entries per slot over all tables (or the small group). */
  loadFactor(): number {
    if (this.small !== null) return this.used / GROUP_SLOTS;
    let slots = 0;
    for (const table of this.tables()) slots += table.capacity;
    return slots === 0 ? 0 : this.used / slots;
  }

  private emit(event: SwissEvent): void {
    this.onEvent?.(event);
  }

  private allocate(size: number, hasPointers: boolean): void {
    const bytes = allocationSize(size, hasPointers, this.goMinor);
    this.memory.allocations++;
    this.memory.allocatedBytes += bytes;
    this.memory.liveBytes += bytes;
  }

  private release(size: number, hasPointers: boolean): void {
    this.memory.liveBytes -= allocationSize(size, hasPointers, this.goMinor);
  }

  private freeIndirect(entries: number): void {
    if (this.layout.indirectKey) this.memory.liveBytes -= entries * allocationSize(this.type.keySize, this.type.keyPointers, this.goMinor);
    if (this.layout.indirectElem) this.memory.liveBytes -= entries * allocationSize(this.type.elemSize, this.type.elemPointers, this.goMinor);
  }

  private allocateIndirect(): void {
    if (this.layout.indirectKey) this.allocate(this.type.keySize, this.type.keyPointers);
    if (this.layout.indirectElem) this.allocate(this.type.elemSize, this.type.elemPointers);
  }

  /** `newTable` with its two allocations: the table struct and its groups. */
  private newTable(capacity: number, index: number, localDepth: number): Table {
    const table = new Table(capacity, index, localDepth);
    this.allocate(TABLE_STRUCT_SIZE, true);
    this.allocate(table.groupCount * this.layout.groupSize, this.layout.hasPointers);
    return table;
  }

  private dropTable(table: Table): void {
    this.release(TABLE_STRUCT_SIZE, true);
    this.release(table.groupCount * this.layout.groupSize, this.layout.hasPointers);
  }

  private directoryIndex(hash: Hash): number {
    if (this.directory.length <= 1) return 0;
    return hash.hi >>> (32 - this.globalDepth);
  }

  /** Lookup in a table (or the small group): H2 matches, then keys; stops at a group with an empty slot. */
  private find(table: Table, key: MapKey, hash: Hash, h2: number, small: boolean): number {
    const listen = this.onEvent !== undefined;
    const tableIndex = small ? -1 : table.index;
    const mask = table.groupCount - 1;
    let group = small ? 0 : (hash.lo >>> 7) & mask;
    for (let step = 0; step <= mask; ) {
      if (listen) this.emit({ kind: 'probe', table: tableIndex, group, step });
      const base = group * GROUP_SLOTS;
      for (let slot = 0; slot < GROUP_SLOTS; slot++) {
        if (table.ctrl[base + slot] !== h2) continue;
        const match = table.keys[base + slot] === key;
        if (listen) this.emit({ kind: 'compare', table: tableIndex, group, slot, h2, match });
        if (match) {
          if (listen) this.emit({ kind: 'found', table: tableIndex, group, slot });
          return base + slot;
        }
      }
      if (small || table.groupHasEmpty(group)) break;
      step++;
      group = (group + step) & mask;
    }
    if (listen) this.emit({ kind: 'notFound', table: tableIndex, group });
    return -1;
  }

  /** `putSlotSmall`: update in place, or take the first free slot. */
  private putSmall(group: Table, key: MapKey, value: unknown, hash: Hash, h2: number): 'inserted' | 'updated' {
    const listen = this.onEvent !== undefined;
    if (listen) this.emit({ kind: 'probe', table: -1, group: 0, step: 0 });
    for (let slot = 0; slot < GROUP_SLOTS; slot++) {
      if (group.ctrl[slot] !== h2) continue;
      const match = group.keys[slot] === key;
      if (listen) this.emit({ kind: 'compare', table: -1, group: 0, slot, h2, match });
      if (match) {
        group.setValue(slot, value);
        if (listen) this.emit({ kind: 'updated', table: -1, group: 0, slot });
        return 'updated';
      }
    }
    let slot = 0;
    while (((group.ctrl[slot] as number) & CTRL_EMPTY) === 0) slot++;
    this.store(group, slot, key, value, hash, h2);
    this.allocateIndirect();
    this.used++;
    group.used++;
    if (listen) this.emit({ kind: 'slotTaken', table: -1, group: 0, slot, h2, reusedTombstone: false });
    return 'inserted';
  }

  /** `growToTable`: the full small group becomes a 16-slot table in a one-entry directory. */
  private growToTable(group: Table): void {
    const table = this.newTable(2 * GROUP_SLOTS, 0, 0);
    let moved = 0;
    for (let slot = 0; slot < GROUP_SLOTS; slot++) {
      if (((group.ctrl[slot] as number) & CTRL_EMPTY) !== 0) continue;
      uncheckedPut(table, group, slot);
      moved++;
    }
    this.allocate(8, true);
    this.release(this.layout.groupSize, this.layout.hasPointers);
    this.small = null;
    this.directory = [table];
    this.globalDepth = 0;
    if (this.onEvent !== undefined) this.emit({ kind: 'smallToTable', moved });
  }

  private store(table: Table, at: number, key: MapKey, value: unknown, hash: Hash, h2: number): void {
    table.ctrl[at] = h2;
    table.keys[at] = key;
    table.setValue(at, value);
    table.hashHigh[at] = hash.hi;
    table.hashLow[at] = hash.lo;
  }

  /** `table.PutSlot`: update, or insert at the first free slot on the probe path (a tombstone first), or rehash. */
  private putSlot(table: Table, key: MapKey, value: unknown, hash: Hash, h2: number): 'inserted' | 'updated' | 'rehashed' {
    const listen = this.onEvent !== undefined;
    const mask = table.groupCount - 1;
    let group = (hash.lo >>> 7) & mask;
    let firstDeleted = -1;
    for (let step = 0; ; ) {
      if (listen) this.emit({ kind: 'probe', table: table.index, group, step });
      const base = group * GROUP_SLOTS;
      for (let slot = 0; slot < GROUP_SLOTS; slot++) {
        if (table.ctrl[base + slot] !== h2) continue;
        const match = table.keys[base + slot] === key;
        if (listen) this.emit({ kind: 'compare', table: table.index, group, slot, h2, match });
        if (match) {
          table.setValue(base + slot, value);
          if (listen) this.emit({ kind: 'updated', table: table.index, group, slot });
          return 'updated';
        }
      }
      let free = -1;
      for (let slot = 0; slot < GROUP_SLOTS; slot++) {
        if (((table.ctrl[base + slot] as number) & CTRL_EMPTY) !== 0) {
          free = base + slot;
          break;
        }
      }
      if (free >= 0 && table.ctrl[free] === CTRL_DELETED) {
        if (firstDeleted < 0) {
          firstDeleted = free;
          if (listen) this.emit({ kind: 'tombstoneRemembered', table: table.index, group, slot: free % GROUP_SLOTS });
        }
        free = -1;
      }
      if (free < 0) {
        step++;
        group = (group + step) & mask;
        continue;
      }
      const reusedTombstone = firstDeleted >= 0;
      if (reusedTombstone) {
        free = firstDeleted;
        table.growthLeft++;
      }
      if (table.growthLeft === 0 && this.goMinor >= 25) this.pruneTombstones(table);
      if (table.growthLeft > 0) {
        this.store(table, free, key, value, hash, h2);
        this.allocateIndirect();
        table.growthLeft--;
        table.used++;
        this.used++;
        if (listen) this.emit({ kind: 'slotTaken', table: table.index, group: Math.floor(free / GROUP_SLOTS), slot: free % GROUP_SLOTS, h2, reusedTombstone });
        return 'inserted';
      }
      this.rehash(table);
      return 'rehashed';
    }
  }

  /** `rehash`: double the table, or split it once it is at the maximum size. */
  private rehash(table: Table): void {
    const capacity = 2 * table.capacity;
    if (capacity <= MAX_TABLE_CAPACITY) {
      const grown = this.newTable(capacity, table.index, table.localDepth);
      const moved = copyEntries(table, grown);
      this.replaceTable(grown);
      this.dropTable(table);
      table.index = -1;
      if (this.onEvent !== undefined) this.emit({ kind: 'tableGrown', table: grown.index, from: table.capacity, to: capacity, moved });
      return;
    }
    this.split(table);
  }

  /** `split`: two 1024-slot tables one level deeper; the next hash bit picks the side. */
  private split(table: Table): void {
    const localDepth = table.localDepth + 1;
    const left = this.newTable(MAX_TABLE_CAPACITY, -1, localDepth);
    const right = this.newTable(MAX_TABLE_CAPACITY, -1, localDepth);
    for (let at = 0; at < table.capacity; at++) {
      if (((table.ctrl[at] as number) & CTRL_EMPTY) !== 0) continue;
      uncheckedPut(splitBit(table, at, localDepth) ? right : left, table, at);
    }
    const oldIndex = table.index;
    if (table.localDepth === this.globalDepth) {
      const doubled: Table[] = new Array<Table>(this.directory.length * 2);
      for (let i = 0; i < this.directory.length; i++) {
        const entry = this.directory[i] as Table;
        doubled[2 * i] = entry;
        doubled[2 * i + 1] = entry;
        if (entry.index === i) entry.index = 2 * i;
      }
      this.release(8 * this.directory.length, true);
      this.allocate(8 * doubled.length, true);
      this.directory = doubled;
      this.globalDepth++;
      if (this.onEvent !== undefined) this.emit({ kind: 'directoryDoubled', dirLen: doubled.length });
    }
    left.index = table.index;
    this.replaceTable(left);
    right.index = left.index + 2 ** (this.globalDepth - left.localDepth);
    this.replaceTable(right);
    this.dropTable(table);
    table.index = -1;
    if (this.onEvent !== undefined) this.emit({ kind: 'tableSplit', table: oldIndex, localDepth, left: left.used, right: right.used });
  }

  private replaceTable(table: Table): void {
    const entries = 2 ** (this.globalDepth - table.localDepth);
    for (let i = 0; i < entries; i++) this.directory[table.index + i] = table;
  }

  /**
   * `pruneTombstones` (Go 1.25+): when tombstones are at least a tenth of the table, clear
   * those that no live key's probe path needs, provided that frees at least a tenth.
   */
  private pruneTombstones(table: Table): void {
    if (table.tombstones() * 10 < table.capacity) return;
    const groups = table.groupCount;
    const mask = groups - 1;
    const needed = new Uint8Array(groups);
    for (let group = 0; group < groups; group++) {
      for (let slot = 0; slot < GROUP_SLOTS; slot++) {
        const at = group * GROUP_SLOTS + slot;
        if (((table.ctrl[at] as number) & CTRL_EMPTY) !== 0) continue;
        let probe = ((table.hashLow[at] as number) >>> 7) & mask;
        for (let step = 0; probe !== group; ) {
          // A group on the way with a free slot must hold a tombstone (an empty one would have ended the probe).
          if (hasDeleted(table, probe)) needed[probe] = 1;
          step++;
          probe = (probe + step) & mask;
        }
      }
      if (table.groupHasEmpty(group)) needed[group] = 1;
    }
    let count = 0;
    for (let group = 0; group < groups; group++) {
      if (needed[group] === 1) continue;
      for (let slot = 0; slot < GROUP_SLOTS; slot++) if (table.ctrl[group * GROUP_SLOTS + slot] === CTRL_DELETED) count++;
    }
    if (count * 10 < table.capacity) return;
    for (let group = 0; group < groups; group++) {
      if (needed[group] === 1) continue;
      for (let slot = 0; slot < GROUP_SLOTS; slot++) {
        const at = group * GROUP_SLOTS + slot;
        if (table.ctrl[at] === CTRL_DELETED) {
          table.ctrl[at] = CTRL_EMPTY;
          table.growthLeft++;
        }
      }
    }
    if (this.onEvent !== undefined) this.emit({ kind: 'tombstonesPruned', table: table.index, count });
  }
}

function hasDeleted(table: Table, group: number): boolean {
  const base = group * GROUP_SLOTS;
  for (let i = 0; i < GROUP_SLOTS; i++) if (table.ctrl[base + i] === CTRL_DELETED) return true;
  return false;
}

/** The hash bit that sends an entry right when its table splits to `localDepth`: bit 64 - localDepth. */
function splitBit(table: Table, at: number, localDepth: number): boolean {
  const bit = 64 - localDepth;
  const half = bit >= 32 ? (table.hashHigh[at] as number) : (table.hashLow[at] as number);
  return ((half >>> (bit & 31)) & 1) === 1;
}

/** `uncheckedPutSlot`: place entry `from` of `source` at the first free slot on its probe path in `target`. */
function uncheckedPut(target: Table, source: Table, from: number): void {
  const mask = target.groupCount - 1;
  let group = ((source.hashLow[from] as number) >>> 7) & mask;
  for (let step = 0; ; ) {
    const base = group * GROUP_SLOTS;
    for (let slot = 0; slot < GROUP_SLOTS; slot++) {
      const at = base + slot;
      if (((target.ctrl[at] as number) & CTRL_EMPTY) === 0) continue;
      target.ctrl[at] = source.ctrl[from] as number;
      target.keys[at] = source.keys[from];
      target.setValue(at, source.values[from]);
      target.hashHigh[at] = source.hashHigh[from] as number;
      target.hashLow[at] = source.hashLow[from] as number;
      target.growthLeft--;
      target.used++;
      return;
    }
    step++;
    group = (group + step) & mask;
  }
}

/** Reinserts every live entry of `source` into `target`, in slot order; returns how many. */
function copyEntries(source: Table, target: Table): number {
  let moved = 0;
  for (let at = 0; at < source.capacity; at++) {
    if (((source.ctrl[at] as number) & CTRL_EMPTY) !== 0) continue;
    uncheckedPut(target, source, at);
    moved++;
  }
  return moved;
}
