/**
 * The ONE French text normaliser of the search, used to index and to query alike: words are
 * cut from the original text (so highlights point at the original spelling), folded (case,
 * accents, ligatures: "Œuvre" → "oeuvre", "Fès" → "fes") and reduced by a light plural stemmer
 * ("échanges" → "echange", "eaux" → "eau", "internationaux" → "international", "travaux" → "travail").
 */
import { foldText } from '../text/fold.js';

/** A word of the original text: [start, end) in UTF-16 units, and its folded form. */
export interface Token {
  readonly start: number;
  readonly end: number;
  /** folded (case, accents, ligatures), not stemmed */
  readonly folded: string;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Letters, digits and combining marks: ASCII and Latin-1/Latin Extended by code, the rest by Unicode property. */
function wordUnitsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xc0 && c <= 0x24f) return c === 0xd7 || c === 0xf7 ? 0 : 1;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  return WORD_CHAR.test(text.charAt(i)) ? 1 : 0;
}

/** Calls `visit` with the [start, end) of every run of word characters. */
function scanWords(text: string, visit: (start: number, end: number) => void): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    let units = wordUnitsAt(text, i);
    if (units === 0) {
      i += 1;
      continue;
    }
    const start = i;
    while (units > 0) {
      i += units;
      units = i < n ? wordUnitsAt(text, i) : 0;
    }
    visit(start, i);
  }
}
const MAX_TOKEN = 40;
/** French elisions: "l'eau" indexes "eau"; the lone letters go. */
const MIN_TOKEN = 2;

const foldCache = new Map<string, string>();

/** Case, accents, ligatures, compatibility and Arabic letter forms folded (text/fold.ts, the one folding): the key every comparison uses. */
export function fold(word: string): string {
  const cached = foldCache.get(word);
  if (cached !== undefined) return cached;
  const out = foldText(word);
  if (foldCache.size > 100_000) foldCache.clear();
  foldCache.set(word, out);
  return out;
}

/** Words of a text with their places; letters and digits only, at most 40 characters long. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (start, end) => {
    const folded = foldWord(text.slice(start, end));
    if (folded !== '') tokens.push({ start, end, folded });
  });
  return tokens;
}

/** A written word folded, or '' when it is no index word (a lone letter, too long). */
function foldWord(raw: string): string {
  if (raw.length > MAX_TOKEN * 2) return '';
  let folded = fold(raw);
  if (!/^[a-z0-9]*$/.test(folded)) folded = folded.replace(/[^\p{L}\p{N}]+/gu, '');
  if (folded.length < MIN_TOKEN && !/^\d$/.test(folded)) return '';
  if (folded.length > MAX_TOKEN) return '';
  return folded;
}

/** Plurals whose singular no suffix rule finds. */
const IRREGULAR: Record<string, string> = {
  travaux: 'travail',
  vitraux: 'vitrail',
  emaux: 'email',
  coraux: 'corail',
  baux: 'bail',
  soupiraux: 'soupirail',
  vantaux: 'vantail',
  yeux: 'oeil',
  cieux: 'ciel',
  aieux: 'aieul',
};

/** Words that a final s or x does not make plural (kept whole). */
const INVARIABLE = new Set(['fes', 'pays', 'bras', 'corps', 'temps', 'fois', 'prix', 'choix', 'voix', 'paix', 'mois', 'cours', 'dos', 'bois', 'gras', 'virus', 'campus', 'bus', 'tennis', 'souss', 'oasis', 'mars', 'paris', 'rabat']);

/** The light French stemmer: plural → singular, then a final mute e dropped ("energie" → "energi"). */
export function stem(folded: string): string {
  if (folded.length <= 3 || /^\d/.test(folded)) return folded;
  const irregular = IRREGULAR[folded];
  if (irregular !== undefined) return finalE(irregular);
  if (INVARIABLE.has(folded)) return folded;
  let word = folded;
  if (word.endsWith('aux') && word.length > 4) word = `${word.slice(0, -3)}al`;
  else if (word.endsWith('x') && /(?:eau|au|eu|ou)x$/.test(word)) word = word.slice(0, -1);
  else if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) word = word.slice(0, -1);
  return finalE(word);
}

function finalE(word: string): string {
  return word.length > 4 && word.endsWith('e') ? word.slice(0, -1) : word;
}

/** Kept in the index (a search for "de" works) but dropped from a query that has other words. */
export const STOP_WORDS = new Set([
  'le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'et', 'en', 'au', 'aux', 'pour', 'par', 'sur', 'dans', 'avec', 'ou', 'qui',
  'que', 'ce', 'ces', 'se', 'sa', 'son', 'ses', 'leur', 'leurs', 'est', 'sont', 'il', 'elle', 'ils', 'ne', 'pas', 'plus', 'the', 'of',
]);

/** The index terms of a text (stems), in order, repeats kept. */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  forEachTerm(text, (term) => terms.push(term));
  return terms;
}

const termCache = new Map<string, string>();

/** The index terms of a text, fast: what `tokenize` then `stem` give, memoised by written word. */
export function forEachTerm(text: string, visit: (term: string, written: string) => void): void {
  scanWords(text, (start, end) => {
    const raw = text.slice(start, end);
    let term = termCache.get(raw);
    if (term === undefined) {
      const folded = foldWord(raw);
      term = folded === '' ? '' : stem(folded);
      if (termCache.size > 200_000) termCache.clear();
      termCache.set(raw, term);
    }
    if (term !== '') visit(term, raw);
  });
}

/** One group of a query: each term must match; the last one also matches as a prefix while typed. */
export interface QueryGroup {
  /** stems that must each be present */
  readonly exact: string[];
  /** the last word while typed: index terms starting with any of these (its folded and stemmed forms) */
  readonly prefixes: string[];
  /** words as typed, for suggestions */
  readonly words: string[];
}

/**
 * What a query asks for: the documents matching any of its groups ("eau OR assainissement": two
 * groups), minus those holding an excluded word ("culture -festival"). `exact`, `prefixes` and
 * `words` are the union of the groups' (what highlighting, ranking and suggestions use); a query
 * without OR has one group, equal to them.
 */
export interface QueryTerms extends QueryGroup {
  readonly groups: readonly QueryGroup[];
  /** stems no matching document may hold */
  readonly excluded: string[];
}

/** The words that separate a query's groups: OR, and French readers' OU (any case). */
const OR_WORDS = new Set(['or', 'ou']);
/** An excluded word: a minus sign (or the typographic one) right before it. */
const EXCLUDED = /^[-\u2212](?=[\p{L}\p{N}])/u;

export function queryTerms(q: string): QueryTerms {
  const text = q.slice(0, 2000);
  const chunks = text.split(/\s+/).filter((chunk) => chunk !== '');
  // "ou" alone is a search for the word
  const operators = chunks.some((chunk) => EXCLUDED.test(chunk)) || (chunks.length > 1 && chunks.some((chunk) => OR_WORDS.has(chunk.toLowerCase())));
  if (!operators) {
    const group = groupTerms(text);
    return { ...group, groups: group.exact.length + group.prefixes.length === 0 ? [] : [group], excluded: [] };
  }
  const texts: string[][] = [[]];
  const excluded: string[] = [];
  for (const chunk of chunks) {
    if (OR_WORDS.has(chunk.toLowerCase())) texts.push([]);
    else if (EXCLUDED.test(chunk)) {
      for (const token of tokenize(chunk)) if (!excluded.includes(stem(token.folded))) excluded.push(stem(token.folded));
    } else texts[texts.length - 1]!.push(chunk);
  }
  // only the query's very last word, typed, is a prefix
  const lastChunk = chunks[chunks.length - 1]!;
  const typingAllowed = !/\s$/.test(text) && !OR_WORDS.has(lastChunk.toLowerCase()) && !EXCLUDED.test(lastChunk);
  const groups = texts
    .map((words, i) => groupTerms(i === texts.length - 1 && typingAllowed ? words.join(' ') : `${words.join(' ')} `))
    .filter((group) => group.exact.length + group.prefixes.length > 0);
  const union = (pick: (group: QueryGroup) => string[]) => [...new Set(groups.flatMap(pick))];
  return { exact: union((g) => g.exact), prefixes: union((g) => g.prefixes), words: union((g) => g.words), groups, excluded };
}

/** One group's terms: its words without the stop words (unless only those), the last one a prefix while typed. */
function groupTerms(q: string): QueryGroup {
  const tokens = tokenize(q);
  if (tokens.length === 0) return { exact: [], prefixes: [], words: [] };
  const meaningful = tokens.filter((t) => !STOP_WORDS.has(t.folded));
  const kept = meaningful.length > 0 ? meaningful : tokens;
  const last = kept[kept.length - 1]!;
  // typing: the last word may be incomplete, unless the text ends after it (blank, punctuation)
  const typing = last === tokens[tokens.length - 1] && last.end === q.length && last.folded.length >= 2 && !/^\d+$/.test(last.folded);
  const exact: string[] = [];
  for (const token of kept) {
    if (typing && token === last) continue;
    const term = stem(token.folded);
    if (!exact.includes(term)) exact.push(term);
  }
  const words = kept.map((t) => t.folded);
  if (!typing) return { exact, prefixes: [], words };
  const stemmed = stem(last.folded);
  // "energie" → "energi": the stem is a prefix of the word, and then covers it
  const prefixes = last.folded.startsWith(stemmed) ? [stemmed] : [stemmed, last.folded];
  return { exact, prefixes, words };
}

/** Whether an index term answers the query (for highlighting). */
export function termMatches(terms: QueryTerms, folded: string): boolean {
  const term = stem(folded);
  if (terms.exact.includes(term)) return true;
  return terms.prefixes.some((prefix) => term.startsWith(prefix) || folded.startsWith(prefix));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const UNESCAPES: Record<string, string> = Object.fromEntries(Object.entries(ESCAPES).map(([c, entity]) => [entity, c]));

/** The text an `escapeHtml` string stands for (an excerpt's, to be searched for private coordinates). */
export function unescapeHtml(html: string): string {
  return html.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => UNESCAPES[entity]!);
}

/**
 * An excerpt of `text` around its first matching words, HTML-escaped, matches in `<mark>`.
 * Without a match, the beginning of the text.
 */
export function excerptHtml(text: string, terms: QueryTerms, length = 220): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return '';
  const tokens = terms.exact.length > 0 || terms.prefixes.length > 0 ? tokenize(clean) : [];
  const matches = tokens.filter((token) => termMatches(terms, token.folded));
  let from = 0;
  if (matches.length > 0) {
    const firstMatch = matches[0]!;
    from = Math.max(0, firstMatch.start - Math.floor(length / 4));
    if (from > 0) {
      const space = clean.indexOf(' ', from);
      from = space === -1 || space > firstMatch.start ? firstMatch.start : space + 1;
    }
  }
  let to = Math.min(clean.length, from + length);
  if (to < clean.length) {
    const space = clean.lastIndexOf(' ', to);
    if (space > from + length / 2) to = space;
    // do not cut a match or a surrogate pair
    for (const m of matches) if (m.start < to && m.end > to) to = m.end;
    if (/[\ud800-\udbff]/.test(clean.charAt(to - 1))) to += 1;
  }
  let html = from > 0 ? '… ' : '';
  let at = from;
  for (const m of matches) {
    if (m.start < from || m.end > to) continue;
    html += `${escapeHtml(clean.slice(at, m.start))}<mark>${escapeHtml(clean.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  html += escapeHtml(clean.slice(at, to));
  if (to < clean.length) html += ' …';
  return html;
}

/** Damerau–Levenshtein (optimal string alignment) distance, giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i += 1) {
    const cur = new Array<number>(cols).fill(0);
    cur[0] = i;
    let best = i;
    for (let j = 1; j < cols; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}
