// The import of a data set in two steps: choose the file (and, for a generic CSV, say what the
// figures are), then see the preview — accepted, skipped, errors — and confirm. Nothing is saved
// before the confirmation, and the confirmation re-reads the same bytes on the server.
import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, SelectField, TextField, stringValue, type FormErrors, type FormValues } from '../../web/components/forms.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { CsrfField } from '../../web/layout.tsx';
import { ButtonRow, EconomyPage, rowButton } from '../allocations/economy.views.tsx';
import type { ImportPreview } from './data-sets.schema.ts';
import { danishNumber, SkippedTable } from './data-sets.views.tsx';
import { UploadProgress, uploadFormAttributes } from '../../web/components/upload-progress.tsx';

const FileField = (props: { ctx: PageContext; error?: string | undefined }) => {
  const en = props.ctx.locale === 'en';
  return (
    <div class={`form-group${props.error ? ' form-error' : ''}`}>
      <label class="form-label" for="file">
        {en ? 'CSV file' : 'CSV-fil'}
      </label>
      <span class="form-hint" id="file-hint">
        {en
          ? 'From Statistikbanken: table FOLK1A, download as CSV (semicolon). At most 5 MB.'
          : 'Fra Statistikbanken: tabel FOLK1A, hentet som CSV (semikolonsepareret). Højst 5 MB.'}
      </span>
      {props.error ? (
        <span class="form-error-message" id="file-error">
          <span class="sr-only">{props.ctx.t('form.error')}: </span>
          {props.error}
        </span>
      ) : null}
      <input
        type="file"
        id="file"
        name="file"
        accept=".csv,.txt,text/csv,text/plain"
        required
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? 'file-hint file-error' : 'file-hint'}
      />
    </div>
  );
};

export const ImportFormPage = (props: { ctx: PageContext; values: FormValues; errors?: FormErrors; preview?: ImportPreview; content?: string }) => {
  const { ctx, values } = props;
  const en = ctx.locale === 'en';
  const errors = props.errors ?? {};
  const title = en ? 'Import data set' : 'Importér datasæt';
  const preview = props.preview;
  return (
    <EconomyPage ctx={ctx} title={title} section="dataSets" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      {preview ? <PreviewSection ctx={ctx} preview={preview} values={values} content={props.content ?? ''} /> : null}
      {!preview || preview.errors.length > 0 ? (
        <>
          {preview ? <h2>{en ? 'Choose the corrected file' : 'Vælg den rettede fil'}</h2> : <p class="font-lead">{en ? 'Step 1 of 2: choose the file. You will see what will be imported before anything is saved.' : 'Trin 1 af 2: vælg filen. Du ser, hvad der bliver importeret, før noget gemmes.'}</p>}
          <ErrorSummary ctx={ctx} errors={preview ? {} : errors} />
          <form method="post" action="/oekonomi/datasaet/importer" enctype="multipart/form-data" novalidate {...uploadFormAttributes('/oekonomi/datasaet/importer')}>
<UploadProgress ctx={ctx} />
            <CsrfField ctx={ctx} />
            <FileField ctx={ctx} error={errors.file} />
            <SelectField
              ctx={ctx}
              name="format"
              label={en ? 'Format' : 'Format'}
              value={stringValue(values, 'format') ?? 'folk1a'}
              error={errors.format}
              options={[
                { value: 'folk1a', label: en ? 'Population, Danmarks Statistik FOLK1A' : 'Folketal fra Danmarks Statistik (FOLK1A)' },
                { value: 'generic', label: en ? 'Other CSV with municipality code and value' : 'Anden CSV med kommunekode og værdi' },
              ]}
            />
            <TextField ctx={ctx} name="name" label={en ? 'Name' : 'Navn'} required={false} value={stringValue(values, 'name')} error={errors.name} hint={en ? 'E.g. "Folketal 1. kvt. 2022". Left empty, a name is made from the period.' : 'Fx "Folketal 1. kvt. 2022". Tomt: navnet dannes af perioden.'} />
            <TextField ctx={ctx} name="period" label={en ? 'Period' : 'Periode'} required={false} value={stringValue(values, 'period')} error={errors.period} inputClass="input-width-s" hint={en ? 'Only when the file has several periods, or no period column: e.g. 2022K1 or 2023.' : 'Kun når filen har flere perioder eller ingen periodekolonne: fx 2022K1 eller 2023.'} />
            <fieldset>
              <legend class="h4">{en ? 'Only for other CSV files' : 'Kun for anden CSV'}</legend>
              <TextField ctx={ctx} name="valueLabel" label={en ? 'What the figures are' : 'Hvad tallene er'} required={false} value={stringValue(values, 'valueLabel')} error={errors.valueLabel} hint={en ? 'Used in the explanation of the key, e.g. "antal ansatte".' : 'Bruges i forklaringen af nøglen, fx "antal ansatte".'} />
              <TextField ctx={ctx} name="kind" label={en ? 'Key' : 'Nøgle'} required={false} value={stringValue(values, 'kind')} error={errors.kind} inputClass="input-width-m" hint={en ? 'A short word, e.g. staff.' : 'Et kort ord, fx ansatte.'} />
              <TextField ctx={ctx} name="source" label={en ? 'Source' : 'Kilde'} required={false} value={stringValue(values, 'source')} error={errors.source} />
            </fieldset>
            <button type="submit" class="button button-primary">
              {en ? 'Preview' : 'Forhåndsvis'}
            </button>
            <a href="/oekonomi/datasaet" class="button button-secondary ml-4">
              {ctx.t('form.cancel')}
            </a>
          </form>
        </>
      ) : null}
    </EconomyPage>
  );
};

const PreviewSection = (props: { ctx: PageContext; preview: ImportPreview; values: FormValues; content: string }) => {
  const { ctx, preview } = props;
  const en = ctx.locale === 'en';
  const ok = preview.errors.length === 0;
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">{en ? 'Step 2 of 2: check the preview' : 'Trin 2 af 2: tjek forhåndsvisningen'}</h2>
      {ok ? (
        <Alert variant="success" heading={en ? 'The file can be imported' : 'Filen kan importeres'}>
          {en
            ? `${preview.rows.length} municipalities, ${preview.periodLabel}, in total ${danishNumber(preview.total)}. ${preview.skipped.length} rows skipped.`
            : `${preview.rows.length} kommuner, ${preview.periodLabel}, i alt ${danishNumber(preview.total)}. ${preview.skipped.length} rækker sprunget over.`}
        </Alert>
      ) : (
        <div class="alert alert-error error-summary" role="alert" tabindex={-1}>
          <div class="alert-body">
            <h3 class="alert-heading">{en ? `The file has ${preview.errors.length} errors – nothing is imported` : `Filen har ${preview.errors.length} fejl – intet bliver importeret`}</h3>
            <ul class="alert-text">
              {preview.errors.map((e) => (
                <li>{e.message}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {preview.warnings.map((w) => (
        <Alert variant="warning">{w}</Alert>
      ))}
      {ok && preview.existingDataSetId ? (
        <Alert variant="info">
          {en ? 'Exactly these figures are already imported. ' : 'Præcis disse tal er allerede importeret. '}
          <a href={`/oekonomi/datasaet/${preview.existingDataSetId}`}>{en ? 'Open the data set' : 'Åbn datasættet'}</a>
        </Alert>
      ) : null}
      {ok && !preview.existingDataSetId ? (
        <form method="post" action="/oekonomi/datasaet">
          <CsrfField ctx={ctx} />
          {(['format', 'name', 'period', 'kind', 'valueLabel', 'source', 'fileName'] as const).map((name) => {
            const value = stringValue(props.values, name);
            return value ? <input type="hidden" name={name} value={value} /> : null;
          })}
          <input type="hidden" name="content" value={Buffer.from(props.content, 'utf8').toString('base64')} />
          <ButtonRow>
            <button type="submit" class={rowButton('primary')}>
              {en ? `Import ${preview.rows.length} municipalities` : `Importér ${preview.rows.length} kommuner`}
            </button>
            <a href="/oekonomi/datasaet/importer" class={rowButton('secondary')}>
              {en ? 'Choose another file' : 'Vælg en anden fil'}
            </a>
          </ButtonRow>
        </form>
      ) : null}
      {preview.rows.length > 0 ? (
        <>
          <h3>{en ? `Accepted (${preview.rows.length})` : `Godkendt (${preview.rows.length})`}</h3>
          <ScrollRegion label={en ? 'Accepted rows' : 'Godkendte rækker'}>
            <table class="table table--zebra table--compact">
              <caption class="sr-only">{en ? 'Accepted rows' : 'Godkendte rækker'}</caption>
              <thead>
                <tr>
                  <th scope="col">{en ? 'Line' : 'Linje'}</th>
                  <th scope="col">{en ? 'Code' : 'Kode'}</th>
                  <th scope="col">{en ? 'Municipality' : 'Kommune'}</th>
                  <th scope="col" class="align-text-right">
                    {en ? 'Value' : 'Værdi'}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr>
                    <td>{r.line}</td>
                    <td>{r.municipalityCode}</td>
                    <td>{r.municipalityName}</td>
                    <td class="align-text-right">{danishNumber(r.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      ) : null}
      {preview.skipped.length > 0 ? <SkippedTable ctx={ctx} skipped={preview.skipped} level={3} /> : null}
    </section>
  );
};
