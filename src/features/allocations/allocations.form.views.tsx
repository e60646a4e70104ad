// The allocation form. Works without JavaScript: "Vis beregning" posts the form to the preview and
// shows the result under it. With htmx, the preview also updates when a field changes.
import { ALLOCATION_UNITS, ROUNDING_METHODS, type AllocationResult } from '../../domain/allocation/allocation.ts';
import type { PageContext } from '../../web/context.ts';
import { ErrorSummary, SelectField, TextField, stringValue, type FormErrors, type FormValues } from '../../web/components/forms.tsx';
import { CsrfField } from '../../web/layout.tsx';
import type { DataSet } from '../data-sets/data-sets.schema.ts';
import { AllocationChart } from './allocations.chart.tsx';
import { CRITERIA_ROWS, ruleRowCount } from './allocations.form.ts';
import type { RecipientChoice } from './allocations.recipients.ts';
import { methodLabel, ResultTable, spreadsheetSentence, unitLabel } from './allocations.table.tsx';
import { ButtonRow, EconomyPage, rowButton, WideSelectField } from './economy.views.tsx';

export interface FormChoices {
  recipients: RecipientChoice[];
  dataSets: DataSet[];
  municipalities: { code: string; name: string }[];
}

export interface Preview {
  result?: AllocationResult;
  explanation?: string;
  errors?: string[];
}

export const PREVIEW_PATH = '/oekonomi/fordelingsnoegler/forhaandsvisning';

export const PreviewRegion = (props: { ctx: PageContext; preview?: Preview | undefined }) => {
  const { ctx, preview } = props;
  const en = ctx.locale === 'en';
  return (
    <div id="preview" aria-live="polite">
      {preview?.errors && preview.errors.length > 0 ? (
        <div class="alert alert-warning">
          <div class="alert-body">
            <h2 class="alert-heading">{en ? 'The key cannot be computed yet' : 'Nøglen kan endnu ikke beregnes'}</h2>
            <ul class="alert-text">
              {preview.errors.map((e) => (
                <li>{e}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {preview?.result ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{en ? 'Preview (not saved)' : 'Forhåndsvisning (ikke gemt)'}</h2>
          <p class="font-lead" data-testid="explanation">{preview.explanation}</p>
          <AllocationChart id="preview-chart" title={en ? 'Preview: allocated per municipality' : 'Forhåndsvisning: tildelt pr. kommune'} result={preview.result} unitLabel={unitLabel(preview.result.unit, ctx.locale)} locale={ctx.locale} />
          <p>{spreadsheetSentence(preview.result, ctx.locale)}</p>
          <ResultTable ctx={ctx} result={preview.result} caption={en ? 'Preview per municipality' : 'Forhåndsvisning pr. kommune'} />
        </section>
      ) : null}
    </div>
  );
};

export const AllocationFormPage = (props: {
  ctx: PageContext;
  choices: FormChoices;
  values: FormValues;
  errors?: FormErrors;
  action: string;
  title: string;
  crumbs: { href?: string; label: string }[];
  intro?: string;
  preview?: Preview;
}) => {
  const { ctx, values, choices } = props;
  const en = ctx.locale === 'en';
  const errors = props.errors ?? {};
  const v = (name: string) => stringValue(values, name);
  const municipalities = choices.municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }));
  const dataSets = choices.dataSets.map((d) => ({ value: d.id, label: `${d.name} – ${d.valueLabel}, ${d.rowCount} ${en ? 'municipalities' : 'kommuner'}` }));
  return (
    <EconomyPage ctx={ctx} title={props.title} section="allocations" crumbs={props.crumbs}>
      <h1>{props.title}</h1>
      {props.intro ? <p class="font-lead">{props.intro}</p> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={props.action} novalidate hx-post={PREVIEW_PATH} hx-trigger="change delay:300ms" hx-target="#preview" hx-swap="outerHTML">
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} name="name" label={en ? 'Name' : 'Navn'} value={v('name')} error={errors.name} inputClass="input-width-xl" hint={en ? 'E.g. "Basisbevilling 2023, Erhvervshus Nordjylland".' : 'Fx "Basisbevilling 2023, Erhvervshus Nordjylland".'} />
        <div class="row">
          <div class="col-12 col-md-6">
            <TextField ctx={ctx} name="total" label={en ? 'Total' : 'Total'} value={v('total')} error={errors.total} hint={en ? 'In the unit below, e.g. 17.645' : 'I enheden nedenfor, fx 17.645'} />
          </div>
          <div class="col-12 col-md-6">
            <SelectField ctx={ctx} name="unit" label={en ? 'Unit' : 'Enhed'} value={v('unit') ?? '1000 DKK'} error={errors.unit} hint={en ? 'The published tables are in 1,000 DKK' : 'De udgivne tabeller er i 1.000 kr.'} options={ALLOCATION_UNITS.map((u) => ({ value: u, label: unitLabel(u, ctx.locale) }))} />
          </div>
          <div class="col-12 col-md-6">
            <TextField ctx={ctx} name="resolution" label={en ? 'Resolution' : 'Opløsning'} value={v('resolution') ?? '1'} error={errors.resolution} hint={en ? 'The smallest amount a result is rounded to: 1, or 0,01 for øre' : 'Det mindste beløb, der afrundes til: 1, eller 0,01 for øre'} />
          </div>
          <div class="col-12 col-md-6">
            <WideSelectField ctx={ctx} name="method" label={en ? 'Rounding' : 'Afrunding'} value={v('method') ?? 'largestRemainder'} error={errors.method} width="input-width-l" hint={en ? 'Largest remainder always sums to the total' : 'Største brøkrest summerer altid til totalen'} options={ROUNDING_METHODS.map((m) => ({ value: m, label: methodLabel(m, ctx.locale) }))} />
          </div>
        </div>
        <WideSelectField ctx={ctx} name="recipients" label={en ? 'Recipients' : 'Modtagere'} value={v('recipients')} error={errors.recipients} placeholder="" hint={en ? 'The municipalities of a business hub, of a KKR, or all 98' : 'Kommunerne i et erhvervshus, i et KKR eller alle 98'} options={choices.recipients} />
        <fieldset class="mt-6">
          <legend class="h3">{en ? 'Criteria' : 'Kriterier'}</legend>
          <p class="form-hint">{en ? 'The data sets the key is based on, with weights in percent that add up to 100. One data set alone weighs 100 %.' : 'De datasæt, nøglen bygger på, med vægte i procent, der summerer til 100. Ét datasæt alene vejer 100 %.'}</p>
          {Array.from({ length: CRITERIA_ROWS }, (_, i) => (
            <div class="row">
              <div class="col-12 col-md-8">
                <WideSelectField ctx={ctx} name={`criteria.${i}.dataSetId`} label={en ? `Data set ${i + 1}` : `Datasæt ${i + 1}`} required={i === 0} value={v(`criteria.${i}.dataSetId`)} error={errors[`criteria.${i}.dataSetId`]} placeholder="" options={dataSets} />
              </div>
              <div class="col-12 col-md-4">
                <TextField ctx={ctx} name={`criteria.${i}.weight`} label={en ? `Weight ${i + 1} (%)` : `Vægt ${i + 1} (%)`} required={false} value={v(`criteria.${i}.weight`)} error={errors[`criteria.${i}.weight`]} inputClass="input-width-xs" />
              </div>
            </div>
          ))}
        </fieldset>
        <fieldset class="mt-6">
          <legend class="h3">{en ? 'Special rules' : 'Særlige regler'}</legend>
          <p class="form-hint">
            {en
              ? 'Optional. A fixed share (in percent; the others split the rest), exempt (gets 0 and is left out), or taken over by another municipality.'
              : 'Valgfrit. En fast andel (i procent; de andre deler resten), fritaget (får 0 og tælles ikke med), eller overtaget af en anden kommune.'}
          </p>
          {Array.from({ length: ruleRowCount(values) }, (_, i) => (
            <div class="row">
              <div class="col-12 col-md-3">
                <SelectField ctx={ctx} name={`rules.${i}.municipalityCode`} label={en ? `Municipality ${i + 1}` : `Kommune ${i + 1}`} required={false} value={v(`rules.${i}.municipalityCode`)} error={errors[`rules.${i}.municipalityCode`]} placeholder="" options={municipalities} />
              </div>
              <div class="col-12 col-md-3">
                <SelectField
                  ctx={ctx}
                  name={`rules.${i}.kind`}
                  label={en ? `Rule ${i + 1}` : `Regel ${i + 1}`}
                  required={false}
                  value={v(`rules.${i}.kind`)}
                  error={errors[`rules.${i}.kind`]}
                  placeholder=""
                  options={[
                    { value: 'fixedShare', label: en ? 'Fixed share' : 'Fast andel' },
                    { value: 'exempt', label: en ? 'Exempt' : 'Fritaget' },
                    { value: 'transferTo', label: en ? 'Taken over by' : 'Overtages af' },
                  ]}
                />
              </div>
              <div class="col-12 col-md-3">
                <TextField ctx={ctx} name={`rules.${i}.fixedShare`} label={en ? 'Share %' : 'Andel %'} required={false} value={v(`rules.${i}.fixedShare`)} error={errors[`rules.${i}.fixedShare`]} />
              </div>
              <div class="col-12 col-md-3">
                <SelectField ctx={ctx} name={`rules.${i}.transferTo`} label={en ? 'Taken over by' : 'Overtages af'} required={false} value={v(`rules.${i}.transferTo`)} error={errors[`rules.${i}.transferTo`]} placeholder="" options={municipalities} />
              </div>
            </div>
          ))}
        </fieldset>
        <fieldset class="mt-6">
          <legend class="h3">{en ? 'Derived column' : 'Afledt kolonne'}</legend>
          <p class="form-hint">{en ? 'Optional, e.g. "10 pct. frafald" with factor 0,9.' : 'Valgfri, fx "10 pct. frafald" med faktor 0,9.'}</p>
          <div class="row">
            <div class="col-12 col-md-5">
              <TextField ctx={ctx} name="derived.0.name" label={en ? 'Column name' : 'Kolonnens navn'} required={false} value={v('derived.0.name')} error={errors['derived.0.name']} />
            </div>
            <div class="col-12 col-md-3">
              <TextField ctx={ctx} name="derived.0.factor" label={en ? 'Factor' : 'Faktor'} required={false} value={v('derived.0.factor')} error={errors['derived.0.factor']} />
            </div>
            <div class="col-12 col-md-4">
              <SelectField ctx={ctx} name="derived.0.method" label={en ? 'Rounding of the column' : 'Kolonnens afrunding'} required={false} value={v('derived.0.method') ?? 'roundEach'} error={errors['derived.0.method']} options={ROUNDING_METHODS.map((m) => ({ value: m, label: methodLabel(m, ctx.locale) }))} />
            </div>
          </div>
        </fieldset>
        <TextField ctx={ctx} name="note" label={en ? 'Note' : 'Note'} required={false} value={v('note')} error={errors.note} inputClass="input-width-xl" hint={en ? 'E.g. the decision the key is based on.' : 'Fx den beslutning, nøglen bygger på.'} />
        <ButtonRow>
          <button type="submit" class={rowButton('primary')}>{en ? 'Save' : 'Gem'}</button>
          <button type="submit" class={rowButton('secondary')} formaction={PREVIEW_PATH} name="then" value={props.action}>
            {en ? 'Show calculation' : 'Vis beregning'}
          </button>
          <a href="/oekonomi/fordelingsnoegler" class={rowButton('tertiary')}>{ctx.t('form.cancel')}</a>
        </ButtonRow>
      </form>
      <PreviewRegion ctx={ctx} preview={props.preview} />
    </EconomyPage>
  );
};
