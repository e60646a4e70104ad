// User-evaluation demo data for Erhvervshus Nordjylland (seedDemo calls this after the CRM): about 300
// responses for the guidance years 2021-2024, both segments and both sources, with answer distributions
// like ERST's national survey (NPS around 60-75, most "Meget tilfreds"/"Tilfreds"), linked to the demo
// companies, all marked is_demo, so /evaluering is alive on `npm start`. Deterministic: a fixed-seed
// generator, so every demo database holds the same responses.
import type { Executor } from '../database.ts';
import { guidanceThemes } from '../../domain/guidance/guidance.types.ts';

export const DEMO_EVALUATION_YEARS = [2021, 2022, 2023, 2024] as const;
const PER_YEAR = [68, 74, 79, 81] as const; // 302 in all

/** A small linear congruential generator (deterministic, good enough for demo data). */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

export async function seedDemoEvaluation(db: Executor): Promise<{ responses: number }> {
  const random = generator(20261123);
  const companies = await db
    .selectFrom('companies')
    .select(['id', 'cvr', 'municipality_code'])
    .where('is_demo', '=', true)
    .where('cvr', 'is not', null)
    .where('merged_into_id', 'is', null)
    .orderBy('cvr')
    .execute();
  const municipalities = (await db.selectFrom('municipalities').select('code').where('business_hub_id', '=', 'nordjylland').orderBy('code').execute()).map((m) => m.code);
  let total = 0;
  for (const [index, year] of DEMO_EVALUATION_YEARS.entries()) {
    // NPS drifts up a little over the years (promoters about 72 % → 75 %).
    const promoterWeight = 74 + index * 2;
    for (let i = 0; i < PER_YEAR[index]!; i++) {
      const company = companies.length > 0 && random() < 0.85 ? companies[Math.floor(random() * companies.length)]! : null;
      const municipality = company?.municipality_code && municipalities.includes(company.municipality_code) ? company.municipality_code : municipalities[Math.floor(random() * municipalities.length)]!;
      const recommend = pick(random, [
        [10, promoterWeight * 0.55],
        [9, promoterWeight * 0.45],
        [8, 13],
        [7, 7],
        [6, 3],
        [5, 2.5],
        [3, 1.5],
        [0, 0.8],
      ] as const);
      const answered = random() < 0.96;
      const referred = pick(random, [['yes', 35], ['no', 60], [null, 5]] as const);
      const digital = year >= 2023 ? pick(random, [['yes', 30], ['no', 68], [null, 2]] as const) : null;
      const themes = [...new Set([guidanceThemes[Math.floor(random() * guidanceThemes.length)]!, ...(random() < 0.3 ? [guidanceThemes[Math.floor(random() * guidanceThemes.length)]!] : [])])];
      await db
        .insertInto('evaluation_responses')
        .values({
          source: random() < 0.8 ? 'erst' : 'own',
          source_response_id: `DEMO-${year}-${String(i + 1).padStart(3, '0')}`,
          cvr: company?.cvr ?? null,
          company_id: company?.id ?? null,
          business_hub_id: 'nordjylland',
          municipality_code: municipality,
          segment: random() < 0.45 ? 'growth' : 'operations',
          guidance_year: year,
          answered_at: `${year + 1}-0${1 + Math.floor(random() * 3)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
          recommend: answered ? recommend : null,
          staff_competence: pick(random, [['veryPleased', 58], ['pleased', 30], ['neutral', 6], ['displeased', 2], ['veryDispleased', 1], ['dontKnow', 3]] as const),
          expected_effect: pick(random, [['high', 38], ['some', 42], ['low', 10], ['notAtAll', 3], ['dontKnow', 5], [null, 2]] as const),
          referred,
          used_referral: referred === 'yes' ? pick(random, [['yes', 62], ['no', 33], [null, 5]] as const) : null,
          digital_guidance: digital,
          themes,
          is_demo: true,
        })
        .execute();
      total++;
    }
  }
  return { responses: total };
}
