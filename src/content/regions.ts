/** Where to send people, per club region. Set per server with /club setup; PACER_REGION is the default. */
export const REGIONS = ['UK', 'EU', 'US'] as const;
export type Region = (typeof REGIONS)[number];

export interface RegionServices {
  emergency_number: string;
  urgent_services: string;
}

export const REGION_SERVICES: Record<Region, RegionServices> = {
  UK: { emergency_number: '999', urgent_services: 'NHS 111, an urgent treatment centre, or a same-day GP appointment' },
  EU: { emergency_number: '112', urgent_services: 'an urgent care centre, an out-of-hours doctor, or a same-day appointment with your doctor' },
  US: { emergency_number: '911', urgent_services: 'an urgent care clinic or a same-day appointment with your doctor' },
};
