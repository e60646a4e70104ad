// The vocabulary of result contracts (04-contracts.md; 03-evaluation.md for the metric keys; 02-crm.md
// for the CRM counts). Keys are English (code), labels Danish first.

/** A contract's life: draft → agreed → signed → reported → followedUp (one step forward at a time). */
export const contractStatuses = ['draft', 'agreed', 'signed', 'reported', 'followedUp'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export const contractStatusLabels: Readonly<Record<ContractStatus, { da: string; en: string }>> = {
  draft: { da: 'udkast', en: 'draft' },
  agreed: { da: 'aftalt', en: 'agreed' },
  signed: { da: 'underskrevet', en: 'signed' },
  reported: { da: 'afrapporteret', en: 'reported' },
  followedUp: { da: 'fulgt op', en: 'followed up' },
};

/**
 * national: set in the KL/ministry framework agreement; common: common to the hubs; regional/local:
 * agreed between KKR and the hub; crossMunicipal: "tværkommunale" goals (Midtjylland 2020).
 */
export const goalKinds = ['national', 'common', 'regional', 'local', 'crossMunicipal'] as const;
export type GoalKind = (typeof goalKinds)[number];

export const goalKindLabels: Readonly<Record<GoalKind, { da: string; en: string }>> = {
  national: { da: 'Nationalt mål', en: 'National goal' },
  common: { da: 'Fælles mål', en: 'Common goal' },
  regional: { da: 'Regionalt mål', en: 'Regional goal' },
  local: { da: 'Lokalt mål', en: 'Local goal' },
  crossMunicipal: { da: 'Tværkommunalt mål', en: 'Cross-municipal goal' },
};

/** The metrics of 03-evaluation.md plus the referral service-goal share of 02-crm.md. All are percentages except nps. */
export const metricKeys = [
  'nps',
  'veryPleasedShare',
  'expectedEffectHighShare',
  'effectMediumShare',
  'effectHighShare',
  'referralUptakeShare',
  'digitalEffectHighShare',
  'newCompanyShare',
  'referralServiceGoalShare',
] as const;
export type MetricKey = (typeof metricKeys)[number];

export const metricLabels: Readonly<Record<MetricKey, { da: string; unit: '' | '%' }>> = {
  nps: { da: 'NPS', unit: '' },
  veryPleasedShare: { da: 'Andel meget tilfredse med medarbejderens faglige kompetencer', unit: '%' },
  expectedEffectHighShare: { da: 'Andel der i høj grad forventer en positiv effekt', unit: '%' },
  effectMediumShare: { da: 'Andel med effekt i høj eller nogen grad', unit: '%' },
  effectHighShare: { da: 'Andel med effekt i høj grad', unit: '%' },
  referralUptakeShare: { da: 'Andel henviste der har benyttet henvisningen', unit: '%' },
  digitalEffectHighShare: { da: 'Andel med digitaliseringsvejledning der i høj grad forventer effekt', unit: '%' },
  newCompanyShare: { da: 'Andel nye virksomheder', unit: '%' },
  referralServiceGoalShare: { da: 'Andel henvisninger kontaktet inden for servicemålet', unit: '%' },
};

/** CRM counts for a year (02-crm.md; year counting rule in src/domain/guidance/year-counting.ts). */
export const countKeys = ['uniqueCompanies', 'courses', 'participants', 'referralsContactedWithinServiceGoal'] as const;
export type CountKey = (typeof countKeys)[number];

export const countLabels: Readonly<Record<CountKey, { da: string }>> = {
  uniqueCompanies: { da: 'Unikke virksomheder' },
  courses: { da: 'Forløb' },
  participants: { da: 'Deltagere i kollektive aktiviteter' },
  referralsContactedWithinServiceGoal: { da: 'Henvisninger kontaktet inden for servicemålet' },
};

/** ≥, ≤ (the contracts' "mindst"/"højst"), and the strict forms for "higher than" (2023 goal 6). */
export const comparisons = ['>=', '<=', '>', '<'] as const;
export type Comparison = (typeof comparisons)[number];

export const comparisonSymbols: Readonly<Record<Comparison, string>> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };

/** An activity ("indsats") of a checklist; `done` means "tilfredsstillende gennemført". */
export const activityStatuses = ['notStarted', 'inProgress', 'done', 'notDone'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

export const activityStatusLabels: Readonly<Record<ActivityStatus, { da: string; en: string }>> = {
  notStarted: { da: 'ikke påbegyndt', en: 'not started' },
  inProgress: { da: 'i gang', en: 'in progress' },
  done: { da: 'tilfredsstillende gennemført', en: 'done' },
  notDone: { da: 'ikke gennemført', en: 'not done' },
};

export const evidenceKinds = ['text', 'file', 'link', 'date'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const goalStatuses = ['fulfilled', 'partlyFulfilled', 'notFulfilled', 'notMeasurable'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

export const goalStatusLabels: Readonly<Record<GoalStatus, { da: string; en: string }>> = {
  fulfilled: { da: 'opfyldt', en: 'fulfilled' },
  partlyFulfilled: { da: 'delvist opfyldt', en: 'partly fulfilled' },
  notFulfilled: { da: 'ikke opfyldt', en: 'not fulfilled' },
  notMeasurable: { da: 'ikke målbart', en: 'not measurable' },
};
