/**
 * Test helpers of the publishers: a store holding the bundled 2008 directory, and the real
 * outside tools the exports must satisfy (LibreOffice, pdftotext, xmllint), run as child
 * processes. Not used by the publishers themselves.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import yauzl from 'yauzl';
import { readDirectory } from '../../import/directory/index.js';
import { SEED_COUNTRIES } from '../../import/directory/testing.js';
import { saveDocument } from '../../store/save-document.js';
import type { Database } from '../../store/tables.js';

const run = promisify(execFile);

export const BUNDLED_NAME = 'repertoire-franco-marocain-2008.txt';
export const BUNDLED_TEXT = () => readFileSync(new URL(`../../../data/sources/${BUNDLED_NAME}`, import.meta.url), 'utf8');

/** Imports the bundled 2008 directory into `db`, as `repertoire setup` does. */
export async function importBundled(db: Kysely<Database>): Promise<void> {
  const { document, report, sources } = readDirectory(BUNDLED_TEXT(), { document: BUNDLED_NAME , countries: SEED_COUNTRIES });
  await saveDocument(db, document, { sources, report });
}

/**
 * `soffice --headless --convert-to TARGET FILE`, with its own profile folder so that several
 * conversions may run at once. Returns the folder holding what LibreOffice wrote.
 */
export async function libreOfficeConvert(file: string, target: string, outDir: string, infilter?: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'repertoire-lo-'));
  try {
    const args = ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`];
    if (infilter) args.push(`--infilter=${infilter}`);
    args.push('--convert-to', target, '--outdir', outDir, file);
    await run('soffice', args, { timeout: 120_000 });
    return outDir;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function pdfToText(pdf: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export async function xmllintSchema(schema: string, file: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run('xmllint', ['--noout', '--schema', schema, file], { maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** The zip's entries (a CSV export, an XLSX workbook), by name, as text, in their order. */
export function unzipBuffer(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, string>();
      zip.on('error', reject);
      zip.on('end', () => resolve(files));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
