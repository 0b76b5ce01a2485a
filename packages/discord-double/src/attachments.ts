/**
 * Attachments in the double: multipart bodies (`payload_json` + `files[n]`) keep each file's bytes, so tests
 * can open what the bot uploaded; interaction callbacks carry their files on the response message.
 * Also the member-list route (`GET /guilds/:id/members`), which exports page through.
 */
import { findGuildMembersPage } from './attachments-members.js';
import type { RouteDefinition } from './rest-routes.js';
import type { FixtureGuild } from './fixtures.js';

export const UPLOADS_KEY = '__uploads';
export const FILES_KEY = '__files';

export interface Upload {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** Parses a multipart/form-data body into its JSON payload plus the uploaded files (bytes kept). */
export function parseMultipartBody(raw: Buffer, contentType: string): unknown {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return undefined;
  const delimiter = Buffer.from(`--${marker}`);
  let payload: unknown = {};
  const uploads: Upload[] = [];
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = raw.subarray(start + delimiter.length, next);
    start = next;
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.subarray(0, headerEnd).toString('utf8');
    let body = part.subarray(headerEnd + 4);
    if (body.subarray(-2).toString('latin1') === '\r\n') body = body.subarray(0, -2);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (!name) continue;
    if (name === 'payload_json') payload = JSON.parse(body.toString('utf8'));
    else
      uploads.push({
        field: name,
        filename: /filename="([^"]*)"/i.exec(headers)?.[1] ?? name,
        contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream',
        data: Buffer.from(body),
      });
  }
  if (uploads.length === 0 || typeof payload !== 'object' || payload === null) return payload;
  const files = { [FILES_KEY]: uploads.map((u) => u.filename), [UPLOADS_KEY]: uploads };
  const object = payload as Record<string, unknown>;
  // An interaction callback ({ type, data }) carries its files on the message it creates.
  if (typeof object.type === 'number' && typeof object.data === 'object' && object.data !== null) {
    return { ...object, data: { ...(object.data as Record<string, unknown>), ...files } };
  }
  return { ...object, ...files };
}

/** The uploads a message body carried, if any. */
export function uploadsOf(body: Record<string, unknown>): Upload[] | undefined {
  const uploads = body[UPLOADS_KEY];
  return Array.isArray(uploads) ? (uploads as Upload[]) : undefined;
}

/**
 * `GET /guilds/:guildId/members?limit&after`: the fixture's members in id order. Discord serves the list only to
 * applications with the Server Members intent switched on; any other gets 403 Missing Access (50001).
 */
export function memberListRoute(findGuild: (id: string | undefined) => FixtureGuild | undefined, serverMembersIntent: boolean): RouteDefinition {
  return {
    method: 'GET',
    template: '/guilds/:guildId/members',
    auth: true,
    handle: (request) => {
      const guild = findGuild(request.params.guildId);
      if (!guild || !serverMembersIntent) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
      return { status: 200, body: findGuildMembersPage(guild, Number(request.query.get('limit') ?? 1), request.query.get('after') ?? '0') };
    },
  };
}
