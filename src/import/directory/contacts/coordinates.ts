/**
 * Coordinate lines: "Tél : + 33 (0)4.42.91.99.30", "Fax: + 212 24 63 02 82", "Tél/Fax : …",
 * "Port : …", a bare "+ 212 39 37 26 22", e-mails and websites, alone or several on a line
 * ("+ 212 (0)36 70 45 38 / ircod@menara.ma"). Numbers are kept as printed, without their label.
 */

export interface Coordinates {
  phones: string[];
  faxes: string[];
  emails: string[];
  websites: string[];
}

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN = /[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/uy;
const WEBSITE = /<?((?:https?:\/\/|www\.)[^\s<>]+)>?/giu;
const LABEL = /^(t[ée]l\s*\/\s*fax|fax\s*\/\s*t[ée]l|t[ée]l[ée]?(?:phone)?|port(?:able)?|gsm|mobile|fax)\s*\.?\s*(?::\s*|(?=[+\d(]))/iu;
/**
 * A number printed without a label must look international ("+ 212 39 37 26 22", "00 33 …") or
 * national with the trunk prefix 0 that most countries print ("04 42 91 99 30", "0537 70 45 38"):
 * 9 to 12 digits in groups. No one country's numbering plan: countries are data.
 */
const BARE_PHONE = /^(?:\+|00)\s*\d[\d\s().\-/+]{6,}$|^0\d{1,4}(?:[\s.-]?\d{2,4}){2,5}$/u;
const isBarePhone = (text: string) => BARE_PHONE.test(text) && (/^(?:\+|00)/.test(text) || /^\d{9,12}$/.test(text.replace(/\D/g, '')));

/**
 * Where the e-mails of a line are. The search starts from each "@" and looks around it (local
 * part at most 64 characters, as RFC 5321 allows), so it stays linear on long hostile lines.
 */
function emailSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', from)) {
    let start = at;
    while (start > from && at - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (start < at && domain) {
      const end = at + 1 + domain[0].replace(/-+$/, '').length;
      spans.push([start, end]);
      from = end;
    } else from = at + 1;
  }
  return spans;
}

export function findEmails(text: string): string[] {
  return emailSpans(text).map(([start, end]) => text.slice(start, end));
}

export function removeEmails(text: string): string {
  let out = text;
  for (const [start, end] of emailSpans(text).reverse()) out = `${out.slice(0, start)} ${out.slice(end)}`;
  return out;
}

/**
 * The coordinates a line holds, or undefined when the line is something else (an address,
 * a role). A line counts only when nothing but coordinates and separators remain.
 */
export function readCoordinates(text: string): Coordinates | undefined {
  const emails = findEmails(text);
  let rest = removeEmails(text);
  const websites = [...rest.matchAll(WEBSITE)].map((m) => m[1]!.replace(/[.,;]+$/, ''));
  rest = rest.replace(WEBSITE, ' ').trim();
  const label = LABEL.exec(rest);
  const out: Coordinates = { phones: [], faxes: [], emails, websites };
  if (label) {
    const numbers = splitNumbers(rest.slice(label[0].length));
    const channel = label[1]!.toLowerCase();
    if (!/^fax$/.test(channel)) out.phones.push(...numbers);
    if (/fax/.test(channel)) out.faxes.push(...numbers);
    return out;
  }
  const leftover = rest.replace(/^[\s/,;–-]+|[\s/,;–-]+$/g, '');
  if (!leftover) return emails.length || websites.length ? out : undefined;
  if (!isBarePhone(leftover)) return undefined;
  out.phones.push(...splitNumbers(leftover));
  return out;
}

/**
 * "+ 212 24 62 21 03 /+ 212 24 62 50 60" is two numbers; "+ 33 (0)4 91 57 54 78/54 68" is one
 * number with an alternative ending, kept whole as printed.
 */
export function splitNumbers(text: string): string[] {
  const pieces = text.trim().split(/(\s*\/\s*)/);
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = pieces[i]!.trim();
    if (!piece) continue;
    const full = /^(?:\+|00)/.test(piece) || piece.replace(/\D/g, '').length >= 8;
    if (out.length === 0 || full) out.push(piece);
    else out[out.length - 1] += `${pieces[i - 1] ?? '/'}${piece}`;
  }
  return out;
}
