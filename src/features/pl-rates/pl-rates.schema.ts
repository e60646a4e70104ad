import { z } from 'zod';
import { parseDecimal, Rational } from '../../domain/money/rational.ts';

/** A decimal string ("4.8", "-0.5") as an exact Rational; the form turns "4,8" into "4.8" first. */
const decimal = (message: string) =>
  z.union([z.string(), z.number()], { message }).transform((value, ctx): Rational => {
    const parsed = parseDecimal(String(value).trim());
    if (parsed !== null) return parsed;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });

export const plRateInput = z.object({
  year: z.coerce.number({ message: 'Skriv året som et tal, fx 2024.' }).int('Skriv året som et helt tal.').min(2000, 'Året skal være mellem 2000 og 2100.').max(2100, 'Året skal være mellem 2000 og 2100.'),
  category: z.string({ message: 'Skriv kategorien.' }).trim().min(2, 'Skriv kategorien, fx "Serviceudgifter i alt".').max(100, 'Kategorien må højst være 100 tegn.'),
  percent: decimal('Skriv satsen i procent som et tal, fx 4,8.').refine((value) => value.gt(Rational.of(-100n)) && value.lt(Rational.of(100n)), 'Satsen skal være mellem -100 og 100 %.'),
  source: z.string({ message: 'Skriv kilden.' }).trim().min(2, 'Skriv kilden, fx "KL, Budgetvejledning 2024".').max(200, 'Kilden må højst være 200 tegn.'),
  releasedOn: z.iso.date({ message: 'Skriv udgivelsesdatoen som ÅÅÅÅ-MM-DD, fx 2023-06-15.' }),
});
export type PlRateInput = z.infer<typeof plRateInput>;

export const plRateResponse = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    category: z.string(),
    percent: z.string().meta({ description: 'Exact decimal, e.g. "4.8" for 4,8 %' }),
    source: z.string(),
    releasedOn: z.string(),
    current: z.boolean().meta({ description: 'true for the newest release of its year and category' }),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'PlRate' });
export type PlRate = z.infer<typeof plRateResponse>;

export const upliftQuery = z.object({
  rate: z.string().optional().meta({ description: 'Id of a PL rate; or give percent' }),
  percent: z.string().optional().meta({ description: 'The rate in percent, e.g. "4.8"' }),
  rounding: z.enum(['kroner', 'oere'], { message: 'Vælg afrunding: hele kroner eller øre.' }).default('kroner'),
  mode: z.enum(['perRow', 'exactSum'], { message: 'Vælg hvordan rækkerne afrundes.' }).default('perRow'),
  surplus: z.string().optional().meta({ description: 'Surplus to pay back, in kroner' }),
  carriedForward: z.string().optional().meta({ description: 'Part of the surplus carried forward, in kroner' }),
});
export type UpliftQuery = z.infer<typeof upliftQuery>;
