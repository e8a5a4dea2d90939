/** `repertoire serve`: configuration errors in-process; the real server end to end in a child process. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, type TestContext } from 'vitest';
import { tempDir } from '../../test-support/temp-store.js';
import { run } from '../run.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'src/cli/main.ts');

function capture() {
  let text = '';
  return { write: (chunk: string) => ((text += chunk), true), text: () => text };
}

describe('serve: configuration', () => {
  it.each([
    ['abc', /PORT: must be a whole number from 0 to 65535/],
    ['70000', /PORT: must be a whole number from 0 to 65535/],
    ['-1', /PORT: must be a whole number from 0 to 65535/],
  ])('PORT=%s stops it with a message naming the variable', async (port, message) => {
    const stdout = capture();
    const stderr = capture();
    const code = await run(['serve'], { stdout, stderr, env: { PORT: port, DATABASE_URL: ':memory:' } });
    expect(code).toBe(1);
    expect(stderr.text()).toMatch(message);
    expect(stdout.text()).toBe('');
  });

  it('HOST must be an address', async () => {
    const stderr = capture();
    expect(await run(['serve'], { stdout: capture(), stderr, env: { HOST: 'http://x y' } })).toBe(1);
    expect(stderr.text()).toMatch(/HOST: must be a host name or an IP address/);
  });

  it('has its help', async () => {
    const stdout = capture();
    expect(await run(['serve', '--help'], { stdout, stderr: capture(), env: {} })).toBe(0);
    expect(stdout.text()).toMatch(/PORT.*default 3000/);
  });
});

/** Starts the server in a child process; resolves with its URL once it says it is serving. */
function startServer(env: Record<string, string>, onFinished: TestContext['onTestFinished']) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  // decoded as a stream: a chunk may end inside a multi-byte character
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (stdout += chunk));
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  onFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL after 60 s\n${stdout}\n${stderr}`)), 60_000);
    child.stdout.on('data', () => {
      const match = /http:\/\/\S+\//.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    void exited.then((code) => reject(new Error(`exited with ${code}\n${stdout}\n${stderr}`)));
  });
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe('serve: end to end', () => {
  it('imports the bundled directory on first start, serves the site and the search, stops on SIGTERM', { timeout: 120_000 }, async ({ onTestFinished }) => {
    const env = { DATABASE_URL: join(tempDir(onTestFinished), 'store.db'), PORT: '0', HOST: '127.0.0.1' };
    const first = startServer(env, onTestFinished);
    const url = await first.url;
    expect(url).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(first.output().stderr).toMatch(/importing the bundled 2008 directory/);
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<span class="value">50</span> <span class="caption">Partenariats</span>');
    const search = await fetch(`${url}recherche.json?q=fes`);
    expect(search.status).toBe(200);
    expect(((await search.json()) as { total: number }).total).toBeGreaterThan(0);
    // a long page, read on the search thread's connection: Marrakech's French partners and who else works with them
    const marrakech = (await (await fetch(`${url}collectivites/ma-commune-marrakech.json`)).json()) as {
      coordination: { partners: { id: string }[]; samePartners: { others: unknown[] }[] };
    };
    expect(marrakech.coordination.partners.map((p) => p.id)).toEqual(
      expect.arrayContaining(['fr-commune-ajaccio', 'fr-commune-clermont-ferrand', 'fr-commune-marseille', 'fr-commune-tours', 'fr-region-bourgogne']),
    );
    expect(marrakech.coordination.samePartners.some((entry) => entry.others.length > 0)).toBe(true);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // a second start finds the directory and imports nothing
    const second = startServer(env, onTestFinished);
    const again = await second.url;
    expect((await fetch(`${again}partenariats/tours-marrakech`)).status).toBe(200);
    expect(second.output().stderr).not.toMatch(/importing/);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
