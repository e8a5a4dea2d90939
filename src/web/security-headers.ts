/**
 * The headers every answer of the site carries — pages, their JSON twins, assets, and every error
 * alike, including those Fastify or Node write before any route or hook runs (a malformed URL, a
 * malformed request, the server closing). Three places, because three writers answer:
 * - the node server's request listener (`securedServer`) sets them on the response before Fastify
 *   sees the request, so that what Fastify writes by itself (`writeHead` on closing, a bad URL)
 *   keeps them;
 * - an `onRequest` hook sets them on every request that reaches Fastify's routing (and on injected
 *   requests, which bypass the node server), plus HSTS when the request came over HTTPS;
 * - `clientErrorResponse` writes them into the raw answer to a request Node could not parse.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  // other sites may link to the pages but not load their resources (images, the JSON twins) into theirs
  'cross-origin-resource-policy': 'same-origin',
  // the site uses none of these; a script injected despite the CSP could not ask for them either
  'permissions-policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'x-permitted-cross-domain-policies': 'none',
};

/**
 * Sent only over HTTPS (or when the site says it is always behind TLS): over plain HTTP it is
 * meaningless, and on http://localhost it would make a browser refuse the development server.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

export interface SecurityHeaderOptions {
  /** the site is always reached over HTTPS (SECURE_COOKIES: a proxy terminates TLS in front of it) */
  readonly alwaysHttps: boolean;
}

/** The headers for one request: the fixed set, and HSTS when it came over HTTPS. */
export function securityHeadersFor(https: boolean): Readonly<Record<string, string>> {
  return https ? { ...SECURITY_HEADERS, 'strict-transport-security': STRICT_TRANSPORT_SECURITY } : SECURITY_HEADERS;
}

/** Sets them on a reply; for the routed requests (hook) and Fastify's early errors (frameworkErrors) alike. */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply, options: SecurityHeaderOptions): void {
  reply.headers(securityHeadersFor(options.alwaysHttps || request.protocol === 'https'));
}

export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  app.addHook('onRequest', async (request, reply) => applySecurityHeaders(request, reply, options));
}

/** The server options Fastify applies to the node server it makes itself; with a factory, the factory must. */
export interface ServerTimeouts {
  readonly keepAliveTimeout?: number;
  readonly requestTimeout?: number;
  readonly connectionTimeout?: number;
  readonly maxRequestsPerSocket?: number;
}

/**
 * Fastify's `serverFactory`: a node server whose every response starts with the fixed headers, with
 * the timeouts Fastify would have set (its keep-alive of 72 s rather than Node's 5 s, which would
 * close connections a proxy keeps open).
 */
export function securedServer(handler: RequestListener, options: ServerTimeouts = {}): Server {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    handler(request, response);
  });
  if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
  if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
  if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
  if (options.maxRequestsPerSocket !== undefined && options.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
  return server;
}

/** The answer to a request Node could not parse (Fastify's `clientErrorHandler`), with the headers: then the socket closes. */
export function clientErrorResponse(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = JSON.stringify({ error: { status, code: 'usage', message: STATUS_CODES[status] ?? 'Bad Request' } });
  const headers = Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers.join('')}Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
