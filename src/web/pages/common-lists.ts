/** Filter choices of the list pages: each value with its count, its link and whether it is chosen. */
import { z } from 'zod';

export const FilterOption = z.object({ value: z.string(), count: z.number().int(), href: z.string(), selected: z.boolean() });
export type FilterOption = z.infer<typeof FilterOption>;

export function filterOptions<T>(
  items: readonly T[],
  valueOf: (item: T) => string | undefined,
  selected: string | undefined,
  hrefOf: (value: string | undefined) => string,
  order?: readonly string[],
): FilterOption[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = valueOf(item);
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return countedOptions(counts, selected, hrefOf, order);
}

/** The options of a filter from the count of each value (values counted 0 are left out). */
export function countedOptions(
  counts: ReadonlyMap<string, number>,
  selected: string | undefined,
  hrefOf: (value: string | undefined) => string,
  order?: readonly string[],
): FilterOption[] {
  const values = [...counts.keys()]
    .filter((value) => (counts.get(value) ?? 0) > 0)
    .sort((a, b) => (order ? order.indexOf(a) - order.indexOf(b) : a.localeCompare(b, 'fr')));
  return values.map((value) => ({ value, count: counts.get(value) ?? 0, href: hrefOf(value === selected ? undefined : value), selected: value === selected }));
}
