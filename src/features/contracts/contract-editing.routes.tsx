// The editing pages of a result contract (issue 7, "Editing"). Thin handlers: read the form (and a
// file), open a transaction, load the contract, call one service, redirect to the dashboard with a
// notice (the keys of contracts.routes.tsx's notices) — or show the form again with what was typed,
// the field errors (422) or the conflict message (409). Only editors get here: admins, the region's
// KKR secretariat and the hub's managers (the service decides; other roles are refused early).
import { Hono } from 'hono';
import type { Executor } from '../../db/database.ts';
import type { Role, UserActor } from '../../domain/actor.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { errorsByField, type FormValues } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import {
  DOCUMENT_FILE_FIELD,
  EVIDENCE_FILE_FIELD,
  activityEditPath,
  externalEditPath,
  findActivity,
  findExternalTarget,
  goalEditPath,
  type GoalInputDoc,
} from './contract-editing.schema.ts';
import { changeStatusFromForm, copyFromForm, editActivity, editGoal, getEditableContract, recordExternalFigure } from './contract-editing.service.ts';
import { ActivityEditPage, CopyPage, ExternalEditPage, GoalEditPage, StatusPage, activityFormValues, externalFormValues, goalFormValues, type FormState } from './contract-editing.views.tsx';
import { contractFileNames, readContractFileField } from './contract-files.service.ts';
import { nextContractStatus } from '../../domain/contracts/contracts.ts';
import type { StoredContract } from './contracts.service.ts';

/** The roles that may reach the editing pages at all (the service decides per contract: `mayEdit`). */
export const editors: Role[] = ['admin', 'kkr', 'manager'];

/** The `besked` keys the dashboard (contracts.routes.tsx) turns into notices. */
export const editingNotices = { goal: 'gemt', details: 'gemt', activity: 'indsats', external: 'ekstern', status: 'status', copy: 'kopi' } as const;

const dashboard = (stored: StoredContract, notice: string) => `/kontrakter/${stored.row.id}?besked=${notice}`;

const goalNumberParam = (c: AppContext): number => {
  const text = c.req.param('number') ?? '';
  if (!/^\d{1,4}$/.test(text)) throw notFound(`Mål ${text}`, `Goal ${text} was not found.`);
  return Number(text);
};
/** `?maal=8` picks the goal when an activity or target id is given bare (ids repeat across goals). */
const goalQuery = (c: AppContext): number | undefined => (/^\d{1,4}$/.test(c.req.query('maal') ?? '') ? Number(c.req.query('maal')) : undefined);

/** A form failure shown on the form again; anything else goes to the error page. */
function formFailure(c: AppContext, error: unknown, values: FormValues): { state: FormState; status: 409 | 422 } {
  if (!(error instanceof AppError) || (error.fields.length === 0 && error.code !== 'conflict')) throw error;
  const message = error.fields.length === 0 ? (c.get('locale') === 'en' ? error.userMessageEn : error.userMessage) : undefined;
  return { state: { values, errors: errorsByField(error.fields), message }, status: error.code === 'conflict' ? 409 : 422 };
}

/** The form's file (multipart), checked; undefined when none was chosen. */
async function fileField(c: AppContext, name: string) {
  const raw = (await c.req.parseBody({ all: true }))[name];
  return readContractFileField(Array.isArray(raw) ? raw[0] : raw, name);
}

type RenderForm = (c: AppContext, state: FormState | null, status?: 200 | 409 | 422) => Promise<Response>;
type ContractChange = (tx: Executor, actor: UserActor, stored: StoredContract, body: FormValues) => Promise<unknown>;

/**
 * A POST of one of the contract's forms: the form read, the contract loaded and changed in one
 * transaction, then the dashboard with `notice` — or the form again with what was typed and the errors.
 */
export async function submitContractForm(c: AppContext, render: RenderForm, notice: string, change: ContractChange): Promise<Response> {
  const actor = requireActor(c, ...editors);
  const body = await formBody(c);
  try {
    const stored = await c.get('deps').database.db.transaction().execute(async (tx) => {
      const found = await getEditableContract(tx, actor, c.req.param('id') ?? '');
      await change(tx, actor, found, body);
      return found;
    });
    return c.redirect(dashboard(stored, notice), 303);
  } catch (error) {
    const failure = formFailure(c, error, body);
    return render(c, failure.state, failure.status);
  }
}

export function contractEditingRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // ---------------------------------------------------------------------------------------- goal
  const goalOf = (stored: StoredContract, number: number): GoalInputDoc => {
    const goal = stored.document.goals.find((g) => g.number === number);
    if (!goal) throw notFound(`Mål ${number}`, `Goal ${number} was not found.`);
    return goal;
  };
  const renderGoal = async (c: AppContext, state: FormState | null, status: 200 | 409 | 422 = 200) => {
    const stored = await getEditableContract(c.get('deps').database.db, requireActor(c, ...editors), c.req.param('id') ?? '');
    const goal = goalOf(stored, goalNumberParam(c));
    const page = <GoalEditPage ctx={pageContext(c)} stored={stored} goal={goal} action={goalEditPath(stored.row.id, goal.number)} state={state ?? { values: goalFormValues(goal, stored.row.revision) }} />;
    return c.html(page, status);
  };
  app.get('/kontrakter/:id/maal/:number/rediger', (c) => renderGoal(c, null));
  app.post('/kontrakter/:id/maal/:number/rediger', (c) =>
    submitContractForm(c, renderGoal, editingNotices.goal, (tx, actor, stored, body) => editGoal(tx, actor, stored, goalNumberParam(c), body, c.get('deps').clock)),
  );

  // ---------------------------------------------------------------------------------------- activity
  const renderActivity = async (c: AppContext, state: FormState | null, status: 200 | 409 | 422 = 200) => {
    const db = c.get('deps').database.db;
    const stored = await getEditableContract(db, requireActor(c, ...editors), c.req.param('id') ?? '');
    const place = findActivity(stored.document, c.req.param('activityId') ?? '', goalQuery(c));
    if (!place) throw notFound('Indsatsen', 'The activity was not found.');
    const goal = stored.document.goals[place.goalIndex]!;
    const target = goal.targets[place.targetIndex]!;
    if (target.kind !== 'activities') throw notFound('Indsatsen', 'The activity was not found.');
    const activity = target.activities[place.activityIndex]!;
    const fileNames = await contractFileNames(db, stored.row.id, (activity.evidence ?? []).filter((e) => e.kind === 'file').map((e) => e.value));
    const action = activityEditPath(stored.row.id, goal.number, target.id, activity.id);
    return c.html(<ActivityEditPage ctx={pageContext(c)} stored={stored} goal={goal} activity={activity} action={action} fileNames={fileNames} state={state ?? { values: activityFormValues(activity, stored.row.revision) }} />, status);
  };
  app.get('/kontrakter/:id/indsatser/:activityId', (c) => renderActivity(c, null));
  app.post('/kontrakter/:id/indsatser/:activityId', (c) =>
    submitContractForm(c, renderActivity, editingNotices.activity, async (tx, actor, stored, body) => {
      const file = await fileField(c, EVIDENCE_FILE_FIELD);
      const { clock, config } = c.get('deps');
      await editActivity(tx, { clock, dataDir: config.dataDir }, actor, stored, c.req.param('activityId') ?? '', goalQuery(c), body, file);
    }),
  );

  // ---------------------------------------------------------------------------------------- external figure
  const renderExternal = async (c: AppContext, state: FormState | null, status: 200 | 409 | 422 = 200) => {
    const db = c.get('deps').database.db;
    const stored = await getEditableContract(db, requireActor(c, ...editors), c.req.param('id') ?? '');
    const place = findExternalTarget(stored.document, c.req.param('targetId') ?? '', goalQuery(c));
    if (!place) throw notFound('Det eksterne målepunkt', 'The external target was not found.');
    const goal = stored.document.goals[place.goalIndex]!;
    const target = goal.targets[place.targetIndex]!;
    if (target.kind !== 'external') throw notFound('Det eksterne målepunkt', 'The external target was not found.');
    const fileNames = await contractFileNames(db, stored.row.id, target.recorded?.document ? [target.recorded.document] : []);
    const action = externalEditPath(stored.row.id, goal.number, target.id);
    const values = state ?? { values: externalFormValues(target, stored.row.revision, (id) => fileNames.has(id)) };
    return c.html(<ExternalEditPage ctx={pageContext(c)} stored={stored} goal={goal} target={target} action={action} fileNames={fileNames} state={values} />, status);
  };
  app.get('/kontrakter/:id/eksterne/:targetId', (c) => renderExternal(c, null));
  app.post('/kontrakter/:id/eksterne/:targetId', (c) =>
    submitContractForm(c, renderExternal, editingNotices.external, async (tx, actor, stored, body) => {
      const file = await fileField(c, DOCUMENT_FILE_FIELD);
      const { clock, config } = c.get('deps');
      await recordExternalFigure(tx, { clock, dataDir: config.dataDir }, actor, stored, c.req.param('targetId') ?? '', goalQuery(c), body, file);
    }),
  );

  // ---------------------------------------------------------------------------------------- copy
  const renderCopy = async (c: AppContext, state: FormState | null, status: 200 | 409 | 422 = 200) => {
    const stored = await getEditableContract(c.get('deps').database.db, requireActor(c, ...editors), c.req.param('id') ?? '');
    return c.html(<CopyPage ctx={pageContext(c)} stored={stored} action={`/kontrakter/${stored.row.id}/kopi`} state={state ?? { values: { year: String(stored.row.year + 1) } }} />, status);
  };
  app.get('/kontrakter/:id/kopi', (c) => renderCopy(c, null));
  app.post('/kontrakter/:id/kopi', async (c) => {
    const actor = requireActor(c, ...editors);
    const { database, clock } = c.get('deps');
    const body = await formBody(c);
    try {
      const id = await database.db.transaction().execute(async (tx) => copyFromForm(tx, actor, await getEditableContract(tx, actor, c.req.param('id')), body, clock));
      return c.redirect(`/kontrakter/${id}?besked=${editingNotices.copy}`, 303);
    } catch (error) {
      const failure = formFailure(c, error, body);
      // The copy's conflict ("already has a contract for 2024") belongs to the year field.
      if (failure.state.message && error instanceof AppError && error.code === 'conflict') failure.state = { ...failure.state, errors: { year: failure.state.message }, message: undefined };
      return renderCopy(c, failure.state, failure.status);
    }
  });

  // ---------------------------------------------------------------------------------------- status
  const renderStatus = async (c: AppContext, state: FormState | null, status: 200 | 409 | 422 = 200) => {
    const stored = await getEditableContract(c.get('deps').database.db, requireActor(c, ...editors), c.req.param('id') ?? '');
    const next = nextContractStatus(stored.contract.status) ?? stored.contract.status;
    return c.html(<StatusPage ctx={pageContext(c)} stored={stored} action={`/kontrakter/${stored.row.id}/status`} state={state ?? { values: { status: next, revision: String(stored.row.revision) } }} />, status);
  };
  app.get('/kontrakter/:id/status', (c) => renderStatus(c, null));
  app.post('/kontrakter/:id/status', (c) =>
    submitContractForm(c, renderStatus, editingNotices.status, (tx, actor, stored, body) => changeStatusFromForm(tx, actor, stored, body, c.get('deps').clock)),
  );

  return app;
}
