/**
 * The map lab's models: one classic map and one Swiss map that receive the same operations,
 * the events each produced for the latest operation, and samples for the charts. No DOM here;
 * the element renders from this.
 */
import type { MapOperation } from '../../machines/map-stepper.machine.ts';
import { ClassicMap, type ClassicEvent } from '../../sim/maps/classic/map.ts';
import { SwissMap, type SwissEvent } from '../../sim/maps/swiss/map.ts';
import { MAP_TYPES, type MapTypeShape } from '../../sim/maps/types.ts';

/** One point of the charts. */
export interface LabSample {
  /** Entries in the maps (both hold the same keys). */
  count: number;
  /** Classic: entries per slot of the regular buckets (count ÷ 8·2^B). */
  classicOccupancy: number;
  /** Swiss: entries per slot over all tables. */
  swissOccupancy: number;
  /** Classic: bytes reachable. */
  classicBytes: number;
  /** Swiss: bytes reachable. */
  swissBytes: number;
}

/** Most chart points kept; older ones are thinned out to half when the limit is reached. */
const MAX_SAMPLES = 1200;

/** The type the lab models. */
export const LAB_MAP_TYPE = MAP_TYPES['map[int]int'] as MapTypeShape;

/** Both models, fed the same operations. */
export class LabModels {
  /** Go 1.x minor version for the classic side (19 to 23). */
  classicMinor: number;
  /** Go 1.x minor version for the Swiss side (24 to 26). */
  swissMinor: number;
  /** The classic map. */
  classic: ClassicMap;
  /** The Swiss map. */
  swiss: SwissMap;
  /** Classic events of the latest operation. */
  classicEvents: ClassicEvent[] = [];
  /** Swiss events of the latest operation. */
  swissEvents: SwissEvent[] = [];
  /** The latest operation applied. */
  lastOperation: MapOperation | undefined;
  /** What a lookup found, when the latest operation was one. */
  lastLookup: { classic: boolean; swiss: boolean } | undefined;
  /** The next key "insert N keys" uses. */
  nextKey = 0;
  /** Chart points. */
  samples: LabSample[] = [];
  /** Seed of the simulated hash. */
  private readonly seed: number;

  /** Two empty maps. */
  constructor(classicMinor = 23, swissMinor = 26, seed = 1) {
    this.classicMinor = classicMinor;
    this.swissMinor = swissMinor;
    this.seed = seed;
    this.classic = this.newClassic();
    this.swiss = this.newSwiss();
    this.sample();
  }

  /** Back to two empty maps with the current versions. */
  reset(): void {
    this.classic = this.newClassic();
    this.swiss = this.newSwiss();
    this.classicEvents = [];
    this.swissEvents = [];
    this.lastOperation = undefined;
    this.lastLookup = undefined;
    this.nextKey = 0;
    this.samples = [];
    this.sample();
  }

  /** Applies one operation to both maps; returns the number of steps to show (at least 1). */
  apply(operation: MapOperation): number {
    this.classicEvents = [];
    this.swissEvents = [];
    this.lastOperation = operation;
    this.lastLookup = undefined;
    switch (operation.kind) {
      case 'insert':
        this.classic.insert(operation.key);
        this.swiss.insert(operation.key);
        if (typeof operation.key === 'number' && operation.key >= this.nextKey) this.nextKey = operation.key + 1;
        break;
      case 'delete':
        this.classic.delete(operation.key);
        this.swiss.delete(operation.key);
        break;
      case 'lookup':
        this.lastLookup = { classic: this.classic.lookup(operation.key).found, swiss: this.swiss.lookup(operation.key).found };
        break;
      case 'clear':
        this.classic.clear();
        this.swiss.clear();
        break;
    }
    this.sample();
    return Math.max(1, this.classicEvents.length, this.swissEvents.length);
  }

  private newClassic(): ClassicMap {
    return new ClassicMap({ type: LAB_MAP_TYPE, goMinor: this.classicMinor, seed: this.seed, onEvent: (event) => this.classicEvents.push(event) });
  }

  private newSwiss(): SwissMap {
    return new SwissMap({ type: LAB_MAP_TYPE, goMinor: this.swissMinor, seed: this.seed, onEvent: (event) => this.swissEvents.push(event) });
  }

  private sample(): void {
    const count = this.classic.count;
    const last = this.samples[this.samples.length - 1];
    const point: LabSample = {
      count,
      classicOccupancy: count / (8 * 2 ** this.classic.B),
      swissOccupancy: this.swiss.loadFactor(),
      classicBytes: this.classic.memory.liveBytes,
      swissBytes: this.swiss.memory.liveBytes,
    };
    if (last !== undefined && last.count === count && last.classicBytes === point.classicBytes && last.swissBytes === point.swissBytes) return;
    this.samples.push(point);
    if (this.samples.length > MAX_SAMPLES) this.samples = this.samples.filter((_, i) => i % 2 === 0 || i === this.samples.length - 1);
  }
}
