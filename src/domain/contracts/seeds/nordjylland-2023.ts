// Erhvervshus Nordjylland 2023 (04-contracts.md): 7 national + 4 local goals.
// Base grant 17,645 mio. kr., key: population Q1 2022. Follow-up Q1 2024.
import { defineContract } from '../contract.schema.ts';
import type { Contract, ContractInput } from '../contract.schema.ts';
import { activities, allActivitiesDone, chairs, parties } from './builders.ts';
import {
  nordjyllandHub as hub,
  nordjyllandKkr as kkr,
  nordjyllandNationalGoals,
  nordjyllandReporting as reporting,
  specialisedGuidanceGoal,
} from './nordjylland-common.ts';

export const nordjylland2023Input: ContractInput = {
  id: 'nordjylland-2023',
  year: 2023,
  title: 'Resultatkontrakt 2023 mellem KKR Nordjylland og Erhvervshus Nordjylland',
  hub,
  kkr,
  parties: parties(hub, kkr),
  signatories: chairs(hub, kkr),
  dates: { effectiveFrom: '2023-01-01' },
  status: 'signed',
  baseGrant: { amount: '17645000', distributionKey: 'Folketal 1. kvartal 2022 efter bopælskommune' },
  followUp: { year: 2024, quarter: 1 },
  goals: [
    ...nordjyllandNationalGoals({
      year: 2023,
      awareness: { threshold: '50', baseline: { value: '36', note: 'september 2021' } },
      referralUptake: { threshold: '50' },
      expectedEffectHigh: '70',
    }),
    {
      number: 8,
      title: 'Styrket regional strategi',
      kind: 'local',
      text: 'Erhvervshuset styrker den regionale erhvervsfremmestrategi.',
      reporting,
      targets: [
        activities('indsatser', 'Indsatser', [
          'Nye midler til strategiens 8 indsatsområder',
          'AddSmart og CO2Vision',
          'Processen for strategien 2024-27',
        ]),
      ],
      rule: allActivitiesDone,
    },
    {
      number: 9,
      title: 'Styrket regionalt samarbejde',
      kind: 'local',
      text: 'Erhvervshuset styrker samarbejdet med kommunerne og de øvrige aktører i regionen.',
      reporting,
      targets: [
        activities('indsatser', 'Indsatser', [
          'Fælles ejerskab og bilaterale aftaler',
          'Geografisk spredning',
          'Årligt direktørmøde med hver borgmester og erhvervschef',
          'Samarbejde med jobcentre og videninstitutioner',
          'Samarbejde med de nationale klynger',
        ]),
      ],
      rule: allActivitiesDone,
    },
    {
      number: 10,
      title: 'Grøn omstilling regionalt',
      kind: 'local',
      text: 'Erhvervshuset understøtter den grønne omstilling i regionen.',
      reporting,
      targets: [
        activities('indsatser', 'Indsatser', [
          'Screeningsværktøjer til kommunerne',
          'SMV-puljer',
          'Kompetencer inden for CO2-fangst, -lagring og -anvendelse (CCUS)',
          'Intern CO2-strategi',
        ]),
      ],
      rule: allActivitiesDone,
    },
    specialisedGuidanceGoal(2023, 'local'),
  ],
};

export const nordjylland2023: Contract = defineContract(nordjylland2023Input);
