// Henvisninger → Importér henvisninger (admins), in two steps that work without JavaScript, on the
// layouts of the courses import: (1) choose the file — it is checked against the database (a dry run)
// and kept on the server; (2) confirm — the same file is imported, all or nothing. Then the outcome.
import { ImportCounts, ImportFormLayout, ImportPreviewLayout, ImportResultLayout } from '../courses/course-import.views.tsx';
import { MAX_UPLOAD_BYTES, type ImportUpload } from '../courses/course-import.files.ts';
import type { FormErrors } from '../../web/components/forms.tsx';
import type { PageContext } from '../../web/context.ts';
import type { ReferralImportSummary } from './referral-import.service.ts';
import { referralCsvOptionalColumns, referralCsvRequiredColumns } from '../../domain/referrals/referrals-csv.ts';

export type ReferralUpload = ImportUpload<ReferralImportSummary>;

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
const COMMAND = 'knudepunkt import referrals';

const crumbs = (ctx: PageContext) => [
  { href: '/', label: ctx.t('nav.home') },
  { href: '/henvisninger', label: ctx.t('nav.referrals') },
  { label: t(ctx, 'Importér henvisninger', 'Import referrals') },
];

export const ReferralImportFormPage = (props: { ctx: PageContext; errors?: FormErrors; message?: string | undefined }) => {
  const { ctx } = props;
  const required = referralCsvRequiredColumns.join(', ');
  const optional = referralCsvOptionalColumns.join(', ');
  const megabytes = MAX_UPLOAD_BYTES / 1024 / 1024;
  return (
    <ImportFormLayout
      ctx={ctx}
      title={t(ctx, 'Importér henvisninger', 'Import referrals')}
      breadcrumbs={crumbs(ctx)}
      intro={t(
        ctx,
        `Henvisninger fra et tidligere system: hver række nævner den henvisende og den modtagende organisation. Henvisninger genkendes på referral_id, så den samme fil kan indlæses igen uden dubletter, og de beholder deres tidspunkter (der sendes ingen notifikationer eller links). Virksomheder findes på CVR-nummer, førstartere på navn og kommune. Alt eller intet: er blot én række ugyldig, importeres intet. Større filer indlæses med kommandoen "${COMMAND}".`,
        `Referrals from an earlier system: each row names the referring and the receiving organisation. Referrals are recognised by referral_id, so the same file can be imported again without duplicates, and they keep their times (no notifications or links are sent). Companies are found by CVR number, pre-starters by name and municipality. All or nothing: if a single row is invalid, nothing is imported. Larger files are imported with "${COMMAND}".`,
      )}
      action="/henvisninger/import"
      file={{
        label: t(ctx, 'Henvisningsfil (CSV)', 'Referrals file (CSV)'),
        hint: t(
          ctx,
          `UTF-8, komma eller semikolon, med kolonnerne ${required} og evt. ${optional}. Højst ${megabytes} MB.`,
          `UTF-8, comma or semicolon, with the columns ${required} and optionally ${optional}. At most ${megabytes} MB.`,
        ),
      }}
      errors={props.errors}
      message={props.message}
    />
  );
};

const Counts = (props: { ctx: PageContext; summary: ReferralImportSummary }) => (
  <ImportCounts ctx={props.ctx} noun={{ da: 'Henvisninger', en: 'Referrals' }} counts={props.summary} />
);

export const ReferralImportPreviewPage = (props: { ctx: PageContext; upload: ReferralUpload; summary: ReferralImportSummary; rejected?: boolean }) => {
  const { ctx, upload, summary } = props;
  const toImport = summary.created + summary.updated;
  return (
    <ImportPreviewLayout
      ctx={ctx}
      fileName={upload.fileName}
      breadcrumbs={crumbs(ctx)}
      invalidRows={new Set(summary.errors.map((error) => error.line)).size}
      errors={summary.errors}
      errorCount={summary.errors.length}
      rows={summary.rows}
      rejected={props.rejected}
      command={COMMAND}
      counts={<Counts ctx={ctx} summary={summary} />}
      confirm={{
        action: `/henvisninger/import/${upload.id}`,
        label: toImport === 1 ? t(ctx, 'Importér 1 henvisning', 'Import 1 referral') : t(ctx, `Importér ${toImport} henvisninger`, `Import ${toImport} referrals`),
        nothingToDo: toImport === 0 ? t(ctx, 'Alle henvisninger er allerede importeret som i filen; en import ændrer intet.', 'Every referral is already imported as in the file; importing changes nothing.') : null,
      }}
      againHref="/henvisninger/import"
    />
  );
};

export const ReferralImportResultPage = (props: { ctx: PageContext; upload: ReferralUpload; summary: ReferralImportSummary }) => {
  const { ctx, upload, summary } = props;
  const nothing = summary.created === 0 && summary.updated === 0;
  return (
    <ImportResultLayout
      ctx={ctx}
      title={t(ctx, 'Henvisningerne er importeret', 'The referrals have been imported')}
      breadcrumbs={crumbs(ctx)}
      message={
        nothing
          ? t(ctx, `${upload.fileName}: ingen ændringer – alle henvisninger var allerede importeret som i filen.`, `${upload.fileName}: no changes – every referral was already imported as in the file.`)
          : t(ctx, `${upload.fileName} er importeret.`, `${upload.fileName} has been imported.`)
      }
      counts={<Counts ctx={ctx} summary={summary} />}
    >
      <a href="/henvisninger">{t(ctx, 'Se henvisningerne', 'See the referrals')}</a>
    </ImportResultLayout>
  );
};
