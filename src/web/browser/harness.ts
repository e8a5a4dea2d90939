/**
 * For the browser tests: the site served over real HTTP (port 0, a temporary SQLite store with the
 * 2008 directory and its search index) and one headless Chromium (Debian's, /usr/bin/chromium,
 * driven by playwright-core), both started once per test file; each test opens its own context
 * and pages. Playwright gives every launch a fresh, empty profile (--user-data-dir in a new
 * temporary folder, removed on close; it refuses the flag among `args`).
 *
 * The tests are skipped, saying why, only where Chromium is missing and CI is not set; in CI a
 * missing Chromium fails them (scripts/install-system-deps.sh installs it).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../publish/book/pdf.js';
import { openTestSite, type TestSite } from '../testing.js';

// the same Chromium, with the same flags, as the book's printing
export const CHROMIUM_PATH = CHROMIUM;
export { CHROMIUM_ARGS };

/** Why the browser tests cannot run here, or undefined when they can (and must). */
export const skipReason: string | undefined =
  !existsSync(CHROMIUM_PATH) && !process.env.CI ? `skipped: ${CHROMIUM_PATH} is missing (install it with scripts/install-system-deps.sh; in CI these tests run)` : undefined;

/** Timeouts: generous for a loaded 2-core machine, finite everywhere. */
export const TIMEOUTS = { setup: 120_000, test: 60_000, action: 10_000, navigation: 20_000 } as const;

export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 360, height: 740 } as const;

/** axe-core's browser build, injected into pages with addScriptTag. */
export const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Where the tests leave their screenshots: never committed, only looked at. */
export const SCREENSHOTS_DIR = join(process.env.TMPDIR ?? tmpdir(), 'repertoire-screenshots');

export interface BrowserSite<S extends TestSite = TestSite> {
  readonly site: S;
  /** http://127.0.0.1:PORT */
  readonly base: string;
  readonly browser: Browser;
  /** a new context (its own history, cookies, viewport), closed with the site */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** a page in a new context, with the timeouts set and its errors collected */
  page(options?: BrowserContextOptions): Promise<Page>;
  /** console errors and uncaught exceptions of every page opened by `page()` (CSP refusals show up here) */
  readonly errors: string[];
  close(): Promise<void>;
}

/** The site (`openTestSite()`, or the one `open` gives: the members' site) served on a loopback port, and Chromium. */
export async function openBrowserSite(): Promise<BrowserSite>;
export async function openBrowserSite<S extends TestSite>(open: () => Promise<S>): Promise<BrowserSite<S>>;
export async function openBrowserSite(open: () => Promise<TestSite> = () => openTestSite()): Promise<BrowserSite> {
  const site = await open();
  let browser: Browser | undefined;
  try {
    const base = await site.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];
    const launched = browser;
    const context = async (options: BrowserContextOptions = {}) => {
      const created = await launched.newContext({ viewport: DESKTOP, locale: 'fr-FR', ...options });
      created.setDefaultTimeout(TIMEOUTS.action);
      created.setDefaultNavigationTimeout(TIMEOUTS.navigation);
      contexts.push(created);
      return created;
    };
    return {
      site,
      base,
      browser: launched,
      errors,
      context,
      async page(options) {
        const page = await (await context(options)).newPage();
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
        });
        page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
        return page;
      },
      async close() {
        await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
        await launched.close();
        await site.dispose();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await site.dispose();
    throw error;
  }
}

/** What has the keyboard focus: enough to find it by role and name, and to see its focus ring. */
export interface Focused {
  tag: string;
  role: string | null;
  /** aria-label, else the text */
  name: string;
  href: string | null;
  inMain: boolean;
  outlineStyle: string;
  outlineWidth: number;
  /** the element's box is inside the viewport */
  visible: boolean;
}

// The page functions below run in the browser: they are written against a minimal DOM shape,
// since this project's TypeScript has no DOM library.
interface DomElement {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): DomElement | null;
  getBoundingClientRect(): { top: number; left: number; bottom: number; right: number; width: number; height: number };
}
interface DomWindow {
  document: { activeElement: DomElement | null; documentElement: { scrollWidth: number; clientWidth: number }; body: { scrollWidth: number; clientWidth: number } };
  innerWidth: number;
  innerHeight: number;
  getComputedStyle(element: DomElement): { outlineStyle: string; outlineWidth: string };
}

export async function focused(page: Page): Promise<Focused | undefined> {
  return page.evaluate(() => {
    const w = globalThis as unknown as DomWindow;
    const element = w.document.activeElement;
    if (element === null || element.tagName === 'BODY') return undefined;
    const style = w.getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      tag: element.tagName.toLowerCase(),
      role: element.getAttribute('role'),
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: element.getAttribute('href'),
      inMain: element.closest('main') !== null,
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth) || 0,
      visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < w.innerHeight && box.left < w.innerWidth,
    };
  });
}

/**
 * Presses Tab until the focused element satisfies `wanted` (at most `max` presses), and returns
 * it; fails naming the elements passed through.
 */
export async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, max = 80, key = 'Tab'): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (now !== undefined && wanted(now)) return now;
    seen.push(now === undefined ? '(body)' : `${now.tag}${now.role ? `[${now.role}]` : ''} "${now.name.slice(0, 40)}"`);
  }
  throw new Error(`${what}: not reached in ${max} presses of ${key}; went through ${seen.join(', ')}`);
}

/** The page body's overflow: how far it scrolls sideways (0 when it does not). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as DomWindow;
    return Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth, document.body.scrollWidth - document.body.clientWidth);
  });
}

/** How far an element is scrolled sideways, and how far it can be. */
export async function scrollOf(locator: Locator): Promise<{ left: number; overflow: number }> {
  return locator.evaluate((e) => {
    const box = e as unknown as { scrollLeft: number; scrollWidth: number; clientWidth: number };
    return { left: box.scrollLeft, overflow: box.scrollWidth - box.clientWidth };
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's violations on the page as it is (the context must bypass the site's CSP to inject it). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[]; passes: unknown[] }> } };
    const result = await axe.run();
    if (result.passes.length === 0) throw new Error('axe-core checked nothing');
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
    }));
  });
}

/** The serious and critical ones: what the tests refuse. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation, for a readable failure. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.map((v) => `${v.impact ?? '?'} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return join(SCREENSHOTS_DIR, `${name}.png`);
}
