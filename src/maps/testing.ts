/** For tests of the server-drawn SVG (maps and charts). */

/**
 * A small well-formedness check without a DOM: every tag closes in order, attributes are quoted,
 * and no text holds a raw `<` or an unescaped `&`.
 */
export function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<!--[\s\S]*?-->|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = token.exec(xml)) !== null) {
    if (m.index !== seen) throw new Error(`unparsed text at ${seen}: ${xml.slice(seen, seen + 40)}`);
    seen = token.lastIndex;
    if (m[6] !== undefined) throw new Error(`a stray < at ${m.index}: ${xml.slice(m.index, m.index + 40)}`);
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);)/i.test(m[5])) throw new Error(`an unescaped & in text: ${m[5].slice(0, 60)}`);
      continue;
    }
    if (m[2] === undefined) continue; // a comment
    if (m[3] && /&(?!(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);)/i.test(m[3])) throw new Error(`an unescaped & in attributes of <${m[2]}>`);
    if (m[1] === '/') {
      const open = stack.pop();
      if (open !== m[2]) throw new Error(`</${m[2]}> closes <${open}>`);
    } else if (m[4] !== '/') stack.push(m[2]);
  }
  if (seen !== xml.length) throw new Error('trailing text');
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(' > ')}`);
}
