import { z } from 'zod';
import { roles } from '../../domain/actor.ts';
import { defineOperation } from '../../web/api/operation.ts';

const meResponse = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    organisationKind: z.enum(['hub', 'localOffice', 'kkrSecretariat', 'external']),
    roles: z.array(z.enum(roles)),
    locale: z.enum(['da', 'en']),
  })
  .meta({ id: 'Me' });

export const meOperations = [
  defineOperation({
    method: 'get',
    path: '/me',
    operationId: 'getMe',
    summary: 'Brugeren bag API-nøglen: navn, organisation og roller',
    tag: 'Konto',
    roles: [],
    response: meResponse,
    handler: async (_c, actor) => ({
      userId: actor.userId,
      name: actor.name,
      organisationId: actor.organisationId,
      organisationName: actor.organisationName,
      organisationKind: actor.organisationKind,
      roles: actor.roles,
      locale: actor.locale,
    }),
  }),
];
