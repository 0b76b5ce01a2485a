import type { Logger } from './logger.js';

/** One part of the running app: started in order, stopped in reverse order. */
export interface Service {
  readonly name: string;
  start(): Promise<void> | void;
  /** `limitMs`: how long it may take; a stop that runs past it is abandoned (and logged). */
  stop(limitMs: number): Promise<void> | void;
  /** Its own limit when stopping; by default it may use what is left of the whole budget. */
  readonly stopLimitMs?: number;
}

/**
 * Starts services in order and stops the started ones in reverse, on one path whether the app stops or a start
 * fails half-way. The whole stop fits in `budgetMs` (Docker gives 10 s between SIGTERM and SIGKILL): each service
 * gets at most its own limit and never more than what is left, so a stuck one cannot push the stop past it.
 */
export class Lifecycle {
  private readonly started: Service[] = [];
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly budgetMs: number,
  ) {}

  /** Starts each service in turn; if one fails, those already started are stopped and the error is thrown. */
  async start(services: readonly Service[]): Promise<void> {
    for (const service of services) {
      try {
        await service.start();
      } catch (error) {
        await this.stop();
        throw error;
      }
      this.started.push(service);
    }
  }

  /** Stops what was started, last first. Calling it again returns the same stop. */
  stop(): Promise<void> {
    return (this.stopping ??= this.stopAll());
  }

  private async stopAll(): Promise<void> {
    const began = Date.now();
    const deadline = began + this.budgetMs;
    for (const service of [...this.started].reverse()) {
      const limitMs = Math.max(100, Math.min(service.stopLimitMs ?? Infinity, deadline - Date.now()));
      try {
        const outcome = await Promise.race([
          Promise.resolve(service.stop(limitMs)).then(() => 'done' as const),
          delay(limitMs + 50).then(() => 'late' as const),
        ]);
        if (outcome === 'late') this.logger.warn({ step: service.name, ms: limitMs }, 'a stop step took too long; moving on');
      } catch (error) {
        this.logger.error({ err: error, step: service.name }, 'a stop step failed; moving on');
      }
    }
    this.started.length = 0;
    this.logger.info({ ms: Date.now() - began }, 'stopped');
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)).unref());
}
