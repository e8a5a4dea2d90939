/**
 * List fields (contacts, funders, parties…) edited in place without JavaScript: each item has a
 * submit button that removes it (`_remove=contacts[1]`) and each list one that adds an empty
 * item (`_add=contacts`). Such a POST saves nothing: the form comes back with the list changed,
 * what was typed elsewhere kept, and the keyboard focus on the new item (or on the list's add
 * button after a removal), so that a keyboard user carries on where they were.
 *
 * The buttons' names start with `_`: bodyValues leaves them out of the record.
 */
import type { FormValues } from './forms.js';

/** The form's list action, if the button pressed was one. */
export interface ListEdit {
  values: FormValues;
  /** the list items to show empty at the end of each list (the added one) */
  added: Record<string, number>;
  /** the form path to focus: the added item's first field, or the list's add button */
  focus: string;
}

const ITEM = /^(.+)\[(\d+)\]$/;

/** A list's path as a button carries it: letters, digits, dots and indexes only. */
const LIST_PATH = /^[A-Za-z][A-Za-z0-9]*(\[\d+\]\.[A-Za-z][A-Za-z0-9]*)*$/;

function bodyField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value: unknown = Reflect.get(body, name);
  const text: unknown = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof text === 'string' ? text : undefined;
}

/** Removes item `index` of the list at `list`, the later items moved up one. */
export function removeItem(values: FormValues, list: string, index: number): FormValues {
  const out: FormValues = {};
  const prefix = `${list}[`;
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith(prefix)) {
      out[key] = value;
      continue;
    }
    const rest = key.slice(prefix.length);
    const match = /^(\d+)\](.*)$/.exec(rest);
    if (match === null) {
      out[key] = value;
      continue;
    }
    const i = Number(match[1]);
    if (i === index) continue;
    out[`${list}[${i > index ? i - 1 : i}]${match[2]}`] = value;
  }
  return out;
}

/** The number of items the values hold for a list: one more than the highest index. */
export function itemCount(values: FormValues, list: string): number {
  let count = 0;
  const prefix = `${list}[`;
  for (const key of Object.keys(values)) {
    if (!key.startsWith(prefix)) continue;
    const match = /^(\d+)\]/.exec(key.slice(prefix.length));
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return count;
}

/** The list action of a form body (`_add`, `_remove`), applied to its values; undefined when the form was sent to be saved. */
export function listEdit(body: unknown, sent: FormValues): ListEdit | undefined {
  // a browser sends the empty item offered at the end of each list too: left out, it is offered again, and an index counts filled items only
  const values: FormValues = Object.fromEntries(Object.entries(sent).filter(([, value]) => value.trim() !== ''));
  const add = bodyField(body, '_add');
  if (add !== undefined && LIST_PATH.test(add)) {
    return { values, added: { [add]: 1 }, focus: `${add}[${itemCount(values, add)}]` };
  }
  const remove = bodyField(body, '_remove');
  const match = remove === undefined ? null : ITEM.exec(remove);
  if (match !== null && LIST_PATH.test(match[1]!)) {
    const list = match[1]!;
    return { values: removeItem(values, list, Number(match[2])), added: {}, focus: `${list}[add]` };
  }
  return undefined;
}
