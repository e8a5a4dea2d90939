import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_CACHE_MB, DEFAULT_PAGES_IN_FLIGHT, loadConfig } from './config.js';
import { RepertoireError } from './errors.js';

describe('loadConfig', () => {
  it('defaults to the SQLite file data/repertoire.db', () => {
    expect(loadConfig({}).database).toEqual({ kind: 'sqlite', path: 'data/repertoire.db' });
  });

  it.each([
    ['/tmp/x.db', '/tmp/x.db'],
    ['data/other.db', 'data/other.db'],
    ['sqlite:data/x.db', 'data/x.db'],
    ['sqlite://data/x.db', 'data/x.db'],
    ['sqlite:///tmp/x.db', '/tmp/x.db'],
    ['file:data/x.db', 'data/x.db'],
    ['file:///tmp/x.db', '/tmp/x.db'],
    [':memory:', ':memory:'],
  ])('reads %s as the SQLite file %s', (url, path) => {
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ kind: 'sqlite', path });
  });

  it.each(['postgres://u@localhost/test', 'postgresql://localhost:5432/test'])('accepts %s', (url) => {
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url });
  });

  it.each([
    ['mysql://localhost/x', /DATABASE_URL: unsupported scheme "mysql:"/],
    ['', /DATABASE_URL: must not be empty/],
    ['sqlite:', /DATABASE_URL: no file path/],
    ['postgres://[bad', /DATABASE_URL: not a valid URL/],
  ])('rejects %j with a message naming the variable', (url, message) => {
    const attempt = () => loadConfig({ DATABASE_URL: url });
    expect(attempt).toThrow(RepertoireError);
    expect(attempt).toThrow(message);
  });

  it('listens on 127.0.0.1:3000 by default', () => {
    expect(loadConfig({}).server).toEqual({ port: 3000, host: '127.0.0.1' });
  });

  it('reads PORT and HOST', () => {
    expect(loadConfig({ PORT: '8080', HOST: '0.0.0.0' }).server).toEqual({ port: 8080, host: '0.0.0.0' });
    expect(loadConfig({ PORT: '0' }).server.port).toBe(0);
  });

  it.each(['abc', '-1', '65536', '3000.5', '', '99999999'])('rejects PORT=%j with a message naming the variable', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT: must be a whole number from 0 to 65535/);
  });

  it.each(['', 'http://localhost', 'local host'])('rejects HOST=%j with a message naming the variable', (host) => {
    expect(() => loadConfig({ HOST: host })).toThrow(/HOST: must/);
  });

  it('is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
    expect(Object.isFrozen(config.server)).toBe(true);
  });
});

describe('site options', () => {
  it('reads REPERTOIRE_READ_ONLY as a flag, and refuses what is not one', () => {
    expect(loadConfig({}).readOnly).toBeUndefined();
    expect(loadConfig({ REPERTOIRE_READ_ONLY: '1' }).readOnly).toBe(true);
    expect(loadConfig({ REPERTOIRE_READ_ONLY: 'no' }).readOnly).toBeUndefined();
    expect(() => loadConfig({ REPERTOIRE_READ_ONLY: 'replica' })).toThrow(/REPERTOIRE_READ_ONLY: must be 1 or 0/);
  });

  it('reads SITE_URL and SECURE_COOKIES', () => {
    expect(loadConfig({}).site).toEqual({ secureCookies: false });
    expect(loadConfig({ SITE_URL: 'https://repertoire.example.org', SECURE_COOKIES: '1' }).site).toEqual({ baseUrl: 'https://repertoire.example.org', secureCookies: true });
    expect(loadConfig({ SECURE_COOKIES: 'false' }).site?.secureCookies).toBe(false);
  });

  it('refuses a SITE_URL that is not an http(s) URL, and a SECURE_COOKIES that is not a flag', () => {
    expect(() => loadConfig({ SITE_URL: 'repertoire.example.org' })).toThrow(/SITE_URL/);
    expect(() => loadConfig({ SECURE_COOKIES: 'peut-être' })).toThrow(/SECURE_COOKIES/);
  });
});

describe('trusted proxies', () => {
  it('believes no proxy by default; reads TRUST_PROXY as addresses and ranges', () => {
    expect(loadConfig({}).site?.trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: ' ' }).site?.trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8 ,fd00::/8,loopback ' }).site?.trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', 'loopback']);
  });

  it('refuses anything else, naming the variable and the entry', () => {
    for (const value of ['true', '1', 'proxy.example.org', '10.0.0.0/33', '::1/129', '10.0.0.1/8/8', '127.0.0.1,,10.0.0.1']) {
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY: /);
    }
    expect(() => loadConfig({ TRUST_PROXY: '127.0.0.1, nginx' })).toThrow('TRUST_PROXY: "nginx" is not an IP address');
  });
});

describe('search workers', () => {
  it('reads SEARCH_WORKERS from 0 to 16, and leaves the default to the searcher otherwise', () => {
    expect(loadConfig({}).searchWorkers).toBeUndefined();
    expect(loadConfig({ SEARCH_WORKERS: '0' }).searchWorkers).toBe(0);
    expect(loadConfig({ SEARCH_WORKERS: ' 1 ' }).searchWorkers).toBe(1);
  });

  it('refuses a SEARCH_WORKERS that is not a whole number up to 16', () => {
    for (const value of ['-1', '17', 'deux', '1.5']) expect(() => loadConfig({ SEARCH_WORKERS: value }), value).toThrow(/SEARCH_WORKERS: must be a whole number from 0 to 16/);
  });
});

describe('the test pause', () => {
  it('reads REPERTOIRE_TEST_PAUSE as a step, with or without milliseconds, under NODE_ENV=test', () => {
    expect(loadConfig({}).testPause).toBeUndefined();
    expect(loadConfig({ REPERTOIRE_TEST_PAUSE: ' ' }).testPause).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'test', REPERTOIRE_TEST_PAUSE: 'saved' }).testPause).toEqual({ at: 'saved' });
    expect(loadConfig({ NODE_ENV: 'test', REPERTOIRE_TEST_PAUSE: 'read:1500' }).testPause).toEqual({ at: 'read', ms: 1500 });
  });

  it('refuses it outside tests, and when it is not STEP or STEP:MS', () => {
    expect(() => loadConfig({ REPERTOIRE_TEST_PAUSE: 'saved' })).toThrow('Invalid configuration: REPERTOIRE_TEST_PAUSE: is for tests only (NODE_ENV=test)');
    expect(() => loadConfig({ NODE_ENV: 'production', REPERTOIRE_TEST_PAUSE: 'saved' })).toThrow(/REPERTOIRE_TEST_PAUSE: is for tests only/);
    for (const value of ['saved:', 'read:1.5', 'Saved', 'read:x']) {
      expect(() => loadConfig({ NODE_ENV: 'test', REPERTOIRE_TEST_PAUSE: value }), value).toThrow(/REPERTOIRE_TEST_PAUSE: must be STEP or STEP:MILLISECONDS/);
    }
  });
});

describe('pages in flight', () => {
  it('reads MAX_PAGES_IN_FLIGHT, 0 for no limit, with a default', () => {
    expect(loadConfig({}).pagesInFlight).toBe(DEFAULT_PAGES_IN_FLIGHT);
    expect(loadConfig({ MAX_PAGES_IN_FLIGHT: '0' }).pagesInFlight).toBe(0);
    expect(loadConfig({ MAX_PAGES_IN_FLIGHT: ' 200 ' }).pagesInFlight).toBe(200);
  });

  it('refuses a MAX_PAGES_IN_FLIGHT that is not a whole number up to 10000', () => {
    for (const value of ['-1', '10001', 'beaucoup', '1.5', '']) {
      expect(() => loadConfig({ MAX_PAGES_IN_FLIGHT: value }), value).toThrow(/MAX_PAGES_IN_FLIGHT: must be a whole number from 0 \(no limit\) to 10000/);
    }
  });
});

describe('kept pages', () => {
  it('reads PAGE_CACHE_MB, 0 for none, with a default, and refuses anything else', () => {
    expect(loadConfig({}).pageCacheMb).toBe(DEFAULT_PAGE_CACHE_MB);
    expect(loadConfig({ PAGE_CACHE_MB: '0' }).pageCacheMb).toBe(0);
    expect(loadConfig({ PAGE_CACHE_MB: ' 16 ' }).pageCacheMb).toBe(16);
    for (const value of ['-1', '1025', 'quatre', '0.5', '']) {
      expect(() => loadConfig({ PAGE_CACHE_MB: value }), value).toThrow(/PAGE_CACHE_MB: must be a whole number of megabytes from 0 \(none\) to 1024/);
    }
  });
});

describe('Arabic digits', () => {
  it('reads ARABIC_DIGITS, western by default, and refuses anything else', () => {
    expect(loadConfig({}).arabicDigits).toBe('western');
    expect(loadConfig({ ARABIC_DIGITS: 'arabic' }).arabicDigits).toBe('arabic');
    expect(loadConfig({ ARABIC_DIGITS: ' Western ' }).arabicDigits).toBe('western');
    for (const value of ['eastern', 'latn', '1']) {
      expect(() => loadConfig({ ARABIC_DIGITS: value }), value).toThrow(/ARABIC_DIGITS: must be western \(1 2 3\) or arabic/);
    }
  });
});

describe('mail', () => {
  it('has no SMTP by default (the console transport); reads SMTP_URL and MAIL_FROM', () => {
    expect(loadConfig({}).mail).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Répertoire <repertoire@example.org>' }).mail).toEqual({
      smtpUrl: 'smtp://127.0.0.1:2525',
      from: 'Répertoire <repertoire@example.org>',
    });
    expect(loadConfig({ SMTP_URL: 'smtps://user:secret@mail.example.org:465', MAIL_FROM: 'repertoire@example.org' }).mail?.smtpUrl).toBe('smtps://user:secret@mail.example.org:465');
  });

  it('refuses an SMTP_URL that is not smtp(s)://host, and SMTP_URL without a valid MAIL_FROM, naming the variable', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://127.0.0.1:2525', MAIL_FROM: 'a@b.org' })).toThrow(/SMTP_URL: must be smtp:\/\/HOST:PORT/);
    expect(() => loadConfig({ SMTP_URL: '127.0.0.1:2525', MAIL_FROM: 'a@b.org' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(/MAIL_FROM: is needed with SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'pas une adresse' })).toThrow(/MAIL_FROM: must be an e-mail address/);
  });
});
