// Resultatkontrakter: the list, the live dashboard of one contract (each goal with target, current
// value, n, interval, fulfilment and status, every figure linking to the records behind it) and the
// drill-down. The annual report's own page is in contract-report.views.tsx.
import {
  activityStatusLabels,
  contractStatusLabels,
  goalKindLabels,
  goalStatusLabels,
  nextContractStatus,
  unitOf,
  type GoalEvaluation,
  type TargetEvaluation,
} from '../../domain/contracts/contracts.ts';
import { Alert, TextField } from '../../web/components/forms.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { Table } from '../../web/components/table.tsx';
import type { PageContext } from '../../web/context.ts';
import { formatDateTime } from '../../web/format.ts';
import { CsrfField, Page } from '../../web/layout.tsx';
import type { ContractRow, DrillDownRecord } from './contracts.repository.ts';
import type { EvaluatedContract } from './contracts.service.ts';
import { reportCount, reportPercent, requirementText, targetNumber } from '../../domain/contracts/report.build.ts';
import { drillDownPath } from './contract-report.service.ts';
import { activityEditPath, externalEditPath } from './contract-editing.schema.ts';
import type { DrillDown } from './contracts.service.ts';

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
const label = (ctx: PageContext, l: { da: string; en: string }) => (ctx.locale === 'en' ? l.en : l.da);
const crumbs = (ctx: PageContext) => [{ href: '/kontrakter', label: t(ctx, 'Resultatkontrakter', 'Result contracts') }];

export const ContractListPage = (props: { ctx: PageContext; contracts: ContractRow[] }) => {
  const { ctx } = props;
  const title = t(ctx, 'Resultatkontrakter', 'Result contracts');
  return (
    <Page ctx={ctx} title={title} wide>
      <h1>{title}</h1>
      <p>
        {t(
          ctx,
          'Kontrakterne mellem KKR og erhvervshuset. Målene beregnes løbende ud fra data i Knudepunkt og vurderes efter kontraktens egne regler.',
          "The contracts between KKR and the business hub. The goals are computed live from Knudepunkt's data and judged by the contract's own rules.",
        )}
      </p>
      {props.contracts.length === 0 ? (
        <p>{t(ctx, 'Der er ingen resultatkontrakter for din region.', 'There are no result contracts for your region.')}</p>
      ) : (
        <ScrollRegion label={title}>
          <Table caption={title} hideCaption columns={[t(ctx, 'År', 'Year'), t(ctx, 'Kontrakt', 'Contract'), t(ctx, 'Erhvervshus', 'Business hub'), 'Status']}>
            {props.contracts.map((k) => (
              <tr>
                <td>{k.year}</td>
                <th scope="row">
                  <a href={`/kontrakter/${k.id}`}>{(k.document as { title?: string }).title ?? k.slug}</a>
                </th>
                <td>{k.hub_name}</td>
                <td>{label(ctx, contractStatusLabels[k.status])}</td>
              </tr>
            ))}
          </Table>
        </ScrollRegion>
      )}
    </Page>
  );
};

/** A measured value as the report shows it: "72,4", "72,4 %", "1.234"; with the unit of the target. */
export function shownValue(e: TargetEvaluation): string | null {
  const m = e.measurement;
  if (m === null || m.kind !== 'value') return null;
  return `${targetNumber(e.target, m.value).shown}${unitOf(e.target)}`;
}

const holdsText = (ctx: PageContext, holds: boolean | null) => (holds === null ? t(ctx, 'ikke målbart', 'not measurable') : holds ? t(ctx, 'nået', 'met') : t(ctx, 'ikke nået', 'not met'));

/** Whether a figure over fewer than 5 answers must be hidden from this reader (03-evaluation.md). */
export const suppressed = (e: TargetEvaluation, rawAccess: boolean) =>
  !rawAccess && e.target.kind === 'metric' && e.measurement?.kind === 'value' && e.measurement.n !== null && e.measurement.n < 5 && e.target.metric !== 'referralServiceGoalShare';

const ResultCell = (props: { ctx: PageContext; e: TargetEvaluation; contractId: string; goal: number; rawAccess: boolean }) => {
  const { ctx, e } = props;
  if (e.target.kind === 'activities') return <td>{e.activities ? `${e.activities.done} / ${e.activities.total}` : ''}</td>;
  if (suppressed(e, props.rawAccess)) return <td>{t(ctx, 'færre end 5 svar', 'fewer than 5 answers')}</td>;
  const value = shownValue(e);
  if (value === null) return <td>{e.missing ?? t(ctx, 'ingen værdi', 'no value')}</td>;
  if (e.target.kind === 'external') return <td>{value}</td>;
  return (
    <td>
      <a href={drillDownPath(props.contractId, props.goal, e.target.id)} aria-label={`${value} – ${t(ctx, 'se de registreringer, tallet bygger på', 'see the records behind the figure')}: ${e.target.label}`}>
        {value}
      </a>
    </td>
  );
};

const intervalText = (e: TargetEvaluation) => {
  const m = e.measurement;
  if (m === null || m.kind !== 'value' || !m.interval) return '';
  const f = (x: number) => x.toFixed(1).replace('.', ',');
  return `${f(m.interval.low)}–${f(m.interval.high)}`;
};

const fulfilmentText = (g: GoalEvaluation) => (g.percent === null ? '–' : `${reportPercent(g.percent).shown} %`);

export interface DashboardProps {
  ctx: PageContext;
  evaluated: EvaluatedContract;
  rawAccess: boolean;
  notice?: string | undefined;
  latestVersion: number | null;
  thisYear: number;
}

export const ContractDashboardPage = (props: DashboardProps) => {
  const { ctx, evaluated, rawAccess } = props;
  const { row, contract, evaluation } = evaluated;
  const next = nextContractStatus(contract.status);
  const counts = { fulfilled: 0, partlyFulfilled: 0, notFulfilled: 0, notMeasurable: 0 };
  for (const g of evaluation.goals) counts[g.status] += 1;
  return (
    <Page ctx={ctx} title={contract.title} wide breadcrumbs={[...crumbs(ctx), { label: `${row.hub_name} ${row.year}` }]}>
      <h1>{contract.title}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      <dl class="contract-facts">
        <dt>Status</dt>
        <dd data-testid="contract-status">{label(ctx, contractStatusLabels[contract.status])}</dd>
        <dt>{t(ctx, 'Parter', 'Parties')}</dt>
        <dd>{`${contract.kkr} og ${contract.hub}`}</dd>
        {contract.baseGrant ? (
          <>
            <dt>{t(ctx, 'Basisbevilling', 'Base grant')}</dt>
            <dd>{`${reportCount(contract.baseGrant.amount).shown} kr. (${contract.baseGrant.distributionKey})`}</dd>
          </>
        ) : null}
        <dt>{t(ctx, 'Opfølgning', 'Follow-up')}</dt>
        <dd>{`${contract.followUp.quarter}. kvartal ${contract.followUp.year}`}</dd>
        <dt>{t(ctx, 'Beregnet', 'Computed')}</dt>
        <dd>{formatDateTime(evaluated.computedAt)}</dd>
      </dl>
      <p>
        <a class="button button-primary" href={`/kontrakter/${row.id}/rapport`}>
          {t(ctx, 'Afrapportering til KKR', 'Report to KKR')}
        </a>{' '}
        {props.latestVersion !== null ? <span>{t(ctx, `Seneste udstedte version: ${props.latestVersion}`, `Latest issued version: ${props.latestVersion}`)}</span> : null}
      </p>
      <p data-testid="goal-counts">
        {t(
          ctx,
          `${evaluation.goals.length} mål: ${counts.fulfilled} opfyldt, ${counts.partlyFulfilled} delvist opfyldt, ${counts.notFulfilled} ikke opfyldt, ${counts.notMeasurable} ikke målbare.`,
          `${evaluation.goals.length} goals: ${counts.fulfilled} fulfilled, ${counts.partlyFulfilled} partly fulfilled, ${counts.notFulfilled} not fulfilled, ${counts.notMeasurable} not measurable.`,
        )}
      </p>
      <ScrollRegion label={t(ctx, 'Målene', 'The goals')}>
        <Table
          caption={t(ctx, 'Målene og deres opfyldelse', 'The goals and their fulfilment')}
          columns={[t(ctx, 'Mål', 'Goal'), t(ctx, 'Målepunkt', 'Target'), t(ctx, 'Krav', 'Requirement'), t(ctx, 'Resultat', 'Result'), 'n', t(ctx, '95 %-interval', '95 % interval'), t(ctx, 'Opfyldelse', 'Fulfilment'), 'Status']}
        >
          {evaluation.goals.flatMap((g) =>
            g.targets.map((e, i) => (
              <tr>
                {i === 0 ? (
                  <th scope="rowgroup" rowspan={g.targets.length}>
                    <a href={`#maal-${g.goalNumber}`}>{`${g.goalNumber}. ${g.title}`}</a>
                  </th>
                ) : null}
                <td>{e.target.label}</td>
                <td>{requirementText(e.target, contract.goals.find((x) => x.number === g.goalNumber)!)}</td>
                <ResultCell ctx={ctx} e={e} contractId={row.id} goal={g.goalNumber} rawAccess={rawAccess} />
                <td class="align-text-right">{suppressed(e, rawAccess) ? '' : e.measurement?.kind === 'value' && e.measurement.n !== null ? e.measurement.n : ''}</td>
                <td>{suppressed(e, rawAccess) ? '' : intervalText(e)}</td>
                {i === 0 ? <td rowspan={g.targets.length}>{fulfilmentText(g)}</td> : null}
                {i === 0 ? (
                  <td rowspan={g.targets.length} data-testid={`goal-status-${g.goalNumber}`}>
                    {label(ctx, goalStatusLabels[g.status])}
                  </td>
                ) : null}
              </tr>
            )),
          )}
        </Table>
      </ScrollRegion>
      {contract.goals.map((goal) => {
        const g = evaluation.goals.find((x) => x.goalNumber === goal.number)!;
        return (
          <section id={`maal-${goal.number}`} aria-labelledby={`maal-${goal.number}-heading`}>
            <h2 id={`maal-${goal.number}-heading`}>{`${t(ctx, 'Mål', 'Goal')} ${goal.number}: ${goal.title}`}</h2>
            <p class="text-small">{label(ctx, goalKindLabels[goal.kind])}</p>
            <p>{goal.text}</p>
            {goal.method ? (
              <p>
                <strong>{t(ctx, 'Metode: ', 'Method: ')}</strong>
                {goal.method}
              </p>
            ) : null}
            <p>
              <strong>{`${label(ctx, goalStatusLabels[g.status])} (${fulfilmentText(g)}). `}</strong>
              {g.explanation}
            </p>
            {goal.corrections.map((c) => (
              <p class="text-small">{t(ctx, `Rettelse (${c.field}): kontrakten siger "${c.stated}", der anvendes "${c.applied}" – ${c.reason}`, `Correction (${c.field}): the contract says "${c.stated}", applied "${c.applied}" – ${c.reason}`)}</p>
            ))}
            {g.targets.map((e) =>
              e.target.kind === 'activities' ? (
                <ul class="activity-list">
                  {e.target.activities.map((a) => (
                    <li>
                      <strong>{a.name}</strong>
                      {` – ${label(ctx, activityStatusLabels[a.status])}`}
                      {a.evidence.length > 0 ? (
                        <ul>
                          {a.evidence.map((ev) => (
                            <li>
                              {ev.kind === 'link' ? <a href={ev.value}>{ev.label ?? ev.value}</a> : ev.kind === 'file' ? <a href={`/kontrakter/filer/${ev.value}`}>{ev.label ?? t(ctx, 'Fil', 'File')}</a> : ev.label ? `${ev.label}: ${ev.value}` : ev.value}
                              {ev.date ? ` (${ev.date})` : null}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      {evaluated.mayEdit ? (
                        <>
                          {' '}
                          <a href={activityEditPath(row.id, goal.number, e.target.id, a.id)} aria-label={`${t(ctx, 'Registrér status og dokumentation for', 'Record status and evidence for')} ${a.name}`}>
                            {t(ctx, 'Registrér status', 'Record status')}
                          </a>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : e.target.kind === 'external' ? (
                <p>
                  {`${e.target.label}: `}
                  {e.target.recorded ? `${shownValue(e)} (${e.target.recorded.source}, ${e.target.recorded.date})` : t(ctx, 'ikke indtastet', 'not entered')}
                  {evaluated.mayEdit ? (
                    <>
                      {' '}
                      <a href={externalEditPath(row.id, goal.number, e.target.id)} aria-label={`${t(ctx, 'Indtast tal for', 'Enter figure for')} ${e.target.label}`}>
                        {t(ctx, 'Indtast tal', 'Enter figure')}
                      </a>
                    </>
                  ) : null}
                </p>
              ) : null,
            )}
            {evaluated.mayEdit ? (
              <p>
                <a href={`/kontrakter/${row.id}/maal/${goal.number}/rediger`}>{t(ctx, `Redigér mål ${goal.number}`, `Edit goal ${goal.number}`)}</a>
              </p>
            ) : null}
          </section>
        );
      })}
      {evaluated.mayEdit ? (
        <section aria-labelledby="contract-actions">
          <h2 id="contract-actions">{t(ctx, 'Kontrakten', 'The contract')}</h2>
          <p><a href={`/kontrakter/${row.id}/oplysninger`}>{t(ctx, 'Redigér kontraktens oplysninger', "Edit the contract's details")}</a></p>
          {next !== null ? (
            <form method="post" action={`/kontrakter/${row.id}/status`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="status" value={next} />
              <input type="hidden" name="revision" value={String(row.revision)} />
              <button type="submit" class="button button-secondary">
                {t(ctx, `Sæt status til "${contractStatusLabels[next].da}"`, `Set status to "${contractStatusLabels[next].en}"`)}
              </button>
            </form>
          ) : null}
          <form method="post" action={`/kontrakter/${row.id}/kopi`}>
            <CsrfField ctx={ctx} />
            <TextField ctx={ctx} name="year" label={t(ctx, 'Kopiér til året', 'Copy to the year')} type="number" value={String(Math.max(row.year + 1, props.thisYear))} hint={t(ctx, 'Mål, målepunkter og regler kopieres; indsatser nulstilles.', 'Goals, targets and rules are copied; activities are reset.')} />
            <button type="submit" class="button button-secondary">
              {t(ctx, 'Opret kopi', 'Create copy')}
            </button>
          </form>
        </section>
      ) : null}
    </Page>
  );
};

export const DrillDownPage = (props: { ctx: PageContext; drill: DrillDown }) => {
  const { ctx, drill } = props;
  const { evaluated, goal, target, evaluation, records, total, columns } = drill;
  const title = `${t(ctx, 'Mål', 'Goal')} ${goal.number} · ${target.label}`;
  const value = shownValue(evaluation);
  const m = evaluation.measurement;
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={[...crumbs(ctx), { href: `/kontrakter/${evaluated.row.id}`, label: `${evaluated.row.hub_name} ${evaluated.row.year}` }, { label: title }]}>
      <h1>{title}</h1>
      <dl>
        <dt>{t(ctx, 'Krav', 'Requirement')}</dt>
        <dd>{requirementText(evaluation.target, goal)}</dd>
        <dt>{t(ctx, 'Resultat', 'Result')}</dt>
        <dd data-testid="drill-value">{drill.hidden ? t(ctx, 'færre end 5 svar', 'fewer than 5 answers') : (value ?? evaluation.missing ?? '–')}</dd>
        {m?.kind === 'value' && m.n !== null && !drill.hidden ? (
          <>
            <dt>n</dt>
            <dd>{m.n}</dd>
          </>
        ) : null}
        {m?.kind === 'value' && m.period ? (
          <>
            <dt>{t(ctx, 'Dataperiode', 'Data period')}</dt>
            <dd>{`${m.period.from} – ${m.period.to}`}</dd>
          </>
        ) : null}
        {m?.kind === 'value' && m.source ? (
          <>
            <dt>{t(ctx, 'Kilde', 'Source')}</dt>
            <dd>{m.source}</dd>
          </>
        ) : null}
        <dt>{t(ctx, 'Vurdering', 'Judgement')}</dt>
        <dd>{holdsText(ctx, evaluation.holds)}</dd>
      </dl>
      <h2>{t(ctx, `Registreringerne bag tallet (${total})`, `The records behind the figure (${total})`)}</h2>
      {drill.hidden ? (
        <p>{t(ctx, 'De enkelte besvarelser vises kun for erhvervshusets egne medarbejdere.', "The individual responses are shown to the business hub's own staff only.")}</p>
      ) : records.length === 0 ? (
        <p>{t(ctx, 'Ingen registreringer.', 'No records.')}</p>
      ) : (
        <>
          {records.length < total ? <p>{t(ctx, `Viser de første ${records.length} af ${total}.`, `Showing the first ${records.length} of ${total}.`)}</p> : null}
          <ScrollRegion label={t(ctx, 'Registreringer', 'Records')}>
            <Table caption={t(ctx, 'Registreringerne bag tallet', 'The records behind the figure')} hideCaption compact columns={columns}>
              {records.map((r: DrillDownRecord) => (
                <tr>
                  {r.cells.map((cell, i) =>
                    i === 0 ? (
                      <th scope="row">{r.href ? <a href={r.href}>{cell}</a> : cell}</th>
                    ) : (
                      <td>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </Table>
          </ScrollRegion>
        </>
      )}
    </Page>
  );
};
