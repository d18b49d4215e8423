/**
 * Small DOM helpers for the map lab's SVG views, and a virtual list that draws only the rows in
 * view, so a map with a million entries costs no more to show than one with a hundred.
 */

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

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

/** Draws row `index` with its top at `y` into `parent`; returns the width it used. */
export type RowPainter = (index: number, y: number, parent: SVGGElement) => number;

/** Rows drawn beyond the visible ones on each side, so small scrolls show no gap. */
const OVERSCAN = 6;

/**
 * A scrollable area of fixed-height rows. Only the rows in view (plus a few) exist in the DOM;
 * scrolling redraws them. `update` replaces the row count and painter.
 */
export class VirtualRows {
  /** The scrolling element. */
  readonly scroller: HTMLElement;
  /** Height of one row in pixels. */
  readonly rowHeight: number;
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

  /** Builds the list inside `scroller` (which must be scrollable and have a height). */
  constructor(scroller: HTMLElement, rowHeight: number, label: string) {
    this.scroller = scroller;
    this.rowHeight = rowHeight;
    this.spacer = document.createElement('div');
    this.spacer.className = 'map-lab__spacer';
    this.drawing = svg('svg', { class: 'map-lab__drawing', role: 'img', 'aria-label': label });
    this.spacer.appendChild(this.drawing);
    scroller.appendChild(this.spacer);
    scroller.addEventListener('scroll', () => this.draw(), { passive: true });
  }

  /** Sets the rows and redraws. */
  update(rowCount: number, painter: RowPainter): void {
    this.rowCount = rowCount;
    this.painter = painter;
    this.draw();
  }

  /** Scrolls so that row `index` is in view (centred), if it is not already. */
  reveal(index: number): void {
    const top = index * this.rowHeight;
    const view = this.scroller.clientHeight;
    if (top < this.scroller.scrollTop || top + this.rowHeight > this.scroller.scrollTop + view) {
      this.scroller.scrollTop = Math.max(0, top - view / 2);
      this.draw();
    }
  }

  /** Number of rows currently in the DOM. */
  get drawnRows(): number {
    return this.drawing.childElementCount;
  }

  private draw(): void {
    const total = this.rowCount * this.rowHeight;
    this.spacer.style.height = `${total}px`;
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / this.rowHeight) - OVERSCAN);
    const visible = Math.ceil((this.scroller.clientHeight || 400) / this.rowHeight) + 2 * OVERSCAN;
    const last = Math.min(this.rowCount, first + visible);
    this.drawing.replaceChildren();
    for (let index = first; index < last; index++) {
      const row = svg('g', { class: 'map-lab__row' }, this.drawing);
      this.width = Math.max(this.width, this.painter(index, index * this.rowHeight, row));
    }
    this.drawing.setAttribute('width', String(Math.max(this.width, 10)));
    this.drawing.setAttribute('height', String(Math.max(total, 1)));
  }
}
