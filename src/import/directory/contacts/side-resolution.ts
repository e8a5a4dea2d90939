/**
 * Giving every person and institution block a party. Own evidence (side-evidence.ts) comes first;
 * where it is silent, the printed order speaks. Two columns (home left, partner right) were
 * linearised either column after column or row by row, so:
 *  - a group of the same kind as the previous one (elected after elected, agents after agents,
 *    institution after institution) most likely belongs to the other column;
 *  - the first group of a kind belongs to the column the block starts with;
 *  - an institution block closes the column run before it, when that run is not visibly mixed;
 *  - persons printed together under one label work together.
 */
import type { DirectoryCountries } from '../countries.js';
import type { PartyRef } from '../types.js';
import { institutionEvidence, personEvidence, type Vote } from './side-evidence.js';
import type { GroupDraft, InstitutionDraft, ItemDraft, PersonDraft } from './types.js';

const ORDER_WEIGHT = {
  groupConsensus: 15,
  precedingGroup: 15,
  alternation: 12,
  closingInstitution: 8,
  firstOfKind: 5,
} as const;

export type Holder = PersonDraft | InstitutionDraft;

function score(votes: readonly Vote[], parties: readonly PartyRef[]): Map<PartyRef, number> {
  const scores = new Map<PartyRef, number>(parties.map((p) => [p, 0]));
  for (const vote of votes) {
    for (const party of parties) {
      if (vote.party === party || (!vote.party && vote.country === party.country)) scores.set(party, scores.get(party)! + vote.weight);
    }
  }
  return scores;
}

/** The best-scored party; ties go to `prefer`, then to the party printed first. */
function best(votes: readonly Vote[], parties: readonly PartyRef[], prefer?: PartyRef): PartyRef | undefined {
  let winner: PartyRef | undefined;
  let top = 0;
  for (const [party, s] of score(votes, parties)) {
    if (s > top || (s === top && s > 0 && party === prefer)) {
      winner = party;
      top = s;
    }
  }
  return winner;
}

function tally(parties: ReadonlyArray<PartyRef | undefined>): Map<PartyRef, number> {
  const counts = new Map<PartyRef, number>();
  for (const p of parties) if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  return counts;
}

function kindOf(item: ItemDraft): string {
  if (item.type === 'institution') return 'institution';
  return item.staffing === 'staff' ? 'staff' : 'elected';
}

export function resolveSides(items: readonly ItemDraft[], parties: readonly PartyRef[], countries: DirectoryCountries, startCountry: string | undefined): Map<Holder, PartyRef> {
  const evidence = new Map<Holder, Vote[]>();
  const ownParty = new Map<Holder, PartyRef | undefined>();
  for (const item of items) {
    const holders: Holder[] = item.type === 'group' ? item.persons : [item];
    for (const h of holders) {
      const votes = 'group' in h ? personEvidence(h, parties, countries) : institutionEvidence(h, parties, countries);
      evidence.set(h, votes);
      ownParty.set(h, 'group' in h ? best(votes, parties) : (h.namedParty ?? best(votes, parties)));
    }
  }
  const closing = closingInstitutions(items, ownParty);
  const sides = [...new Set(parties.map((p) => p.country))];
  const otherThan = (c: string) => (sides.length === 2 ? sides.find((x) => x !== c) : undefined);
  const start = startCountry && sides.includes(startCountry) ? startCountry : parties[0]?.country;

  const resolved = new Map<Holder, PartyRef>();
  const lastCountry = new Map<string, string>();
  let precedingGroupParty: PartyRef | undefined;
  for (const item of items) {
    const kind = kindOf(item);
    const order: Vote[] = [];
    const previous = lastCountry.get(kind);
    const expected = previous ? otherThan(previous) : start;
    if (expected) order.push({ country: expected, weight: previous ? ORDER_WEIGHT.alternation : ORDER_WEIGHT.firstOfKind });
    if (item.type === 'institution') {
      if (precedingGroupParty) order.push({ party: precedingGroupParty, weight: ORDER_WEIGHT.precedingGroup });
      const party = item.namedParty ?? best([...evidence.get(item)!, ...order], parties);
      if (party) {
        resolved.set(item, party);
        lastCountry.set(kind, party.country);
      }
      // Only the group printed right before a block is the one it closes.
      precedingGroupParty = undefined;
      continue;
    }
    const closer = closing.get(item);
    if (closer) order.push({ party: closer, weight: ORDER_WEIGHT.closingInstitution });
    const groupTally = tally(item.persons.map((p) => ownParty.get(p)));
    for (const person of item.persons) {
      const own = ownParty.get(person);
      // What the other persons of the group say of themselves.
      const together = [...groupTally].map(([party, count]): Vote => ({ party, weight: ORDER_WEIGHT.groupConsensus * (count - (party === own ? 1 : 0)) }));
      const party = best([...evidence.get(person)!, ...order, ...together], parties, closer);
      if (party) resolved.set(person, party);
    }
    const first = item.persons.map((p) => resolved.get(p)).find(Boolean);
    if (first) lastCountry.set(kind, first.country);
    precedingGroupParty = first;
  }
  return resolved;
}

/**
 * The institution block closing each column run, for runs whose persons all point (by their own
 * evidence) to that block's country or nowhere. A mixed run was printed row by row: its closing
 * block says nothing of the persons before it.
 */
function closingInstitutions(items: readonly ItemDraft[], ownParty: ReadonlyMap<Holder, PartyRef | undefined>): Map<GroupDraft, PartyRef> {
  const out = new Map<GroupDraft, PartyRef>();
  let run: GroupDraft[] = [];
  for (const item of items) {
    if (item.type === 'group') {
      run.push(item);
      continue;
    }
    const party = ownParty.get(item);
    const pure = party && run.every((g) => g.persons.every((p) => (ownParty.get(p)?.country ?? party.country) === party.country));
    if (party && pure) for (const g of run) out.set(g, party);
    run = [];
  }
  return out;
}
