/**
 * The synthesis page's view model: the book's "Synthèse des coopérations par domaines
 * d'intervention" regenerated from the data (domain tree → partnerships), with the import
 * report's `synthesis-*` inconsistencies placed next to the domain and pair they concern: the
 * domain by the line of its printed heading, the pair by the names quoted in the message.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ImportIssue } from '../../../model/report.js';
import { latestImportReport } from '../../../store/import-reports.js';
import type { Database } from '../../../store/tables.js';
import { foldKey as fold } from '../../../text/fold.js';
import type { Directory } from '../../data/directory.js';
import { partnershipIdsIn, type PartnershipHead } from '../../data/lists.js';
import { paths } from '../../paths.js';
import { DomainRef, PartnershipRef, domainRef, partnershipRef, strip } from '../common.js';

const Pair = z.object({ partnership: PartnershipRef, disagreements: z.array(ImportIssue) });
const SynthesisDomain = z.object({
  domain: DomainRef,
  /** the line of the printed heading, when the directory was read from the book */
  printedLine: z.number().int().optional(),
  partnerships: z.array(Pair),
  /** when the list is cut (a large directory): the search on this domain, which has them all */
  moreHref: z.string().optional(),
  /** disagreements about this heading that name no pair of the data */
  disagreements: z.array(ImportIssue),
});

export const SynthesisView = z.object({
  domains: z.array(SynthesisDomain.extend({ children: z.array(SynthesisDomain) })),
  /** disagreements that could not be placed under a heading */
  unplaced: z.array(ImportIssue),
  document: z.string().optional(),
});
export type SynthesisView = z.infer<typeof SynthesisView>;

/** How many of the partnership's parties the printed pair names. */
function score(dir: Directory, partnership: PartnershipHead, printed: string): number {
  const text = ` ${fold(printed)} `;
  return partnership.parties.filter((party) => {
    const c = dir.collectivity.get(party.collectivityId);
    const names = [c?.name, c?.shortName, ...(c?.aliases ?? [])].filter((n): n is string => n !== undefined && n.trim() !== '');
    return names.some((name) => text.includes(` ${fold(name)} `));
  }).length;
}

/** Partnerships listed under each heading; a larger directory's page links to the search for the rest. */
export const SYNTHESIS_SHOWN = 200;

export async function synthesisView(db: Kysely<Database>, dir: Directory): Promise<SynthesisView> {
  const stored = await latestImportReport(db, dir.id);
  // the partnerships filed directly under each domain, in the book's order
  const filed = new Map(
    await Promise.all(
      dir.domains.map(async (d) => {
        const ids = await partnershipIdsIn(db, dir.id, [d.code], SYNTHESIS_SHOWN + 1);
        return [d.code, { partnerships: await dir.partnershipHeads(ids.slice(0, SYNTHESIS_SHOWN)), more: ids.length > SYNTHESIS_SHOWN }] as const;
      }),
    ),
  );
  const under = (code: string) => filed.get(code)?.partnerships ?? [];
  const issues = stored?.directoryId === dir.id ? dir.redactor.deep(stored.report.inconsistencies.filter((i) => i.kind.startsWith('synthesis-'))) : [];
  const headings = [...dir.domainLines].sort((a, b) => a[1] - b[1]);

  const byDomain = new Map<string, { issue: ImportIssue; partnershipId?: string }[]>();
  const unplaced: ImportIssue[] = [];
  for (const issue of issues) {
    const line = issue.line ?? issue.lines?.[0];
    const heading = line === undefined ? undefined : headings.filter(([, at]) => at <= line).pop();
    if (heading === undefined) {
      unplaced.push(issue);
      continue;
    }
    const [code] = heading;
    const printed = /“([^”]+)”/.exec(issue.message)?.[1] ?? issue.message;
    const candidates = under(code)
      .map((p) => ({ p, score: score(dir, p, printed) }))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score);
    const list = byDomain.get(code) ?? [];
    list.push({ issue, partnershipId: candidates[0]?.p.id });
    byDomain.set(code, list);
  }

  const section = (code: string) => {
    const placed = byDomain.get(code) ?? [];
    return strip({
      domain: domainRef(dir, code),
      printedLine: dir.domainLines.get(code),
      partnerships: under(code).map((p) => ({ partnership: partnershipRef(dir, p), disagreements: placed.filter((x) => x.partnershipId === p.id).map((x) => x.issue) })),
      moreHref: filed.get(code)?.more === true ? paths.search(new URLSearchParams({ domain: code }).toString()) : undefined,
      disagreements: placed.filter((x) => x.partnershipId === undefined).map((x) => x.issue),
    });
  };

  return SynthesisView.parse(
    strip({
      domains: dir.domains
        .filter((d) => d.parent === undefined)
        .map((d) => ({ ...section(d.code), children: (dir.childDomains.get(d.code) ?? []).map((child) => section(child.code)) })),
      unplaced,
      document: stored?.directoryId === dir.id ? stored.report.document : undefined,
    }),
  );
}
