/**
 * The front matter: the Sommaire (what the book announces, with pages) and the editorials' own
 * figures (how many PAD projects they say exist). Both are checked against what the body holds.
 */
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
}

const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];

export function readFrontMatter(lines: readonly SourceLine[]): FrontMatter {
  const sommaire: SommaireEntry[] = [];
  const sections: string[] = [];
  const statedPadCounts: { count: number; line: number }[] = [];
  let title: string | undefined;
  let edition: string | undefined;
  let section = '';
  let announcesSynthesis = false;
  const pages: Record<string, number> = {};
  const publishers: string[] = [];
  for (const line of lines) {
    const text = line.text;
    if (/cit[ée]s unies france/i.test(text) && !publishers.includes('Cités Unies France')) publishers.push('Cités Unies France');
    if (/programme pad\b/i.test(text) && !publishers.includes('Programme PAD Maroc')) publishers.push('Programme PAD Maroc');
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
  return { title, edition, sommaire, sections, announcesSynthesis, statedPadCounts, pages, publishers };
}
