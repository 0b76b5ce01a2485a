/** Discord's Ed25519 request signature on interactions it POSTs to the Interactions Endpoint URL. */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER header of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it (RFC 8410). */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Requests signed longer ago than this (or this far in the future) are refused as replays. */
export const SIGNATURE_MAX_AGE_MS = 5 * 60 * 1000;

/** The application's public key as the developer portal shows it (64 hex characters), ready for `crypto.verify`. */
export function discordPublicKey(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32) throw new Error('A Discord public key is 32 bytes (64 hexadecimal characters).');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export type SignatureProblem = 'missing signature headers' | 'malformed signature' | 'bad signature' | 'stale timestamp';

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/** Why a request must be refused with 401, or null when Discord signed exactly these bytes recently. */
export function signatureProblem(request: SignedRequest, key: KeyObject, nowMs: number, maxAgeMs = SIGNATURE_MAX_AGE_MS): SignatureProblem | null {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp) return 'missing signature headers';
  if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'malformed signature';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  if (!verify(null, signed, key, Buffer.from(signature, 'hex'))) return 'bad signature';
  // Checked after the signature, so a forger cannot learn anything about the clock from the answer.
  if (Math.abs(nowMs - Number(timestamp) * 1000) > maxAgeMs) return 'stale timestamp';
  return null;
}
