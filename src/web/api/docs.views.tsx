// A readable page of the API, rendered on the server from the OpenAPI document (no third-party UI).
import type { PageContext } from '../context.ts';
import { Page } from '../layout.tsx';
import type { openApiDocument } from './openapi.ts';

type OpenApi = ReturnType<typeof openApiDocument>;
interface DocOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  'x-roles'?: string[];
  parameters: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  responses: Record<string, { description: string; content?: { 'application/json': { schema: unknown } } }>;
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export const ApiDocsPage = (props: { ctx: PageContext; document: OpenApi }) => {
  const { ctx, document } = props;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as DocOperation })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags[0] ?? ''))];
  return (
    <Page ctx={ctx} title="API" wide>
      <h1>{document.info.title}</h1>
      <p class="font-lead">{document.info.description}</p>
      <p>
        <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI {document.openapi}) · Server: <code>{document.servers[0]?.url}</code>
      </p>
      {tags.map((tag) => (
        <section>
          <h2>{tag}</h2>
          {operations
            .filter((o) => o.op.tags[0] === tag)
            .map(({ path, method, op }) => (
              <div class="mb-6" id={op.operationId}>
                <h3>
                  <code>
                    {method.toUpperCase()} /api/v1{path}
                  </code>
                </h3>
                <p>
                  {op.summary}
                  {op['x-roles'] ? ` (${ctx.locale === 'en' ? 'roles' : 'roller'}: ${op['x-roles'].join(', ')})` : ''}
                </p>
                {op.description ? <p>{op.description}</p> : null}
                {op.parameters.length > 0 ? (
                  <table class="table table--compact">
                    <caption>{ctx.locale === 'en' ? 'Parameters' : 'Parametre'}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{ctx.t('common.name')}</th>
                        <th scope="col">{ctx.locale === 'en' ? 'In' : 'I'}</th>
                        <th scope="col">{ctx.locale === 'en' ? 'Required' : 'Påkrævet'}</th>
                        <th scope="col">Schema</th>
                      </tr>
                    </thead>
                    <tbody>
                      {op.parameters.map((p) => (
                        <tr>
                          <td>
                            <code>{p.name}</code>
                          </td>
                          <td>{p.in}</td>
                          <td>{p.required ? ctx.t('common.yes') : ctx.t('common.no')}</td>
                          <td>
                            <code>{JSON.stringify(p.schema)}</code>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                {op.requestBody ? (
                  <details class="details">
                    <summary class="details-summary">{ctx.locale === 'en' ? 'Request body' : 'Indhold i forespørgslen'}</summary>
                    <div class="details-text">
                      <pre>{pretty(op.requestBody.content['application/json'].schema)}</pre>
                    </div>
                  </details>
                ) : null}
                <details class="details">
                  <summary class="details-summary">{ctx.locale === 'en' ? 'Responses' : 'Svar'}</summary>
                  <div class="details-text">
                    {Object.entries(op.responses).map(([status, response]) => (
                      <p>
                        <strong>{status}</strong> {response.description} {response.content ? <code>{JSON.stringify(response.content['application/json'].schema)}</code> : null}
                      </p>
                    ))}
                  </div>
                </details>
              </div>
            ))}
        </section>
      ))}
      <h2>{ctx.locale === 'en' ? 'Schemas' : 'Skemaer'}</h2>
      {Object.entries(document.components.schemas).map(([name, schema]) => (
        <details class="details" id={`schema-${name}`}>
          <summary class="details-summary">{name}</summary>
          <div class="details-text">
            <pre>{pretty(schema)}</pre>
          </div>
        </details>
      ))}
    </Page>
  );
};
