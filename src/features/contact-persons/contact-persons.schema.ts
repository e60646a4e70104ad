import { z } from 'zod';

const optional = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const contactPersonInput = z.object({
  name: z.string().trim().min(1, 'Skriv kontaktpersonens navn.').max(200, 'Navnet må højst være 200 tegn.'),
  title: optional(200, 'Titlen må højst være 200 tegn.'),
  email: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value.toLowerCase()))
    .pipe(z.email('Skriv en gyldig e-mailadresse, fx navn@virksomhed.dk.').nullable())
    .nullable()
    .optional(),
  phone: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .pipe(z.string().regex(/^\+?[\d\s-]{8,20}$/, 'Skriv et telefonnummer med 8 cifre, evt. med +45.').nullable())
    .nullable()
    .optional(),
});
export type ContactPersonInput = z.infer<typeof contactPersonInput>;

export interface ContactPerson {
  id: string;
  companyId: string;
  companyName: string;
  name: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  organisationName: string;
  erasedAt: Date | null;
  createdAt: Date;
}
