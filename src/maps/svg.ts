/** Small helpers shared by the server-drawn SVG maps and charts. */
import { frenchFormats } from '../locale/french.js';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for SVG (XML) content and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** A number for SVG output: at most `digits` decimals, no trailing zeros, no "-0". */
export function num(value: number, digits = 1): string {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A short stable id from text (FNV-1a), for element ids when the caller gives none. */
export function stableId(prefix: string, text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${prefix}-${h.toString(36)}`;
}

/** An id usable in a CSS selector and an IRI: letters, digits, - and _ only. */
export function safeId(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(clean) ? clean : `x${clean}`;
}

/** French number formatting (thin spaces between thousands), the same everywhere. */
export function formatNumber(value: number): string {
  return frenchFormats.number(value, { max: 0 });
}
