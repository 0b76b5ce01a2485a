/** The Discord double: REST (`/api/v10`) and gateway WebSocket on one loopback port. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { DmChannels, NonceMemory, RateLimits, type RateLimitSettings, type RateLimitStats } from './channel-posts.js';
import { CommandRegistry, type StoredCommand } from './command-registry.js';
import { FaultInjector, type FaultSpec, type InjectedFault } from './faults.js';
import { defaultBotUser, defaultFixtureGuild, FIXTURE, type FixtureGuild, type FixtureUser } from './fixtures.js';
import { GatewayServer, type IdentifyRecord, type ReceivedFrame, type ResumeRecord } from './gateway.js';
import { BodyParseError, type DoubleResponse, errorResponse, notFound, parseBody, readRawBody, send } from './http-util.js';
import type { AutocompleteInput, CommandInput, InteractionPayload, ModalFieldValue } from './interaction-payloads.js';
import { InteractionStore, type InteractionRecord } from './interaction-state.js';
import { InteractionsEndpoint, type SignedHeaders } from './interactions-endpoint.js';
import { type ComponentActorInput, type InteractionHandle, InteractionActors, type SelectActorInput } from './interactions.js';
import { type ApiMessage, type MessageChange, type MessageSource, MessageStore } from './messages.js';
import { type RecordedRequest, RequestRecorder, type ValidationFailure } from './recorder.js';
import { buildRoutes, matchRoute, type RouteDefinition } from './rest-routes.js';
import { memberListRoute } from './attachments.js';
import { ScheduledEventStore, scheduledEventRoutes, type ScheduledEvent } from './scheduled-events.js';
import { ChangeNotifier } from './waiting.js';

export interface DiscordDoubleOptions {
  applicationId?: string;
  /** The bot's user; its id defaults to the application id. */
  botUser?: FixtureUser;
  /** Default: one guild, `defaultFixtureGuild()` ("Pacer Test Club"). */
  guilds?: FixtureGuild[];
  /** Clock for the 3 s deadline, 15 min token lifetime and timestamps. Default `Date.now`. */
  now?: () => number;
  interactionDeadlineMs?: number;
  heartbeatIntervalMs?: number;
  /**
   * The application has the privileged intents switched on in the developer portal: GuildMembers /
   * GuildPresences / MessageContent in IDENTIFY (else close 4014) and List Guild Members (else 403, 50001).
   * Default false.
   */
  privilegedIntentsEnabled?: boolean;
  /** The bot's token: when set, any other token is refused (REST 401, gateway close 4004), as Discord does. */
  botToken?: string;
  /** Web origins whose WebSocket the gateway takes; a connection without Origin (a bot process) is always taken. */
  allowedOrigins?: readonly string[];
}

export interface MessagesInOptions {
  /** Also list interaction responses, follow-ups and synthetic component messages (default: only channel posts). */
  includeInteractionMessages?: boolean;
}

/** What a viewer (the playground) hears about: messages as they change, every request, and every refused body. */
export type DoubleEvent =
  | { kind: 'message'; change: MessageChange; message: ApiMessage; source: MessageSource; interactionId?: string }
  | { kind: 'request'; request: RecordedRequest }
  | { kind: 'validation-error'; failure: ValidationFailure };

const API_PREFIX = '/api/v10';
const INTERACTION_DEADLINE_MS = 3000;
const HEARTBEAT_INTERVAL_MS = 41_250;

function decodePath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export class DiscordDouble {
  readonly applicationId: string;
  readonly botUser: FixtureUser;
  readonly guilds: FixtureGuild[];
  /** Distinct tokens seen in `Authorization: Bot <token>` headers, in order of first use. */
  readonly botTokens: string[] = [];
  readonly requests: RecordedRequest[];
  /** First answers the bot gave in the HTTP response to an interaction (no request of their own), in order. */
  readonly answersInResponses: { interactionId: string; body: unknown }[] = [];
  readonly validationErrors: ValidationFailure[];

  private readonly changes = new ChangeNotifier();
  private readonly recorder = new RequestRecorder(this.changes);
  private readonly faults = new FaultInjector();
  private readonly dmChannels: DmChannels;
  private readonly nonces: NonceMemory;
  private readonly rateLimits: RateLimits;
  private readonly now: () => number;
  private readonly registry: CommandRegistry;
  private readonly messages: MessageStore;
  private readonly events = new ScheduledEventStore();
  private readonly interactions: InteractionStore;
  private readonly actors: InteractionActors;
  private readonly gateway: GatewayServer;
  private readonly routes: RouteDefinition[];
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  /** Web origins whose gateway WebSocket is taken (see DiscordDoubleOptions.allowedOrigins). */
  readonly allowedOrigins: Set<string>;
  private readonly expectedToken: string | undefined;
  private readonly eventListeners = new Set<(event: DoubleEvent) => void>();
  private port = 0;
  private tamper: ((payload: InteractionPayload) => void) | undefined;
  private readonly endpoint = new InteractionsEndpoint();

  constructor(options: DiscordDoubleOptions = {}) {
    this.now = options.now ?? Date.now;
    this.allowedOrigins = new Set(options.allowedOrigins ?? []);
    this.expectedToken = options.botToken;
    this.applicationId = options.applicationId ?? FIXTURE.applicationId;
    this.botUser = options.botUser ?? defaultBotUser(this.applicationId);
    this.guilds = options.guilds ?? [defaultFixtureGuild(this.botUser)];
    this.requests = this.recorder.requests;
    this.validationErrors = this.recorder.validationErrors;
    this.registry = new CommandRegistry(this.applicationId, this.now);
    this.dmChannels = new DmChannels(this.now);
    this.nonces = new NonceMemory(this.now);
    this.rateLimits = new RateLimits(Date.now);
    this.messages = new MessageStore(this.botUser, this.now);
    this.messages.observer = (stored, change) => {
      if (this.eventListeners.size === 0) return;
      const event: DoubleEvent = { kind: 'message', change, message: structuredClone(stored.message), source: stored.source };
      if (stored.interactionId) event.interactionId = stored.interactionId;
      this.emit(event);
    };
    this.recorder.listen({
      request: (request) => this.emit({ kind: 'request', request }),
      validationFailure: (failure) => this.emit({ kind: 'validation-error', failure }),
    });
    this.interactions = new InteractionStore({
      messages: this.messages,
      changes: this.changes,
      now: this.now,
      deadlineMs: options.interactionDeadlineMs ?? INTERACTION_DEADLINE_MS,
    });
    this.gateway = new GatewayServer({
      url: () => this.gatewayUrl,
      guilds: () => this.guilds,
      botUser: this.botUser,
      applicationId: this.applicationId,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS,
      privilegedIntentsEnabled: options.privilegedIntentsEnabled ?? false,
      botToken: options.botToken,
      now: this.now,
      changes: this.changes,
    });
    this.actors = new InteractionActors({
      context: { applicationId: this.applicationId, botUserId: this.botUser.id, guilds: this.guilds, registry: this.registry, now: this.now },
      store: this.interactions,
      messages: this.messages,
      changes: this.changes,
      dispatch: (event, data) => {
        const url = this.endpoint.url;
        if (url === undefined || event !== 'INTERACTION_CREATE') return this.gateway.dispatch(event, data);
        this.deliverOverHttp(url, data as InteractionPayload);
        return 1;
      },
      takeTamper: () => {
        const tamper = this.tamper;
        this.tamper = undefined;
        return tamper;
      },
    });
    this.routes = buildRoutes({
      applicationId: this.applicationId,
      botUser: this.botUser,
      guilds: () => this.guilds,
      gatewayUrl: () => this.gatewayUrl,
      messages: this.messages,
      interactions: this.interactions,
      registry: this.registry,
      recorder: this.recorder,
      dmChannels: this.dmChannels,
      nonces: this.nonces,
      now: this.now,
      publicKey: () => this.endpoint.publicKey,
    });
    this.routes.push(memberListRoute((id) => this.guilds.find((g) => g.id === id), options.privilegedIntentsEnabled ?? false));
    this.routes.push(
      ...scheduledEventRoutes(this.events, {
        botUser: this.botUser,
        findGuild: (id) => this.guilds.find((g) => g.id === id),
        now: this.now,
        recordValidationFailure: (failure) => this.recorder.recordValidationFailure(failure),
      }),
    );
    this.server = createServer((request, response) => {
      this.onRequest(request, response).catch((error: unknown) => {
        if (!response.headersSent) send(response, { status: 500, body: { message: `Discord double crashed: ${String(error)}`, code: 0 } });
      });
    });
    this.server.on('upgrade', (request, socket, head) => {
      const origin = request.headers.origin;
      if (origin !== undefined && !this.allowedOrigins.has(origin)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(request, socket, head, (ws) => this.gateway.accept(ws, request));
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Pass as `rest: { api }` to the discord.js Client (env DISCORD_API_URL). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** The most recent bot token seen on a bot route. */
  get botToken(): string | undefined {
    return this.botTokens[this.botTokens.length - 1];
  }

  // ---- gateway -------------------------------------------------------------------------------------------------

  get identifies(): readonly IdentifyRecord[] {
    return this.gateway.identifies;
  }

  get resumes(): readonly ResumeRecord[] {
    return this.gateway.resumes;
  }

  /** Every frame the client sent (heartbeats included). */
  get gatewayFrames(): readonly ReceivedFrame[] {
    return this.gateway.received;
  }

  get gatewayConnected(): boolean {
    return this.gateway.connected;
  }

  /** Sends (or buffers for RESUME) a raw dispatch; returns the number of sessions that took it. */
  dispatch(event: string, data: unknown): number {
    return this.gateway.dispatch(event, data);
  }

  /** Drops every session's connection, or only shard `shardId`'s (the others stay connected). */
  dropConnection(code?: number, shardId?: number): void {
    this.gateway.dropConnection(code, shardId);
  }

  sendReconnect(): void {
    this.gateway.sendReconnect();
  }

  invalidateSession(resumable: boolean): void {
    this.gateway.invalidateSession(resumable);
  }

  /** Resolves once `count` RESUMEs have been answered with RESUMED. */
  waitForResume(count = 1, timeoutMs = 5000): Promise<ResumeRecord> {
    return this.changes.waitUntil(() => this.gateway.resumes[count - 1], timeoutMs, `resume #${count}`);
  }

  waitForIdentify(count = 1, timeoutMs = 5000): Promise<IdentifyRecord> {
    return this.changes.waitUntil(() => this.gateway.identifies[count - 1], timeoutMs, `identify #${count}`);
  }

  /**
   * Lets the next actor's INTERACTION_CREATE payload be edited before it is dispatched, to send what a
   * well-behaved Discord would not (null fields, missing parts). The payload is recorded as edited.
   */
  tamperNext(edit: (payload: InteractionPayload) => void): void {
    this.tamper = edit;
  }

  // ---- Interactions Endpoint URL ---------------------------------------------------------------------------------

  /** The application's public key (the developer portal's "Public Key"): 64 hex characters. */
  get publicKey(): string {
    return this.endpoint.publicKey;
  }

  get interactionsEndpointUrl(): string | undefined {
    return this.endpoint.url;
  }

  /**
   * Sets the Interactions Endpoint URL as the developer portal does: only after the URL answers a signed PING with
   * PONG and refuses a badly signed one with 401 (else `EndpointRefused`). From then on interactions are POSTed
   * there, signed, and no longer dispatched over the gateway; `null` goes back to the gateway.
   */
  setInteractionsEndpoint(url: string | null): Promise<void> {
    return this.endpoint.set(url, this.applicationId);
  }

  /** The signature headers Discord would send with `body` (a test can then forge, age or drop them). */
  signedHeaders(body: string, timestamp?: string): SignedHeaders {
    return this.endpoint.signedHeaders(body, timestamp);
  }

  private deliverOverHttp(url: string, payload: InteractionPayload): void {
    const record = this.interactions.get(payload.id);
    const body = JSON.stringify(payload);
    void this.endpoint
      .post(url, body, this.endpoint.signedHeaders(body), 10_000)
      .then(
        (reply) => {
          if (!record) return;
          record.delivery = { status: reply.status, at: this.now() };
          if (reply.status === 200) this.answerInline(record, reply.body);
        },
        () => {
          if (record) record.delivery = { status: 0, at: this.now() };
        },
      )
      .finally(() => this.changes.notify());
  }

  /** An initial response in the HTTP body: held to the same rules as the callback route. */
  private answerInline(record: InteractionRecord, body: unknown): void {
    const path = `/interactions/${record.payload.id}/${record.payload.token}/callback`;
    this.answersInResponses.push({ interactionId: record.payload.id, body });
    const matched = matchRoute(this.routes, 'POST', path);
    if (!matched || !record.delivery) return;
    const result = matched.route.handle({ method: 'POST', path, params: matched.params, query: new URLSearchParams(), body });
    if (result.status >= 400) {
      const code = (result.body as { code?: unknown } | undefined)?.code;
      record.delivery.inlineRefusal = { status: result.status, code: typeof code === 'number' ? code : 0 };
    }
  }

  // ---- actors --------------------------------------------------------------------------------------------------

  runSlash(name: string, input?: CommandInput): InteractionHandle {
    return this.actors.runSlash(name, input);
  }

  autocomplete(name: string, input: AutocompleteInput): InteractionHandle {
    return this.actors.autocomplete(name, input);
  }

  clickButton(customId: string, input?: ComponentActorInput): InteractionHandle {
    return this.actors.clickButton(customId, input);
  }

  selectMenu(customId: string, values: string[], input?: SelectActorInput): InteractionHandle {
    return this.actors.selectMenu(customId, values, input);
  }

  submitModal(customId: string, fields: Record<string, ModalFieldValue>, input?: ComponentActorInput): InteractionHandle {
    return this.actors.submitModal(customId, fields, input);
  }

  // ---- REST inspection -----------------------------------------------------------------------------------------

  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs = 2000): Promise<RecordedRequest> {
    return this.recorder.waitForRequest(predicate, timeoutMs);
  }

  /** Requests no route handled (answered 404 code 0): the bot called something the double does not know. */
  unmatchedRequests(): RecordedRequest[] {
    return this.requests.filter((request) => request.route === null && !request.injectedFault);
  }

  /** Messages currently in the channel (not deleted, no ephemerals), oldest first. */
  /** The guild's scheduled events, in the order they were created. */
  scheduledEvents(guildId: string): ScheduledEvent[] {
    return this.events.list(guildId);
  }

  /** Adds an event as if a member had made it in the Discord app (for what the bot may change of others' events). */
  seedScheduledEvent(event: ScheduledEvent): void {
    this.events.add(event);
  }

  messagesIn(channelId: string, options: MessagesInOptions = {}): ApiMessage[] {
    const sources: MessageSource[] = options.includeInteractionMessages
      ? ['channel', 'interaction-response', 'follow-up', 'synthetic']
      : ['channel'];
    return this.messages.inChannel(channelId, sources).filter((message) => !(message.flags & (1 << 6)));
  }

  message(messageId: string): ApiMessage | undefined {
    return this.messages.get(messageId)?.message;
  }

  /** The bytes of a file the bot uploaded with a message (as the message holds it now). */
  attachment(messageId: string, filename: string): Buffer | undefined {
    return this.messages.get(messageId)?.uploads?.get(filename)?.data;
  }

  /** Deployed command definitions (global, or of one guild), as the PUT routes stored them. */
  commands(guildId?: string): StoredCommand[] {
    return this.registry.list(guildId);
  }

  /** The DM channel the bot opened with this member, if any (its messages: `messagesIn(dmChannelOf(id))`). */
  dmChannelOf(userId: string): string | undefined {
    return this.dmChannels.of(userId)?.id;
  }

  /** Posts answered with an earlier message because of `enforce_nonce`. */
  get nonceReplays(): number {
    return this.nonces.replays;
  }

  /** Enforces Discord's rate limits (50 requests/s, 5 messages per 5 s per channel) with real 429s. */
  enableRateLimits(settings: Partial<RateLimitSettings> = {}): void {
    this.rateLimits.enable(settings);
  }

  disableRateLimits(): void {
    this.rateLimits.disable();
  }

  get rateLimitStats(): RateLimitStats {
    return this.rateLimits.stats;
  }

  /** Subscribes to message changes, requests and validation failures; returns the unsubscribe function. */
  onEvent(listener: (event: DoubleEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  injectFault(spec: FaultSpec): InjectedFault {
    return this.faults.inject(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  async close(): Promise<void> {
    this.changes.abortAll('closed');
    this.endpoint.close();
    this.gateway.close();
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private emit(event: DoubleEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }

  // ---- HTTP ----------------------------------------------------------------------------------------------------

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = this.now();
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const underApi = url.pathname.startsWith(`${API_PREFIX}/`);
    const path = underApi ? decodePath(url.pathname.slice(API_PREFIX.length)) : url.pathname;
    const headers = flattenHeaders(request);
    const matched = underApi ? matchRoute(this.routes, method, path) : undefined;

    let body: unknown;
    let result: DoubleResponse | undefined;
    try {
      body = parseBody(await readRawBody(request), headers['content-type']);
    } catch (error) {
      if (!(error instanceof BodyParseError)) throw error;
      result = errorResponse(400, 50109);
    }

    const taken = this.faults.take(method, path);
    if (taken && 'delayMs' in taken) await new Promise((resolve) => setTimeout(resolve, taken.delayMs));
    const fault = taken && 'delayMs' in taken ? undefined : taken;
    result ??= fault ?? this.authorize(matched?.route, headers.authorization);
    result ??= this.rateLimits.check(method, path, headers.authorization?.startsWith('Bot ') === true);
    if (!result) {
      try {
        result = matched
          ? matched.route.handle({ method, path, params: matched.params, query: url.searchParams, body })
          : notFound();
      } catch (error) {
        result = { status: 500, body: { message: `Discord double crashed: ${(error as Error).stack ?? String(error)}`, code: 0 } };
      }
    }

    if (result.status < 300) {
      const rateHeaders = this.rateLimits.headersFor(method, path);
      if (rateHeaders) result = { ...result, headers: { ...result.headers, ...rateHeaders } };
    }
    send(response, result);
    this.recorder.record({
      method,
      path,
      route: matched ? `${method} ${matched.route.template}` : null,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      status: result.status,
      responseBody: result.body,
      at,
      injectedFault: taken !== undefined,
    });
  }

  private authorize(route: RouteDefinition | undefined, authorization: string | undefined): DoubleResponse | undefined {
    const token = authorization?.startsWith('Bot ') ? authorization.slice(4) : undefined;
    const wrong = token !== undefined && this.expectedToken !== undefined && token !== this.expectedToken;
    if (token && !wrong && !this.botTokens.includes(token)) this.botTokens.push(token);
    if ((route?.auth && !token) || wrong) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    return undefined;
  }
}

export async function startDiscordDouble(options: DiscordDoubleOptions = {}): Promise<DiscordDouble> {
  const double = new DiscordDouble(options);
  await double.listen();
  return double;
}
