/**
 * `custom_id` strings: `<prefix>:<version>:<part>:<part>...`. The prefix routes the interaction to its
 * command module; the version lets a module reject ids minted by an older release instead of misreading them.
 */
export const MAX_CUSTOM_ID_LENGTH = 100;

const SAFE_PART = /^[A-Za-z0-9_.\-~]*$/;

export interface DecodedCustomId {
  prefix: string;
  version: number;
  parts: string[];
}

export function encodeCustomId(prefix: string, version: number, parts: readonly (string | number)[]): string {
  if (!prefix) throw new Error('custom_id prefix must not be empty.');
  if (!Number.isInteger(version) || version < 0 || version > 999) throw new Error(`custom_id version ${version} must be a whole number from 0 to 999.`);
  const text = [prefix, String(version), ...parts.map(String)];
  for (const part of text) {
    if (!SAFE_PART.test(part)) throw new Error(`custom_id part "${part}" has characters outside [A-Za-z0-9_.-~].`);
  }
  const id = text.join(':');
  if (id.length > MAX_CUSTOM_ID_LENGTH) throw new Error(`custom_id is ${id.length} characters; Discord allows ${MAX_CUSTOM_ID_LENGTH}.`);
  return id;
}

export function decodeCustomId(customId: string): DecodedCustomId | null {
  if (customId.length > MAX_CUSTOM_ID_LENGTH) return null;
  const [prefix, versionText, ...parts] = customId.split(':');
  if (!prefix || !versionText || !/^\d{1,3}$/.test(versionText)) return null;
  if (![prefix, ...parts].every((p) => SAFE_PART.test(p))) return null;
  return { prefix, version: Number(versionText), parts };
}
