/** Where to send people, per club region. Set per server with /club setup; PACER_REGION is the default. */
export const REGIONS = ['UK', 'EU', 'US'] as const;
export type Region = (typeof REGIONS)[number];

export interface RegionServices {
  emergency_number: string;
  urgent_services: string;
  /** Where to get advice when it is not an emergency. */
  advice_line: string;
}

export const REGION_SERVICES: Record<Region, RegionServices> = {
  UK: {
    emergency_number: '999',
    urgent_services: 'NHS 111, an urgent treatment centre, or a same-day GP appointment',
    advice_line: 'NHS 111 (phone 111 or go to 111.nhs.uk)',
  },
  EU: {
    emergency_number: '112',
    urgent_services: 'an urgent care centre, an out-of-hours doctor, or a same-day appointment with your doctor',
    advice_line: 'your doctor, or the out-of-hours doctor service where you live',
  },
  US: {
    emergency_number: '911',
    urgent_services: 'an urgent care clinic or a same-day appointment with your doctor',
    advice_line: 'your doctor or a nurse advice line',
  },
};
