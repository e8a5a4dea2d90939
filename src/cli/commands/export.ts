import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RepertoireError } from '../../errors.js';
import { exportJson } from '../../publish/json.js';
import type { Command } from '../context.js';
import { withStore } from '../with-store.js';

const FORMATS = ['json'];

export const exportCommand: Command = {
  name: 'export',
  summary: 'export --format json [--out F]  write the stored directory in the interchange format',
  help: `Usage: repertoire export --format json [--out FILE] [--directory ID]

Writes the stored directory as an interchange document (canonical form: exporting, importing
and exporting again gives the same bytes).

Options:
  --format json      the output format (only json for now; the default)
  --out FILE         write to FILE instead of standard output
  --directory ID     which directory, when the store holds several
  -h, --help         show this help
`,
  options: { format: { type: 'string' }, out: { type: 'string' }, directory: { type: 'string' } },
  positionals: 0,
  async run(values, _positionals, context) {
    const format = (values.format as string | undefined) ?? 'json';
    if (!FORMATS.includes(format)) {
      throw new RepertoireError('usage', `unknown export format "${format}" (expected one of: ${FORMATS.join(', ')})`);
    }
    const text = await withStore(context, ({ db }) => exportJson(db, values.directory as string | undefined));
    const out = values.out as string | undefined;
    if (out === undefined) {
      context.stdout.write(text);
    } else {
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, text);
      context.stderr.write(`Wrote ${out}\n`);
    }
    return 0;
  },
};
