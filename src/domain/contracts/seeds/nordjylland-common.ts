// The goals Erhvervshus Nordjylland's contracts of 2022, 2023 and 2024 share (04-contracts.md: 2022 has
// "the same structure as 2023" with its own values; the 2024 draft has "goal 11 as 2023").
import type { GoalInput } from '../contract.schema.ts';
import { activities, all, allActivitiesDone, count, external, metric, reportingToKkr, tiersAtLeast } from './builders.ts';

export const nordjyllandHub = 'Erhvervshus Nordjylland';
export const nordjyllandKkr = 'KKR Nordjylland';
export const nordjyllandReporting = reportingToKkr(nordjyllandHub, nordjyllandKkr);
const reporting = nordjyllandReporting;

/** The values in which 2022 and 2023 differ. */
export interface NationalGoalValues {
  year: number;
  awareness: { threshold: string; baseline: { value: string; note: string }; milestones?: Milestone[] };
  referralUptake: { threshold: string; milestones?: Milestone[] };
  expectedEffectHigh: string;
}

interface Milestone {
  year: number;
  comparison: '>=';
  threshold: string;
}

const ERST_SURVEY = 'Erhvervsstyrelsens brugerevaluering';
const ERST_AWARENESS = 'Erhvervsstyrelsens kendskabsmåling';
const ERST_EFFECT = 'Erhvervsstyrelsens effektmåling med kontrolgruppe';

/** Goals 1-7, the national goals of the KL/ministry framework agreement. */
export function nordjyllandNationalGoals(v: NationalGoalValues): GoalInput[] {
  const y = v.year;
  return [
    {
      number: 1,
      title: 'Kendskab til erhvervshuset',
      kind: 'national',
      text: 'Kendskabet til erhvervshuset blandt virksomhederne øges, og erhvervshuset når nye virksomheder.',
      method: `${ERST_AWARENESS}; andelen af nye virksomheder opgøres i CRM blandt vejledte og evaluerede virksomheder.`,
      reporting,
      targets: [
        external('kendskab', 'Kendskab til erhvervshuset', ERST_AWARENESS, '%', '>=', v.awareness.threshold, {
          baseline: v.awareness.baseline,
          ...(v.awareness.milestones === undefined ? {} : { milestones: v.awareness.milestones }),
        }),
        metric('nye-virksomheder', 'Andel nye virksomheder blandt de vejledte og evaluerede', 'newCompanyShare', { year: y }, '>=', '50'),
      ],
      rule: all,
    },
    {
      number: 2,
      title: 'Bred geografisk spredning',
      kind: 'national',
      text: 'Erhvervshuset vejleder virksomheder i hele regionen; spredningen afrapporteres pr. kommune og fastsættes under de regionale mål.',
      reporting,
      targets: [activities('afrapportering', 'Afrapportering', ['Afrapportering af den geografiske spredning pr. kommune'])],
      rule: allActivitiesDone,
    },
    {
      number: 3,
      title: 'Kvalitet og tilfredshed',
      kind: 'national',
      text: 'Virksomhederne er tilfredse med kvaliteten af den specialiserede vejledning i både drifts- og vækstsegmentet.',
      method: ERST_SURVEY,
      reporting,
      targets: [
        metric('meget-tilfredse-drift', 'Meget tilfredse med medarbejderens faglige kompetencer, driftssegmentet', 'veryPleasedShare', { year: y, segment: 'operations' }, '>=', '80'),
        metric('nps-drift', 'NPS, driftssegmentet', 'nps', { year: y, segment: 'operations' }, '>=', '70'),
        metric('meget-tilfredse-vaekst', 'Meget tilfredse med medarbejderens faglige kompetencer, vækstsegmentet', 'veryPleasedShare', { year: y, segment: 'growth' }, '>=', '80'),
        metric('nps-vaekst', 'NPS, vækstsegmentet', 'nps', { year: y, segment: 'growth' }, '>=', '70'),
      ],
      rule: all,
    },
    {
      number: 4,
      title: 'Knudepunktsfunktion',
      kind: 'national',
      text: 'Virksomheder, der henvises videre af erhvervshuset, benytter henvisningen.',
      method: ERST_SURVEY,
      reporting,
      targets: [
        metric('henvisninger-benyttet', 'Andel henviste virksomheder, der har benyttet henvisningen', 'referralUptakeShare', { year: y }, '>=', v.referralUptake.threshold, {
          ...(v.referralUptake.milestones === undefined ? {} : { milestones: v.referralUptake.milestones }),
        }),
      ],
      rule: tiersAtLeast('henvisninger-benyttet', [[v.referralUptake.threshold, '100']]),
    },
    {
      number: 5,
      title: 'Grøn omstilling',
      kind: 'national',
      text: 'Erhvervshuset bruger Bæredygtighedshjulet i vejledningen og som selvhjælpsværktøj, og kendskabet til erhvervshusets grønne tilbud øges.',
      reporting,
      targets: [
        activities('baeredygtighedshjulet', 'Bæredygtighedshjulet', [
          'Bæredygtighedshjulet anvendes i vejledningen',
          'Bæredygtighedshjulet stilles til rådighed som selvhjælpsværktøj',
        ]),
        external(
          'kendskab-groenne-tilbud',
          'Kendskab til de grønne tilbud blandt virksomheder, der kender erhvervshuset',
          ERST_AWARENESS,
          '%',
          '>=',
          '74',
          { baseline: { value: '64', note: '2020' } },
        ),
      ],
      rule: all,
    },
    {
      number: 6,
      title: 'Effekt',
      kind: 'national',
      text: 'Vejledningen har effekt: virksomhederne forventer i høj grad en positiv effekt, og de vejledte virksomheder klarer sig bedre end en kontrolgruppe to år efter.',
      method: `${ERST_SURVEY}; ${ERST_EFFECT}.`,
      reporting,
      targets: [
        metric('forventet-effekt', 'Andel der i høj grad forventer en positiv effekt', 'expectedEffectHighShare', { year: y }, '>=', v.expectedEffectHigh),
        external('omsaetning-vaekst', 'Vækstsegmentet: omsætningsvækst ud over kontrolgruppen to år efter', ERST_EFFECT, 'procentpoint', '>=', '10'),
        external('beskaeftigelse-vaekst', 'Vækstsegmentet: beskæftigelsesvækst ud over kontrolgruppen to år efter', ERST_EFFECT, 'procentpoint', '>=', '5'),
        // "Higher productivity than the control group": the difference must be strictly positive.
        external('produktivitet-drift', 'Driftssegmentet: produktivitet (omsætning pr. årsværk) ud over kontrolgruppen', ERST_EFFECT, 'procentpoint', '>', '0'),
      ],
      rule: all,
    },
    {
      number: 7,
      title: 'Digitalisering',
      kind: 'national',
      text: 'Virksomheder, der har fået vejledning om digitalisering og automatisering, forventer i høj grad en positiv effekt.',
      method: ERST_SURVEY,
      reporting,
      targets: [
        metric('digital-effekt', 'Andel med digitaliseringsvejledning, der i høj grad forventer en positiv effekt', 'digitalEffectHighShare', { year: y }, '>=', '70'),
      ],
      rule: tiersAtLeast('digital-effekt', [['70', '100']]),
    },
  ];
}

/** Goal 11 "Specialiseret vejledning" (2023, and the 2024 draft "as 2023"). */
export function specialisedGuidanceGoal(year: number, kind: 'local' | 'regional'): GoalInput {
  return {
    number: 11,
    title: 'Specialiseret vejledning',
    kind,
    text: 'Erhvervshuset vejleder mindst 800 unikke virksomheder; mindst 350 Vækst- og Driftsforløb og mindst 600 Korte forløb og Early Warning-forløb. En virksomhed kan indgå i begge opgørelser; forløbenes tema registreres.',
    method: 'Opgøres i CRM efter årstællingsreglen.',
    reporting,
    targets: [
      count('unikke-virksomheder', 'Unikke vejledte virksomheder', 'uniqueCompanies', { year }, '>=', '800'),
      count('vaekst-drift', 'Vækst- og Driftsforløb', 'courses', { year, categories: ['growth', 'operations'] }, '>=', '350'),
      count('korte-early-warning', 'Korte forløb og Early Warning-forløb', 'courses', { year, categories: ['short', 'earlyWarning'] }, '>=', '600'),
    ],
    rule: all,
  };
}
