/**
 * Field-by-field differences between two versions of a record, as the review page and the
 * history show them: a field added, removed or changed; a list as the items added, removed and
 * changed (items matched by what identifies them: a contact by name, a party by collectivity…),
 * each changed item with its own field changes. Fields are named by their paths: their words in
 * each language are the web layer's (web/i18n/field-labels.ts).
 */
import { foldText } from '../text/fold.js';

export interface FieldChange {
  /** the field's path in the record: `executive.name`, `contacts` */
  field: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** for a list: what happened to its items */
  list?: ListChanges;
}

export interface ListChanges {
  added: unknown[];
  removed: unknown[];
  changed: ItemChange[];
  /** the same items in another order */
  reordered: boolean;
}

export interface ItemChange {
  /** what identifies the item in its list: a contact's name, a party's collectivity */
  key: string;
  before: unknown;
  after: unknown;
  fields: FieldChange[];
}

/** How the items of each list are told apart. */
const ITEM_KEYS: Record<string, (item: Record<string, unknown>) => string> = {
  parties: (item) => String(item.collectivityId),
  contacts: (item) => foldText(String(item.name)),
  budgets: (item) => `${String(item.collectivityId ?? '')}|${String(item.period ?? '')}`,
  partners: (item) => foldText(String(item.name)),
  funding: (item) => foldText(String(item.funder)),
};


const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The changes from `before` to `after` (either may be undefined: a record created or removed). */
export function diffRecords(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  const a = isObject(before) ? before : {};
  const b = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const field = prefix ? `${prefix}.${key}` : key;
    const was = a[key];
    const is = b[key];
    if (same(was, is)) continue;
    if (was === undefined) changes.push({ field, kind: 'added', after: is, ...(Array.isArray(is) ? listOf(key, [], is) : {}) });
    else if (is === undefined) changes.push({ field, kind: 'removed', before: was, ...(Array.isArray(was) ? listOf(key, was, []) : {}) });
    else if (isObject(was) && isObject(is) && key !== 'location' && key !== 'source' && !isMoney(was)) changes.push(...diffRecords(was, is, field));
    else changes.push({ field, kind: 'changed', before: was, after: is, ...listOf(key, was, is) });
  }
  return changes;
}

function isMoney(value: Record<string, unknown>): boolean {
  return 'amount' in value && 'currency' in value;
}

function listOf(key: string, before: unknown, after: unknown): { list?: ListChanges } {
  if (!Array.isArray(before) && !Array.isArray(after)) return {};
  return { list: diffLists(key, Array.isArray(before) ? before : [], Array.isArray(after) ? after : []) };
}

export function diffLists(key: string, before: readonly unknown[], after: readonly unknown[]): ListChanges {
  const keyOf = (item: unknown, i: number) => {
    if (!isObject(item)) return JSON.stringify(item);
    const identify = ITEM_KEYS[key];
    return identify ? identify(item) : `#${i}:${JSON.stringify(item)}`;
  };
  const olds = new Map<string, unknown[]>();
  before.forEach((item, i) => olds.set(keyOf(item, i), [...(olds.get(keyOf(item, i)) ?? []), item]));
  const changes: ListChanges = { added: [], removed: [], changed: [], reordered: false };
  const matchedOrder: string[] = [];
  after.forEach((item, i) => {
    const k = keyOf(item, i);
    const candidates = olds.get(k);
    const prior = candidates?.shift();
    if (prior === undefined) {
      changes.added.push(item);
      return;
    }
    matchedOrder.push(JSON.stringify(prior));
    if (!same(prior, item)) changes.changed.push({ key: k, before: prior, after: item, fields: diffRecords(prior, item) });
  });
  for (const rest of olds.values()) changes.removed.push(...rest);
  const keptBefore = before.filter((item) => matchedOrder.includes(JSON.stringify(item))).map((item) => JSON.stringify(item));
  changes.reordered = changes.added.length === 0 && changes.removed.length === 0 && changes.changed.length === 0 && !same(keptBefore, matchedOrder);
  return changes;
}
