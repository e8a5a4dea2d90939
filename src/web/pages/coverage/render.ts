/** The map of gaps' HTML: a GET form (domain, kind), the counts, the gaps on a map, and a table per country. */
import { renderMap } from '../../../maps/render.js';
import { html, join, raw } from '../../html.js';
import { label } from '../../i18n/index.js';
import { countryLabel } from '../../i18n/codes.js';
import { baseMapHref } from '../../maps/base.js';
import { mapWords, withoutInlineStyle } from '../../maps/map.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import { collectivityLinks, dataTable, printed, section } from '../../render/parts.js';
import { unitAnchor, type CoverageView } from './data.js';
import { regionNameIn } from '../../names.js';

export function renderCoverage(v: CoverageView, c: RenderContext): RenderedPage {
  const { t } = c;
  const country = (code: string) => countryLabel(c.locale, code);
  const form = html`<form class="coverage-filter" method="get" action="${paths.coverage()}">
<p><label for="couverture-domaine">${t('coverage.filter.domain')}</label>
<select id="couverture-domaine" name="domain"><option value="">${t('coverage.filter.allDomains')}</option>${v.domains.map(
    (d) => html`<option value="${d.code}"${d.selected ? html` selected` : ''}${d.printedLabel === undefined ? printed(c) : ''}>${d.depth > 0 ? '\u00a0\u00a0– ' : ''}${d.label}</option>`,
  )}</select></p>
<p><label for="couverture-type">${t('coverage.filter.kind')}</label>
<select id="couverture-type" name="kind"><option value="">${t('coverage.filter.allKinds')}</option>${v.kinds.map(
    (k) => html`<option value="${k.value}"${k.selected ? html` selected` : ''}>${label(c.locale, 'kind', k.value)} (${country(k.country)})</option>`,
  )}</select></p>
<p><button type="submit">${t('coverage.filter.submit')}</button></p>
</form>`;
  const chosen = [v.domain ? t('coverage.chosen.domain', { domain: v.domain.label }) : undefined, v.kind ? t('coverage.chosen.kind', { kind: label(c.locale, 'kind', v.kind) }) : undefined].filter(
    (x): x is string => x !== undefined,
  );
  const summary = html`<ul class="coverage-summary">${v.summary.map(
    (s) => html`<li>${t('coverage.summary', { country: country(s.country), level: label(c.locale, 'kind', s.levelKind), gaps: s.gaps, units: s.units })}</li>`,
  )}</ul>${v.unplaced > 0 ? html`<p class="muted">${t('coverage.unplaced', { count: v.unplaced })}</p>` : ''}`;

  const title = t('coverage.map.title');
  const rendered =
    v.gapPoints.length === 0
      ? undefined
      : renderMap({
          country: 'both',
          countries: v.countries,
          points: v.gapPoints,
          title,
          description: t('coverage.map.description', { count: v.gapPoints.length }),
          id: 'carte-lacunes',
          baseHref: baseMapHref('both', v.countries),
          weightText: () => t('coverage.map.point'),
          legendTitle: t('coverage.map.legend'),
          ...mapWords(c),
        });
  const map =
    rendered === undefined
      ? html`<p class="muted">${t('coverage.map.none')}</p>`
      : html`<figure class="map">${raw(withoutInlineStyle(rendered.svg))}<figcaption class="muted">${t('coverage.map.caption')}</figcaption></figure>`;

  const tables = join(
    v.countries.map((code) => {
      const units = v.units.filter((u) => u.country === code);
      if (units.length === 0) return html``;
      const rows = units.map((u) => [
        html`<span id="${unitAnchor(u)}">${regionNameIn(u.name)}</span>${u.gap ? html` <strong class="gap">${t('coverage.gap')}</strong>` : ''}`,
        label(c.locale, 'kind', u.levelKind),
        u.parent ?? '',
        String(u.collectivities),
        String(u.active),
        String(u.partnerships),
        u.named.length === 0
          ? html`<a href="${paths.search(new URLSearchParams({ q: u.name }).toString())}">${t('coverage.searchThere', { name: u.name })}</a>`
          : html`${collectivityLinks(u.named)}${u.collectivities > u.named.length ? html` <a href="${u.href}">${t('coverage.more', { count: u.collectivities - u.named.length })}</a>` : ''}`,
      ]);
      return section(
        t('coverage.table', { country: country(code) }),
        dataTable(
          t('coverage.table', { country: country(code) }),
          [
            { label: t('coverage.col.division') },
            { label: t('coverage.col.level') },
            { label: t('coverage.col.parent') },
            { label: t('coverage.col.collectivities'), num: true },
            { label: t('coverage.col.active'), num: true },
            { label: t(v.domain === undefined ? 'coverage.col.partnerships' : 'coverage.col.filings'), num: true },
            { label: t('coverage.col.there') },
          ],
          rows,
          'coverage',
        ),
        `divisions-${code}`,
      );
    }),
  );
  const body = html`<h1>${t('coverage.title')}</h1>
<p>${t('coverage.intro')}</p>
<p><a href="${paths.notices()}">${t('coverage.notices')}</a></p>
${form}
${chosen.length === 0 ? '' : html`<p><strong>${chosen.join(' ; ')}</strong></p>`}
${summary}
${section(title, map, 'carte')}
${tables}`;
  return { title: t('coverage.title'), breadcrumbs: [{ href: paths.coverage(), label: t('coverage.title') }], body };
}
