/**
 * An editor answers for any collectivity: they pick it from a searchable list that works without
 * JavaScript — a search field sent by GET (`?nom=`), the matches listed as links to the
 * collectivity's records. A directory may hold thousands of collectivities: a <select> of all of
 * them was too long to read and to move through by keyboard.
 */
import { foldText } from '../../text/fold.js';
import { memberPaths } from '../auth/paths.js';
import { html, type SafeHtml } from '../html.js';
import { countryLabel, kindLabel } from '../i18n/codes.js';
import type { RenderContext } from '../page.js';

/** At most this many matches are listed: past it, the editor narrows the search. */
export const PICKER_LIMIT = 50;

interface Pickable {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly kind: string;
}

/** The collectivities whose name (or id) holds every word of the query, accents and case aside; by name. */
export function pickMatches<C extends Pickable>(collectivities: readonly C[], query: string): C[] {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  return collectivities
    .filter((k) => {
      const haystack = `${foldText(k.name)} ${k.id}`;
      return words.every((word) => haystack.includes(word));
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

export function collectivityPicker(o: { campaignId: string; title: string; query: string; collectivities: readonly Pickable[] }, c: RenderContext): SafeHtml {
  const { t } = c;
  const matches = pickMatches(o.collectivities, o.query);
  const shown = matches.slice(0, PICKER_LIMIT);
  const results =
    o.query.trim() === ''
      ? ''
      : matches.length === 0
        ? html`<p role="status">${t('census.entries.pick.none', { query: o.query })}</p>`
        : html`<h2 id="trouvees" role="status">${t('census.entries.pick.found', { query: o.query, count: matches.length })}</h2>
  ${matches.length > shown.length ? html`<p class="notice">${t('census.entries.pick.more', { shown: shown.length })}</p>` : ''}
  <ul class="picker-results" aria-labelledby="trouvees">${shown.map(
    (k) => html`<li><a href="${memberPaths.campaign(o.campaignId, k.id)}">${k.name}</a> <span class="muted">${kindLabel(c.locale, k.kind)}, ${countryLabel(c.locale, k.country)}</span></li>`,
  )}</ul>`;
  return html`<section class="member-page">
  <h1>${o.title}</h1>
  <p>${t('census.entries.pick.intro')} <a href="${memberPaths.dashboard(o.campaignId)}">${t('census.dashboard')}</a></p>
  <form method="get" action="${memberPaths.campaign(o.campaignId)}" class="member-form" role="search">
  <div class="field"><label for="f-nom">${t('census.entries.pick.search')}</label>
  <p class="hint" id="f-nom-hint">${t('census.entries.pick.hint')}</p>
  <input id="f-nom" name="nom" type="search" value="${o.query}" aria-describedby="f-nom-hint" autocomplete="off"></div>
  <p><button type="submit">${t('census.entries.pick.search.submit')}</button></p></form>
  ${results}
  </section>`;
}
