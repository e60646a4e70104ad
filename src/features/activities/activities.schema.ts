// Activities (02-crm.md, "Activities"): an organisation's contact with one or more companies. Input
// schemas are shared by the form, the API and (the field rules) the CSV import.
import { z } from 'zod';
import { readCvr } from '../../domain/companies/cvr.ts';

export const activityKinds = ['visit', 'meeting', 'call', 'email', 'event'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const activityKindLabels: Readonly<Record<ActivityKind, { da: string; en: string }>> = {
  visit: { da: 'Besøg', en: 'Visit' },
  meeting: { da: 'Møde', en: 'Meeting' },
  call: { da: 'Telefonsamtale', en: 'Call' },
  email: { da: 'E-mail', en: 'E-mail' },
  event: { da: 'Arrangement', en: 'Event' },
};

export const noteVisibilities = ['internal', 'shared'] as const;
export const MAX_PARTICIPANTS = 100_000;

const isoDate = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    // zod runs every check even after the pattern failed, so the date is parsed defensively.
    .refine((value) => {
      const time = Date.parse(`${value}T00:00:00Z`);
      return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value) && value >= '1990-01-01' && value <= '2100-12-31';
    }, message);

const list = (value: unknown) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);
const emptyToNull = (value: unknown) => (value === '' || value === undefined ? null : value);

/** CVR numbers as a user types several: separated by commas, semicolons, spaces or line breaks. */
const cvrList = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(/[,;\s]+/).filter((part) => part !== '') : list(value)),
  z.array(
    z.string().transform((value, context) => {
      const reading = readCvr(value);
      if (reading.ok) return reading.cvr;
      context.addIssue({ code: 'custom', message: reading.message });
      return z.NEVER;
    }),
  ),
);

// Fields in the order the form shows them, so the error summary lists them in that order too.
export const activityInput = z
  .object({
    kind: z.enum(activityKinds, { message: 'Vælg aktivitetens type.' }),
    activityDate: isoDate('Skriv aktivitetens dato som en gyldig dato.'),
    title: z.string().trim().min(1, 'Skriv en kort titel.').max(200, 'Titlen må højst være 200 tegn.'),
    companyIds: z.preprocess(list, z.array(z.uuid({ message: 'Ukendt virksomhed.' }))),
    /** Further participant companies by CVR number (an event has many). */
    cvrs: cvrList.optional().default([]),
    participantCount: z.preprocess(
      emptyToNull,
      z.coerce
        .number({ message: 'Antal deltagere skal være et helt tal.' })
        .int('Antal deltagere skal være et helt tal.')
        .min(1, 'Antal deltagere skal være mindst 1.')
        .max(MAX_PARTICIPANTS, `Antal deltagere må højst være ${MAX_PARTICIPANTS}.`)
        .nullable(),
    ),
    note: z.preprocess(emptyToNull, z.string().trim().max(5000, 'En note må højst være 5000 tegn.').nullable()),
    noteVisibility: z.enum(noteVisibilities, { message: 'Vælg om noten er intern eller delt.' }).default('internal'),
  })
  .refine((value) => value.companyIds.length + value.cvrs.length > 0, { path: ['cvrs'], message: 'Angiv mindst én virksomhed.' })
  // 02-crm.md: collective activities (events, workshops) count participants; a visit or call does not.
  .refine((value) => value.participantCount === null || value.kind === 'event', {
    path: ['participantCount'],
    message: 'Antal deltagere registreres kun for arrangementer (kollektive aktiviteter).',
  });
export type ActivityInput = z.infer<typeof activityInput>;

export const activityFilterQuery = z.object({
  type: z.enum([...activityKinds, '']).optional().transform((value) => value || undefined),
  organisation: z.union([z.uuid(), z.literal('')]).optional().transform((value) => value || undefined),
  fra: z.union([isoDate('Skriv fra-datoen som en gyldig dato.'), z.literal('')]).optional().transform((value) => value || undefined),
  til: z.union([isoDate('Skriv til-datoen som en gyldig dato.'), z.literal('')]).optional().transform((value) => value || undefined),
  side: z.coerce.number().int().min(1).catch(1).default(1),
});
export type ActivityFilterQuery = z.infer<typeof activityFilterQuery>;

export const activityNoteResponse = z.object({
  organisationName: z.string(),
  authorName: z.string().nullable(),
  visibility: z.enum(noteVisibilities),
  body: z.string(),
});

export const activityResponse = z
  .object({
    id: z.uuid(),
    kind: z.enum(activityKinds),
    activityDate: z.string(),
    title: z.string(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    adviserName: z.string().nullable(),
    companies: z.array(z.object({ id: z.uuid(), name: z.string(), cvr: z.string().nullable() })).meta({
      description: 'The participant companies the reader may see; pre-starters of other regions are only counted',
    }),
    hiddenCompanies: z.number().int().meta({ description: 'Participant pre-starters outside the reader’s region' }),
    participantCount: z.number().int().nullable().meta({ description: 'Registered participants of a collective activity (event)' }),
    note: activityNoteResponse.nullable().meta({ description: 'The note, when the reader may see it (internal notes stay in their organisation)' }),
    sourceId: z.string().nullable(),
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof activityResponse>;
export type ActivityNote = z.infer<typeof activityNoteResponse>;
