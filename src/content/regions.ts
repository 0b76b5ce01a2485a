/**
 * Where to send people, per club region (clinical.md 0.2 item 4). Set per server with /club setup;
 * PACER_REGION is the default. Each region's cards use only its own numbers and words: "GP" is said only
 * where people say it (UK, IE, AU, NZ).
 */
export const REGIONS = ['UK', 'IE', 'EU', 'US', 'CA', 'AU', 'NZ'] as const;
export type Region = (typeof REGIONS)[number];

/** How `/club setup region` lists each region. */
export const REGION_NAMES: Record<Region, string> = {
  UK: 'UK',
  IE: 'Ireland',
  EU: 'EU (other European countries)',
  US: 'United States',
  CA: 'Canada',
  AU: 'Australia',
  NZ: 'New Zealand',
};

export interface RegionServices {
  emergency_number: string;
  /** Where to go today when it is not an emergency. */
  urgent_services: string;
  /** Where to get advice when it is not an emergency. */
  advice_line: string;
  /** The everyday doctor, as people in the region say it, without an article: "a {doctor}", "the {doctor}". */
  doctor: string;
  /** Phone numbers the region's cards show (the emergency number included): a card shows no other region's. */
  numbers: readonly string[];
}

export const REGION_SERVICES: Record<Region, RegionServices> = {
  UK: {
    emergency_number: '999',
    urgent_services: 'NHS 111 or an urgent treatment centre',
    advice_line: 'NHS 111 (phone 111 or go to 111.nhs.uk)',
    doctor: 'GP',
    numbers: ['999', '111'],
  },
  IE: {
    emergency_number: '112 or 999',
    urgent_services: 'the GP out-of-hours service',
    advice_line: 'your GP or the GP out-of-hours service',
    doctor: 'GP',
    numbers: ['112', '999'],
  },
  EU: {
    emergency_number: '112',
    urgent_services: 'an out-of-hours doctor or a same-day doctor appointment',
    advice_line: 'your doctor or the out-of-hours doctor service',
    doctor: 'doctor',
    numbers: ['112'],
  },
  US: {
    emergency_number: '911',
    urgent_services: 'an urgent care clinic or a same-day appointment with your doctor',
    advice_line: 'your primary care doctor or a nurse advice line',
    doctor: 'primary care doctor',
    numbers: ['911'],
  },
  CA: {
    emergency_number: '911',
    urgent_services: 'the 811 health line or an urgent care clinic',
    advice_line: 'the 811 health line',
    doctor: 'family doctor',
    numbers: ['911', '811'],
  },
  AU: {
    emergency_number: '000',
    urgent_services: 'healthdirect (1800 022 222) or an urgent care clinic',
    advice_line: 'healthdirect on 1800 022 222',
    doctor: 'GP',
    numbers: ['000', '1800 022 222'],
  },
  NZ: {
    emergency_number: '111',
    urgent_services: 'Healthline (0800 611 116) or an urgent care clinic',
    advice_line: 'Healthline on 0800 611 116',
    doctor: 'GP',
    numbers: ['111', '0800 611 116'],
  },
};

/** The placeholders a card's text may use, for one region. */
export function regionValues(region: Region): Record<string, string> {
  const { emergency_number, urgent_services, advice_line, doctor } = REGION_SERVICES[region];
  return { emergency_number, urgent_services, advice_line, doctor };
}
