// The editing forms of a result contract: a goal, an activity with its evidence, an external figure,
// and the copy and status forms (shown again with their errors). Plain DKFDS forms: labels, an error
// summary, errors next to the fields, what was typed kept, a CSRF token, no JavaScript needed.
import type { Child } from 'hono/jsx';
import { activityStatusLabels, activityStatuses, comparisonSymbols, comparisons, contractStatusLabels, contractStatuses, goalKindLabels } from '../../domain/contracts/contracts.ts';
import type { PageContext } from '../../web/context.ts';
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField, listValue, stringValue, type FormErrors, type FormValues } from '../../web/components/forms.tsx';
import { CsrfField, Page } from '../../web/layout.tsx';
import { DOCUMENT_FILE_FIELD, EVIDENCE_FILE_FIELD, type GoalInputDoc } from './contract-editing.schema.ts';
import { MAX_CONTRACT_FILE_BYTES, contractFileAccept } from './contract-files.service.ts';
import type { StoredContract } from './contracts.service.ts';

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
type TargetDoc = GoalInputDoc['targets'][number];
type ActivityDoc = Extract<TargetDoc, { kind: 'activities' }>['activities'][number];
type ExternalDoc = Extract<TargetDoc, { kind: 'external' }>;

/** What every editing page gets: the contract, the form's values and errors, a message (conflict). */
export interface FormState {
  values: FormValues;
  errors?: FormErrors | undefined;
  message?: string | undefined;
}

const EditPage = (props: { ctx: PageContext; stored: StoredContract; title: string; state: FormState; children: Child }) => {
  const { ctx, stored } = props;
  const contractPath = `/kontrakter/${stored.row.id}`;
  return (
    <Page
      ctx={ctx}
      title={props.title}
      breadcrumbs={[{ href: '/kontrakter', label: t(ctx, 'Resultatkontrakter', 'Result contracts') }, { href: contractPath, label: `${stored.row.hub_name} ${stored.row.year}` }, { label: props.title }]}
    >
      <h1>{props.title}</h1>
      <ErrorSummary ctx={ctx} errors={props.state.errors ?? {}} message={props.state.message} />
      {props.children}
      <p>
        <a href={contractPath}>{t(ctx, 'Tilbage til kontrakten uden at gemme', 'Back to the contract without saving')}</a>
      </p>
    </Page>
  );
};

const Revision = (props: { values: FormValues; stored: StoredContract }) => <input type="hidden" name="revision" value={stringValue(props.values, 'revision') ?? String(props.stored.row.revision)} />;


const FileField = (props: { ctx: PageContext; name: string; label: string; error?: string | undefined }) => (
  <div class={`form-group${props.error ? ' form-error' : ''}`}>
    <label class="form-label" for={props.name}>
      {props.label}
      <span class="weight-normal"> ({props.ctx.t('form.optional')})</span>
    </label>
    <span class="form-hint" id={`${props.name}-hint`}>
      {t(props.ctx, `PDF, DOCX, XLSX, PNG eller JPEG, højst ${MAX_CONTRACT_FILE_BYTES / 1024 / 1024} MB.`, `PDF, DOCX, XLSX, PNG or JPEG, at most ${MAX_CONTRACT_FILE_BYTES / 1024 / 1024} MB.`)}
    </span>
    {props.error ? (
      <span class="form-error-message" id={`${props.name}-error`}>
        <span class="sr-only">{props.ctx.t('form.error')}: </span>
        {props.error}
      </span>
    ) : null}
    <input type="file" id={props.name} name={props.name} class="form-input" accept={contractFileAccept} aria-describedby={[`${props.name}-hint`, props.error ? `${props.name}-error` : null].filter(Boolean).join(' ')} aria-invalid={props.error ? 'true' : undefined} />
  </div>
);

const comparisonWords: Record<(typeof comparisons)[number], [string, string]> = { '>=': ['mindst', 'at least'], '<=': ['højst', 'at most'], '>': ['mere end', 'more than'], '<': ['mindre end', 'less than'] };
const comparisonOptions = (ctx: PageContext) => comparisons.map((c) => ({ value: c, label: `${comparisonSymbols[c]} (${t(ctx, ...comparisonWords[c])})` }));
const thresholdHint = (ctx: PageContext) => t(ctx, 'Eksakt decimaltal med komma, fx 60 eller 47,5.', 'Exact decimal with a comma, e.g. 60 or 47,5.');

// ------------------------------------------------------------------------------------------ goal

/** The goal form's values from the stored goal (the thresholds as the contract writes them). */
export function goalFormValues(goal: GoalInputDoc, revision: number): FormValues {
  const values: FormValues = { revision: String(revision), title: goal.title, text: goal.text, method: goal.method ?? '', rationale: goal.rationale ?? '' };
  goal.targets.forEach((target, i) => {
    values[`targets.${i}.label`] = target.label;
    if (target.kind === 'activities') target.activities.forEach((a, j) => (values[`targets.${i}.activities.${j}.name`] = a.name));
    else {
      values[`targets.${i}.comparison`] = target.comparison;
      values[`targets.${i}.threshold`] = typeof target.threshold === 'number' ? String(target.threshold).replace('.', ',') : String(target.threshold ?? '');
    }
  });
  return values;
}

export const GoalEditPage = (props: { ctx: PageContext; stored: StoredContract; goal: GoalInputDoc; action: string; state: FormState }) => {
  const { ctx, goal, state } = props;
  const errors = state.errors ?? {};
  const v = state.values;
  const title = t(ctx, `Redigér mål ${goal.number}`, `Edit goal ${goal.number}`);
  return (
    <EditPage ctx={ctx} stored={props.stored} title={title} state={state}>
      <p class="font-lead">{`${goalKindLabels[goal.kind][ctx.locale]}: ${goal.title}`}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField ctx={ctx} />
        <Revision values={v} stored={props.stored} />
        <TextField ctx={ctx} name="title" label={t(ctx, 'Titel', 'Title')} value={stringValue(v, 'title')} error={errors.title} inputClass="input-width-xl" />
        <TextArea ctx={ctx} inputClass="input-width-xl" name="text" label={t(ctx, 'Målformulering', 'Goal text')} value={stringValue(v, 'text')} error={errors.text} rows={5} />
        <TextArea ctx={ctx} inputClass="input-width-xl" name="method" label={t(ctx, 'Metode', 'Method')} required={false} value={stringValue(v, 'method')} error={errors.method} />
        <TextArea ctx={ctx} inputClass="input-width-xl" name="rationale" label={t(ctx, 'Begrundelse', 'Rationale')} required={false} value={stringValue(v, 'rationale')} error={errors.rationale} />
        {goal.targets.map((target, i) => {
          const f = (name: string) => `targets.${i}.${name}`;
          return (
            <fieldset>
              <legend class="h3">{t(ctx, `Målepunkt ${i + 1}: ${target.label}`, `Target ${i + 1}: ${target.label}`)}</legend>
              <TextField ctx={ctx} name={f('label')} label={t(ctx, 'Betegnelse', 'Label')} value={stringValue(v, f('label'))} error={errors[f('label')]} inputClass="input-width-xl" />
              {target.kind === 'activities' ? (
                <>
                  {target.activities.map((_activity, j) => (
                    <TextField ctx={ctx} name={f(`activities.${j}.name`)} label={t(ctx, `Indsats ${j + 1}`, `Activity ${j + 1}`)} value={stringValue(v, f(`activities.${j}.name`))} error={errors[f(`activities.${j}.name`)]} inputClass="input-width-xl" />
                  ))}
                  <CheckboxGroup
                    ctx={ctx}
                    name={f('removeActivities')}
                    legend={t(ctx, 'Fjern indsatser', 'Remove activities')}
                    options={target.activities.map((a) => ({ value: a.id, label: a.name }))}
                    values={listValue(v, f('removeActivities'))}
                    error={errors[f('removeActivities')]}
                  />
                  <TextField ctx={ctx} name={f('newActivity')} label={t(ctx, 'Tilføj en indsats (navn)', 'Add an activity (name)')} required={false} value={stringValue(v, f('newActivity'))} error={errors[f('newActivity')]} inputClass="input-width-xl" />
                </>
              ) : (
                <>
                  <SelectField ctx={ctx} name={f('comparison')} label={t(ctx, 'Sammenligning', 'Comparison')} options={comparisonOptions(ctx)} value={stringValue(v, f('comparison'))} error={errors[f('comparison')]} />
                  <TextField ctx={ctx} name={f('threshold')} label={t(ctx, 'Tærskel', 'Threshold')} hint={thresholdHint(ctx)} value={stringValue(v, f('threshold'))} error={errors[f('threshold')]} inputClass="input-width-s" />
                </>
              )}
            </fieldset>
          );
        })}
        {goal.corrections && goal.corrections.length > 0 ? (
          <section aria-labelledby="corrections">
            <h2 id="corrections" class="h3">{t(ctx, 'Rettelser i kontrakten (ændres ikke her)', 'Corrections in the contract (not changed here)')}</h2>
            <ul>
              {goal.corrections.map((c) => (
                <li>{t(ctx, `${c.field}: kontrakten siger "${c.stated}", der anvendes "${c.applied}" – ${c.reason}`, `${c.field}: the contract says "${c.stated}", applied "${c.applied}" – ${c.reason}`)}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <button type="submit" class="button button-primary">{t(ctx, 'Gem målet', 'Save the goal')}</button>
      </form>
    </EditPage>
  );
};

// ------------------------------------------------------------------------------------------ activity

export function activityFormValues(activity: ActivityDoc, revision: number): FormValues {
  return { revision: String(revision), status: activity.status ?? 'notStarted', note: activity.note ?? '' };
}

const evidenceKindOptions = (ctx: PageContext) => [
  { value: 'text', label: t(ctx, 'Tekst', 'Text') },
  { value: 'link', label: t(ctx, 'Link', 'Link') },
  { value: 'date', label: t(ctx, 'Dato', 'Date') },
  { value: 'file', label: t(ctx, 'Fil', 'File') },
];

/** One evidence item in words: "Fil: rapport.pdf (2023-11-01)". */
export function describeEvidence(ctx: PageContext, e: { kind: string; value: string; label?: string | undefined; date?: string | undefined }, fileNames: Map<string, string>): string {
  const kind = evidenceKindOptions(ctx).find((o) => o.value === e.kind)?.label ?? e.kind;
  const what = e.kind === 'file' ? (e.label ?? fileNames.get(e.value) ?? e.value) : e.label ? `${e.label}: ${e.value}` : e.value;
  return `${kind}: ${what}${e.date ? ` (${e.date})` : ''}`;
}

export const ActivityEditPage = (props: { ctx: PageContext; stored: StoredContract; goal: GoalInputDoc; activity: ActivityDoc; action: string; fileNames: Map<string, string>; state: FormState }) => {
  const { ctx, activity, state } = props;
  const errors = state.errors ?? {};
  const v = state.values;
  const title = t(ctx, `Indsats: ${activity.name}`, `Activity: ${activity.name}`);
  const evidence = activity.evidence ?? [];
  return (
    <EditPage ctx={ctx} stored={props.stored} title={title} state={state}>
      <p class="font-lead">{t(ctx, `Mål ${props.goal.number}: ${props.goal.title}`, `Goal ${props.goal.number}: ${props.goal.title}`)}</p>
      <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <Revision values={v} stored={props.stored} />
        <SelectField ctx={ctx} name="status" label="Status" options={activityStatuses.map((s) => ({ value: s, label: activityStatusLabels[s][ctx.locale] }))} value={stringValue(v, 'status')} error={errors.status} />
        <TextArea ctx={ctx} inputClass="input-width-xl" name="note" label={t(ctx, 'Bemærkning', 'Note')} required={false} value={stringValue(v, 'note')} error={errors.note} />
        {evidence.length > 0 ? (
          <CheckboxGroup
            ctx={ctx}
            name="removeEvidence"
            legend={t(ctx, 'Registreret dokumentation – markér det, der skal fjernes', 'Recorded evidence – tick what to remove')}
            options={evidence.map((e, i) => ({ value: String(i), label: describeEvidence(ctx, e, props.fileNames) }))}
            values={listValue(v, 'removeEvidence')}
            error={errors.removeEvidence}
          />
        ) : (
          <p>{t(ctx, 'Der er endnu ingen dokumentation.', 'There is no evidence yet.')}</p>
        )}
        <fieldset>
          <legend class="h3">{t(ctx, 'Tilføj dokumentation', 'Add evidence')}</legend>
          <SelectField ctx={ctx} name="evidenceKind" label={t(ctx, 'Type', 'Kind')} required={false} placeholder={t(ctx, 'Ingen ny dokumentation', 'No new evidence')} options={evidenceKindOptions(ctx)} value={stringValue(v, 'evidenceKind')} error={errors.evidenceKind} />
          <TextField
            ctx={ctx}
            name="evidenceValue"
            label={t(ctx, 'Dokumentation', 'Evidence')}
            required={false}
            hint={t(ctx, 'Tekst: beskrivelsen. Link: en adresse, der begynder med http:// eller https://. Dato: ÅÅÅÅ-MM-DD.', 'Text: the description. Link: an address starting with http:// or https://. Date: YYYY-MM-DD.')}
            value={stringValue(v, 'evidenceValue')}
            error={errors.evidenceValue}
          />
          <TextField ctx={ctx} name="evidenceLabel" label={t(ctx, 'Betegnelse', 'Label')} required={false} value={stringValue(v, 'evidenceLabel')} error={errors.evidenceLabel} />
          <TextField ctx={ctx} name="evidenceDate" type="date" label={t(ctx, 'Dato for dokumentationen', 'Date of the evidence')} required={false} value={stringValue(v, 'evidenceDate')} error={errors.evidenceDate} />
          <FileField ctx={ctx} name={EVIDENCE_FILE_FIELD} label={t(ctx, 'Fil', 'File')} error={errors[EVIDENCE_FILE_FIELD]} />
        </fieldset>
        <button type="submit" class="button button-primary">{t(ctx, 'Gem indsatsen', 'Save the activity')}</button>
      </form>
    </EditPage>
  );
};

// ------------------------------------------------------------------------------------------ external figure

export function externalFormValues(target: ExternalDoc, revision: number, isFile: (id: string) => boolean): FormValues {
  const r = target.recorded;
  const documentIsFile = r?.document !== undefined && isFile(r.document);
  return {
    revision: String(revision),
    value: r ? (typeof r.value === 'number' ? String(r.value).replace('.', ',') : String(r.value ?? '')) : '',
    source: r?.source ?? target.measuredBy,
    date: r?.date ?? '',
    document: documentIsFile ? '' : (r?.document ?? ''),
    keepDocumentFile: documentIsFile ? r!.document! : undefined,
    n: r?.n === undefined ? '' : String(r.n),
  };
}

export const ExternalEditPage = (props: { ctx: PageContext; stored: StoredContract; goal: GoalInputDoc; target: ExternalDoc; action: string; fileNames: Map<string, string>; state: FormState }) => {
  const { ctx, target, state } = props;
  const errors = state.errors ?? {};
  const v = state.values;
  const title = t(ctx, `Eksternt tal: ${target.label}`, `External figure: ${target.label}`);
  const currentFile = target.recorded?.document !== undefined ? props.fileNames.get(target.recorded.document) : undefined;
  return (
    <EditPage ctx={ctx} stored={props.stored} title={title} state={state}>
      <p class="font-lead">{t(ctx, `Mål ${props.goal.number}: ${props.goal.title}`, `Goal ${props.goal.number}: ${props.goal.title}`)}</p>
      <p>{`${t(ctx, 'Måles af', 'Measured by')} ${target.measuredBy}. ${t(ctx, 'Mål', 'Target')}: ${comparisonSymbols[target.comparison]} ${String(target.threshold)}${target.unit ? ` ${target.unit}` : ''}.`}</p>
      <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <Revision values={v} stored={props.stored} />
        <TextField ctx={ctx} name="value" label={t(ctx, 'Værdi', 'Value')} hint={thresholdHint(ctx)} value={stringValue(v, 'value')} error={errors.value} inputClass="input-width-s" />
        <TextField ctx={ctx} name="source" label={t(ctx, 'Kilde', 'Source')} value={stringValue(v, 'source')} error={errors.source} />
        <TextField ctx={ctx} name="date" type="date" label={t(ctx, 'Dato for målingen', 'Date of the measurement')} value={stringValue(v, 'date')} error={errors.date} />
        <TextField ctx={ctx} name="n" label={t(ctx, 'Antal besvarelser (n)', 'Number of answers (n)')} required={false} value={stringValue(v, 'n')} error={errors.n} inputClass="input-width-s" />
        <TextField ctx={ctx} name="document" label={t(ctx, 'Dokument (henvisning)', 'Document (reference)')} required={false} hint={t(ctx, 'Fx "Kendskabsmåling 2023, tabel 2" – eller vedhæft dokumentet som fil nedenfor.', 'E.g. "Awareness survey 2023, table 2" – or attach the document as a file below.')} value={stringValue(v, 'document')} error={errors.document} />
        {currentFile ? (
          <CheckboxGroup ctx={ctx} name="keepDocumentFile" legend={t(ctx, 'Vedhæftet dokument', 'Attached document')} options={[{ value: target.recorded!.document!, label: t(ctx, `Behold ${currentFile}`, `Keep ${currentFile}`) }]} values={listValue(v, 'keepDocumentFile')} />
        ) : null}
        <FileField ctx={ctx} name={DOCUMENT_FILE_FIELD} label={t(ctx, 'Dokument (fil)', 'Document (file)')} error={errors[DOCUMENT_FILE_FIELD]} />
        <button type="submit" class="button button-primary">{t(ctx, 'Gem tallet', 'Save the figure')}</button>
      </form>
    </EditPage>
  );
};

// ------------------------------------------------------------------------------------------ copy and status

export const CopyPage = (props: { ctx: PageContext; stored: StoredContract; action: string; state: FormState }) => {
  const { ctx, state } = props;
  const title = t(ctx, 'Kopiér kontrakten til et andet år', 'Copy the contract to another year');
  return (
    <EditPage ctx={ctx} stored={props.stored} title={title} state={state}>
      <p>{t(ctx, 'Mål, målepunkter og regler kopieres til et udkast; indsatser nulstilles, og eksterne tal, underskrifter og datoer ryddes.', 'Goals, targets and rules are copied to a draft; activities are reset, and external figures, signatures and dates are cleared.')}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} name="year" label={t(ctx, 'År', 'Year')} value={stringValue(state.values, 'year')} error={state.errors?.year} inputClass="input-width-xs" />
        <button type="submit" class="button button-primary">{t(ctx, 'Opret kopi', 'Create copy')}</button>
      </form>
    </EditPage>
  );
};

export const StatusPage = (props: { ctx: PageContext; stored: StoredContract; action: string; state: FormState }) => {
  const { ctx, stored, state } = props;
  const title = t(ctx, 'Skift kontraktens status', "Change the contract's status");
  return (
    <EditPage ctx={ctx} stored={stored} title={title} state={state}>
      <p>{t(ctx, `Nuværende status: ${contractStatusLabels[stored.contract.status].da}. Status skifter ét trin ad gangen: udkast → aftalt → underskrevet → afrapporteret → fulgt op.`, `Current status: ${contractStatusLabels[stored.contract.status].en}. The status moves one step at a time: draft → agreed → signed → reported → followed up.`)}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField ctx={ctx} />
        <Revision values={state.values} stored={stored} />
        <SelectField ctx={ctx} name="status" label={t(ctx, 'Ny status', 'New status')} options={contractStatuses.map((s) => ({ value: s, label: contractStatusLabels[s][ctx.locale] }))} value={stringValue(state.values, 'status')} error={state.errors?.status} />
        <button type="submit" class="button button-primary">{t(ctx, 'Skift status', 'Change status')}</button>
      </form>
    </EditPage>
  );
};
