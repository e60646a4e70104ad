// The details page of a result contract (/kontrakter/:id/oplysninger): title, base grant, signatories,
// dates, follow-up and note. Thin, as the editing pages: read the form, open a transaction, load the
// contract, call one service, redirect to the dashboard with "gemt" — or show the form again with what
// was typed, the field errors (422) or the conflict message (409) — submitContractForm. Only editors get here.
import { Hono } from 'hono';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { detailsEditPath } from './contract-details.schema.ts';
import { baseGrantHint, editContractDetails } from './contract-details.service.ts';
import { ContractDetailsPage, detailsFormValues } from './contract-details.views.tsx';
import { editingNotices, editors, submitContractForm } from './contract-editing.routes.tsx';
import { getEditableContract } from './contract-editing.service.ts';
import type { FormState } from './contract-editing.views.tsx';

export function contractDetailsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const render = async (c: AppContext, state: FormState | null, status: 200 | 409 | 422 = 200) => {
    const db = c.get('deps').database.db;
    const stored = await getEditableContract(db, requireActor(c, ...editors), c.req.param('id') ?? '');
    const hint = await baseGrantHint(db, stored);
    const page = <ContractDetailsPage ctx={pageContext(c)} stored={stored} hint={hint} action={detailsEditPath(stored.row.id)} state={state ?? { values: detailsFormValues(stored.document, stored.row.revision) }} />;
    return c.html(page, status);
  };

  app.get('/kontrakter/:id/oplysninger', (c) => render(c, null));
  app.post('/kontrakter/:id/oplysninger', (c) =>
    submitContractForm(c, render, editingNotices.details, (tx, actor, stored, body) => editContractDetails(tx, actor, stored, body, c.get('deps').clock)),
  );

  return app;
}
