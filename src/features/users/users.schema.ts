import { z } from 'zod';
import { roles } from '../../domain/actor.ts';
import { passwordMinLength } from '../auth/password.ts';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Skriv en gyldig e-mailadresse, fx navn@kommune.dk.'));

const roleList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(roles, { message: 'Ukendt rolle.' })).min(1, 'Vælg mindst én rolle.'),
);

// Fields in the order the form shows them, so the error summary lists them in that order too.
export const inviteUserInput = z.object({
  name: z.string().trim().min(2, 'Skriv brugerens navn.').max(200, 'Navnet må højst være 200 tegn.'),
  email,
  organisationId: z.uuid('Vælg en organisation.'),
  roles: roleList,
  locale: z.enum(['da', 'en']).default('da'),
});
export type InviteUserInput = z.infer<typeof inviteUserInput>;

export const password = z
  .string()
  .min(passwordMinLength, `Adgangskoden skal være mindst ${passwordMinLength} tegn.`)
  .max(200, 'Adgangskoden må højst være 200 tegn.');

export const createUserInput = inviteUserInput.extend({ password });
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  name: z.string().trim().min(2, 'Skriv brugerens navn.').max(200, 'Navnet må højst være 200 tegn.'),
  organisationId: z.uuid('Vælg en organisation.'),
  roles: roleList,
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const newPasswordInput = z
  .object({ password, passwordConfirmation: z.string() })
  .refine((value) => value.password === value.passwordConfirmation, {
    path: ['passwordConfirmation'],
    message: 'De to adgangskoder er ikke ens.',
  });

export const userResponse = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    roles: z.array(z.enum(roles)),
    active: z.boolean(),
    invitationPending: z.boolean(),
    lastLoginAt: z.string().nullable(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userResponse>;
