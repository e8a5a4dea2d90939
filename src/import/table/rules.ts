/**
 * The rules that read a row, in order: each small, named, reading one thing into the row's state
 * (state.ts), flagging what is doubtful and rejecting what cannot be read. A rejected row stops at
 * the rule that rejected it. New fields are new rules: the table is the reader.
 */
import { FrameworkKind } from '../../model/schema.js';
import { foldKey } from '../../text/fold.js';
import type { SideMapping } from './mapping.js';
import type { RowState, SideDraft } from './state.js';
import { cellText, readCoordinate, readDate, readNumber, yearOf } from './values.js';

export interface Rule {
  name: string;
  run(state: RowState): void;
}

const SIDES = ['home', 'partner'] as const;

const sideNames: Rule = {
  name: 'side-names',
  run(state) {
    for (const side of SIDES) {
      const at = state.cell(state.mapping[side].name);
      const name = cellText(at?.cell);
      if (name === undefined) state.reject('no-name', `${side}.name: the ${side} collectivity has no name`, { column: at?.column ?? columnOf(state.mapping[side].name), field: `${side}.name` });
      else state.draft[side].name = name;
    }
  },
};

const sideCountries: Rule = {
  name: 'side-countries',
  run(state) {
    for (const side of SIDES) {
      const source = state.mapping[side].country;
      const at = state.cell(source);
      const text = cellText(at?.cell);
      const where = { column: at?.column ?? columnOf(source), field: `${side}.country` };
      if (text === undefined) {
        state.reject('no-country', `${side}.country: the ${side} collectivity's country is not given`, where);
        continue;
      }
      const answer = state.tools.countries.read(text);
      if ('ambiguous' in answer) {
        const which = answer.ambiguous.map((a) => `${a.code} (${a.name})`).join(', ');
        state.reject('ambiguous-country', `${side}.country: "${text}" is ambiguous: ${which}; say which in the mapping's countryNames`, { ...where, text });
      } else if ('unknown' in answer) {
        state.reject('unknown-country', `${side}.country: "${text}" is no country known in any language; add it to the mapping's countryNames`, { ...where, text });
      } else {
        if (answer.how === 'partial') state.flag('partial-country', `${side}.country: "${text}" read as ${answer.code} (${answer.name})`, { ...where, text });
        state.draft[side].country = answer.code;
      }
    }
  },
};

const sideDetails: Rule = {
  name: 'side-details',
  run(state) {
    for (const side of SIDES) {
      const m: SideMapping = state.mapping[side];
      const draft: SideDraft = state.draft[side];
      const code = cellText(state.cell(m.code)?.cell);
      if (code !== undefined) draft.code = code;
      const region = cellText(state.cell(m.region)?.cell);
      if (region !== undefined) draft.region = region;
      draft.kind = cellText(state.cell(m.kind)?.cell) ?? state.mapping.defaultKind;
    }
  },
};

const sideCoordinates: Rule = {
  name: 'side-coordinates',
  run(state) {
    for (const side of SIDES) {
      const m = state.mapping[side];
      const lat = state.cell(m.lat);
      const lon = state.cell(m.lon);
      if (lat === undefined && lon === undefined) continue;
      if (lat === undefined || lon === undefined) {
        const missing = lat === undefined ? 'lat' : 'lon';
        state.flag('half-coordinates', `${side}.${missing}: only one coordinate given: the place is left to the gazetteer`, { column: columnOf(m[missing]), field: `${side}.${missing}` });
        continue;
      }
      const y = readCoordinate(lat.cell, 'lat', state.mapping.decimalComma);
      const x = readCoordinate(lon.cell, 'lon', state.mapping.decimalComma);
      if ('fault' in y) state.badValue(`${side}.lat`, lat.column, y.fault);
      else if ('fault' in x) state.badValue(`${side}.lon`, lon.column, x.fault);
      else if ('value' in y && 'value' in x) {
        // 0, 0 is where a register puts what it could not place: the Gulf of Guinea, never a collectivity.
        if (y.value === 0 && x.value === 0) state.flag('no-coordinates', `${side}: coordinates 0, 0 read as unknown`, { column: lat.column, field: `${side}.lat` });
        else state.draft[side].location = { lat: y.value, lon: x.value };
      }
    }
  },
};

/** An association, a committee, a twinning society named where a collectivity should be. */
const notCollectivity: Rule = {
  name: 'not-collectivity',
  run(state) {
    const words = state.tools.notCollectivityWords;
    if (words.length === 0) return;
    for (const side of SIDES) {
      const name = state.draft[side].name;
      if (name === undefined) continue;
      const key = ` ${foldKey(name)} `;
      const word = words.find((w) => key.includes(` ${w} `));
      if (word) state.flag('not-a-collectivity', `${side}.name: "${name}" names an organisation ("${word}"), not a collectivity`, { column: columnOf(state.mapping[side].name), field: `${side}.name`, text: name });
    }
  },
};

const coordinatesInCountry: Rule = {
  name: 'coordinates-in-country',
  run(state) {
    for (const side of SIDES) {
      const { location, country } = state.draft[side];
      if (location === undefined || country === undefined) continue;
      const other = state.tools.outlines.disagreement(location.lat, location.lon, country);
      if (other !== undefined) {
        state.flag('coordinates-elsewhere', `${side}: coordinates ${location.lat}, ${location.lon} lie in another country (${other}) than ${country}: the coordinates are left out`, { column: columnOf(state.mapping[side].lat), field: `${side}.lat` });
        delete state.draft[side].location;
      }
    }
  },
};

const partnershipDate: Rule = {
  name: 'partnership-date',
  run(state) {
    const p = state.mapping.partnership;
    const at = state.cell(p.date);
    if (at === undefined) return;
    const where = { column: at.column, field: 'partnership.date' };
    const read = readDate(at.cell, p.dateAs);
    if ('unknown' in read) return;
    if ('fault' in read) {
      state.badValue('partnership.date', at.column, read.fault);
      return;
    }
    const text = cellText(at.cell);
    if (read.note) state.flag('excel-serial-date', `partnership.date: ${read.note}`, { ...where, ...(text ? { text } : {}) });
    const year = yearOf(read.value);
    const [from, to] = p.plausibleYears;
    if (year < from || year > to) {
      state.flag('implausible-year', `partnership.date: the year ${year} is implausible (outside ${from}–${to}): left unknown`, { ...where, ...(text ? { text } : {}) });
      if (text !== undefined) state.draft.dateText = text;
      return;
    }
    state.draft.signedDate = read.value;
  },
};

const framework: Rule = {
  name: 'framework',
  run(state) {
    const p = state.mapping.partnership;
    const legal = cellText(state.cell(p.legalFramework)?.cell);
    if (legal !== undefined) state.draft.legalFramework = legal;
    const at = state.cell(p.framework);
    const text = cellText(at?.cell);
    if (text === undefined) return;
    const known = Object.entries(p.frameworkKinds).find(([word]) => foldKey(word) === foldKey(text))?.[1];
    const kind = known ?? FrameworkKind.options.find((k) => k === foldKey(text));
    if (kind === undefined) {
      state.flag('unknown-framework', `partnership.framework: "${text}" is no framework the mapping knows: read as "other"`, { column: at?.column, field: 'partnership.framework', text });
      state.draft.frameworkKind = 'other';
      state.draft.legalFramework ??= text;
    } else state.draft.frameworkKind = kind;
  },
};

const domainsAndNotes: Rule = {
  name: 'domains-and-notes',
  run(state) {
    const p = state.mapping.partnership;
    const domains = cellText(state.cell(p.domains)?.cell);
    if (domains !== undefined) state.draft.domains = domains.split(p.listSeparator).map((d) => d.trim()).filter(Boolean);
    const notes = cellText(state.cell(p.notes)?.cell);
    if (notes !== undefined) state.draft.notes = notes;
  },
};

const project: Rule = {
  name: 'project',
  run(state) {
    const m = state.mapping.project;
    if (m === undefined) return;
    const title = cellText(state.cell(m.title)?.cell);
    if (title === undefined) return;
    const statusAt = state.cell(m.status);
    const statusText = cellText(statusAt?.cell);
    const status = statusText === undefined ? 'other' : (Object.entries(m.statuses).find(([w]) => foldKey(w) === foldKey(statusText))?.[1] ?? 'other');
    if (statusText !== undefined && status === 'other' && !Object.keys(m.statuses).some((w) => foldKey(w) === foldKey(statusText))) {
      state.flag('unknown-status', `project.status: "${statusText}" is no status the mapping knows: read as "other"`, { column: statusAt?.column, field: 'project.status', text: statusText });
    }
    const draft: NonNullable<typeof state.draft.project> = { title, status };
    for (const key of ['startDate', 'endDate'] as const) {
      const at = state.cell(m[key]);
      if (at === undefined) continue;
      const read = readDate(at.cell, 'auto');
      if ('fault' in read) state.badValue(`project.${key}`, at.column, read.fault);
      else if ('value' in read) draft[key] = read.value;
    }
    const amountAt = state.cell(m.amount);
    if (amountAt !== undefined) {
      const read = readNumber(amountAt.cell, state.mapping.decimalComma);
      if ('fault' in read) state.badValue('project.amount', amountAt.column, read.fault);
      else if ('value' in read && read.value < 0) state.badValue('project.amount', amountAt.column, `${read.value} is a negative amount`);
      else if ('value' in read) draft.amount = read.value;
    }
    const currency = cellText(state.cell(m.currency)?.cell)?.toUpperCase();
    if (currency !== undefined) {
      if (/^[A-Z]{3}$/.test(currency)) draft.currency = currency;
      else state.badValue('project.currency', columnOf(m.currency), `"${currency}" is not an ISO 4217 currency code (EUR, MAD…)`);
    }
    const funders = cellText(state.cell(m.funders)?.cell);
    if (funders !== undefined) draft.funders = funders.split(state.mapping.partnership.listSeparator).map((f) => f.trim()).filter(Boolean);
    const description = cellText(state.cell(m.description)?.cell);
    if (description !== undefined) draft.description = description;
    state.draft.project = draft;
  },
};

const contacts: Rule = {
  name: 'contacts',
  run(state) {
    for (const m of state.mapping.contacts) {
      const name = cellText(state.cell(m.name)?.cell);
      if (name === undefined) continue;
      const contact: RowStateContact = { name };
      const role = cellText(state.cell(m.role)?.cell);
      if (role !== undefined) contact.role = role;
      const emailAt = state.cell(m.email);
      const email = cellText(emailAt?.cell);
      if (email !== undefined) {
        if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) contact.emails = [email];
        else state.badValue('contacts.email', emailAt?.column, `"${email}" is not an e-mail address`);
      }
      const phone = cellText(state.cell(m.phone)?.cell);
      if (phone !== undefined) contact.phones = [phone];
      state.draft.contacts.push({ side: m.side, contact });
    }
  },
};

type RowStateContact = RowState['draft']['contacts'][number]['contact'];

/** The rules, in the order they run. */
export const ROW_RULES: readonly Rule[] = [sideNames, sideCountries, sideDetails, sideCoordinates, notCollectivity, coordinatesInCountry, partnershipDate, framework, domainsAndNotes, project, contacts];

/** Runs the rules over a row until one rejects it. */
export function readRow(state: RowState, rules: readonly Rule[] = ROW_RULES): void {
  for (const rule of rules) {
    rule.run(state);
    if (state.rejection) return;
  }
}

function columnOf(source: { column?: string } | { value: unknown } | undefined): string | undefined {
  return source !== undefined && 'column' in source ? source.column : undefined;
}
