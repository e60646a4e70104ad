// Forløb → Statistik: a hub's course figures for a year, each breakdown as a chart with its table (the
// table is the chart's text alternative and holds every figure).
import { guidanceCategories, guidanceCategoryLabels, guidanceThemeLabels, guidanceThemes } from '../../domain/guidance/guidance.types.ts';
import { BarChart } from '../../web/components/bar-chart.tsx';
import { SelectField } from '../../web/components/forms.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { Table } from '../../web/components/table.tsx';
import type { PageContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import type { CourseStatistics } from './course-stats.service.ts';

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
const n = (ctx: PageContext, value: number) => value.toLocaleString(ctx.locale === 'en' ? 'en-GB' : 'da-DK');

export const monthNames = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

export const statsQueryString = (statistics: Pick<CourseStatistics, 'hub' | 'year'>) => `erhvervshus=${encodeURIComponent(statistics.hub.id)}&aar=${statistics.year}`;

/** One breakdown: heading, chart and the table with the same figures. */
const Breakdown = (props: { ctx: PageContext; id: string; heading: string; columns: string[]; rows: { label: string; cells: (string | number)[]; value: number }[] }) => {
  const { ctx } = props;
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      <BarChart id={`${props.id}-chart`} title={props.heading} bars={props.rows.map((row) => ({ label: row.label, value: row.value }))} locale={ctx.locale} />
      <ScrollRegion label={props.heading}>
        <Table caption={props.heading} hideCaption compact columns={props.columns}>
          {props.rows.map((row) => (
            <tr>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell) => (
                <td class="align-text-right">{typeof cell === 'number' ? n(ctx, cell) : cell}</td>
              ))}
            </tr>
          ))}
        </Table>
      </ScrollRegion>
    </section>
  );
};

export const CourseStatsPage = (props: { ctx: PageContext; statistics: CourseStatistics; thisYear: number }) => {
  const { ctx, statistics: s } = props;
  const title = t(ctx, `Forløbsstatistik ${s.year} – ${s.hub.name}`, `Course statistics ${s.year} – ${s.hub.name}`);
  const years = [...new Set([props.thisYear + 1, ...Array.from({ length: 10 }, (_, i) => props.thisYear - i), s.year])].sort((a, b) => b - a);
  const totalCourses = guidanceCategories.reduce((sum, c) => sum + s.courses[c], 0);
  const municipalities = Object.entries(s.byMunicipality);
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={[{ href: '/', label: ctx.t('nav.home') }, { href: '/forloeb', label: ctx.t('nav.courses') }, { label: t(ctx, 'Statistik', 'Statistics') }]}>
      <h1>{title}</h1>
      <p>
        {t(
          ctx,
          'Et forløb tæller i hvert år, hvor det har et registreret møde; et forløb uden møder tæller i sit startår. En virksomhed er ny, når erhvervshuset ikke vejledte den året før. Tallene er de samme, som kommandoen "knudepunkt courses stats" giver for erhvervshusets forløbsfil.',
          'A course counts in every year in which it has a registered meeting; a course without meetings counts in its start year. A company is new when the hub did not guide it the year before. The figures are those "knudepunkt courses stats" gives for the hub’s course file.',
        )}
      </p>
      <form method="get" action="/forloeb/statistik" class="filter-form">
        <SelectField ctx={ctx} name="erhvervshus" label={t(ctx, 'Erhvervshus', 'Business hub')} value={s.hub.id} options={s.hubs.map((hub) => ({ value: hub.id, label: hub.name }))} />
        <SelectField ctx={ctx} name="aar" label={t(ctx, 'År', 'Year')} value={String(s.year)} options={years.map((year) => ({ value: String(year), label: String(year) }))} />
        <button type="submit" class="button button-secondary">
          {t(ctx, 'Vis', 'Show')}
        </button>
      </form>
      <p>
        <a href={`/forloeb/statistik.xlsx?${statsQueryString(s)}`} download>
          {t(ctx, 'Hent statistikken som Excel', 'Download the statistics as Excel')}
        </a>
        {' · '}
        <a href={`/forloeb?aar=${s.year}`}>{t(ctx, `Se forløbene, der tæller i ${s.year}`, `See the courses counting in ${s.year}`)}</a>
      </p>

      <h2>{t(ctx, 'Nøgletal', 'Key figures')}</h2>
      <dl class="company-facts">
        <dt>{t(ctx, 'Unikke virksomheder', 'Unique companies')}</dt>
        <dd data-testid="unique-companies">{n(ctx, s.uniqueCompanies)}</dd>
        <dt>{t(ctx, `Heraf nye (ikke vejledt i ${s.year - 1})`, `Of which new (not guided in ${s.year - 1})`)}</dt>
        <dd data-testid="new-companies">{n(ctx, s.newCompanies)}</dd>
        <dt>{t(ctx, 'Forløb i alt', 'Courses in total')}</dt>
        <dd data-testid="total-courses">{n(ctx, totalCourses)}</dd>
      </dl>

      <Breakdown
        ctx={ctx}
        id="categories"
        heading={t(ctx, 'Forløb pr. kategori', 'Courses by category')}
        columns={[t(ctx, 'Kategori', 'Category'), t(ctx, 'Forløb', 'Courses')]}
        rows={guidanceCategories.map((c) => ({ label: guidanceCategoryLabels[c][ctx.locale], cells: [s.courses[c]], value: s.courses[c] }))}
      />
      <Breakdown
        ctx={ctx}
        id="municipalities"
        heading={t(ctx, 'Forløb pr. kommune', 'Courses by municipality')}
        columns={[t(ctx, 'Kommune', 'Municipality'), t(ctx, 'Kode', 'Code'), t(ctx, 'Unikke virksomheder', 'Unique companies'), t(ctx, 'Forløb', 'Courses')]}
        rows={municipalities.map(([code, m]) => ({ label: s.municipalityNames[code] ?? code, cells: [code, m.uniqueCompanies, m.courses], value: m.courses }))}
      />
      <p class="form-hint">
        {t(
          ctx,
          'En virksomhed med forløb i to kommuner tæller i begge kommuner, men kun én gang blandt de unikke virksomheder.',
          'A company with courses in two municipalities counts in both, but only once among the unique companies.',
        )}
      </p>
      <Breakdown
        ctx={ctx}
        id="themes"
        heading={t(ctx, 'Forløb pr. tematik', 'Courses by theme')}
        columns={[t(ctx, 'Tematik', 'Theme'), t(ctx, 'Forløb', 'Courses')]}
        rows={guidanceThemes.map((theme) => ({ label: guidanceThemeLabels[theme][ctx.locale], cells: [s.byTheme[theme]], value: s.byTheme[theme] }))}
      />
      <p class="form-hint">{t(ctx, 'Et forløb med flere tematikker tæller under hver af dem.', 'A course with several themes counts under each of them.')}</p>
      <Breakdown
        ctx={ctx}
        id="months"
        heading={t(ctx, 'Forløb pr. måned', 'Courses by month')}
        columns={[t(ctx, 'Måned', 'Month'), t(ctx, 'Forløb', 'Courses')]}
        rows={s.byMonth.map((value, i) => ({ label: monthNames[ctx.locale][i]!, cells: [value], value }))}
      />
      <p class="form-hint">
        {t(ctx, 'Et forløb tæller i hver måned med et møde (uden møder: startmåneden).', 'A course counts in each month with a meeting (without meetings: its start month).')}
      </p>
    </Page>
  );
};
