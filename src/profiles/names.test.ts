import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLocalNames } from './names.js';
import { defaultProfiles } from './profiles.js';

describe('names of collectivities and régions in other languages', () => {
  const names = loadLocalNames();

  it('gives every région of Morocco (1997–2015) its Arabic name, with its source', () => {
    const units = defaultProfiles().find('MA')!.divisions!.units.filter((unit) => unit.level === 'region');
    expect(units).toHaveLength(16);
    for (const unit of units) {
      const name = names.region(unit.name, 'ar');
      expect(name?.name, unit.name).toMatch(/^[\u0600-\u06ff ]+$/);
      expect(name?.source).toContain('2-97-246');
    }
  });

  it('gives the 2008 directory’s Moroccan collectivities their Arabic names and the places they are named after', () => {
    expect(names.collectivity('ma-commune-marrakech', 'ar')).toMatchObject({ name: 'الجماعة الحضرية لمراكش', place: 'مراكش' });
    expect(names.collectivity('ma-commune-rabat', 'ar')?.place).toBe('الرباط');
    expect(names.collectivity('ma-commune-rabat', 'en')).toBeUndefined();
    expect(names.words('ma-commune-marrakech')).toEqual(['الجماعة الحضرية لمراكش', 'مراكش', 'Marrakesh']);
    expect(names.words('fr-commune-tours')).toEqual([]);
  });

  it('refuses a name whose source is not listed, naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'names-'));
    try {
      mkdirSync(join(dir, 'MA'));
      writeFileSync(join(dir, 'MA', 'names.json'), JSON.stringify({ sources: { a: 'A' }, collectivities: { x: { source: 'b', ar: { name: 'س' } } } }));
      expect(() => loadLocalNames(dir)).toThrow(/MA\/names\.json: collectivities\.x\.source: "b" is not one of its sources/);
      writeFileSync(join(dir, 'MA', 'names.json'), JSON.stringify({ sources: { a: 'A' }, collectivities: { x: { source: 'a', ar: { name: '' } } } }));
      expect(() => loadLocalNames(dir)).toThrow(/MA\/names\.json: collectivities\.x\.ar\.name/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
