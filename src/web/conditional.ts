/**
 * Conditional requests for the pages. A public page is a function of the store's version stamp
 * (every import, edit, approval, consent or erasure moves it: data/directory.ts), of its URL, of
 * its representation (HTML or JSON) and language, and of the code that draws it (the release: the
 * server's start). Its entity tag is a digest of those, known before the page is read or drawn:
 * a client that sends it back in If-None-Match while nothing moved gets a 304 at the cost of
 * reading the stamp. Members' pages (their own header, named people's coordinates) get none: they
 * are `private, no-store`.
 */
import { createHash } from 'node:crypto';

export interface PageVersion {
  /** the code that draws the pages: a new release must not answer 304 to what an old one drew */
  readonly release: string;
  /** the store's version stamp (readStamp) */
  readonly stamp: string;
  readonly locale: string;
  readonly representation: 'html' | 'json';
  /** path and query, as asked */
  readonly url: string;
}

/** A weak tag: the same page, not necessarily the same bytes (compression, a reordered attribute). */
export function pageTag(version: PageVersion): string {
  const digest = createHash('sha256')
    .update([version.release, version.stamp, version.locale, version.representation, version.url].join('\n'))
    .digest('base64url')
    .slice(0, 27);
  return `W/"${digest}"`;
}

/** If-None-Match names the tag (weak comparison, RFC 9110 13.1.2), or is `*`. */
export function notModified(ifNoneMatch: string | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined || ifNoneMatch === '') return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (value: string) => value.trim().replace(/^W\//, '');
  const wanted = opaque(tag);
  return ifNoneMatch.split(',').some((candidate) => opaque(candidate) === wanted);
}
