/**
 * The catalogues agree: every key of the French catalogue (the reference) is in the English and the
 * Arabic ones, none of theirs is unknown to it, Arabic gives all six plural forms of each count, and
 * every French key is used by the code. A failure lists the keys, by catalogue, to add or remove.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ar } from './ar.js';
import { en } from './en.js';
import { fr } from './fr.js';

const FR_KEYS = Object.keys(fr);
const PLURAL_BASES = FR_KEYS.filter((key) => key.endsWith('.one')).map((key) => key.slice(0, -'.one'.length));
const EXTRA_FORMS = ['zero', 'two', 'few', 'many'];

function compare(catalogue: Readonly<Record<string, string>>, forms: readonly string[]) {
  const expected = new Set([...FR_KEYS, ...PLURAL_BASES.flatMap((base) => forms.map((form) => `${base}.${form}`))]);
  const allowed = new Set([...expected, ...PLURAL_BASES.flatMap((base) => EXTRA_FORMS.map((form) => `${base}.${form}`))]);
  return {
    missing: [...expected].filter((key) => !(key in catalogue)).sort(),
    unused: Object.keys(catalogue).filter((key) => !allowed.has(key)).sort(),
    placeholders: Object.keys(catalogue)
      .filter((key) => key in fr)
      .filter((key) => !sameParameters(fr[key as keyof typeof fr], catalogue[key]!))
      .sort(),
  };
}

/** The `{name}`s a translation uses are among the French string's (a count's forms may leave the number out: "projet واحد"). */
function sameParameters(french: string, translated: string): boolean {
  const names = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
  const known = names(french);
  return [...names(translated)].every((name) => known.has(name));
}

describe('the catalogues', () => {
  it('English has every French key, and none unknown', () => {
    expect(compare(en, [])).toEqual({ missing: [], unused: [], placeholders: [] });
  });

  it('Arabic has every French key and the six plural forms of each count, and none unknown', () => {
    expect(compare(ar, EXTRA_FORMS)).toEqual({ missing: [], unused: [], placeholders: [] });
  });

  it('uses every French key somewhere in the code (literally, or by a family prefix: `status.${code}`, label(locale, "kind", …))', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !/\/i18n\/(fr|en|ar|field-labels(-\w+)?)\.ts$|\/auth\/messages(-\w+)?\.ts$/.test(path)) sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk(root);
    const text = sources.join('\n');
    const quoted = new Set([...text.matchAll(/['"`]([\w.-]+(?: [\w.-]+)?)['"`]/g)].map((m) => m[1]!));
    const heads = new Set([...text.matchAll(/`([\w.-]+\.)\$\{/g)].map((m) => m[1]!));
    const used = (key: string) => {
      const parts = key.split('.');
      for (let n = parts.length; n >= 1; n -= 1) {
        const prefix = parts.slice(0, n).join('.');
        if (quoted.has(prefix) || heads.has(`${prefix}.`)) return true;
      }
      return false;
    };
    expect(FR_KEYS.filter((key) => !used(key))).toEqual([]);
  });
});
