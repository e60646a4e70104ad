import { z } from 'zod';

export const organisationKinds = ['hub', 'localOffice', 'kkrSecretariat', 'external'] as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

export const organisationInput = z
  .object({
    name: z.string().trim().min(2, 'Skriv organisationens navn (mindst 2 tegn).').max(200, 'Navnet må højst være 200 tegn.'),
    kind: z.enum(organisationKinds, { message: 'Vælg en af typerne: erhvervshus, lokalt erhvervskontor, KKR-sekretariat eller ekstern.' }),
    businessHubId: optionalText,
    municipalityCode: optionalText,
    kkrId: optionalText,
    email: z
      .string()
      .trim()
      .transform((value) => (value === '' ? null : value.toLowerCase()))
      .pipe(z.email('Skriv en gyldig e-mailadresse, fx kontakt@eksempel.dk.').nullable())
      .nullable()
      .optional(),
    website: z
      .string()
      .trim()
      .transform((value) => (value === '' ? null : value))
      .pipe(z.url({ message: 'Skriv en fuld webadresse, fx https://eksempel.dk.', protocol: /^https?$/ }).nullable())
      .nullable()
      .optional(),
  })
  .superRefine((value, context) => {
    // 01-system.md: a hub belongs to a business hub, a local office to one municipality, a KKR
    // secretariat to one KKR; external organisations to none.
    if (value.kind === 'hub' && !value.businessHubId) context.addIssue({ code: 'custom', path: ['businessHubId'], message: 'Vælg hvilket erhvervshus organisationen er.' });
    if (value.kind === 'localOffice' && !value.municipalityCode)
      context.addIssue({ code: 'custom', path: ['municipalityCode'], message: 'Vælg kommunen for det lokale erhvervskontor.' });
    if (value.kind === 'kkrSecretariat' && !value.kkrId) context.addIssue({ code: 'custom', path: ['kkrId'], message: 'Vælg hvilket KKR sekretariatet betjener.' });
  });

export type OrganisationInput = z.infer<typeof organisationInput>;

export const organisationResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(organisationKinds),
    businessHubId: z.string().nullable(),
    municipalityCode: z.string().nullable(),
    kkrId: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    active: z.boolean(),
    isDemo: z.boolean(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof organisationResponse>;
