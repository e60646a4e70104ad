import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, type FormErrors } from '../../web/components/forms.tsx';
import { Table } from '../../web/components/table.tsx';
import { CsrfField, Page } from '../../web/layout.tsx';
import { adminCrumbs } from '../admin/admin.views.tsx';
import type { CvrImportSummary } from './cvr-import.service.ts';
import { t } from './companies.views.tsx';
import { UploadProgress, uploadFormAttributes } from '../../web/components/upload-progress.tsx';

export const CvrImportPage = (props: { ctx: PageContext; summary?: CvrImportSummary; fileName?: string; errors?: FormErrors }) => {
  const { ctx, summary } = props;
  const title = t(ctx, 'Import fra CVR', 'Import from CVR');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={adminCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <p>
        {t(
          ctx,
          'Indlæs CVR-registrets dokumenter: et søgesvar (hits.hits[]._source.Vrvirksomhed) eller ét dokument pr. linje. Kendte CVR-numre opdateres, nye oprettes, intet oprettes to gange. Store filer indlæses med kommandoen knudepunkt import cvr.',
          'Load the CVR register’s documents: a search response (hits.hits[]._source.Vrvirksomhed) or one document per line. Known CVR numbers are updated, new ones created, nothing twice. Large files are loaded with the command knudepunkt import cvr.',
        )}
      </p>
      {summary ? (
        <>
          <Alert variant={summary.rejected.length > 0 ? 'warning' : 'success'} heading={t(ctx, `${props.fileName ?? 'Filen'} er indlæst`, `${props.fileName ?? 'The file'} has been loaded`)}>
            {t(ctx, `Oprettet: ${summary.created}, opdateret: ${summary.updated}, uændret: ${summary.unchanged}, afvist: ${summary.rejected.length}.`, `Created: ${summary.created}, updated: ${summary.updated}, unchanged: ${summary.unchanged}, rejected: ${summary.rejected.length}.`)}
          </Alert>
          {summary.rejected.length > 0 ? (
            <Table caption={t(ctx, 'Afviste dokumenter', 'Rejected documents')} columns={[t(ctx, 'Linje', 'Line'), 'CVR', t(ctx, 'Årsag', 'Reason')]}>
              {summary.rejected.map((rejection) => (
                <tr>
                  <td>{rejection.line}</td>
                  <td>{rejection.cvr ?? '–'}</td>
                  <td>{rejection.reason}</td>
                </tr>
              ))}
            </Table>
          ) : null}
        </>
      ) : null}
      <ErrorSummary ctx={ctx} errors={props.errors ?? {}} />
      <form method="post" action="/admin/cvr-import" enctype="multipart/form-data" {...uploadFormAttributes('/admin/cvr-import')}>
<UploadProgress ctx={ctx} />
        <CsrfField ctx={ctx} />
        <div class={`form-group${props.errors?.file ? ' form-error' : ''}`}>
          <label class="form-label" for="file">
            {t(ctx, 'Fil fra CVR-registret (JSON)', 'File from the CVR register (JSON)')}
          </label>
          {props.errors?.file ? (
            <span class="form-error-message" id="file-error">
              {props.errors.file}
            </span>
          ) : null}
          <input type="file" id="file" name="file" class="form-file-input" accept=".json,.jsonl,.ndjson,application/json" aria-describedby={props.errors?.file ? 'file-error' : undefined} />
        </div>
        <button type="submit" class="button button-primary">
          {t(ctx, 'Indlæs', 'Load')}
        </button>
      </form>
    </Page>
  );
};
