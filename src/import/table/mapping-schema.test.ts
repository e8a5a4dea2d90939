/**
 * schema/mapping.schema.json is the mapping format of mapping.ts for editors' tools (and the
 * `$schema` of the shipped mappings): generated from the Zod schema, so they cannot disagree.
 * `REPERTOIRE_WRITE_SCHEMA=1 npx vitest run src/import/table/mapping-schema.test.ts` writes it
 * anew after a change. The shipped mappings pass both.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readMapping, TableMapping } from './mapping.js';

const SCHEMA = fileURLToPath(new URL('../../../schema/mapping.schema.json', import.meta.url));
const MAPPINGS = fileURLToPath(new URL('../../../data/mappings/', import.meta.url));

const generated = () => ({
  $id: 'https://example.invalid/repertoire/v1/mapping.schema.json',
  title: 'Répertoire — the mapping of a table (CSV, TSV, XLSX) to the interchange format, version 1 (docs/table-import.md)',
  ...z.toJSONSchema(TableMapping, { io: 'input', target: 'draft-2020-12' }),
});

describe('the mapping format', () => {
  it('schema/mapping.schema.json is the Zod schema, as JSON Schema', () => {
    const text = `${JSON.stringify(generated(), null, 2)}\n`;
    if (process.env.REPERTOIRE_WRITE_SCHEMA === '1') writeFileSync(SCHEMA, text);
    expect(readFileSync(SCHEMA, 'utf8')).toBe(text);
  });

  it('the shipped mappings are valid by both', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
    const names = readdirSync(MAPPINGS).filter((n) => n.endsWith('.json'));
    expect(names).toContain('twinnings-cz.json');
    for (const name of names) {
      const text = readFileSync(`${MAPPINGS}${name}`, 'utf8');
      expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
      expect(() => readMapping(text, name)).not.toThrow();
    }
  });
});
