/**
 * Draws a classic map: each regular bucket as a row of 8 tophash bytes with its overflow chain
 * to the right; during a grow, the old array below with evacuated buckets marked X/Y. The step
 * being shown is highlighted.
 */
import {
  BUCKET_SLOTS,
  EMPTY_ONE,
  EMPTY_REST,
  EVACUATED_EMPTY,
  EVACUATED_X,
  EVACUATED_Y,
  isEvacuated,
  type BucketArray,
  type ClassicEvent,
  type ClassicMap,
} from '../../sim/maps/classic/map.ts';
import { CELL, drawCells, heading, ROW, svg, VirtualRows, type Cell } from './svg.ts';

/** Pixel geometry: label column, gap between chained buckets. */
const LABEL = 64;
const GAP = 26;

/** What the current step points at. */
interface ClassicFocus {
  /** Which array the bucket index refers to. */
  array: 'new' | 'old';
  /** Regular bucket index (the chain's head). */
  bucket: number;
  /** Position in the chain (0 = the regular bucket). */
  chain?: number;
  /** Slot, when the step is about one. */
  slot?: number;
  /** Destination buckets of an evacuation. */
  evacuatedTo?: number[];
}

/** The part of the map a step is about. */
export function classicFocus(event: ClassicEvent | undefined): ClassicFocus | undefined {
  if (event === undefined) return undefined;
  switch (event.kind) {
    case 'hash':
    case 'overflowAllocated':
      return { array: 'new', bucket: event.bucket, chain: 'chain' in event ? event.chain : undefined };
    case 'compare':
    case 'found':
      return { array: event.old ? 'old' : 'new', bucket: event.bucket, chain: event.chain, slot: event.slot };
    case 'notFound':
      return { array: event.old ? 'old' : 'new', bucket: event.bucket };
    case 'stopAtEmptyRest':
    case 'slotTaken':
    case 'updated':
    case 'deleted':
      return { array: 'new', bucket: event.bucket, chain: event.chain, slot: event.slot };
    case 'evacuated':
      return { array: 'old', bucket: event.oldBucket, evacuatedTo: event.sameSize ? [event.toX] : [event.toX, event.toY] };
    default:
      return undefined;
  }
}

function tophashText(top: number, old: boolean): string {
  if (old) {
    if (top === EVACUATED_X) return 'X';
    if (top === EVACUATED_Y) return 'Y';
    if (top === EVACUATED_EMPTY) return '';
  }
  if (top === EMPTY_REST) return '';
  if (top === EMPTY_ONE) return '–';
  return top.toString(16).padStart(2, '0');
}

/** Rows: [new-array heading, new buckets…, (old heading, old buckets…)]. */
export class ClassicView {
  /** The virtual list drawing the rows. */
  readonly rows: VirtualRows;

  /** Builds the view in `scroller`. */
  constructor(scroller: HTMLElement) {
    this.rows = new VirtualRows(scroller, 'Classic map buckets: tophash byte per slot, overflow chains to the right');
  }

  /** Sets the rows for `map` with the step `event` highlighted; returns the row of that step, if any. */
  layout(map: ClassicMap, event: ClassicEvent | undefined): number | undefined {
    const focus = classicFocus(event);
    const current = map.current;
    const old = map.old;
    const regular = current?.regular ?? 0;
    const oldRegular = old?.regular ?? 0;
    const newRows = 1 + regular;
    const rowCount = newRows + (old === null ? 0 : 1 + oldRegular);
    this.rows.setRows(rowCount, (index, y, parent) => {
      if (index === 0) return heading(parent, y, current === null ? 'No buckets yet (allocated on the first insert).' : newHeading(map, current));
      if (index < newRows) return drawChain(parent, y, current as BucketArray, index - 1, false, focus);
      if (index === newRows) return heading(parent, y, `Old array: ${oldRegular} buckets, ${map.nevacuate} evacuated so far (X = moved to the low half, Y = to the high half).`);
      return drawChain(parent, y, old as BucketArray, index - newRows - 1, true, focus);
    });
    if (focus === undefined || (focus.array === 'old' && old === null)) return undefined;
    return focus.array === 'new' ? 1 + focus.bucket : newRows + 1 + focus.bucket;
  }
}

function newHeading(map: ClassicMap, array: BucketArray): string {
  const spare = array.nextOverflow < 0 ? 0 : array.allocated - array.nextOverflow;
  const preallocated = array.allocated - array.regular;
  return `B = ${map.B}: ${array.regular} buckets${preallocated > 0 ? `, ${preallocated} preallocated overflow buckets (${spare} unused)` : ''}${map.old !== null ? ' (new array, filling as old buckets are evacuated)' : ''}.`;
}

function drawChain(parent: SVGGElement, y: number, array: BucketArray, bucket: number, old: boolean, focus: ClassicFocus | undefined): number {
  const focused = focus !== undefined && focus.array === (old ? 'old' : 'new') && focus.bucket === bucket;
  const destination = !old && focus?.evacuatedTo?.includes(bucket) === true;
  const evacuated = old && isEvacuated(array, bucket);
  svg('text', { x: 4, y: y + ROW - 9, class: `map-lab__label${focused || destination ? ' is-active' : ''}` }, parent, `${old ? 'old ' : ''}${bucket}`);
  let x = LABEL;
  let chain = 0;
  for (let b = bucket; b !== -1; b = array.overflow[b] as number, chain++) {
    if (chain > 0) svg('line', { x1: x - GAP + 3, y1: y + ROW / 2, x2: x - 3, y2: y + ROW / 2, class: 'map-lab__arrow' }, parent);
    const cells: Cell[] = [];
    for (let slot = 0; slot < BUCKET_SLOTS; slot++) {
      const top = array.tophash[b * BUCKET_SLOTS + slot] as number;
      cells.push({ text: tophashText(top, old), state: top >= 5 ? 'full' : evacuated ? 'evacuated' : 'empty' });
    }
    const active = (focused && (focus?.chain ?? 0) === chain) || (destination && chain === 0);
    const focusSlot = focused && (focus?.chain ?? 0) === chain ? focus?.slot : undefined;
    drawCells(parent, x, y, cells, focusSlot, `map-lab__bucket is-${array.origin(b)}${active ? ' is-active' : ''}`);
    x += BUCKET_SLOTS * CELL + GAP;
  }
  return x;
}
