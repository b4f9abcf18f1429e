/**
 * AAMVA issuer identification numbers (IIN): the six digits after "ANSI " in every licence barcode
 * say which jurisdiction issued it. From AAMVA's published IIN list.
 */
export interface Jurisdiction {
  /** Postal abbreviation (CA, ON…). */
  code: string;
  name: string;
  /** ICAO country code of the issuer. */
  country: 'USA' | 'CAN' | 'MEX';
}

const US = 'USA' as const;
const CA = 'CAN' as const;
const MX = 'MEX' as const;

const TABLE: Array<[number, string, string, Jurisdiction['country']]> = [
  [636033, 'AL', 'Alabama', US],
  [636059, 'AK', 'Alaska', US],
  [604432, 'AB', 'Alberta', CA],
  [990876, 'AB', 'Alberta', CA],
  [604427, 'AS', 'American Samoa', US],
  [636026, 'AZ', 'Arizona', US],
  [636021, 'AR', 'Arkansas', US],
  [636028, 'BC', 'British Columbia', CA],
  [636014, 'CA', 'California', US],
  [636056, 'COA', 'Coahuila', MX],
  [636020, 'CO', 'Colorado', US],
  [636006, 'CT', 'Connecticut', US],
  [636011, 'DE', 'Delaware', US],
  [636043, 'DC', 'District of Columbia', US],
  [636010, 'FL', 'Florida', US],
  [636055, 'GA', 'Georgia', US],
  [636019, 'GU', 'Guam', US],
  [636047, 'HI', 'Hawaii', US],
  [636057, 'HID', 'Hidalgo', MX],
  [636050, 'ID', 'Idaho', US],
  [636035, 'IL', 'Illinois', US],
  [636037, 'IN', 'Indiana', US],
  [636018, 'IA', 'Iowa', US],
  [636022, 'KS', 'Kansas', US],
  [636046, 'KY', 'Kentucky', US],
  [636007, 'LA', 'Louisiana', US],
  [636041, 'ME', 'Maine', US],
  [636048, 'MB', 'Manitoba', CA],
  [636003, 'MD', 'Maryland', US],
  [636002, 'MA', 'Massachusetts', US],
  [636032, 'MI', 'Michigan', US],
  [636038, 'MN', 'Minnesota', US],
  [636051, 'MS', 'Mississippi', US],
  [636030, 'MO', 'Missouri', US],
  [636008, 'MT', 'Montana', US],
  [636054, 'NE', 'Nebraska', US],
  [636049, 'NV', 'Nevada', US],
  [636017, 'NB', 'New Brunswick', CA],
  [636039, 'NH', 'New Hampshire', US],
  [636036, 'NJ', 'New Jersey', US],
  [636009, 'NM', 'New Mexico', US],
  [636001, 'NY', 'New York', US],
  [636016, 'NL', 'Newfoundland and Labrador', CA],
  [636004, 'NC', 'North Carolina', US],
  [636034, 'ND', 'North Dakota', US],
  [604430, 'MP', 'Northern Mariana Islands', US],
  [636013, 'NS', 'Nova Scotia', CA],
  [604433, 'NU', 'Nunavut', CA],
  [636023, 'OH', 'Ohio', US],
  [636058, 'OK', 'Oklahoma', US],
  [636012, 'ON', 'Ontario', CA],
  [636029, 'OR', 'Oregon', US],
  [636025, 'PA', 'Pennsylvania', US],
  [604426, 'PE', 'Prince Edward Island', CA],
  [604431, 'PR', 'Puerto Rico', US],
  [604428, 'QC', 'Quebec', CA],
  [636052, 'RI', 'Rhode Island', US],
  [636044, 'SK', 'Saskatchewan', CA],
  [636005, 'SC', 'South Carolina', US],
  [636042, 'SD', 'South Dakota', US],
  [636053, 'TN', 'Tennessee', US],
  [636027, 'DS', 'US Department of State', US],
  [636015, 'TX', 'Texas', US],
  [636062, 'VI', 'US Virgin Islands', US],
  [636040, 'UT', 'Utah', US],
  [636024, 'VT', 'Vermont', US],
  [636000, 'VA', 'Virginia', US],
  [636045, 'WA', 'Washington', US],
  [636061, 'WV', 'West Virginia', US],
  [636031, 'WI', 'Wisconsin', US],
  [636060, 'WY', 'Wyoming', US],
  [604429, 'YT', 'Yukon', CA],
];

const BY_IIN = new Map(TABLE.map(([iin, code, name, country]) => [String(iin), { code, name, country }]));

export const jurisdictionOf = (iin: string): Jurisdiction | null => BY_IIN.get(iin) ?? null;

/** The jurisdiction whose name appears in a text (a licence header: "CALIFORNIA", "NEW YORK"). */
export function jurisdictionName(text: string): Jurisdiction | null {
  const upper = ` ${text.toUpperCase().replace(/[^A-Z]+/g, ' ')} `;
  let best: Jurisdiction | null = null;
  for (const j of BY_IIN.values()) {
    // The longest name wins: "WEST VIRGINIA" over "VIRGINIA".
    if (upper.includes(` ${j.name.toUpperCase()} `) && (!best || j.name.length > best.name.length)) best = j;
  }
  return best;
}

export const JURISDICTION_NAMES: readonly string[] = [
  ...new Set(TABLE.map(([, , name]) => name.toUpperCase())),
];

export const jurisdictionByCode = (code: string): Jurisdiction | null =>
  [...BY_IIN.values()].find((j) => j.code === code) ?? null;
