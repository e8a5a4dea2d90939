/** Suggestions measured on the 2008 directory: leave one partnership out, find the real partner's rank; the method must beat popularity. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDirectory } from '../import/directory/index.js';
import { SEED_COUNTRIES, SEED_PATH } from '../import/directory/testing.js';
import { defaultProfiles } from '../profiles/profiles.js';
import { graphInputs } from './document.js';
import { leaveOneOut } from './evaluate.js';

describe('leave-one-out on the 2008 directory', () => {
  it('ranks the hidden partner higher than the popularity baseline', () => {
    const doc = readDirectory(readFileSync(SEED_PATH, 'utf8'), { document: 'repertoire-franco-marocain-2008.txt', countries: SEED_COUNTRIES }).document;
    const { places, partnerships } = graphInputs(doc, defaultProfiles());
    const result = leaveOneOut(places, partnerships, doc.directory.countries[0]!);
    // 50 partnerships, 52 (home party, partner) pairs not linked by another partnership
    expect(result.cases).toBeGreaterThanOrEqual(45);
    expect(result.method.mrr).toBeGreaterThan(result.baseline.mrr);
    expect(result.method.hitsAt10).toBeGreaterThan(result.baseline.hitsAt10);
  });
});
