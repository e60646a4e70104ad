import { z } from 'zod';
import { guidanceCategories, guidanceSegments, guidanceTargetGroups, guidanceThemes } from '../../domain/guidance/guidance.types.ts';

export const courseStatuses = ['planned', 'active', 'completed', 'cancelled'] as const;

const isoDate = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), message);

const list = (value: unknown) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);
const emptyToNull = (value: unknown) => (value === '' || value === undefined ? null : value);

// Fields in the order the form shows them, so the error summary lists them in that order too.
export const courseInput = z
  .object({
    category: z.enum(guidanceCategories, { message: 'Vælg forløbets kategori.' }),
    themes: z.preprocess(list, z.array(z.enum(guidanceThemes, { message: 'Ukendt tematik.' })).min(1, 'Vælg mindst én tematik.')),
    segment: z.preprocess(emptyToNull, z.enum(guidanceSegments, { message: 'Vælg segment: vækst eller drift.' }).nullable()),
    targetGroup: z.preprocess(emptyToNull, z.enum(guidanceTargetGroups, { message: 'Vælg en målgruppe fra listen.' }).nullable()),
    startDate: isoDate('Skriv startdatoen som en gyldig dato.'),
    endDate: z.preprocess(emptyToNull, isoDate('Skriv slutdatoen som en gyldig dato.').nullable()),
    status: z.enum(courseStatuses, { message: 'Vælg en status.' }).default('active'),
  })
  .refine((value) => !value.endDate || value.endDate >= value.startDate, { path: ['endDate'], message: 'Slutdatoen kan ikke ligge før startdatoen.' });
export type CourseInput = z.infer<typeof courseInput>;

export const meetingInput = z.object({ meetingDate: isoDate('Skriv mødets dato som en gyldig dato.') });

export const noteInput = z.object({
  body: z.string().trim().min(1, 'Skriv noten.').max(5000, 'En note må højst være 5000 tegn.'),
  visibility: z.enum(['internal', 'shared'], { message: 'Vælg om noten er intern eller delt.' }),
});

export const courseResponse = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    companyName: z.string(),
    companyCvr: z.string().nullable(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    businessHubId: z.string(),
    adviserName: z.string().nullable(),
    category: z.enum(guidanceCategories),
    themes: z.array(z.string()),
    segment: z.enum(guidanceSegments).nullable(),
    targetGroup: z.string().nullable(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    status: z.enum(courseStatuses),
    meetingDates: z.array(z.string()),
  })
  .meta({ id: 'GuidanceCourse' });
export type Course = z.infer<typeof courseResponse>;

export interface Note {
  id: string;
  organisationName: string;
  authorName: string | null;
  visibility: 'internal' | 'shared';
  body: string;
  createdAt: Date;
}
