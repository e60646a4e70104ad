// The vocabulary of specialised guidance (01-system.md, glossary; 02-crm.md, "Guidance courses").
// Keys are English (code), labels Danish first: the users are Danish case workers and politicians.

/** The 4 categories of the hubs' delivery model. */
export const guidanceCategories = ['growth', 'operations', 'short', 'earlyWarning'] as const;
export type GuidanceCategory = (typeof guidanceCategories)[number];

export const guidanceCategoryLabels: Readonly<Record<GuidanceCategory, { da: string; en: string }>> = {
  growth: { da: 'Vækstforløb', en: 'Growth course' },
  operations: { da: 'Driftsforløb', en: 'Operations course' },
  short: { da: 'Korte forløb', en: 'Short course' },
  earlyWarning: { da: 'Early Warning', en: 'Early Warning' },
};

/** The company's segment: vækst / drift. */
export const guidanceSegments = ['growth', 'operations'] as const;
export type GuidanceSegment = (typeof guidanceSegments)[number];

export const guidanceSegmentLabels: Readonly<Record<GuidanceSegment, { da: string; en: string }>> = {
  growth: { da: 'vækst', en: 'growth' },
  operations: { da: 'drift', en: 'operations' },
};

/** The 8 fields of specialised guidance (since 2021), with the keys of 02-crm.md. */
export const guidanceThemes = [
  'skilledLabour',
  'greenTransition',
  'innovation',
  'digitalisation',
  'internationalisation',
  'management',
  'salesMarketing',
  'finance',
] as const;
export type GuidanceTheme = (typeof guidanceThemes)[number];

export const guidanceThemeLabels: Readonly<Record<GuidanceTheme, { da: string; en: string }>> = {
  skilledLabour: { da: 'Kvalificeret arbejdskraft', en: 'Skilled labour' },
  greenTransition: { da: 'Grøn omstilling og cirkulær økonomi', en: 'Green transition and circular economy' },
  innovation: { da: 'Innovation', en: 'Innovation' },
  digitalisation: { da: 'Digitalisering og automatisering', en: 'Digitalisation and automation' },
  internationalisation: { da: 'Internationalisering', en: 'Internationalisation' },
  management: { da: 'Ledelse/organisation', en: 'Management and organisation' },
  salesMarketing: { da: 'Salg/markedsføring', en: 'Sales and marketing' },
  finance: { da: 'Finansiering', en: 'Finance' },
};

/** Target groups of the 2019 contract (01-system.md). SMV means up to 250 employees. */
export const guidanceTargetGroups = [
  'maturePreStarter',
  'entrepreneurSpecialNeeds',
  'smeSeeking',
  'smeOperations',
  'smeClarified',
  'largerCompany',
] as const;
export type GuidanceTargetGroup = (typeof guidanceTargetGroups)[number];

export const guidanceTargetGroupLabels: Readonly<Record<GuidanceTargetGroup, { da: string; en: string }>> = {
  maturePreStarter: { da: 'Modne førstartere', en: 'Mature pre-starters' },
  entrepreneurSpecialNeeds: { da: 'Iværksættere med særligt behov', en: 'Entrepreneurs with special needs' },
  smeSeeking: { da: 'SMV – søgende', en: 'SMEs – seeking' },
  smeOperations: { da: 'SMV – driftsorienterede', en: 'SMEs – operations-focused' },
  smeClarified: { da: 'SMV – afklarede', en: 'SMEs – clarified' },
  largerCompany: { da: 'Større virksomheder', en: 'Larger companies' },
};

/** A calendar day as YYYY-MM-DD. */
export type IsoDate = string;

/** One guidance course as the courses CSV (02-crm.md, "Imports") and the statistics know it. */
export interface GuidanceCourse {
  /** The source system's id (idempotent re-import). */
  courseId: string;
  /** 8 digits, or null for a pre-starter. */
  cvr: string | null;
  /** Required when `cvr` is null; may be null when there is a CVR number. */
  companyName: string | null;
  /** Normalised 3-digit code, one of the 98. */
  municipalityCode: string;
  /** The hub's name as in the reference data ("Erhvervshus Nordjylland"). */
  hub: string;
  category: GuidanceCategory;
  segment: GuidanceSegment;
  /** One or more, without repeats, in the order given. */
  themes: GuidanceTheme[];
  targetGroup: GuidanceTargetGroup | null;
  startDate: IsoDate;
  endDate: IsoDate | null;
  /** Sorted ascending, without repeats. */
  meetingDates: IsoDate[];
}
