// Erhvervshus Nordjylland 2022 (04-contracts.md): 7 national + 4 local goals, "the same structure as
// 2023" with its own values. Base grant 17,291 mio. kr.; the source's table rows sum to 17.292 t.kr.
// (kept as tableRowsTotal); key: population Q1 2021. Follow-up Q1 2023.
// The source gives only the number of activities of goals 8-10 (3, 5 and 4): they are named
// "Aktivitet 1" … "Aktivitet n" here, to be renamed when the hub enters them.
import { defineContract } from '../contract.schema.ts';
import type { Contract, ContractInput } from '../contract.schema.ts';
import { allActivitiesDone, chairs, numberedActivities, parties } from './builders.ts';
import {
  nordjyllandHub as hub,
  nordjyllandKkr as kkr,
  nordjyllandNationalGoals,
  nordjyllandReporting as reporting,
  specialisedGuidanceGoal,
} from './nordjylland-common.ts';

export const nordjylland2022Input: ContractInput = {
  id: 'nordjylland-2022',
  year: 2022,
  title: 'Resultatkontrakt 2022 mellem KKR Nordjylland og Erhvervshus Nordjylland',
  hub,
  kkr,
  parties: parties(hub, kkr),
  signatories: chairs(hub, kkr),
  dates: { effectiveFrom: '2022-01-01' },
  status: 'signed',
  baseGrant: {
    amount: '17291000',
    tableRowsTotal: '17292000',
    distributionKey: 'Folketal 1. kvartal 2021 efter bopælskommune',
    note: 'Kontraktens tabel over kommunernes bidrag summerer til 17.292 t.kr.',
  },
  followUp: { year: 2023, quarter: 1 },
  goals: [
    // Goal 1: baseline 40 % (September 2020), 45 % in 2021, at least 50 % in 2023: the judged
    // threshold is the contract's end target (≥ 50 %); 45 % is kept as a milestone.
    // Goal 4: ≥ 45 % (2021) → ≥ 47 % (2022) → 50 % (2023): judged on the 2022 value.
    ...nordjyllandNationalGoals({
      year: 2022,
      awareness: {
        threshold: '50',
        baseline: { value: '40', note: 'september 2020' },
        milestones: [
          { year: 2021, comparison: '>=', threshold: '45' },
          { year: 2023, comparison: '>=', threshold: '50' },
        ],
      },
      referralUptake: {
        threshold: '47',
        milestones: [
          { year: 2021, comparison: '>=', threshold: '45' },
          { year: 2023, comparison: '>=', threshold: '50' },
        ],
      },
      expectedEffectHigh: '65',
    }),
    {
      number: 8,
      title: 'Styrket regional strategi',
      kind: 'local',
      text: 'Erhvervshuset styrker den regionale erhvervsfremmestrategi.',
      reporting,
      targets: [numberedActivities('indsatser', 'Indsatser', 3)],
      rule: allActivitiesDone,
    },
    {
      number: 9,
      title: 'Styrket regionalt samarbejde',
      kind: 'local',
      text: 'Erhvervshuset styrker samarbejdet med kommunerne og de øvrige aktører i regionen.',
      method: 'Målet er opfyldt, når de 4 aktiviteter er tilfredsstillende gennemført.',
      reporting,
      targets: [numberedActivities('indsatser', 'Indsatser', 5)],
      rule: allActivitiesDone,
      corrections: [
        {
          field: 'method',
          stated: 'Metodeteksten nævner 4 aktiviteter.',
          applied: 'Opfyldelseskriteriet nævner 5 aktiviteter; målet har 5 aktiviteter og opgøres efter kriteriet.',
          reason: 'Kontraktens metodetekst og opfyldelseskriterium er uenige om antallet af aktiviteter.',
        },
      ],
    },
    {
      number: 10,
      title: 'Grøn omstilling regionalt',
      kind: 'local',
      text: 'Erhvervshuset understøtter den grønne omstilling i regionen.',
      reporting,
      targets: [numberedActivities('indsatser', 'Indsatser', 4)],
      rule: allActivitiesDone,
    },
    specialisedGuidanceGoal(2022, 'local'),
  ],
};

export const nordjylland2022: Contract = defineContract(nordjylland2022Input);
