import { z } from 'zod';

export const apiTokenInput = z.object({
  name: z.string().trim().min(2, 'Giv nøglen et navn, fx "Integration til økonomisystem".').max(100, 'Navnet må højst være 100 tegn.'),
});

export const apiTokenResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenResponse>;
