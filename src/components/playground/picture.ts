/**
 * The stack/heap picture of one function: its frame's slots on the left, the heap objects
 * it allocates per call on the right, and an arrow from the frame's pointer to each heap
 * object (a variable moved to the heap is reached through a pointer in the frame).
 */
import type { AllocationSite, FunctionSummary } from '../../sim/api.ts';
import { svgElement } from './dom.ts';

/** One box in the picture. */
export interface PictureSlot {
  /** What the box holds. */
  label: string;
  /** Bytes, for heap objects when known. */
  bytes?: number;
  /** Source position of the site, as `line:col`. */
  position: string;
}

/** The picture's content, independent of drawing. */
export interface FramePicture {
  /** The function's name. */
  functionName: string;
  /** Values kept in the frame. */
  frame: Array<PictureSlot & { pointsTo?: number }>;
  /** Objects on the heap, referenced by index from the frame. */
  heap: PictureSlot[];
  /** Sites that escape without allocating (e.g. a constant boxed in an interface). */
  staticData: PictureSlot[];
}

/** The sites that belong to `summary`: from its line up to the next function's line. */
export function sitesOfFunction(sites: AllocationSite[], functions: FunctionSummary[], summary: FunctionSummary): AllocationSite[] {
  const starts = functions.map((candidate) => candidate.line).filter((line) => line > summary.line);
  const next = starts.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...starts);
  return sites.filter((site) => site.line >= summary.line && site.line < next);
}

/** What the picture of a function shows. */
export function framePicture(sites: AllocationSite[], functions: FunctionSummary[], summary: FunctionSummary): FramePicture {
  const picture: FramePicture = { functionName: summary.name, frame: [], heap: [], staticData: [] };
  for (const site of sitesOfFunction(sites, functions, summary)) {
    const position = `${site.line}:${site.column}`;
    if (site.placement === 'stack') {
      picture.frame.push({ label: site.what, position });
    } else if (!site.allocates) {
      picture.staticData.push({ label: site.what, position });
    } else {
      picture.heap.push({ label: site.what, bytes: site.heapBytes, position });
      picture.frame.push({ label: `pointer to ${site.what}`, position, pointsTo: picture.heap.length - 1 });
    }
  }
  return picture;
}

const rowHeight = 34;
const boxWidth = 220;
const heapX = 330;
const top = 36;

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** Counts drawn pictures, to give each arrowhead marker its own id. */
let drawn = 0;

/** Draws a picture as an accessible SVG. */
export function drawFramePicture(picture: FramePicture): SVGElement {
  drawn += 1;
  const markerId = `soh-arrow-${drawn}`;
  const rows = Math.max(picture.frame.length, picture.heap.length, 1);
  const height = top + rows * rowHeight + 16;
  const title = svgElement('title', {}, [`Stack frame and heap of ${picture.functionName}`]);
  const description = svgElement('desc', {}, [
    `Frame: ${picture.frame.map((slot) => slot.label).join(', ') || 'no tracked values'}. Heap: ${picture.heap.map((slot) => slot.label).join(', ') || 'nothing allocated'}.`,
  ]);
  const marker = svgElement('marker', { id: markerId, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' }, [
    svgElement('path', { d: 'M0,0 L10,5 L0,10 z', class: 'soh-pic__arrowhead' }),
  ]);
  const children: SVGElement[] = [
    title,
    description,
    svgElement('defs', {}, [marker]),
    svgElement('text', { x: 10, y: 20, class: 'soh-pic__heading' }, [`stack frame of ${shorten(picture.functionName, 22)}`]),
    svgElement('text', { x: heapX, y: 20, class: 'soh-pic__heading' }, ['heap']),
  ];
  picture.frame.forEach((slot, index) => {
    const y = top + index * rowHeight;
    children.push(svgElement('rect', { x: 10, y, width: boxWidth, height: rowHeight - 8, rx: 4, class: 'soh-pic__slot soh-pic__slot--stack' }));
    children.push(svgElement('text', { x: 18, y: y + 17, class: 'soh-pic__label' }, [`${shorten(slot.label, 24)} (${slot.position})`]));
    if (slot.pointsTo !== undefined) {
      const targetY = top + slot.pointsTo * rowHeight + (rowHeight - 8) / 2;
      children.push(
        svgElement('path', {
          d: `M${10 + boxWidth},${y + (rowHeight - 8) / 2} C${heapX - 50},${y + (rowHeight - 8) / 2} ${10 + boxWidth + 50},${targetY} ${heapX},${targetY}`,
          class: 'soh-pic__arrow',
          'marker-end': `url(#${markerId})`,
        }),
      );
    }
  });
  picture.heap.forEach((slot, index) => {
    const y = top + index * rowHeight;
    children.push(svgElement('rect', { x: heapX, y, width: boxWidth, height: rowHeight - 8, rx: 4, class: 'soh-pic__slot soh-pic__slot--heap' }));
    const bytes = slot.bytes === undefined ? '' : `, ${slot.bytes} B`;
    children.push(svgElement('text', { x: heapX + 8, y: y + 17, class: 'soh-pic__label' }, [`${shorten(slot.label, 22)}${bytes}`]));
  });
  if (picture.frame.length === 0) children.push(svgElement('text', { x: 18, y: top + 17, class: 'soh-pic__empty' }, ['no tracked values']));
  if (picture.heap.length === 0) children.push(svgElement('text', { x: heapX + 8, y: top + 17, class: 'soh-pic__empty' }, ['nothing allocated per call']));
  return svgElement('svg', { class: 'soh-pic', viewBox: `0 0 ${heapX + boxWidth + 10} ${height}`, role: 'img' }, children);
}
