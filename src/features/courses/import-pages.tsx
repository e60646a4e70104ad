// The three pages of a CSV import on the web — choose the file, the dry run, the outcome — for the
// imports whose pages differ only in words and addresses (activities, referrals, evaluation responses).
// Built on the shared layouts of course-import.views.tsx; the courses import keeps its own pages (it
// also chooses the organisation).
import type { Child } from 'hono/jsx';
import type { FormErrors } from '../../web/components/forms.tsx';
import type { PageContext } from '../../web/context.ts';
import { MAX_UPLOAD_BYTES, type ImportUpload } from './course-import.files.ts';
import { ImportCounts, ImportFormLayout, ImportPreviewLayout, ImportResultLayout } from './course-import.views.tsx';

type Words = { da: string; en: string };

export interface SimpleImportSummary {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  companiesCreated: number;
  /** The errors kept for the page (an import may keep only the first ones, and count the rest). */
  errors: { line: number; column: string; value: string; message: string }[];
  errorCount?: number;
  invalidRows?: number;
}

export interface SimpleImport<S extends SimpleImportSummary> {
  /** The list page the import belongs to, e.g. /aktiviteter; the import lives at `${base}/import`. */
  base: string;
  /** Its navigation entry, for the breadcrumbs. */
  section: Parameters<PageContext['t']>[0];
  /** The things imported: "aktivitet"/"aktiviteter", "activity"/"activities". */
  one: Words;
  many: Words;
  /** The command for larger files. */
  command: string;
  /** What the file holds and how rows are recognised; the command is appended. */
  intro: Words;
  /** "Aktivitetsfil (CSV)". */
  fileLabel: Words;
  columns: { required: readonly string[]; optional: readonly string[] };
  /** Counts beyond created/updated/unchanged. */
  extraCounts?: (ctx: PageContext, summary: S) => { label: string; value: Child }[];
}

const t = (ctx: PageContext, words: Words) => (ctx.locale === 'en' ? words.en : words.da);
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function simpleImportPages<S extends SimpleImportSummary>(spec: SimpleImport<S>) {
  const title: Words = { da: `Importér ${spec.many.da}`, en: `Import ${spec.many.en}` };
  const crumbs = (ctx: PageContext) => [
    { href: '/', label: ctx.t('nav.home') },
    { href: spec.base, label: ctx.t(spec.section) },
    { label: t(ctx, title) },
  ];
  const Counts = (props: { ctx: PageContext; summary: S }) => (
    <ImportCounts ctx={props.ctx} noun={{ da: capital(spec.many.da), en: capital(spec.many.en) }} counts={props.summary} extra={spec.extraCounts?.(props.ctx, props.summary)} />
  );

  const FormPage = (props: { ctx: PageContext; errors?: FormErrors; message?: string | undefined }) => {
    const { ctx } = props;
    const required = spec.columns.required.join(', ');
    const optional = spec.columns.optional.join(', ');
    const megabytes = MAX_UPLOAD_BYTES / 1024 / 1024;
    return (
      <ImportFormLayout
        ctx={ctx}
        title={t(ctx, title)}
        breadcrumbs={crumbs(ctx)}
        intro={t(ctx, { da: `${spec.intro.da} Større filer indlæses med kommandoen "${spec.command}".`, en: `${spec.intro.en} Larger files are imported with "${spec.command}".` })}
        action={`${spec.base}/import`}
        file={{
          label: t(ctx, spec.fileLabel),
          hint: t(ctx, {
            da: `UTF-8, komma eller semikolon, med kolonnerne ${required} og evt. ${optional}. Højst ${megabytes} MB.`,
            en: `UTF-8, comma or semicolon, with the columns ${required} and optionally ${optional}. At most ${megabytes} MB.`,
          }),
        }}
        errors={props.errors}
        message={props.message}
      />
    );
  };

  const PreviewPage = (props: { ctx: PageContext; upload: ImportUpload<S>; summary: S; rejected?: boolean }) => {
    const { ctx, upload, summary } = props;
    const toImport = summary.created + summary.updated;
    return (
      <ImportPreviewLayout
        ctx={ctx}
        fileName={upload.fileName}
        breadcrumbs={crumbs(ctx)}
        invalidRows={summary.invalidRows ?? new Set(summary.errors.map((error) => error.line)).size}
        errors={summary.errors}
        errorCount={summary.errorCount ?? summary.errors.length}
        rows={summary.rows}
        rejected={props.rejected}
        command={spec.command}
        counts={<Counts ctx={ctx} summary={summary} />}
        confirm={{
          action: `${spec.base}/import/${upload.id}`,
          label: toImport === 1 ? t(ctx, { da: `Importér 1 ${spec.one.da}`, en: `Import 1 ${spec.one.en}` }) : t(ctx, { da: `Importér ${toImport} ${spec.many.da}`, en: `Import ${toImport} ${spec.many.en}` }),
          nothingToDo:
            toImport === 0
              ? t(ctx, {
                  da: `Alle ${spec.many.da} er allerede importeret som i filen; en import ændrer intet.`,
                  en: `Every ${spec.one.en} is already imported as in the file; importing changes nothing.`,
                })
              : null,
        }}
        againHref={`${spec.base}/import`}
      />
    );
  };

  const ResultPage = (props: { ctx: PageContext; upload: ImportUpload<S>; summary: S }) => {
    const { ctx, upload, summary } = props;
    const nothing = summary.created === 0 && summary.updated === 0;
    return (
      <ImportResultLayout
        ctx={ctx}
        title={t(ctx, { da: `${capital(spec.many.da)}ne er importeret`, en: `The ${spec.many.en} have been imported` })}
        breadcrumbs={crumbs(ctx)}
        message={
          nothing
            ? t(ctx, {
                da: `${upload.fileName}: ingen ændringer – alle ${spec.many.da} var allerede importeret som i filen.`,
                en: `${upload.fileName}: no changes – every ${spec.one.en} was already imported as in the file.`,
              })
            : t(ctx, { da: `${upload.fileName} er importeret.`, en: `${upload.fileName} has been imported.` })
        }
        counts={<Counts ctx={ctx} summary={summary} />}
      >
        <a href={spec.base}>{t(ctx, { da: `Se ${spec.many.da}ne`, en: `See the ${spec.many.en}` })}</a>
      </ImportResultLayout>
    );
  };

  return { FormPage, PreviewPage, ResultPage };
}
