/**
 * The choices a record form offers instead of free text: a collectivity's kind from the country
 * profiles of the directory's countries (src/profiles/, labels from the web catalogue), and a
 * project's domains as checkboxes grouped under their parent domain, from the directory's taxonomy.
 * A value the choices lack (an old code, a typing) is still offered, chosen: nothing is lost by
 * opening a form and saving it.
 */
import { defaultProfiles } from '../../profiles/profiles.js';
import { html, type SafeHtml } from '../html.js';
import { countryLabel, kindLabel } from '../i18n/codes.js';
import type { Locale } from '../i18n/index.js';

export interface KindChoice {
  readonly country: string;
  readonly code: string;
}

export interface DomainChoice {
  readonly code: string;
  readonly label: string;
  readonly parent?: string | undefined;
}

/** The kinds of collectivity of the directory's countries, in their profiles' order. */
export function kindChoices(countries: readonly string[]): KindChoice[] {
  const profiles = defaultProfiles();
  return countries.flatMap((country) => (profiles.find(country)?.kinds ?? []).map((kind) => ({ country, code: kind.code })));
}

/** A kind's <select>: one group per country, the current value kept when no profile has it. */
export function kindOptions(locale: Locale, kinds: readonly KindChoice[], value: string, unset: string): SafeHtml {
  const countries = [...new Set(kinds.map((k) => k.country))];
  const known = kinds.some((k) => k.code === value);
  return html`<option value=""${value === '' ? html` selected` : ''}>${unset}</option>${countries.map(
    (country) => html`<optgroup label="${countryLabel(locale, country)}">${kinds
      .filter((k) => k.country === country)
      .map((k) => html`<option value="${k.code}"${k.code === value ? html` selected` : ''}>${kindLabel(locale, k.code)}</option>`)}</optgroup>`,
  )}${value !== '' && !known ? html`<option value="${value}" selected>${kindLabel(locale, value)}</option>` : ''}`;
}

/**
 * The domains as checkboxes, one fieldset per top domain with its sub-domains; `chosen` in the
 * form's one-code-a-line value. A code the taxonomy lacks is listed last, checked.
 */
export function domainCheckboxes(o: { id: string; name: string; legend: SafeHtml; domains: readonly DomainChoice[]; chosen: readonly string[]; describedBy?: string }): SafeHtml {
  const chosen = new Set(o.chosen);
  const known = new Set(o.domains.map((d) => d.code));
  const tops = o.domains.filter((d) => d.parent === undefined || !known.has(d.parent));
  const box = (code: string, label: string) => {
    const id = `${o.id}-${code}`;
    return html`<div class="checkbox"><input type="checkbox" id="${id}" name="${o.name}" value="${code}"${chosen.has(code) ? html` checked` : ''}><label for="${id}">${label}</label></div>`;
  };
  const unknown = o.chosen.filter((code) => !known.has(code));
  return html`<fieldset class="group domains" id="${o.id}"${o.describedBy ? html` aria-describedby="${o.describedBy}"` : ''}><legend>${o.legend}</legend>${tops.map((top) => {
    const children = o.domains.filter((d) => d.parent === top.code);
    return children.length === 0
      ? box(top.code, top.label)
      : html`<fieldset class="domain-group"><legend>${top.label}</legend>${box(top.code, top.label)}${children.map((d) => box(d.code, d.label))}</fieldset>`;
  })}${unknown.map((code) => box(code, code))}</fieldset>`;
}
