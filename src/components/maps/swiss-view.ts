/**
 * Draws a Swiss map: the directory (which table each index points to), then every table with
 * its groups as rows of 8 control bytes. The current operation's probe sequence is outlined
 * with step numbers, tombstones are marked, and the step being shown is highlighted.
 */
import { CTRL_DELETED, CTRL_EMPTY, GROUP_SLOTS, type SwissEvent, type SwissMap, type Table } from '../../sim/maps/swiss/map.ts';
import { CELL, drawCells, heading, ROW, svg, VirtualRows, type Cell } from './svg.ts';

/** Pixel geometry: the label column. */
const LABEL = 64;
/** Directory entries per row. */
const DIRECTORY_PER_ROW = 32;

/** Groups probed in the current operation, by table, with the step at which each was probed. */
type ProbePath = Map<number, Map<number, number>>;

/** What the current step points at. */
interface SwissFocus {
  /** Directory index of the table (-1: the small map's group). */
  table: number;
  /** Group within the table. */
  group: number;
  /** Slot, when the step is about one. */
  slot?: number;
}

/** The part of the map a step is about. */
export function swissFocus(event: SwissEvent | undefined): SwissFocus | undefined {
  if (event === undefined) return undefined;
  switch (event.kind) {
    case 'probe':
    case 'notFound':
      return { table: event.table, group: event.group };
    case 'compare':
    case 'tombstoneRemembered':
    case 'slotTaken':
    case 'updated':
    case 'found':
    case 'deleted':
      return { table: event.table, group: event.group, slot: event.slot };
    default:
      return undefined;
  }
}

/** Probe steps of the current operation up to and including `frame`. */
export function probePath(events: readonly SwissEvent[], frame: number): ProbePath {
  const path: ProbePath = new Map();
  for (let i = 0; i <= frame && i < events.length; i++) {
    const event = events[i] as SwissEvent;
    if (event.kind === 'hash') path.clear();
    if (event.kind !== 'probe') continue;
    let groups = path.get(event.table);
    if (groups === undefined) path.set(event.table, (groups = new Map()));
    groups.set(event.group, event.step);
  }
  return path;
}

function ctrlText(ctrl: number): string {
  if (ctrl === CTRL_EMPTY) return '';
  if (ctrl === CTRL_DELETED) return '✕';
  return ctrl.toString(16).padStart(2, '0');
}

/** Rows: [heading, directory rows…, per table: heading, groups…]. */
export class SwissView {
  /** The virtual list drawing the rows. */
  readonly rows: VirtualRows;

  /** Builds the view in `scroller`. */
  constructor(scroller: HTMLElement) {
    this.rows = new VirtualRows(scroller, 'Swiss map: directory, tables and groups, one control byte per slot');
  }

  /** Sets the rows for `map` at step `frame` of `events`; returns the row of that step, if any. */
  layout(map: SwissMap, events: readonly SwissEvent[], frame: number): number | undefined {
    const event = events[Math.min(frame, events.length - 1)];
    const focus = swissFocus(event);
    const path = probePath(events, frame);
    if (map.small !== null || map.dirLen === 0) {
      const small = map.small;
      this.rows.setRows(small === null ? 1 : 2, (index, y, parent) => {
        if (index === 0 || small === null) {
          return heading(parent, y, small === null ? 'No storage yet (a group is allocated on the first insert).' : `Small map: one group of 8 slots, ${map.used} used, no directory. The 9th entry turns it into a table.`);
        }
        return drawGroup(parent, y, small, 0, -1, 'group', path.get(-1), focus);
      });
      return focus === undefined ? undefined : 1;
    }
    const tables = map.tables();
    const directoryRows = Math.ceil(map.dirLen / DIRECTORY_PER_ROW);
    // First row of each table's block (heading), after the heading and the directory rows.
    const starts: number[] = [];
    let row = 1 + directoryRows;
    for (const table of tables) {
      starts.push(row);
      row += 1 + table.groupCount;
    }
    const ordinal = new Map(tables.map((table, i) => [table, i]));
    this.rows.setRows(row, (index, y, parent) => {
      if (index === 0) {
        return heading(parent, y, `Directory: ${map.dirLen} entries (globalDepth ${map.globalDepth}), ${tables.length} table${tables.length === 1 ? '' : 's'}; the top ${map.globalDepth} hash bits pick the entry.`);
      }
      if (index <= directoryRows) return drawDirectory(parent, y, map, index - 1, ordinal);
      const tableIndex = upperBound(starts, index) - 1;
      const table = tables[tableIndex] as Table;
      const start = starts[tableIndex] as number;
      if (index === start) {
        const span = 2 ** (map.globalDepth - table.localDepth);
        return heading(
          parent,
          y,
          `Table ${tableIndex} (directory ${table.index}${span > 1 ? `–${table.index + span - 1}` : ''}, localDepth ${table.localDepth}): capacity ${table.capacity}, used ${table.used}, growthLeft ${table.growthLeft}, tombstones ${table.tombstones()}.`,
        );
      }
      return drawGroup(parent, y, table, index - start - 1, table.index, `t${tableIndex} g`, path.get(table.index), focus);
    });
    if (focus === undefined) return undefined;
    const tableIndex = tables.findIndex((table) => table.index === focus.table);
    return tableIndex < 0 ? undefined : (starts[tableIndex] as number) + 1 + focus.group;
  }
}

/** Index of the first element of sorted `values` greater than `target`. */
function upperBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] as number) <= target) low = middle + 1;
    else high = middle;
  }
  return low;
}

function drawDirectory(parent: SVGGElement, y: number, map: SwissMap, row: number, ordinal: Map<Table, number>): number {
  svg('text', { x: 4, y: y + ROW - 9, class: 'map-lab__label' }, parent, `dir ${row * DIRECTORY_PER_ROW}`);
  const first = row * DIRECTORY_PER_ROW;
  const last = Math.min(map.dirLen, first + DIRECTORY_PER_ROW);
  const cells: Cell[] = [];
  for (let i = first; i < last; i++) {
    const table = ordinal.get(map.directory[i] as Table) ?? 0;
    cells.push({ text: table < 100 ? `${table}` : '…', state: `shade-${table % 4}` });
  }
  drawCells(parent, LABEL, y, cells, undefined, 'map-lab__directory');
  return LABEL + DIRECTORY_PER_ROW * CELL;
}

function drawGroup(
  parent: SVGGElement,
  y: number,
  table: Table,
  group: number,
  tableIndex: number,
  label: string,
  probes: Map<number, number> | undefined,
  focus: SwissFocus | undefined,
): number {
  const step = probes?.get(group);
  const focused = focus !== undefined && focus.table === tableIndex && focus.group === group;
  svg('text', { x: 4, y: y + ROW - 9, class: `map-lab__label${focused ? ' is-active' : ''}` }, parent, `${label}${group}`);
  const cells: Cell[] = [];
  for (let slot = 0; slot < GROUP_SLOTS; slot++) {
    const ctrl = table.ctrl[group * GROUP_SLOTS + slot] as number;
    cells.push({ text: ctrlText(ctrl), state: ctrl === CTRL_EMPTY ? 'empty' : ctrl === CTRL_DELETED ? 'tombstone' : 'full' });
  }
  drawCells(parent, LABEL, y, cells, focused ? focus?.slot : undefined, `map-lab__bucket${step !== undefined ? ' is-probed' : ''}${focused ? ' is-active' : ''}`);
  const end = LABEL + GROUP_SLOTS * CELL;
  if (step !== undefined) {
    svg('text', { x: end + 8, y: y + ROW - 9, class: 'map-lab__note' }, parent, step === 0 ? 'probe start' : `probe step ${step}`);
    return end + 110;
  }
  return end;
}
