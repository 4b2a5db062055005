/** A series of points for a chart: x in seconds, y in the chart's unit. */
export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  readonly points: readonly (readonly [number, number])[];
}

const width = 860;
const height = 260;
const margin = { top: 16, right: 16, bottom: 32, left: 64 };

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const escapeText = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * An inline SVG line chart (no scripts, no network): axes with five ticks each, one polyline per
 * series and a legend. `formatY` writes the y ticks ('250 ms', '1.2k/s').
 */
export function lineChart(title: string, series: readonly ChartSeries[], formatY: (value: number) => string): string {
  const xs = series.flatMap((s) => s.points.map(([x]) => x));
  const ys = series.flatMap((s) => s.points.map(([, y]) => y));
  const xMax = Math.max(1, ...xs);
  const yMax = niceMax(Math.max(0, ...ys));
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const px = (x: number) => margin.left + (x / xMax) * plotWidth;
  const py = (y: number) => margin.top + plotHeight - (y / yMax) * plotHeight;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeText(title)}" class="chart">`);
  for (let i = 0; i <= 4; i++) {
    const value = (yMax * i) / 4;
    const y = py(value).toFixed(1);
    parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${y}" y2="${y}" class="grid"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${y}" class="tick" text-anchor="end" dominant-baseline="middle">${escapeText(formatY(value))}</text>`);
    const xValue = (xMax * i) / 4;
    parts.push(`<text x="${px(xValue).toFixed(1)}" y="${height - margin.bottom + 16}" class="tick" text-anchor="middle">${Number(xValue.toFixed(1))} s</text>`);
  }
  series.forEach((s, index) => {
    if (s.points.length > 0) {
      const points = s.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
      parts.push(`<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    }
    const lx = margin.left + 8 + index * 130;
    parts.push(`<rect x="${lx}" y="${margin.top}" width="10" height="10" fill="${s.color}"/><text x="${lx + 14}" y="${margin.top + 9}" class="legend">${escapeText(s.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
