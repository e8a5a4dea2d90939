/**
 * The one way the site writes HTML: a tagged template that escapes every interpolation.
 *
 *   html`<p class="x">${text}</p>`      text is escaped (& < > " ' and `)
 *   html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`   nested fragments and arrays are kept
 *   raw(fragment)                        only for HTML that is already safe (the searcher's excerpts)
 *
 * null, undefined and false render as nothing, so `${cond && html`…`}` works. Attributes must be
 * quoted in the template; URLs from data go through `safeUrl` first.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Html = SafeHtml;
type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => ESCAPES[char]!);
}

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks a fragment as already safe. Never for text from the store or the request. */
export function raw(fragment: string): SafeHtml {
  return new SafeHtml(fragment);
}

/** Fragments joined by a separator (escaped if it is text). */
export function join(parts: readonly Interpolation[], separator: Interpolation = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(render(separator)));
}

/**
 * A link target from data: http(s) and mailto kept, `www.…` made http, relative paths of the site
 * kept; anything else (javascript:, data:…) is refused and gives undefined.
 */
export function safeUrl(url: string): string | undefined {
  const text = url.trim();
  if (/^https?:\/\/[^\s]+$/i.test(text)) return text;
  if (/^mailto:[^\s]+$/i.test(text)) return text;
  if (/^www\.[^\s/]+\.[^\s]+$/i.test(text)) return `http://${text}`;
  if (/^\/(?!\/)[^\s]*$/.test(text)) return text;
  return undefined;
}
