// Erhvervshus Nordjylland 2019 (04-contracts.md): the first year after the reform, goals 1-9.
// Base grant 16,5 mio. kr. (invoiced total 16.488 t.kr.), key: population 1 January 2018.
import { defineContract } from '../contract.schema.ts';
import type { Contract, ContractInput } from '../contract.schema.ts';
import { activities, allActivitiesDone, chairs, metric, parties, reportingToKkr, tiersAtLeast } from './builders.ts';

const hub = 'Erhvervshus Nordjylland';
const kkr = 'KKR Nordjylland';
const reporting = reportingToKkr(hub, kkr);

export const nordjylland2019Input: ContractInput = {
  id: 'nordjylland-2019',
  year: 2019,
  title: 'Resultatkontrakt 2019 mellem KKR Nordjylland og Erhvervshus Nordjylland',
  hub,
  kkr,
  parties: parties(hub, kkr),
  signatories: chairs(hub, kkr),
  dates: { effectiveFrom: '2019-01-01' },
  status: 'signed',
  baseGrant: {
    amount: '16500000',
    invoicedTotal: '16488000',
    distributionKey: 'Folketal pr. 1. januar 2018 efter bopælskommune',
  },
  followUp: { year: 2020, quarter: 1 },
  goals: [
    {
      number: 1,
      title: 'Tilfredshed med den specialiserede vejledning',
      kind: 'national',
      text: 'Virksomhedernes tilfredshed med den specialiserede vejledning måles som Net Promoter Score (NPS).',
      method: 'Brugerevaluering af virksomheder, der har modtaget specialiseret vejledning.',
      reporting,
      targets: [metric('nps', 'NPS for specialiseret vejledning', 'nps', { year: 2019 }, '>=', '60')],
      rule: tiersAtLeast('nps', [
        ['60', '100'],
        ['50', '50'],
      ]),
    },
    {
      number: 2,
      title: 'Oplevet effekt af vejledningen',
      kind: 'national',
      text: 'Andelen af virksomheder, der vurderer, at vejledningen i middel eller høj grad har påvirket mindst ét af 7 forhold i virksomhedens udvikling.',
      method: 'Brugerevaluering: 7 delspørgsmål om virksomhedens udvikling.',
      reporting,
      targets: [metric('effekt', 'Andel med effekt i høj eller nogen grad', 'effectMediumShare', { year: 2019 }, '>=', '70')],
      rule: tiersAtLeast('effekt', [
        ['70', '100'],
        ['60', '50'],
      ]),
    },
    {
      number: 3,
      title: 'Fælles digital indgang',
      kind: 'national',
      text: 'Erhvervshusene får en fælles digital indgang med en fælles visuel identitet, og erhvervshuset deltager i arbejdsgruppen for platformen.',
      reporting,
      targets: [
        activities('indsatser', 'Indsatser', [
          'Fælles digital indgang til erhvervshusene med fælles visuel identitet',
          'Deltagelse i arbejdsgruppen for den digitale platform',
        ]),
      ],
      rule: allActivitiesDone,
    },
    {
      number: 4,
      title: 'Vejledning af den brede gruppe af virksomheder',
      kind: 'common',
      text: 'Erhvervshuset udarbejder inden udgangen af 2019 en kommunikations- og kendskabsstrategi i samarbejde med erhvervscheferne (NES).',
      reporting,
      targets: [
        activities('indsatser', 'Indsatser', [
          'Kommunikations- og kendskabsstrategi udarbejdet med erhvervscheferne (NES) inden udgangen af 2019',
        ]),
      ],
      rule: allActivitiesDone,
    },
    {
      number: 5,
      title: 'Specialiseret vejledning til alle målgrupper',
      kind: 'common',
      text: 'Erhvervshuset yder specialiseret vejledning til alle målgrupper og dokumenterer det med statistik fra CRM opgjort på målgrupper.',
      reporting,
      targets: [
        activities('indsatser', 'Indsatser', [
          'CRM-metode til registrering af vejledte kunder (målgruppe, geografi, efterspurgt ydelse, henvisning til og fra erhvervshuset)',
          'Fælles budskab',
          'Tilfredsheds- og effektmåling',
          'Vækstevaluering af vækstkunder',
        ]),
        activities('statistik', 'Statistik', ['CRM-statistik opgjort på målgrupper vedlagt afrapporteringen']),
      ],
      rule: allActivitiesDone,
    },
    {
      number: 6,
      title: 'Erhvervshuset som knudepunkt',
      kind: 'common',
      text: 'Erhvervshuset er knudepunkt i erhvervsfremmesystemet.',
      reporting,
      targets: [
        activities('indsatser', 'Indsatser', [
          'Samarbejdsaftaler med Eksportrådet, Vækstfonden og Innovationsfonden',
          'Åben proces for det regionale kapitel i erhvervsfremmestrategien',
          'Tilbud om oplæg for alle 11 kommunalbestyrelser',
          'Afholdelse af ErhvervsCAMP',
        ]),
      ],
      rule: allActivitiesDone,
    },
    {
      number: 7,
      title: 'Digital omstilling',
      kind: 'common',
      text: 'Erhvervshuset understøtter virksomhedernes digitale omstilling.',
      reporting,
      targets: [
        activities('indsatser', 'Indsatser', [
          'Kompetencer',
          'Arrangementer og workshops',
          'Finansieringsprogrammer',
          'Projektsamarbejde',
        ]),
      ],
      rule: allActivitiesDone,
    },
    {
      number: 8,
      title: 'Opsøgende indsats',
      kind: 'regional',
      text: 'En samarbejdsmodel med de lokale erhvervskontorer om den opsøgende indsats.',
      reporting,
      targets: [
        activities('indsatser', 'Indsatser', [
          'Samarbejdsmodel med de lokale erhvervskontorer (fælles initiativer, arbejdsdeling, gensidig viden om virksomhedsbesøg i CRM)',
        ]),
      ],
      rule: allActivitiesDone,
    },
    {
      number: 9,
      title: 'Samarbejde',
      kind: 'regional',
      text: 'En samarbejdsmodel mellem erhvervshuset og kommunerne.',
      reporting,
      targets: [
        activities('indsatser', 'Indsatser', [
          'Samarbejdsmodel: opfølgning på strategien, ambassadørordning, fælles projekter, filialen på Mors, styrkepositioner, fælles ressourcer og gensidige henvisninger',
        ]),
      ],
      rule: allActivitiesDone,
    },
  ],
};

export const nordjylland2019: Contract = defineContract(nordjylland2019Input);
