/**
 * The collectivity page's suggested partners (src/partners/suggest.ts): collectivities of the
 * other countries worth contacting, each with its reasons (codes and values; the words are the
 * catalogue's `suggest.reason.*`) and whom to contact there — institutional lines only: a
 * service's or an organisation's contact (never a named person, `isNamedPerson`) and the
 * collectivity's own coordinates.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isNamedPerson } from '../../../census/privacy/index.js';
import { decodeJson } from '../../../store/codec.js';
import type { Database } from '../../../store/tables.js';
import type { Directory } from '../../data/directory.js';
import { SUGGESTIONS_KEPT } from '../../data/partner-graph.js';
import { html, join, type SafeHtml } from '../../html.js';
import { label, tn } from '../../i18n/index.js';
import { countryLabel } from '../../i18n/codes.js';
import type { RenderContext } from '../../page.js';
import { paths } from '../../paths.js';
import { collectivityLink, domainText, printedWords, sentence, urlLink, withMarkup, labelled } from '../../render/parts.js';
import { CollectivityRef, collectivityRef, domainRef, strip } from '../common.js';

/** Suggestions shown on a collectivity's page: those the graph's build ranks for each. */
export const SUGGESTIONS_SHOWN = SUGGESTIONS_KEPT;
/** Institutional contacts named per suggestion. */
const CONTACTS_SHOWN = 2;
/** Contacts read per collectivity to find them (most are named people, left out). */
const CONTACTS_READ = 40;

export const SuggestionReasonView = z.object({
  code: z.enum(['neighbours', 'peers', 'domain', 'region', 'kind']),
  /** a collectivity's id (neighbours), a region's name (peers, region), a domain's code, a kind's code */
  value: z.string(),
  /** the domain's label, in the page's language where translated */
  label: z.string().optional(),
  /** the domain's own (French) label, when `label` is its translation */
  printedLabel: z.string().optional(),
  /** the collectivity that shares a partner with this one (neighbours) */
  via: CollectivityRef.optional(),
  /** how many collectivities say it (neighbours, peers) */
  count: z.number().int().optional(),
  country: z.string().optional(),
});
export type SuggestionReasonView = z.infer<typeof SuggestionReasonView>;

export const InstitutionalContact = z.object({
  name: z.string(),
  role: z.string().optional(),
  organization: z.string().optional(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
});

export const SuggestionView = z.object({
  collectivity: CollectivityRef,
  score: z.number(),
  reasons: z.array(SuggestionReasonView),
  /** its services' and organisations' lines, as printed in its partnerships' contacts */
  contacts: z.array(InstitutionalContact),
  /** the institution's own coordinates */
  websites: z.array(z.string()),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
});
export type SuggestionView = z.infer<typeof SuggestionView>;

export const SuggestionsStatus = z.enum(['ready', 'stale', 'computing']);
export type SuggestionsStatus = z.infer<typeof SuggestionsStatus>;

/**
 * The suggestions ranked by the partner graph's build as it stands: never waiting for it (a
 * minute at 1 000 000 projects, in the background: data/partner-graph.ts) — the previous
 * version's meanwhile, or none at all ("being computed") before the first is built.
 */
export async function loadSuggestions(dir: Directory, db: Kysely<Database>, collectivityId: string): Promise<{ status: SuggestionsStatus; suggestions: SuggestionView[] }> {
  const state = await dir.partnerSuggestions(collectivityId);
  if (state.status === 'computing') return { status: 'computing', suggestions: [] };
  const suggestions = state.suggestions.slice(0, SUGGESTIONS_SHOWN);
  const contacts = await institutionalContacts(db, dir.id, suggestions.map((s) => s.id));
  return { status: state.status, suggestions: suggestions.map((s) => {
    const c = dir.collectivity.get(s.id);
    return {
      collectivity: collectivityRef(dir, s.id),
      score: Math.round(s.score * 100) / 100,
      reasons: s.reasons.map((r) => {
        if (r.code === 'neighbours') return { code: r.code, value: r.value, via: collectivityRef(dir, r.value), count: r.count };
        if (r.code === 'domain') {
          const domain = domainRef(dir, r.value);
          return strip({ code: r.code, value: r.value, label: domain.label, printedLabel: domain.printedLabel });
        }
        return strip({ ...r });
      }),
      contacts: contacts.get(s.id) ?? [],
      websites: c?.websites ?? [],
      emails: c?.emails ?? [],
      phones: c?.phones ?? [],
    };
  }) };
}

/** The first institutional contacts of each collectivity, one per name. */
async function institutionalContacts(db: Kysely<Database>, directoryId: string, ids: readonly string[]): Promise<Map<string, z.infer<typeof InstitutionalContact>[]>> {
  const found = new Map<string, z.infer<typeof InstitutionalContact>[]>();
  if (ids.length === 0) return found;
  // a few rows per collectivity (one statement each, on the index): a commune of a large census is in hundreds of partnerships' contacts
  const rows = (
    await Promise.all(
      ids.map((id) =>
        db
          .selectFrom('contacts')
          .select(['collectivity_id', 'name', 'role', 'kind', 'organization', 'phones', 'emails'])
          .where('directory_id', '=', directoryId)
          .where('collectivity_id', '=', id)
          .limit(CONTACTS_READ)
          .execute(),
      ),
    )
  ).flat();
  for (const row of rows) {
    if (row.collectivity_id === null) continue;
    const contact = strip({ name: row.name, kind: row.kind === null ? undefined : (row.kind as 'elected' | 'staff' | 'other'), organization: row.organization ?? undefined });
    if (isNamedPerson(contact)) continue;
    const list = found.get(row.collectivity_id) ?? [];
    if (list.length >= CONTACTS_SHOWN || list.some((c) => c.name === row.name)) continue;
    list.push(
      strip({
        name: row.name,
        role: row.role ?? undefined,
        organization: row.organization ?? undefined,
        phones: decodeJson<string[]>(row.phones) ?? [],
        emails: decodeJson<string[]>(row.emails) ?? [],
      }),
    );
    found.set(row.collectivity_id, list);
  }
  return found;
}

/** The reasons in a line, a suggestion's domains in one phrase: "active dans ses domaines : Culture, Patrimoine" (the directory's words marked French). */
export function reasonsText(reasons: readonly SuggestionReasonView[], c: RenderContext): SafeHtml {
  const domains = reasons.filter((r) => r.code === 'domain').map((r) => domainText({ label: r.label ?? r.value, printedLabel: r.printedLabel }, c));
  const parts: SafeHtml[] = [];
  for (const r of reasons) {
    if (r.code !== 'domain') parts.push(reasonText(r, c));
    else if (r === reasons.find((x) => x.code === 'domain')) parts.push(withMarkup({ value: join(domains, ', ') }, (plain) => tn(c.locale, 'suggest.reason.domain', domains.length, plain)));
  }
  return join(parts, ' ; ');
}

function reasonText(r: SuggestionReasonView, c: RenderContext): SafeHtml {
  switch (r.code) {
    case 'neighbours':
      return withMarkup({ via: printedWords(r.via?.shortName ?? r.via?.name ?? r.value) }, (plain) => tn(c.locale, 'suggest.reason.neighbours', r.count ?? 1, plain));
    case 'peers':
      return withMarkup({ region: printedWords(r.value) }, (plain) => tn(c.locale, 'suggest.reason.peers', r.count ?? 1, plain));
    case 'domain':
      return withMarkup({ value: domainText({ label: r.label ?? r.value, printedLabel: r.printedLabel }, c) }, (plain) => tn(c.locale, 'suggest.reason.domain', 1, plain));
    case 'region':
      return sentence(c, 'suggest.reason.region', { value: html`${printedWords(r.value)} (${countryLabel(c.locale, r.country ?? '')})` });
    case 'kind':
      return html`${c.t('suggest.reason.kind', { value: label(c.locale, 'kind', r.value) })}`;
  }
}

export function suggestionList(suggestions: readonly SuggestionView[], c: RenderContext, status: SuggestionsStatus = 'ready'): SafeHtml {
  const gaps = html`<p><a href="${paths.coverage()}">${c.t('suggest.gaps')}</a></p>`;
  if (status === 'computing') return html`<p class="muted" role="status">${c.t('suggest.computing')}</p>${gaps}`;
  if (suggestions.length === 0) return html`<p class="muted">${c.t('suggest.none')}</p>${gaps}`;
  return html`<p>${c.t('suggest.intro')}</p><ul class="suggestions">${join(
    suggestions.map((s) => {
      const lines = [
        ...s.contacts.map((contact) => join([contact.name, contact.role, contact.organization, ...contact.phones].filter((x): x is string => x !== undefined).map((x) => html`${x}`).concat(contact.emails.map((e) => html`<a href="mailto:${e}">${e}</a>`)), ', ')),
        ...(s.websites.length + s.emails.length + s.phones.length === 0
          ? []
          : [join([...s.websites.map(urlLink), ...s.emails.map((e) => html`<a href="mailto:${e}">${e}</a>`), ...s.phones.map((p) => html`${p}`)], ' ; ')]),
      ];
      return html`<li>${collectivityLink(s.collectivity)} <span class="muted">(${label(c.locale, 'kind', s.collectivity.kind)}${s.collectivity.region ? html`, ${printedWords(s.collectivity.region)}` : ''})</span>
<br><span class="reasons">${reasonsText(s.reasons, c)}</span>${
        lines.length === 0 ? '' : html`<br><span class="contact">${labelled(c, c.t('suggest.contact'), join(lines, ' — '))}</span>`
      }</li>`;
    }),
  )}</ul>${gaps}`;
}
