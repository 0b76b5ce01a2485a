/** Gateway v10 over plain JSON text frames (no compression): HELLO, IDENTIFY/READY, heartbeats, RESUME, controls. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import { type FixtureGuild, type FixtureUser, guildCreatePayload, userPayload } from './fixtures.js';
import { MAX_GUILDS_PER_SHARD, parseShard, shardOf } from './sharding.js';
import type { ChangeNotifier } from './waiting.js';

/** A frame arrives as one Buffer, a list of fragments, or an ArrayBuffer, depending on the socket's binaryType. */
function frameText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  if (Buffer.isBuffer(raw)) return raw.toString('utf8');
  return Buffer.from(raw).toString('utf8');
}

export const GatewayOp = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** GuildMembers, GuildPresences, MessageContent. */
export const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

export interface IdentifyRecord {
  at: number;
  token: string;
  intents: number;
  shard?: [number, number];
  compress?: boolean;
  properties?: Record<string, unknown>;
  sessionId: string;
  /** How many guilds READY listed (the shard's share); unset when IDENTIFY was refused. */
  guildCount?: number;
}

export interface ResumeRecord {
  at: number;
  sessionId: string;
  seq: number;
  replayed: number;
}

export interface ReceivedFrame {
  at: number;
  op: number;
  d: unknown;
}

interface SentDispatch {
  s: number;
  t: string;
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  history: SentDispatch[];
  socket: WebSocket | null;
  alive: boolean;
  /** `[shard_id, num_shards]`; an unsharded IDENTIFY is `[0, 1]`. */
  shard: [number, number];
}

export interface GatewayOptions {
  url: () => string;
  guilds: () => FixtureGuild[];
  botUser: FixtureUser;
  applicationId: string;
  heartbeatIntervalMs: number;
  /** Privileged intents in IDENTIFY close the socket with 4014 unless enabled (as in the developer portal). */
  privilegedIntentsEnabled: boolean;
  /** When set, IDENTIFY with any other token closes with 4004. */
  botToken?: string | undefined;
  now: () => number;
  changes: ChangeNotifier;
}

const CloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  AuthenticationFailed: 4004,
  InvalidShard: 4010,
  ShardingRequired: 4011,
  DisallowedIntents: 4014,
} as const;

/** The guild an event belongs to: `guild_id`, or `id` for the guild's own events; undefined for DMs and the like. */
function guildOfEvent(event: string, data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const fields = data as { guild_id?: unknown; id?: unknown };
  if (typeof fields.guild_id === 'string') return fields.guild_id;
  if ((event === 'GUILD_CREATE' || event === 'GUILD_UPDATE' || event === 'GUILD_DELETE') && typeof fields.id === 'string') return fields.id;
  return undefined;
}

/** Whether a session holds the guild (events without a guild, such as DMs, go to shard 0 only, as on Discord). */
function sessionOwns(session: Session, guildId: string | undefined): boolean {
  const [id, count] = session.shard;
  return guildId === undefined ? id === 0 : shardOf(guildId, count) === id;
}

export class GatewayServer {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly received: ReceivedFrame[] = [];
  /** URLs (path + query) the client connected with. */
  readonly connections: string[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly options: GatewayOptions) {}

  accept(socket: WebSocket, request: IncomingMessage): void {
    this.sockets.add(socket);
    this.connections.push(request.url ?? '/');
    socket.on('message', (raw) => this.onFrame(socket, frameText(raw)));
    socket.on('close', (code) => this.onClose(socket, code));
    socket.on('error', () => socket.terminate());
    this.send(socket, { op: GatewayOp.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });
    this.options.changes.notify();
  }

  /**
   * Sends a dispatch to every live session of the shard that owns the event's guild (shard 0 for events without
   * one); a disconnected but resumable session gets it on RESUME.
   * Returns how many sessions took it (0: no client holds that shard, the event is lost).
   */
  dispatch(event: string, data: unknown): number {
    const guildId = guildOfEvent(event, data);
    const sessions = this.liveSessions().filter((session) => sessionOwns(session, guildId));
    for (const session of sessions) this.sendDispatch(session, event, data);
    return sessions.length;
  }

  /**
   * Closes the connection without a close frame (client sees 1006), or with `code`; the session stays resumable.
   * With `shardId`, only that shard's sessions are dropped.
   */
  dropConnection(code?: number, shardId?: number): void {
    for (const session of this.liveSessions()) {
      if (shardId !== undefined && session.shard[0] !== shardId) continue;
      const socket = session.socket;
      session.socket = null;
      if (!socket) continue;
      if (code === undefined) socket.terminate();
      else socket.close(code, 'Discord double dropped the connection');
    }
  }

  sendReconnect(): void {
    for (const session of this.liveSessions()) {
      if (session.socket) this.send(session.socket, { op: GatewayOp.Reconnect, d: null, s: null, t: null });
    }
  }

  invalidateSession(resumable: boolean): void {
    for (const session of this.liveSessions()) {
      if (!resumable) session.alive = false;
      if (session.socket) this.send(session.socket, { op: GatewayOp.InvalidSession, d: resumable, s: null, t: null });
    }
  }

  /** Whether some session currently has an open socket. */
  get connected(): boolean {
    return this.liveSessions().some((session) => session.socket !== null);
  }

  close(): void {
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
    this.sessions.clear();
  }

  private liveSessions(): Session[] {
    return [...this.sessions.values()].filter((session) => session.alive);
  }

  private onFrame(socket: WebSocket, text: string): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      frame = JSON.parse(text) as { op?: unknown; d?: unknown };
    } catch {
      socket.close(4002, 'Decode error');
      return;
    }
    const op = typeof frame.op === 'number' ? frame.op : -1;
    this.received.push({ at: this.options.now(), op, d: frame.d });
    switch (op) {
      case GatewayOp.Heartbeat:
        this.send(socket, { op: GatewayOp.HeartbeatAck, d: null, s: null, t: null });
        break;
      case GatewayOp.Identify:
        this.onIdentify(socket, frame.d as Record<string, unknown>);
        break;
      case GatewayOp.Resume:
        this.onResume(socket, frame.d as Record<string, unknown>);
        break;
      default:
        break;
    }
    this.options.changes.notify();
  }

  private onIdentify(socket: WebSocket, d: Record<string, unknown>): void {
    const token = typeof d.token === 'string' ? d.token : '';
    const intents = typeof d.intents === 'number' ? d.intents : 0;
    const shard = parseShard(d.shard);
    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, history: [], socket, alive: true, shard: shard ?? [0, 1] };
    const record: IdentifyRecord = { at: this.options.now(), token, intents, sessionId: session.id };
    if (d.shard !== undefined) record.shard = d.shard as [number, number];
    if (typeof d.compress === 'boolean') record.compress = d.compress;
    if (typeof d.properties === 'object' && d.properties !== null) record.properties = d.properties as Record<string, unknown>;
    this.identifies.push(record);
    if (!token || (this.options.botToken !== undefined && token !== this.options.botToken)) {
      socket.close(CloseCode.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    if (intents & PRIVILEGED_INTENTS && !this.options.privilegedIntentsEnabled) {
      socket.close(CloseCode.DisallowedIntents, 'Disallowed intent(s).');
      return;
    }
    if (shard === null) {
      socket.close(CloseCode.InvalidShard, 'Invalid shard.');
      return;
    }
    const guilds = this.options.guilds().filter((guild) => sessionOwns(session, guild.id));
    if (guilds.length > MAX_GUILDS_PER_SHARD) {
      socket.close(CloseCode.ShardingRequired, 'Sharding required.');
      return;
    }
    record.guildCount = guilds.length;
    for (const previous of this.sessions.values()) {
      if (previous.socket === socket) previous.alive = false;
    }
    this.sessions.set(session.id, session);
    this.sendDispatch(session, 'READY', {
      v: 10,
      user: userPayload(this.options.botUser),
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.options.url(),
      shard: session.shard,
      application: { id: this.options.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      user_settings: {},
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ['discord-double'],
    });
    for (const guild of guilds) this.sendDispatch(session, 'GUILD_CREATE', guildCreatePayload(guild));
  }

  private onResume(socket: WebSocket, d: Record<string, unknown>): void {
    const sessionId = typeof d.session_id === 'string' ? d.session_id : '';
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    if (this.options.botToken !== undefined && d.token !== this.options.botToken) {
      socket.close(CloseCode.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const session = this.sessions.get(sessionId);
    if (!session || !session.alive) {
      this.send(socket, { op: GatewayOp.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    const missed = session.history.filter((dispatch) => dispatch.s > seq);
    for (const dispatch of missed) this.send(socket, { op: GatewayOp.Dispatch, ...dispatch });
    this.resumes.push({ at: this.options.now(), sessionId, seq, replayed: missed.length });
    this.sendDispatch(session, 'RESUMED', null);
  }

  private onClose(socket: WebSocket, code: number): void {
    this.sockets.delete(socket);
    for (const session of this.sessions.values()) {
      if (session.socket !== socket) continue;
      session.socket = null;
      // A clean close by the client ends the session; anything else (4200 resuming, 1006) keeps it resumable.
      if (code === CloseCode.Normal || code === CloseCode.GoingAway) session.alive = false;
    }
    this.options.changes.notify();
  }

  private sendDispatch(session: Session, event: string, data: unknown): void {
    session.seq += 1;
    const dispatch: SentDispatch = { s: session.seq, t: event, d: data };
    session.history.push(dispatch);
    if (session.socket) this.send(session.socket, { op: GatewayOp.Dispatch, ...dispatch });
  }

  private send(socket: WebSocket, payload: Record<string, unknown>): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }
}
