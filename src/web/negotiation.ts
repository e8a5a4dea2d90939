/** HTML or JSON: what a request asks for, for the public pages (app.ts) and the members' pages (auth/member-page.ts) alike. */
import type { FastifyRequest } from 'fastify';

/** Accept asks for JSON rather than HTML (browsers send text/html first). */
export function prefersJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  if (typeof accept !== 'string') return false;
  const ranges = accept
    .split(',')
    .map((part) => {
      const [type = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: type.trim().toLowerCase(), q: q === undefined ? 1 : Number(q.slice(2)) || 0 };
    })
    .filter((range) => range.q > 0);
  const weight = (type: string) => Math.max(0, ...ranges.filter((r) => r.type === type).map((r) => r.q));
  const json = weight('application/json');
  return json > 0 && json > weight('text/html');
}
