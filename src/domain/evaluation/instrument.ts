// The user-evaluation instrument of 03-evaluation.md ("The instrument"): questions, scales and their
// labels as plain typed data, so a later migration can load it into the database ("The instrument is
// data, not code: a new contract period can add or change questions without a release").
//
// Decisions (the spec is silent):
// - Two instruments: 2019-2020 (the 2019 goal 2 and 2020 goal 2 are judged on the 7 `effect.*`
//   items) and 2021-2023 (the 2022-23 contracts judge expected effect, referral uptake and — from the
//   2023 contract, goal 7 — digital guidance; the effect items are no longer asked). Which questions
//   the 2019-2020 instrument held besides `recommend` and the effect items is not in the source
//   documents; it lists every question of the spec except `digitalGuidance`.
// - Labels are matched without regard to letter case, runs of spaces or spaces around "/", and the
//   English label is accepted as well as the Danish one (the CSV is written with the Danish labels).
import { matchKey } from '../guidance/courses-csv.fields.ts';

export interface ScaleOption<K extends string = string> {
  key: K;
  da: string;
  en: string;
}

export interface ChoiceScale<K extends string = string> {
  id: string;
  kind: 'choice';
  options: readonly ScaleOption<K>[];
}

export interface NumericScale {
  id: 'zeroToTen';
  kind: 'numeric';
  min: number;
  max: number;
}

export const satisfactionAnswers = ['veryPleased', 'pleased', 'neutral', 'displeased', 'veryDispleased', 'dontKnow'] as const;
export type SatisfactionAnswer = (typeof satisfactionAnswers)[number];

export const degreeAnswers = ['high', 'some', 'low', 'notAtAll', 'dontKnow'] as const;
export type DegreeAnswer = (typeof degreeAnswers)[number];

export const yesNoAnswers = ['yes', 'no'] as const;
export type YesNoAnswer = (typeof yesNoAnswers)[number];

export const zeroToTenScale: NumericScale = { id: 'zeroToTen', kind: 'numeric', min: 0, max: 10 };

export const satisfactionScale: ChoiceScale<SatisfactionAnswer> = {
  id: 'satisfaction',
  kind: 'choice',
  options: [
    { key: 'veryPleased', da: 'Meget tilfreds', en: 'Very satisfied' },
    { key: 'pleased', da: 'Tilfreds', en: 'Satisfied' },
    { key: 'neutral', da: 'Hverken/eller', en: 'Neither/nor' },
    { key: 'displeased', da: 'Utilfreds', en: 'Dissatisfied' },
    { key: 'veryDispleased', da: 'Meget utilfreds', en: 'Very dissatisfied' },
    { key: 'dontKnow', da: 'Ved ikke', en: "Don't know" },
  ],
};

export const degreeScale: ChoiceScale<DegreeAnswer> = {
  id: 'degree',
  kind: 'choice',
  options: [
    { key: 'high', da: 'I høj grad', en: 'To a high degree' },
    { key: 'some', da: 'I nogen grad', en: 'To some degree' },
    { key: 'low', da: 'I lav grad', en: 'To a low degree' },
    { key: 'notAtAll', da: 'Slet ikke', en: 'Not at all' },
    { key: 'dontKnow', da: 'Ved ikke', en: "Don't know" },
  ],
};

export const yesNoScale: ChoiceScale<YesNoAnswer> = {
  id: 'yesNo',
  kind: 'choice',
  options: [
    { key: 'yes', da: 'Ja', en: 'Yes' },
    { key: 'no', da: 'Nej', en: 'No' },
  ],
};

/** The 7 sub-questions on effect of the 2019-2020 instrument, in the order of the spec. */
export const effectItems = ['unrecognisedChallenges', 'strategy', 'growthAmbitions', 'businessConcept', 'salesMarketing', 'organisation', 'operations'] as const;
export type EffectItem = (typeof effectItems)[number];

export const questionKeys = [
  'recommend',
  'staffCompetence',
  'expectedEffect',
  ...effectItems.map((item) => `effect.${item}` as const),
  'referred',
  'usedReferral',
  'digitalGuidance',
] as const;
export type QuestionKey = 'recommend' | 'staffCompetence' | 'expectedEffect' | `effect.${EffectItem}` | 'referred' | 'usedReferral' | 'digitalGuidance';

export type ScaleId = 'zeroToTen' | 'satisfaction' | 'degree' | 'yesNo';

export interface EvaluationQuestion {
  key: QuestionKey;
  /** The column of the responses CSV. */
  column: string;
  scale: ScaleId;
  da: string;
  en: string;
  /** Asked only after this answer to another question. */
  askedWhen?: { question: QuestionKey; answer: string };
}

const effectStem = {
  da: 'Hvordan har brugen af Erhvervshuset/forløbet påvirket virksomhedens udvikling:',
  en: "How has using the business hub / the course affected the company's development:",
};
const effectTexts: Record<EffectItem, { column: string; da: string; en: string }> = {
  unrecognisedChallenges: { column: 'effect_unrecognised_challenges', da: 'ikke-erkendte udfordringer', en: 'challenges not recognised before' },
  strategy: { column: 'effect_strategy', da: 'overordnede strategi', en: 'overall strategy' },
  growthAmbitions: { column: 'effect_growth_ambitions', da: 'langsigtede vækstambitioner', en: 'long-term growth ambitions' },
  businessConcept: { column: 'effect_business_concept', da: 'forretningskoncept', en: 'business concept' },
  salesMarketing: { column: 'effect_sales_marketing', da: 'salg og/eller marketing', en: 'sales and/or marketing' },
  organisation: { column: 'effect_organisation', da: 'styrke/professionalisere organisationen', en: 'strengthen/professionalise the organisation' },
  operations: { column: 'effect_operations', da: 'styrke driften', en: 'strengthen operations' },
};

export const evaluationQuestions: readonly EvaluationQuestion[] = [
  {
    key: 'recommend',
    column: 'recommend',
    scale: 'zeroToTen',
    da: 'Hvor sandsynligt er det, at du vil anbefale Erhvervshuset til andre virksomhedsejere og personer i dit netværk?',
    en: 'How likely is it that you would recommend the business hub to other business owners and people in your network?',
  },
  {
    key: 'staffCompetence',
    column: 'staff_competence',
    scale: 'satisfaction',
    da: 'Hvor tilfreds er du med erhvervshusmedarbejderens faglige kompetencer?',
    en: "How satisfied are you with the hub adviser's professional competence?",
  },
  {
    key: 'expectedEffect',
    column: 'expected_effect',
    scale: 'degree',
    da: 'I hvor høj grad vurderer du, at vejledningen vil have en positiv effekt for virksomheden?',
    en: 'To what degree do you expect the guidance to have a positive effect for the company?',
  },
  ...effectItems.map(
    (item): EvaluationQuestion => ({
      key: `effect.${item}`,
      column: effectTexts[item].column,
      scale: 'degree',
      da: `${effectStem.da} ${effectTexts[item].da}`,
      en: `${effectStem.en} ${effectTexts[item].en}`,
    }),
  ),
  {
    key: 'referred',
    column: 'referred',
    scale: 'yesNo',
    da: 'Har du fået en henvisning til ekstern rådgivning eller vejledning fra Erhvervshuset?',
    en: 'Have you been referred to external advice or guidance by the business hub?',
  },
  {
    key: 'usedReferral',
    column: 'used_referral',
    scale: 'yesNo',
    da: 'Har du benyttet henvisningen?',
    en: 'Have you used the referral?',
    askedWhen: { question: 'referred', answer: 'yes' },
  },
  {
    key: 'digitalGuidance',
    column: 'digital_guidance',
    scale: 'yesNo',
    da: 'Har du modtaget vejledning inden for digitalisering og automatisering?',
    en: 'Have you received guidance on digitalisation and automation?',
  },
];

export interface EvaluationInstrument {
  id: string;
  /** Guidance years the instrument is used for, both inclusive. */
  fromYear: number;
  toYear: number;
  questions: readonly QuestionKey[];
}

export const evaluationInstruments: readonly EvaluationInstrument[] = [
  {
    id: '2019-2020',
    fromYear: 2019,
    toYear: 2020,
    questions: questionKeys.filter((key) => key !== 'digitalGuidance'),
  },
  {
    id: '2021-2023',
    fromYear: 2021,
    toYear: 2023,
    questions: questionKeys.filter((key) => !key.startsWith('effect.')),
  },
];

export const evaluationScales: Readonly<Record<ScaleId, NumericScale | ChoiceScale>> = {
  zeroToTen: zeroToTenScale,
  satisfaction: satisfactionScale,
  degree: degreeScale,
  yesNo: yesNoScale,
};

/** The instrument used for a guidance year, or null outside the known contract periods. */
export function instrumentForYear(year: number): EvaluationInstrument | null {
  return evaluationInstruments.find((instrument) => year >= instrument.fromYear && year <= instrument.toYear) ?? null;
}

export function questionByKey(key: QuestionKey): EvaluationQuestion {
  const question = evaluationQuestions.find((q) => q.key === key);
  if (question === undefined) throw new Error(`Unknown evaluation question ${key}`);
  return question;
}

/** "  meget   TILFREDS ", "Hverken / eller" → the same key as the label. */
export function labelKey(text: string): string {
  return matchKey(text).replace(/\s*\/\s*/g, '/');
}

const optionsByLabel = new WeakMap<ChoiceScale, Map<string, string>>();

/** The option key a label names (Danish or English label, or the key itself), or null. */
export function findOption<K extends string>(scale: ChoiceScale<K>, text: string): K | null {
  let map = optionsByLabel.get(scale);
  if (map === undefined) {
    map = new Map();
    for (const option of scale.options) {
      for (const name of [option.key, option.en, option.da]) map.set(labelKey(name), option.key);
    }
    optionsByLabel.set(scale, map);
  }
  return (map.get(labelKey(text)) as K | undefined) ?? null;
}

/** The Danish label of an option key. */
export function danishLabel<K extends string>(scale: ChoiceScale<K>, key: K): string {
  return scale.options.find((option) => option.key === key)?.da ?? key;
}
