/** Real SQLite stores in temporary folders, removed when the test ends. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { loadConfig } from '../config.js';
import { openStore, type Store } from '../store/db.js';

/** Concurrent tests must pass their context's `onTestFinished`, so the folder outlives only its own test. */
export function tempDir(onFinished: typeof onTestFinished = onTestFinished): string {
  const dir = mkdtempSync(join(tmpdir(), 'repertoire-test-'));
  onFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function openTempStore(): Promise<Store & { path: string }> {
  const path = join(tempDir(), 'store.db');
  const store = await openStore(loadConfig({ DATABASE_URL: path }));
  onTestFinished(() => store.close());
  return { ...store, path };
}
