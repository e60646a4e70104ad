import { z } from 'zod';

export const baseGrantInput = z.object({
  allocationVersionId: z.uuid({ message: 'Vælg den version af fordelingsnøglen, der skal bruges.' }),
  businessHubId: z.string({ message: 'Vælg erhvervshuset.' }).trim().min(1, 'Vælg erhvervshuset.'),
  year: z.coerce
    .number({ message: 'Skriv året som et tal, fx 2023.' })
    .int('Skriv året som et helt tal, fx 2023.')
    .min(2000, 'Året skal være mellem 2000 og 2100.')
    .max(2100, 'Året skal være mellem 2000 og 2100.'),
});
export type BaseGrantInput = z.infer<typeof baseGrantInput>;

const decimal = z.string().meta({ description: 'Exact decimal' });

export const baseGrantLine = z.object({ municipalityCode: z.string(), municipalityName: z.string(), amount: decimal });

export const baseGrantResponse = z
  .object({
    id: z.uuid(),
    businessHubId: z.string(),
    businessHubName: z.string(),
    year: z.number().int(),
    source: z.enum(['knudepunkt', 'published']).meta({ description: 'knudepunkt: computed and locked here; published: a historical table as published' }),
    allocationId: z.uuid(),
    allocationVersion: z.number().int(),
    allocationVersionId: z.uuid(),
    statedTotal: decimal,
    unit: z.enum(['DKK', '1000 DKK']),
    keyBasis: z.string(),
    linesTotal: decimal.meta({ description: 'What the invoice lines add up to' }),
    createdAt: z.string(),
    createdBy: z.string(),
    lines: z.array(baseGrantLine),
  })
  .meta({ id: 'BaseGrant' });
export type BaseGrant = z.infer<typeof baseGrantResponse>;
export type BaseGrantSummary = Omit<BaseGrant, 'lines'>;
