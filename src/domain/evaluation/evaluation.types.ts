// One response to the user evaluation (03-evaluation.md): the answers plus what every response records
// — company, hub, municipality, segment, the guidance year it evaluates, when it was answered — and
// where it came from (`source`: ERST's national survey, imported, or the platform's own).
import type { GuidanceSegment, GuidanceTheme, IsoDate } from '../guidance/guidance.types.ts';
import type { DegreeAnswer, EffectItem, SatisfactionAnswer, YesNoAnswer } from './instrument.ts';

/** `erst`: imported from Erhvervsstyrelsen's brugerevalueringssystem; `own`: run by the platform. */
export const evaluationSources = ['erst', 'own'] as const;
export type EvaluationSource = (typeof evaluationSources)[number];

export const evaluationSourceLabels: Readonly<Record<EvaluationSource, { da: string; en: string }>> = {
  erst: { da: 'Erhvervsstyrelsen', en: 'Danish Business Authority' },
  own: { da: 'Egen evaluering', en: 'Own evaluation' },
};

/** null everywhere means "not answered" (an empty cell). "Ved ikke" is an answer (`dontKnow`). */
export interface EvaluationAnswers {
  /** 0-10. */
  recommend: number | null;
  staffCompetence: SatisfactionAnswer | null;
  expectedEffect: DegreeAnswer | null;
  /** The 7 items of the 2019-2020 instrument. */
  effect: Readonly<Record<EffectItem, DegreeAnswer | null>>;
  referred: YesNoAnswer | null;
  usedReferral: YesNoAnswer | null;
  digitalGuidance: YesNoAnswer | null;
}

export interface EvaluationResponse {
  responseId: string;
  source: EvaluationSource;
  /** 8 digits; null when the file gives none (a pre-starter). */
  cvr: string | null;
  /** The hub's name as in the reference data ("Erhvervshus Nordjylland"). */
  hub: string;
  /** Normalised 3-digit code. */
  municipalityCode: string;
  segment: GuidanceSegment;
  /** The guidance year the response evaluates. */
  guidanceYear: number;
  answeredAt: IsoDate | null;
  /** The themes of the evaluated guidance, when the source gives them; empty otherwise. */
  themes: readonly GuidanceTheme[];
  answers: EvaluationAnswers;
}
