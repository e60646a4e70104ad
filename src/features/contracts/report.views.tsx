// The annual report to KKR as a web page body (the page, its h1 and breadcrumbs are the caller's):
// facts, the summary table, a section per goal with its targets and activities, the geographic spread
// and the development, each chart next to the table holding its figures. The report is a Danish
// document, so its text is Danish in both locales; the locale only picks the charts' number format.
// Status is always written as text (a badge adds colour, never carries the meaning alone).
import { formatDanish, formatDanishDate, formatDanishDateTime, formatDanishPeriod } from '../../domain/contracts/report.build.ts';
import type { GoalStatus } from '../../domain/contracts/contract.vocabulary.ts';
import type { ContractReport, ReportDifference, ReportEvidence, ReportGoal, ReportTarget } from '../../domain/contracts/report.types.ts';
import { Rational } from '../../domain/money/rational.ts';
import { BarChart } from '../../web/components/bar-chart.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { Table } from '../../web/components/table.tsx';
import type { PageContext } from '../../web/context.ts';

/** Set when the report shown is an issued version. */
export interface ReportViewHeader {
  version: number;
  issuedAt: string;
}

const count = (n: number | null) => (n === null ? '–' : formatDanish(Rational.of(n), 0));
const percent = (shown: string | null | undefined) => (shown === null || shown === undefined ? '–' : `${shown} %`);
const withUnit = (shown: string, unit: string) => (unit === '' ? shown : `${shown} ${unit}`);

const badge: Readonly<Record<GoalStatus, string>> = {
  fulfilled: 'badge-success',
  partlyFulfilled: 'badge-warning',
  notFulfilled: 'badge-error',
  notMeasurable: 'badge-info',
};

const Status = (props: { goal: ReportGoal }) => <span class={`badge badge-small ${badge[props.goal.status]}`}>{props.goal.statusLabel}</span>;

/** "2 af 3 gennemført" for an activity list; the measured result, or "Ikke målbart" with why. */
function resultText(t: ReportTarget): string {
  if (t.kind === 'activities') return `${t.activities.filter((a) => a.status === 'done').length} af ${t.activities.length} gennemført`;
  return t.result === null ? 'Ikke målbart' : withUnit(t.result.shown, t.unit);
}

/** The result, linked to the records behind it when the service gave a drill-down path. */
const Result = (props: { target: ReportTarget }) => {
  const t = props.target;
  const text = resultText(t);
  if (t.drillDownPath === null || t.result === null) return <>{text}</>;
  return (
    <a href={t.drillDownPath}>
      {text}
      <span class="sr-only"> – se de {count(t.recordCount)} registreringer bag tallet for {t.label}</span>
    </a>
  );
};

const isWebLink = (value: string) => /^https?:\/\//i.test(value);

const Evidence = (props: { evidence: ReportEvidence }) => {
  const e = props.evidence;
  const date = e.date === null ? null : `, ${formatDanishDate(e.date)}`;
  if (e.kind === 'link' && isWebLink(e.value)) {
    return (
      <>
        <a href={e.value}>{e.label ?? e.value}</a>
        {date}
      </>
    );
  }
  if (e.kind === 'file') {
    return (
      <>
        <a href={`/kontrakter/filer/${encodeURIComponent(e.value)}`}>{e.label ?? 'Fil'}</a> (fil){date}
      </>
    );
  }
  if (e.kind === 'date') return <>{`${e.label === null ? 'Dato' : e.label}: ${formatDanishDate(e.value)}`}</>;
  return (
    <>
      {e.label === null ? null : `${e.label}: `}
      {e.value}
      {date}
    </>
  );
};

const SummaryTable = (props: { report: ContractReport }) => (
  <ScrollRegion label="Tabel: sammenfatning af målene">
    <table class="table table--zebra table--compact">
      <caption>Mål, målepunkter, resultat, opfyldelse og status</caption>
      <thead>
        <tr>
          <th scope="col">Mål</th>
          <th scope="col">Målepunkt</th>
          <th scope="col">Krav</th>
          <th scope="col">Resultat</th>
          <th scope="col">Opfyldelse</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      {props.report.goals.map((g) => (
        <tbody>
          {g.targets.map((t, i) => (
            <tr>
              {i === 0 ? (
                <th scope="rowgroup" rowspan={g.targets.length}>
                  <a href={`#maal-${g.number}`}>
                    {g.number}. {g.title}
                  </a>
                </th>
              ) : null}
              <td>{t.label}</td>
              <td>{t.requirement}</td>
              <td class="align-text-right">
                <Result target={t} />
              </td>
              {i === 0 ? (
                <td class="align-text-right" rowspan={g.targets.length}>
                  {percent(g.fulfilment?.shown)}
                </td>
              ) : null}
              {i === 0 ? (
                <td rowspan={g.targets.length}>
                  <Status goal={g} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  </ScrollRegion>
);

const TargetSection = (props: { target: ReportTarget; goal: ReportGoal }) => {
  const t = props.target;
  return (
    // Not a named section: target names repeat across goals ("Indsatser"), and landmarks must be unique.
    <div class="mt-5">
      <h3 id={`maal-${props.goal.number}-${t.id}`}>{t.label}</h3>
      <dl class="company-facts">
        <dt>Krav</dt>
        <dd>{t.requirement}</dd>
        {t.kind === 'activities' ? null : (
          <>
            <dt>Resultat</dt>
            <dd>{t.result === null ? `Ikke målbart – ${t.missing ?? 'ingen måling'}` : withUnit(t.result.shown, t.unit)}</dd>
            {t.n === null ? null : (
              <>
                <dt>Antal svar (n)</dt>
                <dd>{count(t.n)}</dd>
              </>
            )}
            {t.interval === null ? null : (
              <>
                <dt>95 %-konfidensinterval</dt>
                <dd>{withUnit(`${t.interval.low}–${t.interval.high}`, t.unit)}</dd>
              </>
            )}
            {t.period === null ? null : (
              <>
                <dt>Dataperiode</dt>
                <dd>{formatDanishPeriod(t.period)}</dd>
              </>
            )}
            {t.source === null ? null : (
              <>
                <dt>Kilde</dt>
                <dd>{t.source}</dd>
              </>
            )}
          </>
        )}
        <dt>Kravet er opfyldt</dt>
        <dd>{t.holds === null ? 'kan ikke vurderes' : t.holds ? 'ja' : 'nej'}</dd>
        {t.baseline === null ? null : (
          <>
            <dt>Udgangspunkt</dt>
            <dd>{t.baseline}</dd>
          </>
        )}
      </dl>
      {t.drillDownPath === null ? null : (
        <p>
          <a href={t.drillDownPath}>
            Se de {count(t.recordCount)} registreringer bag tallet<span class="sr-only"> for {t.label}</span>
          </a>
        </p>
      )}
      {t.activities.length === 0 ? null : (
        <ul>
          {t.activities.map((a) => (
            <li>
              <strong>{a.name}</strong> – {a.statusLabel}
              {a.note === null ? null : <p class="mt-2 mb-0">{a.note}</p>}
              {a.evidence.length === 0 ? (
                <p class="mt-2 mb-0 form-hint">Ingen dokumentation registreret.</p>
              ) : (
                <ul aria-label={`Dokumentation for ${a.name}`}>
                  {a.evidence.map((e) => (
                    <li>
                      <Evidence evidence={e} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};

const GoalSection = (props: { goal: ReportGoal }) => {
  const g = props.goal;
  return (
    <section aria-labelledby={`maal-${g.number}`} class="mt-7">
      <h2 id={`maal-${g.number}`}>
        Mål {g.number}. {g.title}
      </h2>
      <p>
        {g.kindLabel} · Status: <Status goal={g} /> · Opfyldelse: {percent(g.fulfilment?.shown)}
      </p>
      <p>{g.text}</p>
      <dl class="company-facts">
        {g.method === null ? null : (
          <>
            <dt>Metode</dt>
            <dd>{g.method}</dd>
          </>
        )}
        {g.rationale === null ? null : (
          <>
            <dt>Begrundelse</dt>
            <dd>{g.rationale}</dd>
          </>
        )}
        <dt>Vurdering</dt>
        <dd>{g.explanation}</dd>
      </dl>
      {g.corrections.map((c) => (
        <p class="form-hint">
          Rettelse: kontrakten angiver "{c.stated}", der er anvendt "{c.applied}" – {c.reason}
        </p>
      ))}
      {g.targets.map((t) => (
        <TargetSection target={t} goal={g} />
      ))}
    </section>
  );
};

const SpreadSection = (props: { report: ContractReport; locale: 'da' | 'en' }) => {
  const { report } = props;
  return (
    <section aria-labelledby="rapport-spredning" class="mt-7">
      <h2 id="rapport-spredning">Geografisk spredning</h2>
      {report.spread.length === 0 ? (
        <p>Ingen data om geografisk spredning for perioden.</p>
      ) : (
        <>
          <BarChart id="rapport-spredning-diagram" title={`Vejledte virksomheder pr. kommune, ${report.year}`} bars={report.spread.map((r) => ({ label: r.municipalityName, value: r.guidedCompanies }))} locale={props.locale} />
          <ScrollRegion label="Tabel: geografisk spredning pr. kommune">
            <Table caption={`Vejledte virksomheder og forløb pr. kommune, ${report.year}`} compact columns={['Kommune', 'Kommunekode', 'Vejledte virksomheder', 'Forløb', 'Virksomheder i kommunen', 'Andel vejledt']}>
              {report.spread.map((r) => (
                <tr>
                  <th scope="row">{r.municipalityName}</th>
                  <td>{r.municipalityCode}</td>
                  <td class="align-text-right">{count(r.guidedCompanies)}</td>
                  <td class="align-text-right">{count(r.courses)}</td>
                  <td class="align-text-right">{count(r.companyPopulation)}</td>
                  <td class="align-text-right">{percent(r.guidedShare?.shown)}</td>
                </tr>
              ))}
            </Table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
};

const DevelopmentSection = (props: { report: ContractReport; locale: 'da' | 'en' }) => {
  const { report } = props;
  return (
    <section aria-labelledby="rapport-udvikling" class="mt-7">
      <h2 id="rapport-udvikling">Udvikling over kontraktårene</h2>
      {report.development.length === 0 ? (
        <p>Ingen tal fra tidligere år.</p>
      ) : (
        <>
          <BarChart id="rapport-udvikling-diagram" title="Unikke vejledte virksomheder pr. år" bars={report.development.map((r) => ({ label: String(r.year), value: r.uniqueCompanies }))} locale={props.locale} />
          <ScrollRegion label="Tabel: nøgletal pr. år">
            <Table caption="Nøgletal pr. år" compact columns={['År', 'Unikke virksomheder', 'Forløb', 'NPS', 'NPS, antal svar', 'Henvisninger benyttet', 'Opfyldte mål']}>
              {report.development.map((r) => (
                <tr>
                  <th scope="row">{r.year}</th>
                  <td class="align-text-right">{count(r.uniqueCompanies)}</td>
                  <td class="align-text-right">{count(r.courses)}</td>
                  <td class="align-text-right">{r.nps?.shown ?? '–'}</td>
                  <td class="align-text-right">{count(r.npsN)}</td>
                  <td class="align-text-right">{percent(r.referralUptakeShare?.shown)}</td>
                  <td class="align-text-right">{r.goalsFulfilled === null || r.goalsTotal === null ? '–' : `${r.goalsFulfilled} af ${r.goalsTotal}`}</td>
                </tr>
              ))}
            </Table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
};

export const ContractReportBody = (props: { report: ContractReport; ctx?: PageContext; header?: ReportViewHeader }) => {
  const { report, header } = props;
  const locale = props.ctx?.locale ?? 'da';
  const s = report.summary;
  return (
    <div class="contract-report" lang="da">
      <dl class="company-facts">
        <dt>Parter</dt>
        <dd>
          {report.kkr} og {report.hub}
        </dd>
        <dt>Kontraktår</dt>
        <dd>{report.year}</dd>
        <dt>Kontraktens status</dt>
        <dd>{report.contractStatus}</dd>
        <dt>Dataperiode</dt>
        <dd>{formatDanishPeriod(report.period)}</dd>
        <dt>Tallene er beregnet</dt>
        <dd>{formatDanishDateTime(report.computedAt)}</dd>
        <dt>Version</dt>
        <dd>{header === undefined ? 'Ikke udstedt (foreløbige tal)' : `${header.version}, udstedt ${formatDanishDateTime(header.issuedAt)}`}</dd>
        {report.baseGrant === null ? null : (
          <>
            <dt>Basisbevilling</dt>
            <dd>
              {report.baseGrant.amount.shown} kr. (fordelingsnøgle: {report.baseGrant.distributionKey})
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="rapport-sammenfatning">
        <h2 id="rapport-sammenfatning">Sammenfatning</h2>
        <p>
          {s.fulfilled} af {s.total} mål er opfyldt, {s.partlyFulfilled} delvist opfyldt, {s.notFulfilled} ikke opfyldt og {s.notMeasurable} ikke målbare.
        </p>
        <SummaryTable report={report} />
      </section>
      {report.goals.map((g) => (
        <GoalSection goal={g} />
      ))}
      <SpreadSection report={report} locale={locale} />
      <DevelopmentSection report={report} locale={locale} />
    </div>
  );
};

/**
 * What changed between two versions: a table with where, what, before and after. Not wrapped in a
 * named scroll region, so two lists on one page do not make two landmarks with the same name.
 */
export const ReportDifferencesList = (props: { differences: ReportDifference[]; caption?: string }) => {
  const caption = props.caption ?? 'Forskelle mellem versionerne';
  if (props.differences.length === 0) return <p>Ingen forskelle: tallene er de samme i begge versioner.</p>;
  return (
    <Table caption={caption} compact columns={['Hvor', 'Hvad', 'Før', 'Efter']}>
      {props.differences.map((d) => (
        <tr>
          <th scope="row">{d.where}</th>
          <td>{d.field}</td>
          <td>{d.before ?? '–'}</td>
          <td>{d.after ?? '–'}</td>
        </tr>
      ))}
    </Table>
  );
};
