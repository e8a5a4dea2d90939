/**
 * Every answer carries the security headers: pages, assets, and the errors written before any
 * route runs (a malformed URL, a body that does not parse, a request Node cannot parse), over real
 * HTTP on the loopback with the URLs sent as written (no client normalising them).
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { buildApp } from './app.js';
import { SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from './security-headers.js';
import { openTestSite, type TestSite } from './testing.js';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

let site: TestSite;
let port: number;

beforeAll(async () => {
  site = await openTestSite();
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  port = (site.app.server.address() as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  await site.dispose();
});

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method, path, headers: { connection: 'close', ...headers } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Bytes Node's parser refuses: the answer is written on the socket by the client-error handler. */
function sendRaw(text: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: IncomingHttpHeaders = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const json = { 'content-type': 'application/json' };

const CASES: readonly { what: string; status: number; ask: () => Promise<Answer> }[] = [
  { what: 'a page', status: 200, ask: () => send('GET', '/') },
  { what: 'a JSON twin', status: 200, ask: () => send('GET', '/index.json') },
  { what: 'a search', status: 200, ask: () => send('GET', '/recherche?q=eau') },
  { what: 'a search whose query ends with a lone %', status: 200, ask: () => send('GET', '/recherche?q=%') },
  { what: 'a stylesheet', status: 200, ask: () => send('GET', '/assets/site.css') },
  { what: 'a stylesheet not modified', status: 304, ask: () => send('GET', '/assets/site.css', { 'if-modified-since': new Date(Date.now() + 86_400_000).toUTCString() }) },
  { what: 'an asset that does not exist', status: 404, ask: () => send('GET', '/assets/nope.css') },
  { what: 'a page that does not exist', status: 404, ask: () => send('GET', '/nope') },
  { what: 'a malformed percent-encoding in the path (FST_ERR_BAD_URL)', status: 400, ask: () => send('GET', '/%E0%A4%A') },
  { what: 'a lone % in a record id', status: 400, ask: () => send('GET', '/projets/%') },
  { what: 'a malformed percent-encoding in a JSON twin', status: 400, ask: () => send('GET', '/projets/%E0%A4%A.json') },
  { what: 'a record id too long for the router (414)', status: 414, ask: () => send('GET', `/partenariats/${'x'.repeat(3000)}`) },
  { what: 'a method no route answers', status: 404, ask: () => send('DELETE', '/') },
  { what: 'a POST to a route that does not exist, without a CSRF token', status: 404, ask: () => send('POST', '/nope', form, 'a=1') },
  { what: 'a form without its CSRF token', status: 403, ask: () => send('POST', '/connexion', form, 'email=a%40b.fr') },
  { what: 'a JSON body that does not parse', status: 400, ask: () => send('POST', '/connexion', json, '{"email":') },
  { what: 'a form body over the limit (413)', status: 413, ask: () => send('POST', '/connexion', form, `email=${'x'.repeat(1_100_000)}`) },
  { what: 'a body of a type no parser reads (415)', status: 415, ask: () => send('POST', '/connexion', { 'content-type': 'application/xml' }, '<a/>') },
  { what: 'a request Node cannot parse', status: 400, ask: () => sendRaw('GET / HTTP/1.1\r\nHost: localhost\r\nBad header line\r\n\r\n') },
  { what: 'headers over Node\'s limit (431)', status: 431, ask: () => sendRaw(`GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`) },
];

describe('security headers', () => {
  it.each(CASES)('$what: $status with every security header', async ({ ask, status }) => {
    const answer = await ask();
    expect(answer.status).toBe(status);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer.headers[name], name).toBe(value);
    // served over plain HTTP without SECURE_COOKIES: no HSTS
    expect(answer.headers['strict-transport-security']).toBeUndefined();
    expect(answer.body).not.toMatch(/\bat .*\.[jt]s:\d+/); // no stack trace
  });

  it("keeps Fastify's server settings: connections stay open 72 s between requests, not Node's 5 s", () => {
    expect(site.app.server.keepAliveTimeout).toBe(72_000);
  });

  it('adds HSTS when the site is always behind TLS (SECURE_COOKIES), on pages and early errors alike', async () => {
    const app = await buildApp({ store: site.store, config: loadConfig({ DATABASE_URL: site.path, SECURE_COOKIES: '1' }) });
    try {
      for (const url of ['/', '/%E0%A4%A', '/nope', '/assets/site.css']) {
        const answer = await app.inject({ method: 'GET', url });
        expect(answer.headers['strict-transport-security'], url).toBe(STRICT_TRANSPORT_SECURITY);
        expect(answer.headers['content-security-policy'], url).toBe(SECURITY_HEADERS['content-security-policy']);
      }
    } finally {
      await app.close();
    }
  });
});
