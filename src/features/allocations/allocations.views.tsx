import { formatDanishNumber, formatDanishPercent, type AllocationUnit } from '../../domain/allocation/allocation.ts';
import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, SelectField, TextField, type FormErrors } from '../../web/components/forms.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { formatDateTime } from '../../web/format.ts';
import { CsrfField } from '../../web/layout.tsx';
import { AllocationChart } from './allocations.chart.tsx';
import type { AllocationSummary } from './allocations.schema.ts';
import type { VersionView } from './allocations.service.ts';
import { amountText, methodLabel, ResultTable, spreadsheetSentence, unitLabel } from './allocations.table.tsx';
import { ButtonRow, canEditEconomy, EconomyPage, Facts, rowButton, sectionLabel } from './economy.views.tsx';

export const AllocationListPage = (props: { ctx: PageContext; allocations: AllocationSummary[] }) => {
  const { ctx } = props;
  const en = ctx.locale === 'en';
  const title = sectionLabel(ctx, 'allocations');
  return (
    <EconomyPage ctx={ctx} title={title} section="allocations">
      <h1>{title}</h1>
      <p class="font-lead">
        {en
          ? 'Split a grant, places or a budget between municipalities. The amounts always add up exactly to the total, and every key says what it was based on.'
          : 'Fordel en bevilling, pladser eller et budget mellem kommunerne. Beløbene summerer altid præcis til totalen, og hver nøgle siger, hvad den bygger på.'}
      </p>
      {canEditEconomy(ctx) ? (
        <ButtonRow>
          <a href="/oekonomi/fordelingsnoegler/ny" class={rowButton('primary')}>{en ? 'New distribution key' : 'Ny fordelingsnøgle'}</a>
          <a href="/oekonomi/datasaet/importer" class={rowButton('secondary')}>{en ? 'Import population (FOLK1A)' : 'Importér folketal (FOLK1A)'}</a>
        </ButtonRow>
      ) : null}
      {props.allocations.length === 0 ? (
        <p>{en ? 'There are no distribution keys yet.' : 'Der er endnu ingen fordelingsnøgler.'}</p>
      ) : (
        <ScrollRegion label={title}>
          <table class="table table--zebra">
            <caption class="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('common.name')}</th>
                <th scope="col" class="align-text-right">{en ? 'Total' : 'Total'}</th>
                <th scope="col">{en ? 'Version' : 'Version'}</th>
                <th scope="col">{en ? 'Changed' : 'Ændret'}</th>
              </tr>
            </thead>
            <tbody>
              {props.allocations.map((a) => (
                <tr>
                  <td>
                    <a href={`/oekonomi/fordelingsnoegler/${a.id}`}>{a.name}</a>
                    {a.origin === 'published' ? <span class="badge badge-small ml-3">{en ? 'Published' : 'Udgivet'}</span> : null}
                  </td>
                  <td class="align-text-right">{amountText(a.total, a.unit, ctx.locale)}</td>
                  <td>
                    {a.latestVersion}
                    {a.locked ? <span class="badge badge-small badge-info ml-3">{en ? 'Locked' : 'Låst'}</span> : null}
                  </td>
                  <td>{formatDateTime(a.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </EconomyPage>
  );
};

export interface LinkChoices {
  hubs: { id: string; name: string }[];
  defaultHub: string | undefined;
  defaultYear: number;
  linked: { id: string; year: number; hubName: string }[];
  /** After a refused link: what was typed and what was wrong. */
  values?: { businessHubId?: string | undefined; year?: string | undefined };
  errors?: FormErrors;
}

export const VersionPage = (props: { ctx: PageContext; view: VersionView; link: LinkChoices; message?: string | undefined }) => {
  const { ctx, view } = props;
  const { version, result } = view;
  const en = ctx.locale === 'en';
  const base = `/oekonomi/fordelingsnoegler/${version.allocationId}/versioner/${version.version}`;
  const latest = view.versions[0]?.version ?? version.version;
  const editable = canEditEconomy(ctx) && version.origin === 'knudepunkt';
  const money = version.unit === 'DKK' || version.unit === '1000 DKK';
  const versionLabel = en ? `Version ${version.version} of ${latest}` : `Version ${version.version} af ${latest}`;
  return (
    <EconomyPage ctx={ctx} title={`${version.name} (version ${version.version})`} section="allocations" crumbs={[{ label: version.name }]}>
      <h1>{version.name}</h1>
      <p>
        <span class="badge">{versionLabel}</span>
        {version.lockedAt ? <span class="badge badge-info ml-3">{en ? 'Locked' : 'Låst'}</span> : null}
        {version.origin === 'published' ? <span class="badge ml-3">{en ? 'Published table' : 'Udgivet tabel'}</span> : null}
      </p>
      {props.message === 'gemt' ? <Alert variant="success">{en ? `Version ${version.version} is saved.` : `Version ${version.version} er gemt.`}</Alert> : null}
      <p class="font-lead" data-testid="explanation">{view.explanation}</p>
      {version.lockedAt ? (
        <Alert variant="info" heading={en ? 'This version is locked' : 'Denne version er låst'}>
          {en
            ? `It is used for invoices (${version.lockedReason}) and can never change. Changes are saved as a new version; the invoices keep this one.`
            : `Den er brugt til fakturering (${version.lockedReason}) og kan aldrig ændres. Ændringer gemmes som en ny version; fakturaerne bruger fortsat denne.`}
        </Alert>
      ) : null}
      {version.version !== latest ? (
        <Alert variant="warning">
          {en ? `You are looking at version ${version.version}. ` : `Du ser version ${version.version}. `}
          <a href={`/oekonomi/fordelingsnoegler/${version.allocationId}`}>{en ? `Go to the newest, version ${latest}` : `Gå til den nyeste, version ${latest}`}</a>
        </Alert>
      ) : null}
      <ButtonRow>
        <a href={`${base}/fordeling.xlsx`} class={rowButton('secondary')} download>{en ? 'Download Excel' : 'Hent Excel'}</a>
        <a href={`${base}/fordeling.csv`} class={rowButton('secondary')} download>{en ? 'Download CSV' : 'Hent CSV'}</a>
        {editable ? <a href={`${base}/ny-version`} class={rowButton('secondary')}>{en ? 'New version' : 'Ny version'}</a> : null}
        {money ? <a href={`${base}/pl-fremskrivning`} class={rowButton('secondary')}>{en ? 'PL uplift' : 'PL-fremskrivning'}</a> : null}
      </ButtonRow>
      <Facts
        rows={[
          [en ? 'Total' : 'Total', amountText(version.total.toDecimalString(), version.unit, ctx.locale)],
          [en ? 'Recipients' : 'Modtagere', view.recipientsLabel],
          [en ? 'Rounding' : 'Afrunding', `${methodLabel(version.method, ctx.locale)}; ${en ? 'resolution' : 'opløsning'} ${formatDanishNumber(version.resolution)}`],
          [
            en ? 'Criteria' : 'Kriterier',
            <ul class="nobullet-list">
              {version.criteria.map((c) => (
                <li>
                  {formatDanishPercent(c.weight, 4)}: <a href={`/oekonomi/datasaet/${c.dataSetId}`}>{c.dataSetName}</a>
                </li>
              ))}
            </ul>,
          ],
          [en ? 'Created' : 'Oprettet', `${formatDateTime(version.createdAt)} ${en ? 'by' : 'af'} ${version.createdBy}`],
          ...(version.note ? ([[en ? 'Note' : 'Note', version.note]] as [string, string][]) : []),
        ]}
      />
      <h2>{en ? 'The distribution' : 'Fordelingen'}</h2>
      <AllocationChart id="chart" title={en ? `${version.name}: allocated per municipality` : `${version.name}: tildelt pr. kommune`} result={result} unitLabel={unitLabel(version.unit, ctx.locale)} locale={ctx.locale} />
      <p>{spreadsheetSentence(result, ctx.locale)}</p>
      <ResultTable ctx={ctx} result={result} caption={en ? `Allocation per municipality, ${unitLabel(version.unit, ctx.locale)}` : `Fordeling pr. kommune, ${unitLabel(version.unit, ctx.locale)}`} />
      {money && version.origin === 'knudepunkt' ? <BaseGrantSection ctx={ctx} link={props.link} versionId={version.id} editable={canEditEconomy(ctx)} /> : null}
      <h2>{en ? 'Versions' : 'Versioner'}</h2>
      <ul class="nobullet-list">
        {view.versions.map((v) => (
          <li>
            {v.version === version.version ? <strong>Version {v.version}</strong> : <a href={`/oekonomi/fordelingsnoegler/${version.allocationId}/versioner/${v.version}`}>Version {v.version}</a>}
            {`: ${amountText(v.total, v.unit as AllocationUnit, ctx.locale)}, ${formatDateTime(v.created_at)}, ${v.created_by_name}`}
            {v.locked_at ? ` (${en ? 'locked' : 'låst'})` : ''}
          </li>
        ))}
      </ul>
    </EconomyPage>
  );
};

const BaseGrantSection = (props: { ctx: PageContext; link: LinkChoices; versionId: string; editable: boolean }) => {
  const { ctx, link } = props;
  const en = ctx.locale === 'en';
  return (
    <section aria-labelledby="base-grant-heading">
      <h2 id="base-grant-heading">{en ? 'Base grant' : 'Basisbevilling'}</h2>
      {link.linked.length > 0 ? (
        <ul>
          {link.linked.map((b) => (
            <li>
              <a href={`/oekonomi/basisbevillinger/${b.id}`}>{`${en ? 'Base grant' : 'Basisbevilling'} ${b.year}, ${b.hubName}`}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{en ? 'This version is not used for a base grant.' : 'Denne version er ikke brugt til en basisbevilling.'}</p>
      )}
      {props.editable ? (
        <>
          <p>
            {en
              ? 'Using the key as a base grant stores the invoice list and locks this version: it can then never change.'
              : 'Når nøglen bruges som basisbevilling, gemmes fakturalisten, og denne version låses: den kan derefter aldrig ændres.'}
          </p>
          <ErrorSummary ctx={ctx} errors={link.errors ?? {}} />
          <form method="post" action="/oekonomi/basisbevillinger" class="filter-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="allocationVersionId" value={props.versionId} />
            <SelectField ctx={ctx} name="businessHubId" label={en ? 'Business hub' : 'Erhvervshus'} value={link.values?.businessHubId ?? link.defaultHub} error={link.errors?.businessHubId ?? link.errors?.allocationVersionId} options={link.hubs.map((h) => ({ value: h.id, label: h.name }))} />
            <TextField ctx={ctx} name="year" type="number" label={en ? 'Year' : 'År'} value={link.values?.year ?? String(link.defaultYear)} error={link.errors?.year} inputClass="input-width-xs" />
            <button type="submit" class="button button-primary">{en ? 'Use as base grant' : 'Brug som basisbevilling'}</button>
          </form>
        </>
      ) : null}
    </section>
  );
};
