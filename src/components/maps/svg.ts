/**
 * Small DOM helpers for the map lab's SVG views, and a virtual list that draws only the rows in
 * view, so a map with a million entries costs no more to show than one with a hundred.
 *
 * Drawing is kept cheap: a row of 8 cells is a few elements (one path per cell state, one text
 * with a position per character), rows are built off-document and inserted in one go, and the
 * list never reads layout while it draws (scroll position and height are cached from events).
 */

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** Width of one cell in pixels. */
export const CELL = 24;
/** Height of one row in pixels. */
export const ROW = 28;
/** Width of a monospace character at the drawing's 12px font. */
const CHARACTER = 7.2;

/** Creates an SVG element with attributes (and text, set as textContent: never parsed as markup). */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  parent?: Element,
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NAMESPACE, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  parent?.appendChild(element);
  return element;
}

/** Draws a row that is a line of text (a heading above a block of rows); returns its width. */
export function heading(parent: Element, y: number, text: string): number {
  svg('text', { x: 4, y: y + ROW - 9, class: 'map-lab__heading' }, parent, text);
  return text.length * 7.5 + 8;
}

/** One cell of a row: its text (0 to 2 characters) and its state class. */
export interface Cell {
  /** What the cell shows. */
  text: string;
  /** CSS state suffix, e.g. `full`, `empty`, `tombstone`. */
  state: string;
}

/**
 * Draws `cells` side by side from `x`: one outline path per state, one text element for all
 * the characters, and a ring around `focusSlot` if given.
 */
export function drawCells(parent: Element, x: number, y: number, cells: readonly Cell[], focusSlot: number | undefined, className: string): void {
  const group = svg('g', { class: className }, parent);
  const paths = new Map<string, string>();
  let text = '';
  const positions: string[] = [];
  cells.forEach((cell, slot) => {
    const left = x + slot * CELL;
    paths.set(cell.state, `${paths.get(cell.state) ?? ''}M${left} ${y + 3}h${CELL - 2}v${ROW - 6}h${-(CELL - 2)}z`);
    const start = left + (CELL - 2) / 2 - (cell.text.length * CHARACTER) / 2;
    for (let i = 0; i < cell.text.length; i++) positions.push((start + i * CHARACTER).toFixed(1));
    text += cell.text;
  });
  for (const [state, d] of paths) svg('path', { d, class: `map-lab__cell is-${state}` }, group);
  if (text.length > 0) svg('text', { x: positions.join(' '), y: y + ROW - 10, class: 'map-lab__byte' }, group, text);
  if (focusSlot !== undefined) svg('rect', { x: x + focusSlot * CELL - 1, y: y + 2, width: CELL, height: ROW - 4, class: 'map-lab__focus' }, group);
}

/** Draws row `index` with its top at `y` into `parent`; returns the width it used. */
export type RowPainter = (index: number, y: number, parent: SVGGElement) => number;

/** Rows drawn beyond the visible ones on each side, so small scrolls show no gap. */
const OVERSCAN = 4;

/**
 * A scrollable area of fixed-height rows. Only the rows in view (plus a few) exist in the DOM.
 * A render is `setRows`, then `reveal` (which may scroll), then `draw`; a view with two lists
 * calls each step on both before the next, so no step reads layout the previous one dirtied.
 */
export class VirtualRows {
  /** The scrolling element. */
  readonly scroller: HTMLElement;
  /** Keeps the scroll height right. */
  private readonly spacer: HTMLElement;
  /** The drawing. */
  private readonly drawing: SVGSVGElement;
  /** Rows in the list. */
  private rowCount = 0;
  /** The current painter. */
  private painter: RowPainter = () => 0;
  /** Widest row drawn so far (keeps horizontal scrolling stable). */
  private width = 0;
  /** Height last given to the spacer. */
  private height = -1;
  /** Scroll offset, as of the last scroll event or our own scrolling. */
  private scrollTop = 0;
  /** Visible height, as of the last resize. */
  private viewHeight = 420;

  /** Builds the list inside `scroller` (which must be scrollable and have a height). */
  constructor(scroller: HTMLElement, label: string) {
    this.scroller = scroller;
    this.spacer = document.createElement('div');
    this.spacer.className = 'map-lab__spacer';
    this.drawing = svg('svg', { class: 'map-lab__drawing', role: 'img', 'aria-label': label });
    this.spacer.appendChild(this.drawing);
    scroller.appendChild(this.spacer);
    scroller.addEventListener(
      'scroll',
      () => {
        const top = scroller.scrollTop;
        if (Math.abs(top - this.scrollTop) < 1) return;
        this.scrollTop = top;
        this.draw();
      },
      { passive: true },
    );
    new ResizeObserver((entries) => {
      const height = entries[0]?.contentRect.height;
      if (height !== undefined && height > 0 && Math.abs(height - this.viewHeight) >= 1) {
        this.viewHeight = height;
        this.draw();
      }
    }).observe(scroller);
  }

  /** Sets the rows to draw (nothing is drawn yet). */
  setRows(rowCount: number, painter: RowPainter): void {
    this.rowCount = rowCount;
    this.painter = painter;
    const height = Math.max(rowCount * ROW, 1);
    if (height !== this.height) {
      this.height = height;
      this.spacer.style.height = `${height}px`;
    }
  }

  /** Scrolls so that row `index` is in view (centred), if it is not already. */
  reveal(index: number): void {
    const top = index * ROW;
    if (top >= this.scrollTop && top + ROW <= this.scrollTop + this.viewHeight) return;
    const target = Math.max(0, Math.min(top - this.viewHeight / 2, this.height - this.viewHeight));
    this.scrollTop = target;
    this.scroller.scrollTop = target;
  }

  /** Draws the rows in view. */
  draw(): void {
    const first = Math.max(0, Math.floor(this.scrollTop / ROW) - OVERSCAN);
    const last = Math.min(this.rowCount, first + Math.ceil(this.viewHeight / ROW) + 2 * OVERSCAN);
    // The drawing covers only the rows in view, placed at their offset in the scrolled area.
    const rows = svg('g', { transform: `translate(0 ${-first * ROW})` });
    for (let index = first; index < last; index++) {
      const row = svg('g', { class: 'map-lab__row' }, rows);
      this.width = Math.max(this.width, this.painter(index, index * ROW, row));
    }
    this.drawing.setAttribute('width', String(Math.max(this.width, 10)));
    this.drawing.setAttribute('height', String(Math.max((last - first) * ROW, 1)));
    this.drawing.style.top = `${first * ROW}px`;
    this.drawing.replaceChildren(rows);
  }
}
