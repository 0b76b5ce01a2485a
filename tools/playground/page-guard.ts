/**
 * Keeps other web pages out of the playground: every API call carries this run's secret (printed in the URL
 * the terminal shows, sent by the page as a header), and a request from another origin is refused even with it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const KEY_HEADER = 'x-playground-key';
/** EventSource, images and downloads cannot send headers: those URLs carry the key as `?key=`. */
export const KEY_PARAM = 'key';

export function newPageKey(): string {
  return randomBytes(24).toString('base64url');
}

/** The page's own origins: the address it is served on, under each loopback name. */
export function ownOrigins(port: number): string[] {
  return ['127.0.0.1', 'localhost', '[::1]'].map((host) => `http://${host}:${String(port)}`);
}

export type Refusal = { status: 401 | 403; text: string };

/**
 * Refuses a request from another site (by Origin, or by Sec-Fetch-Site where the browser sends it), and one
 * without this run's key. `fromQuery` allows the key in the URL (for the event stream and attachments).
 */
export function refuse(request: IncomingMessage, url: URL, key: string, port: number, fromQuery: boolean): Refusal | undefined {
  const origin = request.headers.origin;
  if (origin !== undefined && !ownOrigins(port).includes(origin)) return { status: 403, text: 'Refused: the playground only answers its own page.' };
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, text: 'Refused: the playground only answers its own page.' };
  const header = request.headers[KEY_HEADER];
  const given = typeof header === 'string' ? header : fromQuery ? (url.searchParams.get(KEY_PARAM) ?? '') : '';
  if (!sameSecret(given, key)) return { status: 401, text: 'Open the playground with the address printed in the terminal (it carries this run\'s key).' };
  return undefined;
}

function sameSecret(given: string, key: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}
