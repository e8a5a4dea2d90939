/** The dashboard's answers counted by country, and by kind of collectivity within a country: how far the census has gone where. */

export interface AnswerCount {
  country: string;
  /** absent: the whole country */
  kind?: string;
  collectivities: number;
  withAccount: number;
  submitted: number;
  draft: number;
  none: number;
}

interface Answered {
  country: string;
  kind: string;
  hasAccount: boolean;
  answer: 'none' | 'draft' | 'submitted';
}

/** Counts by the group each row falls in, groups in the order they first appear. */
function countBy(rows: readonly Answered[], group: (row: Answered) => Pick<AnswerCount, 'country' | 'kind'>): AnswerCount[] {
  const counts = new Map<string, AnswerCount>();
  for (const row of rows) {
    const key = group(row);
    const id = `${key.country}\u0000${key.kind ?? ''}`;
    const count = counts.get(id) ?? { ...key, collectivities: 0, withAccount: 0, submitted: 0, draft: 0, none: 0 };
    count.collectivities += 1;
    if (row.hasAccount) count.withAccount += 1;
    count[row.answer] += 1;
    counts.set(id, count);
  }
  return [...counts.values()];
}

export function answersByCountry(rows: readonly Answered[]): AnswerCount[] {
  return countBy(rows, (row) => ({ country: row.country }));
}

export function answersByKind(rows: readonly Answered[]): AnswerCount[] {
  return countBy(rows, (row) => ({ country: row.country, kind: row.kind })).sort((a, b) => a.country.localeCompare(b.country) || b.collectivities - a.collectivities);
}
