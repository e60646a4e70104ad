// Evaluering: the metrics explorer (filters; every metric with value, n and 95 % interval; the trend
// over the guidance years as a chart with its table; the distribution of the answers per question) and
// the drill-down to the responses behind a metric. Figures the reader may not see arrive from the
// service already suppressed; the views only write them.
import { evaluationSourceLabels, evaluationSources } from '../../domain/evaluation/evaluation.types.ts';
import { guidanceSegmentLabels, guidanceSegments, guidanceThemeLabels, guidanceThemes } from '../../domain/guidance/guidance.types.ts';
import { evaluationQuestions, evaluationScales } from '../../domain/evaluation/instrument.ts';
import { BarChart } from '../../web/components/bar-chart.tsx';
import { Alert, SelectField } from '../../web/components/forms.tsx';
import { Pagination } from '../../web/components/pagination.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { Table } from '../../web/components/table.tsx';
import type { PageContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { fewerThanFive, figureText, formatInterval, metricLabels, noAnswers } from './evaluation.format.ts';
import type { DrillDownTarget } from './evaluation.schema.ts';
import { answersByQuestion, type DrillDown, type EvaluationFilters, type EvaluationOverview, type Figure } from './evaluation.service.ts';

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
const count = (ctx: PageContext, value: number) => value.toLocaleString(ctx.locale === 'en' ? 'en-GB' : 'da-DK');

/** The page's Danish query names for the filters (?erhvervshus=&aar=&segment=&kommune=&kilde=&tema=). */
export function filterQueryString(hubId: string, filters: EvaluationFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ erhvervshus: hubId });
  if (filters.year !== null) params.set('aar', String(filters.year));
  if (filters.segment !== null) params.set('segment', filters.segment);
  if (filters.municipalityCode !== null) params.set('kommune', filters.municipalityCode);
  if (filters.source !== null) params.set('kilde', filters.source);
  if (filters.theme !== null) params.set('tema', filters.theme);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

const crumbs = (ctx: PageContext, last?: string) => [
  { href: '/', label: ctx.t('nav.home') },
  ...(last ? [{ href: '/evaluering', label: ctx.t('nav.evaluation') }, { label: last }] : [{ label: ctx.t('nav.evaluation') }]),
];

const Filters = (props: { ctx: PageContext; o: EvaluationOverview }) => {
  const { ctx, o } = props;
  const all = t(ctx, 'Alle', 'All');
  return (
    <form method="get" action="/evaluering" class="filter-form">
      <SelectField ctx={ctx} name="erhvervshus" label={t(ctx, 'Erhvervshus', 'Business hub')} value={o.hub.id} options={o.hubs.map((hub) => ({ value: hub.id, label: hub.name }))} />
      <SelectField ctx={ctx} name="aar" label={t(ctx, 'Vejledningsår', 'Guidance year')} required={false} placeholder={all} value={o.filters.year === null ? '' : String(o.filters.year)} options={[...new Set([...o.years, ...(o.filters.year === null ? [] : [o.filters.year])])].sort().map((year) => ({ value: String(year), label: String(year) }))} />
      <SelectField ctx={ctx} name="segment" label={t(ctx, 'Segment', 'Segment')} required={false} placeholder={all} value={o.filters.segment ?? ''} options={guidanceSegments.map((s) => ({ value: s, label: guidanceSegmentLabels[s][ctx.locale] }))} />
      <SelectField ctx={ctx} name="kommune" label={t(ctx, 'Kommune', 'Municipality')} required={false} placeholder={all} value={o.filters.municipalityCode ?? ''} options={o.municipalities.map((m) => ({ value: m.code, label: m.name }))} />
      <SelectField ctx={ctx} name="kilde" label={t(ctx, 'Kilde', 'Source')} required={false} placeholder={t(ctx, 'Begge', 'Both')} value={o.filters.source ?? ''} options={evaluationSources.map((s) => ({ value: s, label: evaluationSourceLabels[s][ctx.locale] }))} />
      <SelectField ctx={ctx} name="tema" label={t(ctx, 'Tematik', 'Theme')} required={false} placeholder={all} value={o.filters.theme ?? ''} options={guidanceThemes.map((theme) => ({ value: theme, label: guidanceThemeLabels[theme][ctx.locale] }))} />
      <button type="submit" class="button button-secondary">
        {t(ctx, 'Vis', 'Show')}
      </button>
    </form>
  );
};

const nText = (ctx: PageContext, figure: Figure) => (figure.status === 'suppressed' ? t(ctx, 'under 5', 'under 5') : figure.n === null ? '' : count(ctx, figure.n));

const MetricsTable = (props: { ctx: PageContext; o: EvaluationOverview }) => {
  const { ctx, o } = props;
  const drill = (metric: DrillDownTarget) => `/evaluering/besvarelser?${filterQueryString(o.hub.id, o.filters, { maal: metric })}`;
  return (
    <ScrollRegion label={t(ctx, 'Nøgletal', 'Metrics')}>
      <Table caption={t(ctx, 'Nøgletal', 'Metrics')} hideCaption compact columns={[t(ctx, 'Nøgletal', 'Metric'), t(ctx, 'Værdi', 'Value'), 'n', t(ctx, '95 %-interval', '95 % interval'), ...(o.rawAccess ? [t(ctx, 'Besvarelser', 'Responses')] : [])]}>
        {o.figures.map((figure) => (
          <tr data-testid={`metric-${figure.metric}`}>
            <th scope="row">{metricLabels[figure.metric][ctx.locale]}</th>
            <td class="align-text-right" data-testid="value">
              {figureText(figure, ctx.locale)}
              {figure.nps ? (
                <span class="form-hint">
                  {' '}
                  ({t(ctx, `${figure.nps.promoters} promotorer, ${figure.nps.passives} passive, ${figure.nps.detractors} kritikere`, `${figure.nps.promoters} promoters, ${figure.nps.passives} passives, ${figure.nps.detractors} detractors`)})
                </span>
              ) : null}
            </td>
            <td class="align-text-right" data-testid="n">
              {nText(ctx, figure)}
            </td>
            <td class="align-text-right" data-testid="interval">
              {formatInterval(figure.interval, ctx.locale)}
            </td>
            {o.rawAccess ? <td>{figure.status === 'none' || figure.metric === 'newCompanyShare' ? '' : <a href={drill(figure.metric)}>{t(ctx, 'Se besvarelserne', 'See the responses')}<span class="sr-only"> – {metricLabels[figure.metric][ctx.locale]}</span></a>}</td> : null}
          </tr>
        ))}
      </Table>
    </ScrollRegion>
  );
};

const Trend = (props: { ctx: PageContext; o: EvaluationOverview }) => {
  const { ctx, o } = props;
  if (o.trend.length === 0) return null;
  const heading = t(ctx, 'NPS over vejledningsårene', 'NPS over the guidance years');
  const npsOf = (figures: Figure[]) => figures.find((f) => f.metric === 'nps')!;
  return (
    <section aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t(ctx, 'Udvikling over årene', 'Trend over the years')}</h2>
      <p class="form-hint">{t(ctx, 'Alle filtre undtagen året. Søjlen viser NPS; en negativ NPS tegnes som 0, tallet står ved søjlen.', 'Every filter except the year. The bar shows NPS; a negative NPS is drawn as 0, the figure is written next to the bar.')}</p>
      <BarChart
        id="trend-chart"
        title={heading}
        locale={ctx.locale}
        bars={o.trend.map((year) => {
          const nps = npsOf(year.figures);
          return { label: String(year.year), value: nps.value === null ? 0 : Math.max(0, Number(nps.value.toFixed(3))), text: figureText(nps, ctx.locale) };
        })}
        description={t(ctx, `NPS for ${o.trend.length} vejledningsår. Alle tal står i tabellen.`, `NPS for ${o.trend.length} guidance years. Every figure is in the table.`)}
      />
      <ScrollRegion label={heading}>
        <Table caption={t(ctx, 'Nøgletal pr. vejledningsår', 'Metrics by guidance year')} hideCaption compact columns={[t(ctx, 'År', 'Year'), t(ctx, 'Besvarelser', 'Responses'), ...(o.trend[0]?.figures ?? o.figures).map((f) => metricLabels[f.metric][ctx.locale])]}>
          {o.trend.map((year) => (
            <tr>
              <th scope="row">{year.year}</th>
              <td class="align-text-right">{year.nStatus === 'suppressed' ? fewerThanFive(ctx.locale) : count(ctx, year.n ?? 0)}</td>
              {year.figures.map((figure) => (
                <td class="align-text-right">
                  {figureText(figure, ctx.locale)}
                  {figure.status === 'ok' ? <span class="form-hint"> (n = {figure.n})</span> : null}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      </ScrollRegion>
    </section>
  );
};

const Distribution = (props: { ctx: PageContext; o: EvaluationOverview }) => {
  const { ctx, o } = props;
  return (
    <section aria-labelledby="distribution-heading">
      <h2 id="distribution-heading">{t(ctx, 'Svarfordeling pr. spørgsmål', 'Answers per question')}</h2>
      {o.distribution.length === 0 ? <p>{t(ctx, 'Ingen besvarelser med de valgte filtre.', 'No responses with the chosen filters.')}</p> : null}
      {o.distribution.map((question) => (
        <div class="evaluation-question">
          <h3>{question.text[ctx.locale]}</h3>
          {question.suppressed ? (
            <p data-testid={`distribution-${question.question}`}>{fewerThanFive(ctx.locale)}</p>
          ) : (
            <ScrollRegion label={question.text[ctx.locale]}>
              <Table caption={question.text[ctx.locale]} hideCaption compact columns={[t(ctx, 'Svar', 'Answer'), t(ctx, 'Antal', 'Count')]}>
                {question.answers.map((answer) => (
                  <tr>
                    <th scope="row">{answer.label[ctx.locale]}</th>
                    <td class="align-text-right">{answer.count === null ? '' : count(ctx, answer.count)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t(ctx, 'Besvaret i alt', 'Answered in total')}</th>
                  <td class="align-text-right">{count(ctx, question.total ?? 0)}</td>
                </tr>
              </Table>
            </ScrollRegion>
          )}
        </div>
      ))}
    </section>
  );
};

export const EvaluationPage = (props: { ctx: PageContext; overview: EvaluationOverview; mayImport: boolean }) => {
  const { ctx, overview: o } = props;
  const title = t(ctx, `Brugerevaluering – ${o.hub.name}`, `User evaluation – ${o.hub.name}`);
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={crumbs(ctx)}>
      <h1>{title}</h1>
      <p>
        {t(
          ctx,
          'Nøgletallene beregnes efter reglerne i resultatkontrakterne: "Ved ikke" er et svar og tæller med i nævneren; en tom celle er ubesvaret. Værdier vises med én decimal; mål vurderes på den eksakte værdi. Ved siden af hvert tal står n og et 95 %-konfidensinterval.',
          'The metrics follow the rules of the result contracts: "Don\'t know" is an answer and stays in the denominator; an empty cell is not answered. Values are shown with one decimal; goals are judged on the exact value. Each figure comes with n and a 95 % confidence interval.',
        )}
      </p>
      {o.rawAccess ? null : (
        <Alert variant="info">
          {t(ctx, 'Tal bygget på færre end 5 svar vises ikke ("færre end 5 svar"), så ingen enkelt virksomheds svar kan udledes.', 'Figures built on fewer than 5 answers are not shown ("fewer than 5 answers"), so no single company’s answers can be inferred.')}
        </Alert>
      )}
      <Filters ctx={ctx} o={o} />
      <p>
        <a href={`/evaluering.xlsx?${filterQueryString(o.hub.id, o.filters)}`} download>
          {t(ctx, 'Hent nøgletallene som Excel', 'Download the figures as Excel')}
        </a>
        {props.mayImport ? (
          <>
            {' · '}
            <a href="/evaluering/import">{t(ctx, 'Importér besvarelser', 'Import responses')}</a>
            {' · '}
            <a href={`/evaluering/invitationer?erhvervshus=${o.hub.id}`}>{t(ctx, 'Invitationer til egen evaluering', 'Invitations to the own evaluation')}</a>
          </>
        ) : null}
      </p>
      <h2>{t(ctx, 'Nøgletal', 'Metrics')}</h2>
      <p data-testid="responses-n">
        {t(ctx, 'Besvarelser med de valgte filtre: ', 'Responses with the chosen filters: ')}
        <strong>{o.nStatus === 'suppressed' ? fewerThanFive(ctx.locale) : o.n === 0 ? noAnswers(ctx.locale) : count(ctx, o.n ?? 0)}</strong>
        {o.rawAccess && o.n !== 0 ? (
          <>
            {' · '}
            <a href={`/evaluering/besvarelser?${filterQueryString(o.hub.id, o.filters, { maal: 'all' })}`}>{t(ctx, 'Se alle besvarelserne', 'See all the responses')}</a>
          </>
        ) : null}
      </p>
      <MetricsTable ctx={ctx} o={o} />
      <Trend ctx={ctx} o={o} />
      <Distribution ctx={ctx} o={o} />
    </Page>
  );
};

const answerLabel = (ctx: PageContext, key: string, value: string | number | null): string => {
  if (value === null) return '';
  const question = evaluationQuestions.find((q) => q.key === key)!;
  const scale = evaluationScales[question.scale];
  if (scale.kind === 'numeric') return String(value);
  return scale.options.find((o) => o.key === value)?.[ctx.locale] ?? String(value);
};

const shownQuestions = ['recommend', 'staffCompetence', 'expectedEffect', 'referred', 'usedReferral', 'digitalGuidance'] as const;
/** Short column headings for the drill-down table (the full questions are on the explorer page). */
const shortQuestion: Record<(typeof shownQuestions)[number], { da: string; en: string }> = {
  recommend: { da: 'Anbefaling (0-10)', en: 'Recommend (0-10)' },
  staffCompetence: { da: 'Medarbejderens kompetencer', en: "Adviser's competence" },
  expectedEffect: { da: 'Forventet effekt', en: 'Expected effect' },
  referred: { da: 'Henvist', en: 'Referred' },
  usedReferral: { da: 'Brugt henvisningen', en: 'Used the referral' },
  digitalGuidance: { da: 'Digital vejledning', en: 'Digital guidance' },
};

export const EvaluationResponsesPage = (props: { ctx: PageContext; drill: DrillDown; url: URL }) => {
  const { ctx, drill: d } = props;
  const metricName = d.metric === 'all' ? t(ctx, 'Alle besvarelser', 'All responses') : metricLabels[d.metric][ctx.locale];
  const title = t(ctx, `Besvarelser bag: ${metricName}`, `Responses behind: ${metricName}`);
  const filtersText = [
    d.filters.year === null ? t(ctx, 'alle år', 'all years') : String(d.filters.year),
    d.filters.segment === null ? null : guidanceSegmentLabels[d.filters.segment][ctx.locale],
    d.filters.municipalityCode === null ? null : `${t(ctx, 'kommune', 'municipality')} ${d.filters.municipalityCode}`,
    d.filters.source === null ? null : evaluationSourceLabels[d.filters.source][ctx.locale],
    d.filters.theme === null ? null : guidanceThemeLabels[d.filters.theme][ctx.locale],
  ].filter((x) => x !== null);
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={crumbs(ctx, t(ctx, 'Besvarelser', 'Responses'))}>
      <h1>{title}</h1>
      <p>
        {d.hub.name}, {filtersText.join(', ')}.{' '}
        {t(ctx, `${count(ctx, d.total)} besvarelser i nøgletallets population`, `${count(ctx, d.total)} responses in the metric's population`)}
        {d.metric === 'all' ? '' : t(ctx, '; "Tæller" markerer dem i tælleren (fx promotorer).', '; "Counts" marks those in the numerator (e.g. promoters).')}
      </p>
      <p>
        <a href={`/evaluering?${filterQueryString(d.hub.id, d.filters)}`}>{t(ctx, 'Tilbage til nøgletallene', 'Back to the metrics')}</a>
      </p>
      <ScrollRegion label={title}>
        <Table
          caption={title}
          hideCaption
          compact
          columns={[
            t(ctx, 'Besvarelse', 'Response'),
            ...(d.metric === 'all' ? [] : [t(ctx, 'Tæller', 'Counts')]),
            t(ctx, 'Virksomhed', 'Company'),
            t(ctx, 'År', 'Year'),
            'Segment',
            t(ctx, 'Kommune', 'Municipality'),
            t(ctx, 'Besvaret', 'Answered'),
            ...shownQuestions.map((key) => shortQuestion[key][ctx.locale]),
          ]}
        >
          {d.rows.map((row) => {
            const answers = answersByQuestion(row.response);
            return (
              <tr data-testid="response-row">
                <th scope="row">
                  {row.response.responseId} <span class="form-hint">({evaluationSourceLabels[row.response.source][ctx.locale]})</span>
                </th>
                {d.metric === 'all' ? null : <td data-testid="counted">{row.counted ? t(ctx, 'Ja', 'Yes') : t(ctx, 'Nej', 'No')}</td>}
                <td>{row.company ? <a href={`/virksomheder/${row.company.id}`}>{row.company.name}</a> : (row.response.cvr ?? '–')}</td>
                <td>{row.response.guidanceYear}</td>
                <td>{guidanceSegmentLabels[row.response.segment][ctx.locale]}</td>
                <td>{row.response.municipalityCode}</td>
                <td>{row.response.answeredAt ?? ''}</td>
                {shownQuestions.map((key) => (
                  <td>{answerLabel(ctx, key, answers[key])}</td>
                ))}
              </tr>
            );
          })}
        </Table>
      </ScrollRegion>
      <Pagination ctx={ctx} page={d.page} pageSize={d.pageSize} total={d.total} url={props.url} />
    </Page>
  );
};

