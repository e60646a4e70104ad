// Erhvervshus Nordjylland 2024 — the regional goals draft (04-contracts.md): goals 8-11 only, status
// draft. The national goals for 2024 are not in the source documents, and neither is the base grant
// (a draft may leave it out; the schema requires it from status agreed on).
import { defineContract } from '../contract.schema.ts';
import type { Contract, ContractInput } from '../contract.schema.ts';
import { activities, allActivitiesDone, chairs, numberedActivities, parties } from './builders.ts';
import {
  nordjyllandHub as hub,
  nordjyllandKkr as kkr,
  nordjyllandReporting,
  specialisedGuidanceGoal,
} from './nordjylland-common.ts';

export const nordjylland2024DraftInput: ContractInput = {
  id: 'nordjylland-2024-udkast',
  year: 2024,
  title: 'Udkast til regionale mål 2024 mellem KKR Nordjylland og Erhvervshus Nordjylland',
  hub,
  kkr,
  parties: parties(hub, kkr),
  signatories: chairs(hub, kkr),
  dates: { effectiveFrom: '2024-01-01' },
  status: 'draft',
  followUp: { year: 2025, quarter: 1 },
  note: 'De nationale mål for 2024 fremgår ikke af kildedokumenterne; udkastet har kun mål 8-11, og basisbevillingen for 2024 er endnu ikke angivet.',
  goals: [
    {
      number: 8,
      title: 'Styrket regional strategi',
      kind: 'regional',
      // The source names the themes of the 3 activities, not the activities themselves.
      text: 'Tre indsatser om strategien 2024-27: CO2Vision, grøn omstilling, digitalisering, byer og kyster, kompetenceforsyning og virksomhedernes potentiale; finansiering fra EU og fonde.',
      reporting: nordjyllandReporting,
      targets: [numberedActivities('indsatser', 'Indsatser', 3)],
      rule: allActivitiesDone,
    },
    {
      number: 9,
      title: 'Styrket regionalt samarbejde',
      kind: 'regional',
      text: 'Erhvervshuset styrker samarbejdet med kommunerne og de øvrige aktører i regionen.',
      reporting: nordjyllandReporting,
      targets: [
        activities('indsatser', 'Indsatser', [
          'Økosystem på tværs af aktørerne',
          'Geografisk spredning sammen med de lokale erhvervskontorer gennem "Den Nordjyske Model"',
          'Fælles ejerskab af programmer',
          '4-årig samarbejdsrapport',
          'Årlig bilateral fokusrapport pr. kommune',
        ]),
      ],
      rule: allActivitiesDone,
    },
    {
      number: 10,
      title: 'Bæredygtig og digital omstilling',
      kind: 'regional',
      text: 'Erhvervshuset understøtter virksomhedernes bæredygtige og digitale omstilling.',
      method:
        'Afrapporteres som lister: afholdte arrangementer; udbetalte midler pr. program (SMV:Grøn, SMV:Grønne kompetencer, CO2Vision, CO2Puljen, SMV:Digital, AddSmart, SMV:Vækstpilot, SMV:Eksport, SMV:Pro, Closing the loops, Innobooster) mod budget; kompetenceaktiviteter; antal vejledningsforløb pr. tema.',
      reporting: nordjyllandReporting,
      targets: [
        activities('indsatser', 'Indsatser', [
          'Værktøjer og arrangementer sammen med kommunerne',
          'SMV-puljer',
          'ESG',
          'Digitalisering og kunstig intelligens',
          'Intern ESG-rapport med CO2-regnskab',
        ]),
      ],
      rule: allActivitiesDone,
    },
    specialisedGuidanceGoal(2024, 'regional'),
  ],
};

export const nordjylland2024Draft: Contract = defineContract(nordjylland2024DraftInput);
