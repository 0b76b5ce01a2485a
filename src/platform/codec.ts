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
  if (!prefix || !versionText || !/^(0|[1-9]\d{0,2})$/.test(versionText)) return null;
  if (![prefix, ...parts].every((p) => SAFE_PART.test(p))) return null;
  return { prefix, version: Number(versionText), parts };
}

/**
 * One `custom_id` family: its prefix and version, and how its data becomes parts and back. `parse` checks the
 * prefix and version itself, so a family's `fromParts` sees only parts of its own current version and returns
 * null for anything else (forged, another family, another release).
 */
export interface Codec<T, Parsed = T> {
  readonly prefix: string;
  readonly version: number;
  /** Ids of this family carry private state (a symptom check's answers): never logged. */
  readonly private: boolean;
  encode(value: T): string;
  parse(customId: string): Parsed | null;
}

/** `Parsed` differs from `T` where parsing fills in what encoding may leave out (an empty state, an old version). */
export interface CodecSpec<T, Parsed = T> {
  prefix: string;
  /** The version `encode` writes. */
  version: number;
  /** Older versions `parse` still reads (buttons on messages posted before a change); none by default. */
  readsVersions?: readonly number[];
  private?: boolean;
  toParts(value: T): readonly (string | number)[];
  fromParts(parts: readonly string[], version: number): Parsed | null;
}

const families = new Map<string, Codec<never, unknown>>();

export function defineCodec<T, Parsed = T>(spec: CodecSpec<T, Parsed>): Codec<T, Parsed> {
  if (!spec.prefix || spec.prefix.includes(':')) throw new Error(`custom_id prefix "${spec.prefix}" must be non-empty and without ':'.`);
  if (families.has(spec.prefix)) throw new Error(`custom_id prefix "${spec.prefix}" is defined twice.`);
  const codec: Codec<T, Parsed> = {
    prefix: spec.prefix,
    version: spec.version,
    private: spec.private ?? false,
    encode: (value) => encodeCustomId(spec.prefix, spec.version, spec.toParts(value)),
    parse: (customId) => {
      const id = decodeCustomId(customId);
      if (!id || id.prefix !== spec.prefix) return null;
      if (id.version !== spec.version && !(spec.readsVersions ?? []).includes(id.version)) return null;
      return spec.fromParts(id.parts, id.version);
    },
  };
  families.set(spec.prefix, codec);
  return codec;
}

/** The prefixes of the families whose ids carry private state, for the log scrubber. */
export function privateFamilies(): string[] {
  return [...families.values()].filter((codec) => codec.private).map((codec) => codec.prefix);
}
