/**
 * One sender across processes: the process holding a PostgreSQL advisory lock runs the scheduler's sending; the
 * others wait as standbys. Discord's limits are per bot (50 requests/s, 5 posts per 5 s per channel), so only one
 * process may spend them on scheduled posts.
 *
 * The lock is a session lock on a connection of its own, held for as long as the process leads. When the leader
 * dies its connection closes and PostgreSQL frees the lock; a standby asks again every `retryMs` and takes over.
 * The leader checks its own connection as often: when it fails, it stops sending at once (another process may
 * be about to lead), then tries to lead again like any standby.
 */
import pg from 'pg';
import type { BackgroundService } from './contract.js';

/** The advisory lock key of the scheduler's sender ("Pacer sender" in ASCII; any constant no other code uses). */
export const SENDER_LOCK_KEY = 0x5061636572_53n;

export interface LeaderLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
}

export interface SenderLeaderOptions {
  /** The PostgreSQL URL; the lock gets a connection of its own, outside the pool. */
  url: string;
  logger: LeaderLogger;
  /** Builds the sending service each time this process becomes the leader (a stopped Scheduler cannot restart). */
  makeSender: () => BackgroundService;
  /** How often a standby asks for the lock and the leader checks its connection (default 3 s). */
  retryMs?: number;
  lockKey?: bigint;
}

export class SenderLeader implements BackgroundService {
  readonly name = 'sender leader';
  private client: pg.Client | undefined;
  private sender: BackgroundService | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private busy: Promise<void> = Promise.resolve();
  private readonly retryMs: number;
  /** A leader that lost its lock waits two rounds before asking again, so a healthy standby takes over first. */
  private holdOffUntil = 0;
  private readonly lockKey: bigint;

  constructor(private readonly options: SenderLeaderOptions) {
    this.retryMs = options.retryMs ?? 3000;
    this.lockKey = options.lockKey ?? SENDER_LOCK_KEY;
  }

  get leading(): boolean {
    return this.sender !== undefined;
  }

  async start(): Promise<void> {
    await this.step();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.busy;
    await this.stepDown();
    await this.dropConnection();
  }

  /** One look: a standby asks for the lock, the leader checks that its connection (and so its lock) is alive. */
  private step(): Promise<void> {
    const run = this.busy.then(async () => {
      if (this.stopped) return;
      try {
        if (this.sender) await this.client!.query('select 1');
        else if (Date.now() >= this.holdOffUntil) await this.tryToLead();
      } catch (error) {
        await this.lost(error);
      }
    });
    this.busy = run;
    return run.finally(() => this.plan());
  }

  private plan(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.step(), this.retryMs);
    this.timer.unref();
  }

  private async tryToLead(): Promise<void> {
    const client = await this.connection();
    const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [this.lockKey.toString()]);
    if (!rows[0]?.locked || this.stopped) return;
    this.options.logger.info({}, 'this process leads: it sends the scheduled posts');
    this.sender = this.options.makeSender();
    await this.sender.start();
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.options.url, keepAlive: true, connectionTimeoutMillis: this.retryMs });
    // A dropped connection is noticed here at once (not only at the next check): the leader stops sending.
    client.on('error', (error) => void this.lostNow(client, error));
    client.on('end', () => void this.lostNow(client, new Error('the lock connection closed')));
    await client.connect();
    this.client = client;
    return client;
  }

  private lostNow(client: pg.Client, error: unknown): Promise<void> {
    if (client !== this.client || this.stopped) return Promise.resolve();
    const run = this.busy.then(() => this.lost(error));
    this.busy = run;
    return run;
  }

  private async lost(error: unknown): Promise<void> {
    if (this.leading) {
      // Stop sending first: a standby may hold the lock already.
      this.options.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'lost the sender lock: sending stopped, trying to lead again');
      this.holdOffUntil = Date.now() + 2 * this.retryMs;
      await this.stepDown();
    }
    await this.dropConnection();
  }

  private async stepDown(): Promise<void> {
    const sender = this.sender;
    this.sender = undefined;
    await sender?.stop();
  }

  private async dropConnection(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    // Ending the session frees the lock if the server still holds it.
    await client?.end().catch(() => undefined);
  }
}
