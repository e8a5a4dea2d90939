/**
 * Bar charts drawn on the server as SVG: horizontal (long labels: domains, funders, kinds) or
 * vertical (short ordered labels: decades, statuses). Each has an axis with ticks, a label and a
 * value per bar, `role="img"` with a `<title>` and `<desc>` (the desc lists every value, so the
 * chart's text alternative is complete), and returns the same numbers as `table`.
 *
 * Sizes are relative to the width (`viewBox`): the default width, 400, keeps the text at about
 * 12 px on a 360 px screen. Text is escaped; output is deterministic.
 */
import { frenchFormats } from '../locale/french.js';
import { escapeXml, formatNumber, num, safeId, stableId } from '../maps/svg.js';
import type { CountRow, DomainRow } from './model.js';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

export interface BarChartInput {
  title: string;
  /** what the chart shows; the values are appended to it in the `<desc>` */
  description: string;
  bars: readonly Bar[];
  orientation: 'horizontal' | 'vertical';
  /** what the values count, for the axis ("Partenariats") */
  valueLabel?: string;
  /** default: French integers (12 345) */
  format?: (value: number) => string;
  /** the axis' ticks (default: `format`, or `compact` from 10 000 up) */
  tickFormat?: (value: number) => string;
  /** large ticks in short (default: French, "1,5 M"): the page's language gives its own */
  compact?: (value: number) => string;
  width?: number;
  id?: string;
  color?: string;
  /** a bar's value in words for the text alternative and tooltips ("83 terminés"); default « label : value » */
  spoken?: (bar: Bar, formatted: string) => string;
}

export interface ChartTableRow {
  key: string;
  label: string;
  value: number;
  formatted: string;
}

export interface RenderedChart {
  svg: string;
  table: ChartTableRow[];
  width: number;
  height: number;
}

export const DEFAULT_CHART_WIDTH = 400;
/** average glyph width, in ems, for estimating text widths */
const EM = 0.62;

/** Every k-th tick, so that their labels do not overlap over `length` units. */
function thin(ticks: number[], length: number, labelWidth: number): number[] {
  if (ticks.length < 3) return ticks;
  const room = length / (ticks.length - 1);
  const k = Math.ceil(labelWidth / Math.max(room, 1e-9));
  return k <= 1 ? ticks : ticks.filter((_, i) => i % k === 0);
}
const TEXT = '#333';
const GRID = '#d9d9d9';

export function barChart(input: BarChartInput): RenderedChart {
  const width = Math.max(240, Math.round(input.width ?? DEFAULT_CHART_WIDTH));
  const u = width / DEFAULT_CHART_WIDTH;
  const format = input.format ?? formatNumber;
  const id = safeId(input.id ?? stableId('chart', `${input.orientation}\u0000${input.title}`));
  const bars = input.bars.map((b) => ({ ...b, value: Number.isFinite(b.value) ? Math.max(0, b.value) : 0 }));
  const table = bars.map((b) => ({ key: b.key, label: b.label, value: b.value, formatted: format(b.value) }));
  const { ticks: allTicks, max } = niceTicks(Math.max(0, ...bars.map((b) => b.value)));
  const tickFormat = input.tickFormat ?? (max >= 10_000 ? (input.compact ?? frenchFormats.compact) : format);
  const fs = 13 * u;
  const color = input.color ?? '#1d5fa6';
  const spoken = (b: Bar, formatted: string) => input.spoken?.(b, formatted) ?? `${b.label} : ${formatted}`;
  const values = table.map((r) => spoken(r, r.formatted)).join(' ; ');
  const desc = `${input.description}${values ? ` ${values}.` : ''}`;
  const body = input.orientation === 'horizontal' ? horizontal() : vertical();
  const height = Math.ceil(body.height);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="repertoire-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="${num(fs, 2)}">` +
    `<title id="${id}-title">${escapeXml(input.title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>` +
    `<style>#${id}{max-width:100%;height:auto}</style>` +
    body.svg +
    '</svg>';
  return { svg, table, width, height };

  function horizontal(): { svg: string; height: number } {
    const barH = 18 * u;
    const gap = 7 * u;
    const top = 6 * u;
    const longest = Math.max(0, ...bars.map((b) => b.label.length));
    const labelW = Math.min(width * 0.45, Math.max(40 * u, longest * fs * EM + 10 * u));
    const valueW = Math.max(...table.map((r) => r.formatted.length), 1) * fs * EM + 8 * u;
    const x0 = labelW;
    const plotW = Math.max(20 * u, width - labelW - valueW - 4 * u);
    const maxChars = Math.max(4, Math.floor((labelW - 10 * u) / (fs * EM)));
    // a long label wraps over as many lines as it needs (never cut: "Région (conseil régi…" told
    // the reader nothing), its row as tall as its lines
    const lineH = fs * 1.15;
    const labels = bars.map((b) => wrap(b.label, maxChars));
    const rowH = labels.map((lines) => Math.max(barH, lines.length * lineH) + gap);
    const rowTop = rowH.map((_, i) => top + rowH.slice(0, i).reduce((sum, h) => sum + h, 0));
    const plotH = rowH.reduce((sum, h) => sum + h, 0);
    const axisY = top + plotH;
    const x = (v: number) => x0 + (max > 0 ? (v / max) * plotW : 0);
    const tickLabelW = Math.max(...allTicks.map((t) => tickFormat(t).length)) * fs * 0.85 * EM + 6 * u;
    const ticks = thin(allTicks, plotW, tickLabelW);
    const out: string[] = [];
    for (const t of ticks) {
      out.push(`<line x1="${num(x(t))}" y1="${num(top)}" x2="${num(x(t))}" y2="${num(axisY)}" stroke="${GRID}" stroke-width="${num(u, 2)}"/>`);
      out.push(`<text x="${num(x(t))}" y="${num(axisY + fs * 1.2)}" text-anchor="middle" fill="${TEXT}" font-size="${num(fs * 0.85, 2)}">${escapeXml(tickFormat(t))}</text>`);
    }
    out.push(`<line x1="${num(x0)}" y1="${num(top)}" x2="${num(x0)}" y2="${num(axisY)}" stroke="${TEXT}" stroke-width="${num(u, 2)}"/>`);
    bars.forEach((b, i) => {
      const middle = rowTop[i]! + rowH[i]! / 2;
      const y = middle - barH / 2;
      const lines = labels[i]!;
      const firstBaseline = middle - ((lines.length - 1) * lineH) / 2 + fs * 0.35;
      const w = x(b.value) - x0;
      out.push(
        `<g><title>${escapeXml(spoken(b, table[i]!.formatted))}</title>` +
          lines.map((line, k) => `<text x="${num(x0 - 6 * u)}" y="${num(firstBaseline + k * lineH)}" text-anchor="end" fill="${TEXT}">${escapeXml(line)}</text>`).join('') +
          `<rect x="${num(x0)}" y="${num(y)}" width="${num(Math.max(w, 0))}" height="${num(barH)}" fill="${color}"/>` +
          `<text x="${num(x0 + w + 4 * u)}" y="${num(middle + fs * 0.35)}" fill="${TEXT}" font-weight="600">${escapeXml(table[i]!.formatted)}</text></g>`,
      );
    });
    let height = axisY + fs * 1.6;
    if (input.valueLabel) {
      out.push(`<text x="${num(x0 + plotW / 2)}" y="${num(height + fs * 0.6)}" text-anchor="middle" fill="${TEXT}" font-size="${num(fs * 0.9, 2)}">${escapeXml(input.valueLabel)}</text>`);
      height += fs * 1.4;
    }
    return { svg: out.join(''), height: height + 4 * u };
  }

  function vertical(): { svg: string; height: number } {
    const tickW = Math.max(...allTicks.map((t) => tickFormat(t).length), 1) * fs * 0.85 * EM + 8 * u;
    const left = tickW + (input.valueLabel ? fs * 1.4 : 0);
    const right = 6 * u;
    const top = fs * 1.6;
    const plotH = 180 * u;
    const slot = (width - left - right) / Math.max(1, bars.length);
    const barW = slot * 0.62;
    const y = (v: number) => top + plotH - (max > 0 ? (v / max) * plotH : 0);
    const maxChars = Math.max(3, Math.floor(slot / (fs * EM)));
    const ticks = thin(allTicks, plotH, fs * 1.4);
    const out: string[] = [];
    for (const t of ticks) {
      out.push(`<line x1="${num(left)}" y1="${num(y(t))}" x2="${num(width - right)}" y2="${num(y(t))}" stroke="${GRID}" stroke-width="${num(u, 2)}"/>`);
      out.push(`<text x="${num(left - 4 * u)}" y="${num(y(t) + fs * 0.3)}" text-anchor="end" fill="${TEXT}" font-size="${num(fs * 0.85, 2)}">${escapeXml(tickFormat(t))}</text>`);
    }
    out.push(`<line x1="${num(left)}" y1="${num(top + plotH)}" x2="${num(width - right)}" y2="${num(top + plotH)}" stroke="${TEXT}" stroke-width="${num(u, 2)}"/>`);
    // long labels wrap on two lines under their bar
    let lines = 1;
    bars.forEach((b, i) => {
      const cx = left + slot * (i + 0.5);
      const words = wrap(b.label, maxChars);
      lines = Math.max(lines, words.length);
      out.push(
        `<g><title>${escapeXml(spoken(b, table[i]!.formatted))}</title>` +
          `<rect x="${num(cx - barW / 2)}" y="${num(y(b.value))}" width="${num(barW)}" height="${num(top + plotH - y(b.value))}" fill="${color}"/>` +
          `<text x="${num(cx)}" y="${num(y(b.value) - 4 * u)}" text-anchor="middle" fill="${TEXT}" font-weight="600">${escapeXml(table[i]!.formatted)}</text>` +
          words
            .map((w, k) => `<text x="${num(cx)}" y="${num(top + plotH + fs * (1.2 + 1.1 * k))}" text-anchor="middle" fill="${TEXT}">${escapeXml(w)}</text>`)
            .join('') +
          '</g>',
      );
    });
    if (input.valueLabel) {
      const cy = top + plotH / 2;
      out.push(`<text x="${num(fs)}" y="${num(cy)}" text-anchor="middle" transform="rotate(-90 ${num(fs)} ${num(cy)})" fill="${TEXT}" font-size="${num(fs * 0.9, 2)}">${escapeXml(input.valueLabel)}</text>`);
    }
    return { svg: out.join(''), height: top + plotH + fs * (1.2 + 1.1 * lines) + 4 * u };
  }
}

/**
 * Lines of at most `chars` characters, cut between words, or after a hyphen inside a word too long
 * for a line ("Provence-Alpes-" / "Côte-d'Azur"); a word still too long keeps its own line.
 */
function wrap(text: string, chars: number): string[] {
  if (text.length <= chars) return [text];
  // each piece with what joins it to the previous one on the same line
  const pieces = text.split(/\s+/).flatMap((word) => (word.length > chars ? word.split(/(?<=-)/) : [word]).map((piece, i) => ({ piece, glue: i === 0 ? ' ' : '' })));
  const lines: string[] = [''];
  for (const { piece, glue } of pieces) {
    const line = lines[lines.length - 1]!;
    if (line === '') lines[lines.length - 1] = piece;
    else if (`${line}${glue}${piece}`.length <= chars) lines[lines.length - 1] = `${line}${glue}${piece}`;
    else lines.push(piece);
  }
  return lines;
}

/** 0 and round steps up to a round maximum at or above the largest value (about five ticks). */
export function niceTicks(maxValue: number): { ticks: number[]; max: number } {
  if (maxValue <= 0) return { ticks: [0], max: 0 };
  const raw = maxValue / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiples = power >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  const step = multiples.map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  // counts get whole steps
  const whole = Number.isInteger(maxValue) ? Math.max(1, step) : step;
  const max = Math.ceil(maxValue / whole) * whole;
  const ticks: number[] = [];
  for (let t = 0; t <= max + whole / 1e6; t += whole) ticks.push(Math.round(t * 1e6) / 1e6);
  return { ticks, max };
}

/** Count rows as bars, each code labelled by the caller (the web layer's catalogue). */
export function countBars(rows: readonly CountRow[], labelOf: (key: string) => string): Bar[] {
  return rows.map((r) => ({ key: r.key, label: labelOf(r.key), value: r.count }));
}

/** Domain rows as bars: the domains only, or one domain's sub-domains. */
export function domainBars(rows: readonly DomainRow[], parent: string | null = null): Bar[] {
  return rows.filter((r) => r.parent === parent).map((r) => ({ key: r.code, label: r.label, value: r.count }));
}
