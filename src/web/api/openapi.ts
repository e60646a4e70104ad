// The OpenAPI 3.1 document, generated from the operations' zod schemas (JSON Schema 2020-12, which
// OpenAPI 3.1 uses as is). Schemas with a `.meta({ id })` become named components.
import { z } from 'zod';
import { errorCodes } from '../../domain/errors.ts';
import type { ApiOperation } from './operation.ts';

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum([...errorCodes, 'internal']),
      message: z.string().meta({ description: 'Danish, safe to show to a user' }),
      requestId: z.string(),
      fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, components: Map<string, JsonSchema>, io: 'input' | 'output'): JsonSchema {
  // zod puts schemas with an id in $defs; OpenAPI wants them under #/components/schemas.
  const text = JSON.stringify(z.toJSONSchema(schema, { io, unrepresentable: 'any' })).replaceAll('"#/$defs/', '"#/components/schemas/');
  const { $schema: _ignored, $defs, ...rest } = JSON.parse(text) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  for (const [id, definition] of Object.entries($defs ?? {})) components.set(id, definition);
  return rest;
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query', components: Map<string, JsonSchema>) {
  if (!schema) return [];
  const json = toSchema(schema, components, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

export function openApiDocument(operations: ApiOperation[], serverUrl: string) {
  const components = new Map<string, JsonSchema>();
  const errorRef = toSchema(apiErrorSchema, components, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorRef } } });
    (paths[openApiPath(op.path)] ??= {})[op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      ...(op.roles.length > 0 ? { 'x-roles': op.roles } : {}),
      parameters: [...parametersOf(op.params, 'path', components), ...parametersOf(op.query, 'query', components)],
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(op.body, components, 'input') } } } } : {}),
      responses: {
        [String(op.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: toSchema(op.response, components, 'output') } } },
        '401': errorResponse('Ingen eller ugyldig API-nøgle'),
        '403': errorResponse('Rollen giver ikke adgang'),
        ...(op.params ? { '404': errorResponse('Findes ikke') } : {}),
        ...(op.body || op.query ? { '422': errorResponse('Ugyldigt input; `fields` siger hvilke felter') } : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Knudepunkt API',
      version: '1',
      description:
        'Erhvervsfremmesystemets fælles platform. Godkendelse med en personlig API-nøgle: `Authorization: Bearer <nøgle>`. Fejl har altid formen `Error` med en stabil `code`.',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'Personlig API-nøgle (kp_…), oprettes under "API-nøgler".' } },
      schemas: Object.fromEntries([...components.entries()].sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}
