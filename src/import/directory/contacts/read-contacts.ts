/**
 * Reads one CONTACTS block of an entry: the persons to contact on each side (elected, staff),
 * with their roles and coordinates, and each collectivity's own coordinates. Lines go through
 * the rule table into drafts; sides are resolved once the whole block is known, because the
 * evidence of a person's side is often printed after them.
 */
import type { PartyRef, SourceLine } from '../types.js';
import { cleanLine } from './line-text.js';
import { toReading } from './output.js';
import { newReadingState, note } from './reading-state.js';
import { separateElectedFromAgents } from './regroup.js';
import { RULES } from './rules.js';
import { resolveSides } from './side-resolution.js';
import type { ContactsReading, ReadContactsOptions } from './types.js';

/** The longest printed contact line is ~140 characters; anything far longer is no contact line. */
const LONGEST_LINE = 500;

export function readContacts(lines: readonly SourceLine[], parties: readonly PartyRef[], options: ReadContactsOptions): ContactsReading {
  const state = newReadingState(parties, options.countries);
  for (const source of lines) {
    const text = cleanLine(source.text);
    if (!text) continue;
    const line = { n: source.n, text };
    if (text.length > LONGEST_LINE) note(state, line, 'unplaced-contact-line', `line of ${text.length} characters: too long for a contact line`, { key: 'contact-line-too-long', params: { length: text.length } });
    else if (!RULES.some((rule) => rule.run(state, line))) note(state, line, 'unplaced-contact-line', 'line fits no contact rule', { key: 'contact-line-no-rule' });
  }
  const items = separateElectedFromAgents(state.items);
  const resolved = resolveSides(items, parties, options.countries, options.defaultSide);
  return toReading(items, resolved, state.notes);
}
