/**
 * The application's Interactions Endpoint URL, as Discord runs it: an Ed25519 key pair (the portal's "Public Key"),
 * the check Discord makes before it saves a URL, and signed delivery of each interaction.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface EndpointReply {
  status: number;
  /** The parsed JSON body, when there was one. */
  body: unknown;
}

export interface SignedHeaders {
  'x-signature-ed25519': string;
  'x-signature-timestamp': string;
}

/** Raised when Discord would not save the URL (the portal shows it under the field). */
export class EndpointRefused extends Error {}

const PING_TIMEOUT_MS = 5_000;

export class InteractionsEndpoint {
  private readonly keys = generateKeyPairSync('ed25519');
  private readonly agent = new Agent({ keepAlive: true });
  /** Where interactions go; undefined: they go over the gateway. */
  url: string | undefined;

  /** The public key as the developer portal shows it: 32 bytes, hex (the tail of the SPKI DER encoding). */
  get publicKey(): string {
    return this.keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  }

  /** Discord's signature over timestamp + body, hex. */
  sign(timestamp: string, body: string): string {
    return sign(null, Buffer.from(timestamp + body, 'utf8'), this.keys.privateKey).toString('hex');
  }

  /** Headers Discord sends with `body`, signed now (Discord's clock is the real one). */
  signedHeaders(body: string, timestamp = String(Math.floor(Date.now() / 1000))): SignedHeaders {
    return { 'x-signature-ed25519': this.sign(timestamp, body), 'x-signature-timestamp': timestamp };
  }

  /** One signed POST, as Discord makes it: a kept-alive connection, the body's JSON answer read back. */
  post(url: string, body: string, headers: Partial<SignedHeaders>, timeoutMs = PING_TIMEOUT_MS): Promise<EndpointReply> {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const request = send(
        target,
        {
          method: 'POST',
          agent: target.protocol === 'https:' ? undefined : this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)', ...headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            clearTimeout(timer);
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              parsed = text;
            }
            resolve({ status: response.statusCode ?? 0, body: parsed });
          });
        },
      );
      const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.end(body);
    });
  }

  /** Drops the kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  /**
   * Saves the URL only if it answers a signed PING with PONG and refuses the same PING with a bad signature, as
   * Discord checks before it saves an Interactions Endpoint URL. `null` goes back to the gateway.
   */
  async set(url: string | null, applicationId: string): Promise<void> {
    if (url === null) {
      this.url = undefined;
      return;
    }
    const ping = JSON.stringify({ id: '1000000000000000001', application_id: applicationId, type: 1, token: 'ping-token', version: 1, user: { id: '1000000000000000002', username: 'discord', discriminator: '0000', global_name: null, avatar: null } });
    let good: EndpointReply;
    let forged: EndpointReply;
    try {
      good = await this.post(url, ping, this.signedHeaders(ping));
      const headers = this.signedHeaders(ping);
      forged = await this.post(url, ping, { ...headers, 'x-signature-ed25519': flipFirstByte(headers['x-signature-ed25519']) });
    } catch (error) {
      throw new EndpointRefused(`interactions_endpoint_url: The specified interactions endpoint url could not be verified (${error instanceof Error ? error.message : String(error)}).`);
    }
    const pong = good.status === 200 && typeof good.body === 'object' && good.body !== null && (good.body as { type?: unknown }).type === 1;
    if (!pong) throw new EndpointRefused(`interactions_endpoint_url: The specified interactions endpoint url could not be verified (a signed PING got HTTP ${good.status}, not a PONG).`);
    if (forged.status !== 401) {
      throw new EndpointRefused(`interactions_endpoint_url: The specified interactions endpoint url could not be verified (a PING with a bad signature got HTTP ${forged.status}, not 401).`);
    }
    this.url = url;
  }
}

function flipFirstByte(hex: string): string {
  return ((parseInt(hex.slice(0, 2), 16) ^ 0xff).toString(16).padStart(2, '0')) + hex.slice(2);
}
