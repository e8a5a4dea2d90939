/**
 * The text of a PDF, by poppler's pdftotext (ADR 0008): a child process without a shell, with a
 * time limit, in one of its three modes (`layout` keeps the columns, `raw` the order of the
 * drawing, `default` poppler's reading order). Pages end with a form feed. What pdftotext cannot
 * read — not a PDF, locked by a password, damaged, no text at all (a scan) — is said in a sentence.
 */
import { execFile } from 'node:child_process';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { RepertoireError } from '../../errors.js';
import { boxedText, type BoxedText } from './boxes.js';

export const PDF_MODES = ['layout', 'raw', 'default'] as const;
export type PdfMode = (typeof PDF_MODES)[number];

export interface ExtractOptions {
  readonly mode?: PdfMode;
  /** milliseconds before pdftotext is stopped (a pathological file must not hang an import) */
  readonly timeoutMs?: number;
}

const MODE_FLAGS: Record<PdfMode, readonly string[]> = { layout: ['-layout'], raw: ['-raw'], default: [] };

/** Whether a file is a PDF by its first bytes (the header may follow a little junk, as readers allow). */
export async function isPdfFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).includes('%PDF-');
  } finally {
    await handle.close();
  }
}

function pdftotext(args: readonly string[], timeoutMs: number): Promise<{ stdout: string; stderr: string; code: number | null; killed: boolean }> {
  return new Promise((resolve, reject) => {
    execFile('pdftotext', args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new RepertoireError('not-supported', 'pdftotext is missing (poppler-utils): run scripts/install-system-deps.sh', 500, { cause: error }));
        return;
      }
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ stdout, stderr, code, killed: Boolean(error?.killed) });
    });
  });
}

/** The text of the PDF at `path`, pages ended by form feeds; a sentence naming the file when it cannot be read. */
export async function extractPdfText(path: string, options: ExtractOptions = {}): Promise<string> {
  const stdout = await run(path, [...MODE_FLAGS[options.mode ?? 'layout'], '-enc', 'UTF-8', '-eol', 'unix'], options);
  const pages = stdout.split('\f');
  if (pages.length > 1 && !pages.at(-1)!.trim()) pages.pop();
  noText(basename(path), pages);
  return stdout;
}

/** The PDF's printed lines with their boxes (boxes.ts), from pdftotext's -bbox-layout. */
export async function extractPdfBoxes(path: string, options: Omit<ExtractOptions, 'mode'> = {}): Promise<BoxedText> {
  const boxed = boxedText(await run(path, ['-bbox-layout', '-enc', 'UTF-8'], options));
  noText(basename(path), boxed.text.split('\f'));
  return boxed;
}

async function run(path: string, flags: readonly string[], options: ExtractOptions): Promise<string> {
  const name = basename(path);
  if (!(await isPdfFile(path))) throw new RepertoireError('parse', `${name}: this is not a PDF file (it does not begin with %PDF-); a directory's text should be named .txt`, 400);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const result = await pdftotext([...flags, path, '-'], timeoutMs);
  if (result.killed) throw new RepertoireError('parse', `${name}: pdftotext did not finish reading this PDF within ${Math.round(timeoutMs / 1000)} s`, 400);
  if (result.code !== 0) {
    if (/incorrect password/i.test(result.stderr)) throw new RepertoireError('parse', `${name}: this PDF is encrypted with a password: save an unlocked copy (without a password) and import that`, 400);
    if (result.code === 3 || /copying of text .* not allowed/i.test(result.stderr)) throw new RepertoireError('parse', `${name}: this PDF forbids copying its text: save an unlocked copy and import that`, 400);
    const first = result.stderr.split('\n').map((l) => l.trim()).find(Boolean) ?? `exit code ${result.code}`;
    throw new RepertoireError('parse', `${name}: this PDF cannot be read (damaged or cut short?): pdftotext says “${first}”`, 400);
  }
  return result.stdout;
}

function noText(name: string, pages: readonly string[]): void {
  if (!pages.some((page) => page.trim())) {
    throw new RepertoireError('parse', `${name}: page 1${pages.length > 1 ? ` to ${pages.length}` : ''}: no text, only images (a scanned document?): run it through OCR first (e.g. ocrmypdf), then import the result`, 400);
  }
}
