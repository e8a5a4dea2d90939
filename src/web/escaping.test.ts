/** Text from the store is inert wherever it shows: names, notes, search box, URLs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../model/fixtures/index.js';
import { internalLinks, openTestSite, type TestSite } from './testing.js';

const EVIL = '<script>alert(1)</script>';
let site: TestSite;
let collectivityId: string;
let partnershipId: string;

beforeAll(async () => {
  const doc = loadFixture();
  const collectivity = doc.collectivities[0]!;
  collectivity.name = EVIL;
  collectivity.shortName = `"><img src=x onerror=alert(2)>`;
  collectivity.websites = ['javascript:alert(3)'];
  collectivityId = collectivity.id;
  const partnership = doc.partnerships[0]!;
  partnership.history = `${EVIL} & <b>bold</b>`;
  partnership.notes = [`<a href="javascript:alert(4)">x</a>`];
  partnershipId = partnership.id;
  site = await openTestSite({ search: false, document: doc });
}, 60_000);

afterAll(async () => site?.dispose());

describe('escaping', () => {
  it('a collectivity named <script>alert(1)</script> renders inert, on every page that names it', async () => {
    const urls = ['/', `/collectivites/${collectivityId}`, `/partenariats/${partnershipId}`, '/partenariats', '/collectivites'];
    for (const url of urls) {
      const response = await site.app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).not.toContain(EVIL);
      expect(response.body, url).not.toContain('<img src=x');
      expect(response.body, url).not.toMatch(/href="javascript:/i);
      expect(response.body.match(/<script[^>]*>/g), url).toEqual(['<script src="/assets/site.js" defer>']);
    }
    const page = (await site.app.inject({ url: `/collectivites/${collectivityId}` })).body;
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(page).toContain('javascript:alert(3)'); // shown as text, not as a link
  });

  it('free text keeps its characters but not its markup', async () => {
    const page = (await site.app.inject({ url: `/partenariats/${partnershipId}` })).body;
    expect(page).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(page).not.toContain('<b>bold</b>');
    expect(page).not.toContain('href="javascript:');
  });

  it('the JSON twin carries the text as data', async () => {
    const json = (await site.app.inject({ url: `/collectivites/${collectivityId}.json` })).json<{ collectivity: { name: string } }>();
    expect(json.collectivity.name).toBe(EVIL);
  });

  it('what the request says is escaped too: query string, path', async () => {
    const response = await site.app.inject({ url: `/collectivites?kind=${encodeURIComponent(EVIL)}&q=${encodeURIComponent('"><script>x</script>')}` });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('<script>x</script>');
    expect(response.body).not.toContain(EVIL);
    const missing = await site.app.inject({ url: `/partenariats/${encodeURIComponent('<svg onload=alert(1)>')}` });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<svg');
    expect(internalLinks(missing.body).every((href) => !href.includes('<'))).toBe(true);
  });
});
