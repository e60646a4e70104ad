// Afrapportering til KKR: the live report (with the issued versions and the form that issues the
// next one) and an issued version (frozen numbers, what changed from the version before, and what has
// changed in the data since). The report's own body is report.views.tsx, shared by both.
import type { ContractReport, ReportDifference } from '../../domain/contracts/report.types.ts';
import { Alert } from '../../web/components/forms.tsx';
import type { PageContext } from '../../web/context.ts';
import { formatDateTime } from '../../web/format.ts';
import { CsrfField, Page } from '../../web/layout.tsx';
import type { IssuedReport } from './contract-report.service.ts';
import type { ReportVersionRow } from './contracts.repository.ts';
import type { StoredContract } from './contracts.service.ts';
import { ContractReportBody, ReportDifferencesList } from './report.views.tsx';

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);

const trail = (ctx: PageContext, stored: StoredContract, last: string) => [
  { href: '/kontrakter', label: t(ctx, 'Resultatkontrakter', 'Result contracts') },
  { href: `/kontrakter/${stored.row.id}`, label: `${stored.row.hub_name} ${stored.row.year}` },
  { label: last },
];

const Downloads = (props: { ctx: PageContext; base: string; what: string }) => (
  <p>
    <a href={`${props.base}/pdf`} class="button button-secondary" download>
      {t(props.ctx, `Hent ${props.what} som PDF`, `Download ${props.what} as PDF`)}
    </a>{' '}
    <a href={`${props.base}/xlsx`} class="button button-secondary" download>
      {t(props.ctx, `Hent ${props.what} som Excel`, `Download ${props.what} as Excel`)}
    </a>
  </p>
);

export const ContractReportPage = (props: { ctx: PageContext; stored: StoredContract; report: ContractReport; versions: ReportVersionRow[]; notice?: string | undefined }) => {
  const { ctx, stored, report } = props;
  const title = t(ctx, `Afrapportering ${report.year} – ${report.hub}`, `Report ${report.year} – ${report.hub}`);
  const base = `/kontrakter/${stored.row.id}/rapport`;
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={trail(ctx, stored, t(ctx, 'Afrapportering', 'Report'))}>
      <h1>{title}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      <Alert variant="info">
        {t(
          ctx,
          `Tallene er beregnet ${formatDateTime(report.computedAt)} og følger data. Udsted afrapporteringen for at låse tallene i en version.`,
          `The figures were computed ${formatDateTime(report.computedAt)} and follow the data. Issue the report to freeze them in a version.`,
        )}
      </Alert>
      <Downloads ctx={ctx} base={base} what={t(ctx, 'den aktuelle rapport', 'the current report')} />
      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t(ctx, 'Udstedte versioner', 'Issued versions')}</h2>
        {props.versions.length === 0 ? (
          <p>{t(ctx, 'Afrapporteringen er ikke udstedt endnu.', 'The report has not been issued yet.')}</p>
        ) : (
          <ul>
            {props.versions.map((v) => (
              <li>
                <a href={`${base}/v/${v.version}`}>{t(ctx, `Version ${v.version}`, `Version ${v.version}`)}</a>
                {` – ${formatDateTime(v.issuedAt)}, ${v.issuedByName}`}
                {v.note ? ` – ${v.note}` : ''}
              </li>
            ))}
          </ul>
        )}
        {stored.mayEdit ? (
          <form method="post" action={base}>
            <CsrfField ctx={ctx} />
            <div class="form-group">
              <label class="form-label" for="note">
                {props.versions.length === 0 ? t(ctx, 'Bemærkning (valgfri)', 'Note (optional)') : t(ctx, 'Hvad er rettet? (valgfri)', 'What has been corrected? (optional)')}
              </label>
              <textarea class="form-input" id="note" name="note" rows={2} maxlength={2000}></textarea>
            </div>
            <button type="submit" class="button button-primary">
              {props.versions.length === 0 ? t(ctx, 'Udsted afrapporteringen', 'Issue the report') : t(ctx, `Udsted version ${(props.versions[0]?.version ?? 0) + 1}`, `Issue version ${(props.versions[0]?.version ?? 0) + 1}`)}
            </button>
          </form>
        ) : null}
      </section>
      <ContractReportBody ctx={ctx} report={report} />
    </Page>
  );
};

const Differences = (props: { ctx: PageContext; heading: string; id: string; differences: ReportDifference[]; none: string }) => (
  <section aria-labelledby={props.id}>
    <h2 id={props.id}>{props.heading}</h2>
    {props.differences.length === 0 ? <p>{props.none}</p> : <ReportDifferencesList differences={props.differences} />}
  </section>
);

export const IssuedReportPage = (props: { ctx: PageContext; stored: StoredContract; issued: IssuedReport; sinceIssued: ReportDifference[]; notice?: string | undefined }) => {
  const { ctx, stored, issued } = props;
  const title = t(ctx, `Afrapportering ${issued.report.year} – ${issued.report.hub}, version ${issued.version}`, `Report ${issued.report.year} – ${issued.report.hub}, version ${issued.version}`);
  const header = { version: issued.version, issuedAt: issued.issuedAt.toISOString() };
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={trail(ctx, stored, t(ctx, `Version ${issued.version}`, `Version ${issued.version}`))}>
      <h1>{title}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      <p>
        {t(ctx, `Udstedt ${formatDateTime(issued.issuedAt)} af ${issued.issuedByName}. Tallene er låst i denne version.`, `Issued ${formatDateTime(issued.issuedAt)} by ${issued.issuedByName}. The figures are frozen in this version.`)}
        {issued.note ? ` ${issued.note}` : ''}
      </p>
      <Downloads ctx={ctx} base={`/kontrakter/${stored.row.id}/rapport/v/${issued.version}`} what={t(ctx, `version ${issued.version}`, `version ${issued.version}`)} />
      {issued.previousVersion !== null ? (
        <Differences
          ctx={ctx}
          id="changes-heading"
          heading={t(ctx, `Ændret siden version ${issued.previousVersion}`, `Changed since version ${issued.previousVersion}`)}
          differences={issued.differences}
          none={t(ctx, 'Ingen tal er ændret.', 'No figures have changed.')}
        />
      ) : null}
      <Differences
        ctx={ctx}
        id="since-heading"
        heading={t(ctx, 'Ændret i data siden udstedelsen', 'Changed in the data since it was issued')}
        differences={props.sinceIssued}
        none={t(ctx, 'Data giver stadig de samme tal.', 'The data still gives the same figures.')}
      />
      <ContractReportBody ctx={ctx} report={issued.report} header={header} />
    </Page>
  );
};

const fileStyle = `body{font-family:Arial,sans-serif;color:#1a1a1a;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid #bfbfbf;padding:.3rem .5rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600;padding:.3rem 0}h1,h2,h3{line-height:1.2}a{color:#0059b3}`;

/** The report as one self-contained web page (`knudepunkt report --format html`). */
export function reportHtmlDocument(report: ContractReport, header?: { version: number; issuedAt: string }): string {
  const title = `Afrapportering ${report.year} – ${report.hub}${header ? `, version ${header.version}` : ''}`;
  const page = (
    <html lang="da">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style>{fileStyle}</style>
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          <ContractReportBody report={report} header={header} />
        </main>
      </body>
    </html>
  );
  return `<!doctype html>\n${page.toString()}`;
}
