import { z } from 'zod';

export const municipalityResponse = z
  .object({
    code: z.string().regex(/^\d{3}$/),
    name: z.string(),
    regionCode: z.number().int(),
    regionName: z.string(),
    businessHubId: z.string(),
    businessHubName: z.string(),
  })
  .meta({ id: 'Municipality' });

export const municipalityQuery = z.object({
  region: z.coerce.number().int().min(1081, 'Ukendt regionskode (1081-1085).').max(1085, 'Ukendt regionskode (1081-1085).').optional(),
});
