/**
 * The book's PDF round trip, field by field: the bundled directory imported into a scratch store,
 * printed as `export --format pdf` prints it (A4, A5 in 90 % type, A4 in 130 % type), read back in each of
 * pdftotext's modes, and every field that differs from the store listed, grouped by its kind of
 * path (`partnerships[].contacts[].role`). `npx tsx scripts/pdf-round-trip.ts [DIR]` (DIR keeps the
 * PDFs: a second run reuses them). ADR 0008 says what is left.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { readDirectory } from '../src/import/directory/index.js';
import { extractPdfBoxes, extractPdfText, pdfDirectoryText, PDF_MODES } from '../src/import/pdf/index.js';
import { RepertoireDocument } from '../src/model/schema.js';
import { documentDifferences } from '../src/publish/book/differences.js';
import { launchBrowser, printBook } from '../src/publish/book/pdf.js';
import { exportJson } from '../src/publish/json.js';
import { BUNDLED_NAME, importBundled } from '../src/publish/testing/tools.js';
import { openStore } from '../src/store/db.js';

const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'repertoire-pdf-round-trip-'));
const store = await openStore(loadConfig({ DATABASE_URL: join(dir, 'printed.db') }));
let stored: RepertoireDocument;
try {
  if ((await store.db.selectFrom('directories').select('id').execute()).length === 0) await importBundled(store.db);
  stored = RepertoireDocument.parse(JSON.parse(await exportJson(store.db)));
} finally {
  await store.close();
}
const prints = [
  ['A4', join(dir, 'book.pdf'), {}],
  ['A5 at 90 %', join(dir, 'book-a5.pdf'), { format: 'A5', scale: 0.9 }],
  ['A4 at 130 %', join(dir, 'book-large.pdf'), { scale: 1.3 }],
] as const;
if (prints.some(([, file]) => !existsSync(file))) {
  const browser = await launchBrowser();
  try {
    for (const [, file, options] of prints) writeFileSync(file, (await printBook(stored, { browser, ...options })).pdf);
  } finally {
    await browser.close();
  }
}
const only = process.env.MODES?.split(',');
for (const [paper, file] of prints) {
  for (const mode of (['boxes', ...PDF_MODES] as const).filter((m) => !only || only.includes(m))) {
    const { text } = pdfDirectoryText(mode === 'boxes' ? await extractPdfBoxes(file) : await extractPdfText(file, { mode }));
    writeFileSync(join(dir, `${paper.replace(/\W+/g, '-')}-${mode}.txt`), text);
    const back = readDirectory(text, { document: BUNDLED_NAME, countries: ['FR', 'MA'] });
    const differences = documentDifferences(stored, back.document);
    const classes = new Map<string, number>();
    for (const d of differences) {
      const kind = d.path.replace(/\[[^\]]*\]/g, "[]");
      classes.set(kind, (classes.get(kind) ?? 0) + 1);
    }
    console.log(`\n## ${paper}, ${mode}: ${differences.length} fields differ`);
    for (const [kind, n] of [...classes].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(4)}  ${kind}`);
    if (process.env.SHOW) for (const d of differences) console.log(`  ${d.path}\n    store: ${JSON.stringify(d.expected)}\n    read:  ${JSON.stringify(d.actual)}`);
  }
}
