/**
 * Loads the map snapshots the oracle recorded from the real runtime, and drives the models
 * through the same insert sequences the probes used.
 */
import { readFileSync } from 'node:fs';
import type { ClassicProbeRun, SwissProbeRun } from '../../oracle/maps/generate.ts';
import { MAP_TYPES, type MapKey, type MapTypeShape } from '../../src/sim/maps/types.ts';

const dataDir = new URL('../../src/data/oracle/maps/', import.meta.url);

/** Reads one snapshot file. */
export function readSnapshot<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, dataDir), 'utf8')) as T;
}

/** A classic grid run as committed (seed-independent fields only). */
export interface ClassicGridRun {
  type: string;
  hint: number;
  states: { n: number; count: number; B: number; buckets: number; allocs?: number; bytes?: number }[];
  grows: { startN: number; B: number; buckets: number }[];
}

/** A Swiss grid run as committed. */
export type SwissGridRun = Pick<SwissProbeRun, 'type' | 'hint' | 'states'> & {
  firstChanges: SwissProbeRun['changes'];
};

/** The classic grid snapshot. */
export interface ClassicGrid {
  goVersion: string;
  runs: ClassicGridRun[];
}

/** The Swiss grid snapshot. */
export interface SwissGrid {
  goVersion: string;
  runs: SwissGridRun[];
}

/** A recorded (seed-dependent) snapshot. */
export interface Recorded<Run> {
  goVersion: string;
  runs: Run[];
}

export type { ClassicProbeRun, SwissProbeRun };

/** The shape of a probed map type. */
export function shapeOf(typeName: string): MapTypeShape {
  const shape = MAP_TYPES[typeName];
  if (shape === undefined) throw new Error(`no shape for ${typeName}`);
  return shape;
}

/** The i-th key the probes inserted for a map type: the integer i, or "key<i>" for string keys. */
export function keyFor(typeName: string, i: number): MapKey {
  return typeName.startsWith('map[string]') ? `key${i}` : i;
}

/** Go minor version from a version string like go1.19.8. */
export function goMinorOf(version: string): number {
  const minor = /^go1\.(\d+)/.exec(version)?.[1];
  if (minor === undefined) throw new Error(`unexpected Go version ${version}`);
  return Number(minor);
}

/** Arithmetic mean. */
export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
