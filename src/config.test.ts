import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGES_IN_FLIGHT, loadConfig } from './config.js';
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
