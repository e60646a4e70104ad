// Evaluation responses ("brugerevaluering", 03-evaluation.md; migration 20261123010000_evaluation.sql):
// the answers of guided companies to ERST's national survey, one per course for about four courses in
// five that have a meeting (150,000 of the ~193,000 such courses nationally), answered two to eight weeks after the course's
// last meeting (never after the data set's today). Only the questions of the instrument for the
// guidance year are answered (src/domain/evaluation/instrument.ts; the latest instrument after its
// period), "used the referral" only after "referred: yes". Mostly satisfied companies, as in the survey.
import { instrumentForYear, evaluationInstruments, evaluationQuestions } from '../../../domain/evaluation/instrument.ts';
import { TODAY, isoDay, type SyntheticEntity } from './context.ts';
import { mulberry32, seededUuid, weightedIndex, type Random } from './random.ts';

const SATISFACTION: readonly (readonly [string, number])[] = [['veryPleased', 55], ['pleased', 30], ['neutral', 8], ['displeased', 3], ['veryDispleased', 1], ['dontKnow', 3]];
const DEGREE: readonly (readonly [string, number])[] = [['high', 35], ['some', 40], ['low', 12], ['notAtAll', 5], ['dontKnow', 8]];
const RECOMMEND = [1, 1, 1, 1, 2, 3, 4, 8, 15, 25, 39]; // weights of 0…10

export const responseColumns = [
  'id', 'source', 'source_response_id', 'cvr', 'company_id', 'business_hub_id', 'municipality_code', 'segment', 'guidance_year', 'answered_at',
  'recommend', 'staff_competence', 'expected_effect', 'effect_unrecognised_challenges', 'effect_strategy', 'effect_growth_ambitions',
  'effect_business_concept', 'effect_sales_marketing', 'effect_organisation', 'effect_operations', 'referred', 'used_referral',
  'digital_guidance', 'themes', 'is_demo',
] as const;

export const evaluationEntity: SyntheticEntity = {
  name: 'evalueringsbesvarelser',
  tables(context) {
    const random = mulberry32(context.seed ^ 0xe7a105);
    const drawSatisfaction = weightedIndex(SATISFACTION.map(([, w]) => w));
    const drawDegree = weightedIndex(DEGREE.map(([, w]) => w));
    const drawRecommend = weightedIndex(RECOMMEND);
    const latest = evaluationInstruments.at(-1);
    const answer = (scale: string, r: Random): string | number => {
      if (scale === 'zeroToTen') return drawRecommend(r);
      if (scale === 'satisfaction') return SATISFACTION[drawSatisfaction(r)]?.[0] ?? 'pleased';
      if (scale === 'degree') return DEGREE[drawDegree(r)]?.[0] ?? 'some';
      return r.chance(0.35) ? 'yes' : 'no';
    };
    function* responses() {
      const { companies } = context;
      const wanted = context.counts.evaluationResponses;
      const eligible = context.courses.filter((course) => course.lastMeetingDay !== null);
      let made = 0;
      for (let k = 0; k < eligible.length && made < wanted; k++) {
        // Selection sampling (Knuth's algorithm S): exactly `wanted` courses, each equally likely.
        if (random.next() * (eligible.length - k) >= wanted - made) continue;
        const course = eligible[k]!;
        const last = course.lastMeetingDay ?? 0;
        const answered = Math.min(last + 14 + random.int(43), TODAY);
        const year = Number(isoDay(last).slice(0, 4));
        const instrument = instrumentForYear(year) ?? latest;
        const asked = new Set(instrument?.questions ?? []);
        const values: Record<string, string | number | null> = {};
        for (const question of evaluationQuestions) {
          if (!asked.has(question.key)) continue;
          if (question.askedWhen && values[evaluationQuestions.find((q) => q.key === question.askedWhen?.question)?.column ?? ''] !== question.askedWhen.answer) continue;
          values[question.column] = random.chance(0.04) ? null : answer(question.scale, random); // a few skip a question
        }
        made++;
        yield [
          seededUuid(random),
          'erst', `SYN-${String(made).padStart(7, '0')}`, companies.cvrs[course.companyIndex] ?? null, companies.ids[course.companyIndex] ?? '',
          course.hubId, companies.municipalityCodes[course.companyIndex] ?? '', course.segment, year, isoDay(answered),
          ...responseColumns.slice(10, 23).map((column) => values[column] ?? null), course.themes, true,
        ];
      }
    }
    return [{ table: 'evaluation_responses', columns: responseColumns, rows: responses() }];
  },
};
