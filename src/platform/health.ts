import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthReport {
  ok: boolean;
  gateway: string;
  /** Seconds the gateway has been away, when it is. */
  gatewayAwaySeconds?: number;
  database: 'ok' | 'unavailable';
  /** The scheduler's last finished tick (clock time) and whether its heartbeat is late. */
  scheduler: { lastTickAt: string | null; late: boolean };
  stopping: boolean;
  uptimeSeconds: number;
}

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * `GET /health` for orchestrators: 200 with the report when the gateway is connected, the database answers and the
 * scheduler's heartbeat is on time,
 * 503 with the same report otherwise. Nothing else is served; nothing about members is in it.
 */
export async function startHealthServer(host: string, port: number, report: () => HealthReport): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET' || path !== '/health') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    const body = report();
    response.writeHead(body.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(`${JSON.stringify(body)}\n`);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
