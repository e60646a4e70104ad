import { z } from 'zod';
import { readCvr } from '../../domain/companies/cvr.ts';

export const employeesBands = ['0', '1', '2-4', '5-9', '10-19', '20-49', '50-99', '100-199', '200-499', '500-999', '1000+'] as const;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

/** CVR as users type it ("12 34 56 78", "DK12345678"); empty for a pre-starter. */
const cvrField = z
  .string()
  .trim()
  .transform((value, context) => {
    if (value === '') return null;
    const reading = readCvr(value);
    if (!reading.ok) {
      context.addIssue({ code: 'custom', message: reading.message });
      return z.NEVER;
    }
    return reading.cvr;
  })
  .nullable()
  .optional();

// Fields in the order the form shows them, so the error summary lists them in that order too.
export const companyInput = z.object({
  name: z.string().trim().min(1, 'Skriv virksomhedens navn.').max(300, 'Navnet må højst være 300 tegn.'),
  cvr: cvrField,
  municipalityCode: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .pipe(z.string().regex(/^\d{3}$/, 'Vælg en kommune.').nullable())
    .nullable()
    .optional(),
  street: optionalText(200, 'Adressen må højst være 200 tegn.'),
  postcode: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .pipe(z.string().regex(/^\d{4}$/, 'Postnummeret skal være 4 cifre.').nullable())
    .nullable()
    .optional(),
  city: optionalText(100, 'Bynavnet må højst være 100 tegn.'),
  industryCode: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .pipe(z.string().regex(/^\d{6}$/, 'Branchekoden (DB07) skal være 6 cifre, fx 620100.').nullable())
    .nullable()
    .optional(),
  industryText: optionalText(200, 'Branchen må højst være 200 tegn.'),
  employeesBand: z
    .enum([...employeesBands, ''], { message: 'Vælg et antal ansatte fra listen.' })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional(),
  advertisingProtected: z.preprocess((value) => value === true || value === 'true' || value === 'on', z.boolean()).default(false),
});
export type CompanyInput = z.infer<typeof companyInput>;

export const companySearchQuery = z.object({
  q: z.string().trim().max(100, 'Søgningen må højst være 100 tegn.').default(''),
  kommune: z
    .string()
    .regex(/^(\d{3})?$/, 'Kommunekoden skal være 3 cifre.')
    .optional()
    .transform((value) => value || undefined),
  branche: z
    .string()
    .regex(/^(\d{1,6})?$/, 'Branchekoden skal være op til 6 cifre.')
    .optional()
    .transform((value) => value || undefined),
  ansatte: z
    .enum([...employeesBands, ''])
    .optional()
    .transform((value) => value || undefined),
  status: z
    .enum(['active', 'ceased', ''])
    .optional()
    .transform((value) => value || undefined),
  side: z.coerce.number().int().min(1).default(1),
});
export type CompanySearchQuery = z.infer<typeof companySearchQuery>;

export const companyResponse = z
  .object({
    id: z.uuid(),
    cvr: z.string().nullable(),
    name: z.string(),
    municipalityCode: z.string().nullable(),
    municipalityName: z.string().nullable(),
    street: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    industryCode: z.string().nullable(),
    industryText: z.string().nullable(),
    legalForm: z.string().nullable(),
    employeesBand: z.string().nullable(),
    employeesYear: z.number().int().nullable(),
    startDate: z.string().nullable(),
    status: z.enum(['active', 'ceased']),
    statusText: z.string().nullable(),
    advertisingProtected: z.boolean().meta({ description: 'reklamebeskyttet: never in outreach lists or bulk mailings' }),
    source: z.enum(['manual', 'cvr', 'import']),
    cvrSyncedAt: z.string().nullable(),
    mergedIntoId: z.uuid().nullable().meta({ description: 'Set when this record was merged into another company' }),
  })
  .meta({ id: 'Company' });
export type Company = z.infer<typeof companyResponse>;
