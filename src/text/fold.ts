/**
 * Text folded for comparison: the one folding every comparison key goes through.
 *
 * Users write in French, Arabic and English, so the folding keeps the letters and digits of every
 * script: stripping accents and then keeping only `[a-z0-9]` would fold every Arabic name to
 * nothing, and two different Arabic names would compare equal.
 *
 * - `foldText`: case, accents, harakat, ligatures, compatibility forms and Arabic letter variants
 *   folded; punctuation kept, blanks collapsed (for callers whose patterns read punctuation).
 * - `foldKey`: the words of `foldText` (letters and digits of any script), every other run one space.
 * - `slugOf`: an id part `[a-z0-9][a-z0-9-]*`; transliterates nothing, so a text without ASCII
 *   letters gets a stable short hash of its key instead of an empty id.
 */

const MARKS = /\p{M}+/gu;

/**
 * Letters that compatibility decomposition leaves alone but that readers write interchangeably:
 * Latin ligatures and stroked letters; Arabic alef forms (أ إ آ decompose to alef and a mark, ٱ does
 * not), alef maqsura and ya, ta marbuta and ha; Arabic-Indic and Persian digits.
 */
const LETTERS: Readonly<Record<string, string>> = {
  œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i', ŀ: 'l',
  'ٱ': 'ا', 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ى': 'ي', 'ة': 'ه',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
  '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9',
};
const LETTER = /[œæßøđłıŀٱأإآىة٠-٩۰-۹]/g;
/** Tatweel stretches a word for the eye; it is not a letter of the word. */
const TATWEEL = /\u0640/g;

/** Case, accents, harakat, ligatures and Arabic letter forms folded; punctuation kept; blanks collapsed and trimmed. */
export function foldText(text: string): string {
  let out = text.toLowerCase();
  // Plain ASCII (most labels and keys) needs nothing more than its case folded.
  if (/[^\t-~]/.test(out)) {
    // Twice: lower-casing can yield a letter with a mark (İ → i̇), and decomposing can yield a capital.
    out = out.normalize('NFKD').replace(MARKS, '').toLowerCase().normalize('NFKD').replace(MARKS, '');
    out = out.replace(TATWEEL, '').replace(LETTER, (c) => LETTERS[c] ?? c);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The words of `foldText` — letters and digits of any script — separated by single spaces. */
export function foldKey(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * An id part `[a-z0-9][a-z0-9-]*` of at most `max` characters, cut at a word boundary: the ASCII
 * words of `foldKey`. A text with letters but no ASCII letter ("الرباط") gets `h` and a stable hash
 * of its key, so that two such texts do not share an id; an empty text gives ''.
 */
export function slugOf(text: string, max = 60): string {
  const folded = foldKey(text);
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  if (!/[a-z]/.test(folded) && /\p{L}/u.test(folded)) return `h${hashOf(folded)}`.slice(0, Math.max(1, max));
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > max) break;
    out = next;
  }
  return out || (words[0]?.slice(0, max) ?? '');
}

/** FNV-1a over the UTF-16 units, base 36: short, stable across runs and machines. */
function hashOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}
