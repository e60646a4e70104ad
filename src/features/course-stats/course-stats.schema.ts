import { z } from 'zod';
import { guidanceCategories, guidanceThemes } from '../../domain/guidance/guidance.types.ts';

/** The filters of the page (?erhvervshus=&aar=) and the API (?hub=&year=); both optional. */
export const courseStatsQuery = z.object({
  hub: z
    .string()
    .trim()
    .max(100, 'Erhvervshuset må højst være 100 tegn.')
    .optional()
    .transform((value) => value || undefined)
    .meta({ description: 'Erhvervshusets id (nordjylland) eller navn (Erhvervshus Nordjylland); standard: dit eget' }),
  year: z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return undefined;
      const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
      if (year >= 1990 && year <= 2100) return year;
      context.addIssue({ code: 'custom', message: `Året skal være et årstal mellem 1990 og 2100, fx 2023 – ikke "${value}".` });
      return z.NEVER;
    })
    .meta({ description: 'Året, fx 2023; standard: indeværende år' }),
});
export type CourseStatsQuery = z.infer<typeof courseStatsQuery>;

const count = z.number().int().min(0);

export const courseStatsResponse = z
  .object({
    hub: z.object({ id: z.string(), name: z.string() }),
    year: z.number().int(),
    uniqueCompanies: count.meta({ description: 'Distinct companies guided in the year by the hub (year counting rule, 02-crm.md)' }),
    newCompanies: count.meta({ description: 'Of those, the ones the same hub did not guide the year before' }),
    courses: z.object(Object.fromEntries(guidanceCategories.map((c) => [c, count])) as Record<(typeof guidanceCategories)[number], typeof count>),
    byMunicipality: z.record(z.string(), z.object({ uniqueCompanies: count, courses: count })).meta({ description: 'By 3-digit municipality code, ascending' }),
    byTheme: z.object(Object.fromEntries(guidanceThemes.map((t) => [t, count])) as Record<(typeof guidanceThemes)[number], typeof count>),
    byMonth: z.array(count).length(12).meta({ description: 'Courses counting in each month, January first' }),
  })
  .meta({ id: 'CourseStats' });
export type CourseStatsResponse = z.infer<typeof courseStatsResponse>;
