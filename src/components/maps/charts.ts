/**
 * Two plain SVG line charts for the map lab: slot occupancy and reachable bytes against the
 * number of entries, one line per implementation.
 */
import type { LabSample } from './lab-models.ts';
import { svg } from './svg.ts';

const WIDTH = 320;
const HEIGHT = 170;
const LEFT = 52;
const BOTTOM = 28;
const TOP = 10;
const RIGHT = 10;

/** A chart's description of one series. */
interface Series {
  /** CSS class of the line. */
  className: string;
  /** Reads the value from a sample. */
  value: (sample: LabSample) => number;
}

function formatNumber(value: number): string {
  if (value >= 1_000_000) return `${(value / 1_000_000).toFixed(1)}M`;
  if (value >= 10_000) return `${Math.round(value / 1000)}k`;
  if (value >= 1000) return `${(value / 1000).toFixed(1)}k`;
  return value < 1 && value > 0 ? value.toFixed(2) : String(Math.round(value));
}

/** Draws one chart into `host` (replacing what was there). */
function drawChart(host: SVGSVGElement, samples: readonly LabSample[], series: readonly Series[], yMaxFloor: number): void {
  host.replaceChildren();
  host.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  const xMax = Math.max(8, ...samples.map((sample) => sample.count));
  const yMax = Math.max(yMaxFloor, ...samples.flatMap((sample) => series.map((s) => s.value(sample))));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (value: number) => LEFT + (value / xMax) * plotWidth;
  const y = (value: number) => TOP + plotHeight - (value / yMax) * plotHeight;
  svg('line', { x1: LEFT, y1: TOP + plotHeight, x2: LEFT + plotWidth, y2: TOP + plotHeight, class: 'map-lab__axis' }, host);
  svg('line', { x1: LEFT, y1: TOP, x2: LEFT, y2: TOP + plotHeight, class: 'map-lab__axis' }, host);
  svg('text', { x: LEFT - 4, y: TOP + 8, class: 'map-lab__tick is-end' }, host, formatNumber(yMax));
  svg('text', { x: LEFT - 4, y: TOP + plotHeight, class: 'map-lab__tick is-end' }, host, '0');
  svg('text', { x: LEFT + plotWidth, y: HEIGHT - 12, class: 'map-lab__tick is-end' }, host, `${formatNumber(xMax)} entries`);
  for (const s of series) {
    const points = samples.map((sample) => `${x(sample.count).toFixed(1)},${y(s.value(sample)).toFixed(1)}`).join(' ');
    svg('polyline', { points, class: `map-lab__line ${s.className}` }, host);
  }
}

/** Updates the occupancy and bytes charts. */
export function drawCharts(occupancy: SVGSVGElement, bytes: SVGSVGElement, samples: readonly LabSample[]): void {
  drawChart(
    occupancy,
    samples,
    [
      { className: 'is-classic', value: (sample) => sample.classicOccupancy },
      { className: 'is-swiss', value: (sample) => sample.swissOccupancy },
    ],
    1,
  );
  drawChart(
    bytes,
    samples,
    [
      { className: 'is-classic', value: (sample) => sample.classicBytes },
      { className: 'is-swiss', value: (sample) => sample.swissBytes },
    ],
    256,
  );
}
