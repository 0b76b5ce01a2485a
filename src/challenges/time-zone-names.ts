/**
 * Finding a club's time zone from what a moderator types: a country, a city or a common abbreviation
 * ("uk", "london", "new york", "est", "cet", "aest") leads to IANA zones; the runtime's own list
 * (Intl.supportedValuesOf) covers every other city. Zones without summer time (UTC, GMT, EST, fixed
 * offsets) are recognised so set-up can warn about them and suggest a zone that follows the local clock.
 */
import { Temporal } from 'temporal-polyfill';
import { canonicalTimeZone, timeZoneList } from '../platform/time/club-weeks.js';

const LONDON = ['Europe/London'];
const US = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu'];
const CENTRAL_EUROPE = ['Europe/Paris', 'Europe/Berlin', 'Europe/Madrid', 'Europe/Rome', 'Europe/Amsterdam', 'Europe/Brussels', 'Europe/Zurich', 'Europe/Vienna', 'Europe/Stockholm', 'Europe/Oslo', 'Europe/Copenhagen', 'Europe/Warsaw', 'Europe/Prague'];
const EASTERN_EUROPE = ['Europe/Athens', 'Europe/Helsinki', 'Europe/Bucharest', 'Europe/Sofia', 'Europe/Riga', 'Europe/Vilnius', 'Europe/Tallinn'];
const AUSTRALIA_EAST = ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Brisbane', 'Australia/Hobart'];
const NEW_YORK = ['America/New_York', 'America/Toronto'];
const CHICAGO = ['America/Chicago', 'America/Winnipeg', 'America/Mexico_City'];
const DENVER = ['America/Denver', 'America/Edmonton', 'America/Phoenix'];
const LOS_ANGELES = ['America/Los_Angeles', 'America/Vancouver'];

/** Lower-case names (words separated by single spaces) and the zones they mean, most likely first. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  uk: LONDON, gb: LONDON, 'united kingdom': LONDON, britain: LONDON, 'great britain': LONDON, england: LONDON, scotland: LONDON,
  wales: LONDON, 'northern ireland': LONDON, london: LONDON, bst: LONDON, gmt: LONDON, edinburgh: LONDON, glasgow: LONDON,
  manchester: LONDON, cardiff: LONDON, belfast: LONDON,
  ireland: ['Europe/Dublin'], eire: ['Europe/Dublin'], dublin: ['Europe/Dublin'],
  us: US, usa: US, 'united states': US, america: US,
  est: NEW_YORK, edt: NEW_YORK, eastern: NEW_YORK, et: NEW_YORK, 'new york': NEW_YORK, nyc: NEW_YORK, boston: NEW_YORK,
  washington: NEW_YORK, philadelphia: NEW_YORK, miami: NEW_YORK, atlanta: NEW_YORK,
  cst: CHICAGO, cdt: CHICAGO, central: CHICAGO, chicago: CHICAGO, dallas: CHICAGO, houston: CHICAGO,
  mst: DENVER, mdt: DENVER, mountain: DENVER, denver: DENVER, arizona: ['America/Phoenix'],
  pst: LOS_ANGELES, pdt: LOS_ANGELES, pacific: LOS_ANGELES, pt: LOS_ANGELES, 'los angeles': LOS_ANGELES, la: LOS_ANGELES,
  'san francisco': LOS_ANGELES, seattle: LOS_ANGELES, california: LOS_ANGELES,
  alaska: ['America/Anchorage'], akst: ['America/Anchorage'], hawaii: ['Pacific/Honolulu'], hst: ['Pacific/Honolulu'],
  canada: ['America/Toronto', 'America/Vancouver', 'America/Edmonton', 'America/Winnipeg', 'America/Halifax', 'America/St_Johns'],
  montreal: ['America/Toronto'], ottawa: ['America/Toronto'], calgary: ['America/Edmonton'],
  cet: CENTRAL_EUROPE, cest: CENTRAL_EUROPE, europe: CENTRAL_EUROPE, 'central europe': CENTRAL_EUROPE,
  france: ['Europe/Paris'], germany: ['Europe/Berlin'], munich: ['Europe/Berlin'], spain: ['Europe/Madrid'], barcelona: ['Europe/Madrid'],
  italy: ['Europe/Rome'], milan: ['Europe/Rome'], netherlands: ['Europe/Amsterdam'], holland: ['Europe/Amsterdam'],
  belgium: ['Europe/Brussels'], switzerland: ['Europe/Zurich'], geneva: ['Europe/Zurich'], austria: ['Europe/Vienna'],
  sweden: ['Europe/Stockholm'], norway: ['Europe/Oslo'], denmark: ['Europe/Copenhagen'], poland: ['Europe/Warsaw'],
  czechia: ['Europe/Prague'], portugal: ['Europe/Lisbon'], wet: ['Europe/Lisbon'], west: ['Europe/Lisbon'],
  eet: EASTERN_EUROPE, eest: EASTERN_EUROPE, greece: ['Europe/Athens'], finland: ['Europe/Helsinki'], romania: ['Europe/Bucharest'],
  aest: AUSTRALIA_EAST, aedt: AUSTRALIA_EAST, australia: [...AUSTRALIA_EAST.slice(0, 3), 'Australia/Adelaide', 'Australia/Perth'],
  canberra: ['Australia/Sydney'], queensland: ['Australia/Brisbane'], acst: ['Australia/Adelaide', 'Australia/Darwin'],
  acdt: ['Australia/Adelaide'], awst: ['Australia/Perth'],
  nz: ['Pacific/Auckland'], 'new zealand': ['Pacific/Auckland'], nzst: ['Pacific/Auckland'], nzdt: ['Pacific/Auckland'], wellington: ['Pacific/Auckland'],
  ist: ['Asia/Kolkata', 'Europe/Dublin'], india: ['Asia/Kolkata'], mumbai: ['Asia/Kolkata'], delhi: ['Asia/Kolkata'],
  jst: ['Asia/Tokyo'], japan: ['Asia/Tokyo'], china: ['Asia/Shanghai'], beijing: ['Asia/Shanghai'], sgt: ['Asia/Singapore'],
  hkt: ['Asia/Hong_Kong'], 'south africa': ['Africa/Johannesburg'], sast: ['Africa/Johannesburg'], 'cape town': ['Africa/Johannesburg'],
  kenya: ['Africa/Nairobi'], mexico: ['America/Mexico_City'], brazil: ['America/Sao_Paulo'], argentina: ['America/Argentina/Buenos_Aires'],
};

/** Zones a fixed offset is matched against, for a suggestion: one well-known zone per offset. */
const SUGGESTED_BY_OFFSET = [
  'Europe/London', 'Europe/Paris', 'Europe/Athens', 'Europe/Moscow', 'Asia/Dubai', 'Asia/Karachi', 'Asia/Kolkata', 'Asia/Dhaka',
  'Asia/Bangkok', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Brisbane', 'Australia/Sydney', 'Pacific/Auckland', 'Pacific/Honolulu',
  'America/Anchorage', 'America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York', 'America/Halifax',
  'America/Sao_Paulo', 'Atlantic/Azores',
];

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/[_\s]+/g, ' ');
}

/** The zones a name means ("uk", "new york", "est"), most likely first; empty when it is no alias. */
export function aliasZones(text: string): readonly string[] {
  return ALIASES[normalise(text)] ?? [];
}

/** The city part of a zone, spaced: "America/New_York" -> "new york". */
function cityOf(zone: string): string {
  return normalise(zone.slice(zone.lastIndexOf('/') + 1));
}

/** Offsets written "UTC+1", "GMT-05:00", "+0530", "+01:00": minutes east of UTC, or null. */
export function parseFixedOffset(text: string): number | null {
  const match = /^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text.trim());
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  if (Number(match[3] ?? 0) > 59 || minutes > 14 * 60) return null;
  return match[1] === '-' ? -minutes : minutes;
}

/** The IANA zone for a whole-hour offset (note the sign: Etc/GMT-1 is UTC+1), or null for other offsets. */
export function zoneForOffset(minutesEast: number): string | null {
  if (minutesEast % 60 !== 0) return null;
  const hours = minutesEast / 60;
  if (hours === 0) return 'UTC';
  return hours < -12 || hours > 14 ? null : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

function offsetMinutes(zone: string, at: Temporal.Instant): number {
  return at.toZonedDateTimeISO(zone).offsetNanoseconds / 60e9;
}

const JANUARY = Temporal.Instant.from('2026-01-15T12:00:00Z');
const JULY = Temporal.Instant.from('2026-07-15T12:00:00Z');

/** Whether a zone keeps one offset all year while it is named after no place (UTC, GMT, EST, Etc/GMT-1). */
export function ignoresSummerTime(zone: string): boolean {
  const placeless = !zone.includes('/') || zone.startsWith('Etc/');
  return placeless && offsetMinutes(zone, JANUARY) === offsetMinutes(zone, JULY);
}

/** A zone that follows the local clock, to suggest instead of a fixed one (GMT -> Europe/London). */
export function suggestedZoneFor(zone: string): string | null {
  const alias = aliasZones(zone)[0];
  if (alias) return alias;
  const offset = offsetMinutes(zone, JANUARY);
  return SUGGESTED_BY_OFFSET.find((candidate) => offsetMinutes(candidate, JANUARY) === offset) ?? null;
}

/**
 * What set-up stores for the text a moderator typed: an IANA zone (in the runtime's spelling), an alias's
 * first zone ("uk" -> Europe/London), or the zone for a whole-hour offset ("UTC+1" -> Etc/GMT-1).
 */
export function resolveTimeZone(text: string): string | null {
  const zone = canonicalTimeZone(text);
  if (zone) return zone;
  const alias = aliasZones(text)[0];
  if (alias) return alias;
  const offset = parseFixedOffset(text);
  return offset === null ? null : zoneForOffset(offset);
}

/** Up to `limit` zones for autocomplete, best first: aliases, the exact name, cities, then other matches. */
export function timeZoneSuggestions(query: string, limit = 25): string[] {
  const needle = normalise(query);
  const found: string[] = [];
  const add = (zones: readonly (string | null | undefined)[]) => {
    for (const zone of zones) if (zone && !found.includes(zone)) found.push(zone);
  };
  const zones = timeZoneList();
  if (!needle) return zones.slice(0, limit);
  add(aliasZones(needle));
  add([canonicalTimeZone(query)]);
  const offset = parseFixedOffset(query);
  if (offset !== null) add([zoneForOffset(offset)]);
  add(zones.filter((zone) => cityOf(zone) === needle));
  add(zones.filter((zone) => cityOf(zone).startsWith(needle)));
  if (needle.length >= 2) {
    for (const [name, targets] of Object.entries(ALIASES)) if (name.startsWith(needle)) add(targets);
  }
  add(zones.filter((zone) => normalise(zone).split(/[ /]/).some((word) => word.startsWith(needle))));
  if (needle.length >= 3) add(zones.filter((zone) => normalise(zone).includes(needle)));
  return found.slice(0, limit);
}
