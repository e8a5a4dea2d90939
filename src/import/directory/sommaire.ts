/**
 * The front matter: the Sommaire (what the book announces, with pages) and the editorials' own
 * figures (how many PAD projects they say exist) and claims (when the partnerships began and grew).
 * Both are checked against what the body holds: the counts here, the claims by the statistics.
 */
import type { EditorialClaim } from '../../model/report.js';
import type { PublisherRegistry } from '../../profiles/publishers.js';
import { key } from './text.js';
import type { SourceLine } from './types.js';

export interface SommaireEntry {
  readonly section: string;
  readonly home: string;
  readonly partner: string;
  readonly page?: number;
  readonly line: number;
}

export interface FrontMatter {
  readonly title?: string;
  readonly edition?: string;
  readonly sommaire: readonly SommaireEntry[];
  /** sections announced, in order, with the section name as in the Sommaire */
  readonly sections: readonly string[];
  /** "Synthèse…" announced: a document ending before it is truncated */
  readonly announcesSynthesis: boolean;
  /** PAD project counts stated by the editorials, with their lines */
  readonly statedPadCounts: readonly { count: number; line: number }[];
  /** pages of the Sommaire lines that name no pair ("Autres partenariats répertoriés p.150") */
  readonly pages: Readonly<Record<string, number>>;
  readonly publishers: readonly string[];
  /** the editorials' claims on the decades, each once (two editorials may say the same) */
  readonly claims: readonly EditorialClaim[];
}

const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];

export function readFrontMatter(lines: readonly SourceLine[], registry: PublisherRegistry): FrontMatter {
  const sommaire: SommaireEntry[] = [];
  const sections: string[] = [];
  const statedPadCounts: { count: number; line: number }[] = [];
  let title: string | undefined;
  let edition: string | undefined;
  let section = '';
  let announcesSynthesis = false;
  const pages: Record<string, number> = {};
  const publishers: string[] = [];
  const claims: EditorialClaim[] = [];
  for (const line of lines) {
    const text = line.text;
    for (const claim of decadeClaims(text, line.n)) if (!claims.some((c) => c.decades.join() === claim.decades.join())) claims.push(claim);
    for (const name of registry.namedIn(text)) if (!publishers.includes(name)) publishers.push(name);
    if (!title && /^r[ée]pertoire des partenariats/i.test(text)) title = text;
    const month = /^(\p{L}+)\s+(\d{4})$/u.exec(text);
    if (!edition && month && MONTHS.includes(key(month[1]!))) edition = `${month[2]}-${String(MONTHS.indexOf(key(month[1]!)) + 1).padStart(2, '0')}`;
    const heading = /^([IVX]+)\.\s+(.+)$/.exec(text);
    if (heading) {
      section = heading[2]!.trim();
      sections.push(section);
      continue;
    }
    const entry = /^(.+?)\s+p\.\s*(\d+)$/.exec(text);
    if (entry && section) {
      if (/synth[èe]se/i.test(entry[1]!)) announcesSynthesis = true;
      const [home, partner] = entry[1]!.split('/').map((s) => s.trim());
      if (!partner) pages[key(entry[1]!)] = Number(entry[2]);
      if (partner) sommaire.push({ section, home: home!, partner, page: Number(entry[2]), line: line.n });
      continue;
    }
    for (const m of text.matchAll(/(\d+)\s+projets\s[^.]*?co-?financement/gi)) statedPadCounts.push({ count: Number(m[1]), line: line.n });
  }
  return { title, edition, sommaire, sections, announcesSynthesis, statedPadCounts, pages, publishers, claims };
}

const DECADE = /ann[ée]es\s+((?:19|20)\d0)((?:\s*(?:,|et)\s*(?:(?:19|20)\d0))*)/giu;

/**
 * The sentences of a paragraph that say when the partnerships began and how they grew: "Conclus
 * pour les premiers dans les années 1980, … se sont multipliés dans les années 1990 et 2000". A
 * beginning ("premier") and a growth ("multipli", "croissance", "développé") with two decades or more.
 */
function decadeClaims(paragraph: string, line: number): EditorialClaim[] {
  return paragraph
    .split(/(?<=[.!?])\s+(?=\p{Lu})/u)
    .filter((sentence) => /premi[eè]r/iu.test(sentence) && /multipli|croissance|d[ée]velopp/iu.test(sentence))
    .flatMap((sentence) => {
      const decades = [...sentence.matchAll(DECADE)].flatMap((m) => [m[1]!, ...(m[2]!.match(/\d{4}/g) ?? [])]);
      return new Set(decades).size >= 2 ? [{ kind: 'decades' as const, text: sentence.trim(), line, decades: [...new Set(decades)] }] : [];
    });
}
