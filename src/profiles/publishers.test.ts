import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-store.js';
import { loadPublishers, PublisherRegistry } from './publishers.js';

describe('the publishers registry', () => {
  it('names the packaged publishers in a line of the 2008 front matter, accents and case aside, whole words only', () => {
    const registry = loadPublishers();
    expect(registry.namedIn('réalisée conjointement par Cités Unies France et le PAD Maroc.')).toEqual(['Cités Unies France']);
    expect(registry.namedIn('A l’issue de trois années de fonctionnement du PROGRAMME PAD, …')).toEqual(['Programme PAD Maroc']);
    expect(registry.namedIn('les cites unies francophones')).toEqual([]);
  });

  it('a publisher of another network is a line of data', () => {
    const registry = new PublisherRegistry([{ name: 'Réseau Coopération Sénégal', names: ['Réseau Coopération Sénégal', 'RCS'] }]);
    expect(registry.namedIn('Un répertoire du RCS, 2027')).toEqual(['Réseau Coopération Sénégal']);
  });

  it('a broken file is refused with its path and field', ({ onTestFinished }) => {
    const path = join(tempDir(onTestFinished), 'publishers.json');
    writeFileSync(path, JSON.stringify({ publishers: [{ name: 'X', names: [] }] }));
    expect(() => loadPublishers(path)).toThrow(`${path}: publishers.0.names:`);
  });
});
