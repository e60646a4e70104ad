import { formatDanishNumber } from '../../domain/allocation/allocation.ts';
import { parseDecimal, Rational } from '../../domain/money/rational.ts';
import type { PageContext } from '../../web/context.ts';
import { Alert } from '../../web/components/forms.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { formatDateTime } from '../../web/format.ts';
import { canEditEconomy, EconomyPage, Facts, sectionLabel } from '../allocations/economy.views.tsx';
import type { DataSet, DataSetWithValues } from './data-sets.schema.ts';

/** An exact decimal string in Danish notation ("220564" → "220.564"). */
export const danishNumber = (text: string): string => formatDanishNumber(parseDecimal(text) ?? Rational.ZERO);

const formatLabel = (ctx: PageContext, format: DataSet['format']): string => {
  const en = ctx.locale === 'en';
  if (format === 'folk1a') return 'FOLK1A';
  if (format === 'published') return en ? 'Published table' : 'Udgivet tabel';
  return en ? 'CSV (code, value)' : 'CSV (kode, værdi)';
};

export const DataSetListPage = (props: { ctx: PageContext; dataSets: DataSet[] }) => {
  const { ctx } = props;
  const en = ctx.locale === 'en';
  const title = sectionLabel(ctx, 'dataSets');
  return (
    <EconomyPage ctx={ctx} title={title} section="dataSets">
      <h1>{title}</h1>
      <p class="font-lead">
        {en
          ? 'Figures per municipality that distribution keys are built from: population from Danmarks Statistik (FOLK1A) or any CSV with municipality code and value.'
          : 'Tal pr. kommune, som fordelingsnøglerne bygger på: folketal fra Danmarks Statistik (FOLK1A) eller en anden CSV med kommunekode og værdi.'}
      </p>
      {canEditEconomy(ctx) ? (
        <p>
          <a href="/oekonomi/datasaet/importer" class="button button-primary">
            {en ? 'Import data set' : 'Importér datasæt'}
          </a>
        </p>
      ) : null}
      {props.dataSets.length === 0 ? (
        <p>{en ? 'No data sets have been imported yet.' : 'Der er endnu ikke importeret nogen datasæt.'}</p>
      ) : (
        <ScrollRegion label={title}>
          <table class="table table--zebra">
            <caption class="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('common.name')}</th>
                <th scope="col">{en ? 'Period' : 'Periode'}</th>
                <th scope="col">{en ? 'Source' : 'Kilde'}</th>
                <th scope="col" class="align-text-right">
                  {en ? 'Municipalities' : 'Kommuner'}
                </th>
                <th scope="col">{en ? 'Imported' : 'Importeret'}</th>
              </tr>
            </thead>
            <tbody>
              {props.dataSets.map((d) => (
                <tr>
                  <td>
                    <a href={`/oekonomi/datasaet/${d.id}`}>{d.name}</a>
                  </td>
                  <td>{d.periodLabel || '–'}</td>
                  <td>
                    {d.source} <span class="badge badge-small">{formatLabel(ctx, d.format)}</span>
                  </td>
                  <td class="align-text-right">{d.rowCount}</td>
                  <td>
                    {formatDateTime(d.importedAt)}, {d.importedBy}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </EconomyPage>
  );
};

export const DataSetPage = (props: {
  ctx: PageContext;
  dataSet: DataSetWithValues & { usedBy: { allocationId: string; version: number; name: string }[] };
  message?: string | undefined;
}) => {
  const { ctx, dataSet } = props;
  const en = ctx.locale === 'en';
  const total = dataSet.values.reduce((sum, v) => sum.add(parseDecimal(v.value) ?? Rational.ZERO), Rational.ZERO);
  return (
    <EconomyPage ctx={ctx} title={dataSet.name} section="dataSets" crumbs={[{ label: dataSet.name }]}>
      <h1>{dataSet.name}</h1>
      {props.message === 'importeret' ? (
        <Alert variant="success">{en ? `The data set was imported: ${dataSet.rowCount} municipalities.` : `Datasættet er importeret: ${dataSet.rowCount} kommuner.`}</Alert>
      ) : null}
      {props.message === 'findes' ? (
        <Alert variant="info">
          {en
            ? 'Exactly these figures were already imported, so nothing new was created. This is the existing data set.'
            : 'Præcis de samme tal var allerede importeret, så der er ikke oprettet noget nyt. Her er det eksisterende datasæt.'}
        </Alert>
      ) : null}
      <Facts
        rows={[
          [en ? 'Source' : 'Kilde', dataSet.source],
          [en ? 'Period' : 'Periode', dataSet.period ? `${dataSet.periodLabel} (${dataSet.period})` : '–'],
          [en ? 'The figures are' : 'Tallene er', dataSet.valueLabel],
          [en ? 'Key' : 'Nøgle', <code>{dataSet.kind}</code>],
          [en ? 'File' : 'Fil', dataSet.fileName ?? '–'],
          [en ? 'Imported' : 'Importeret', `${formatDateTime(dataSet.importedAt)} ${en ? 'by' : 'af'} ${dataSet.importedBy}`],
          [
            en ? 'Used in' : 'Brugt i',
            dataSet.usedBy.length === 0 ? (
              '–'
            ) : (
              <ul class="nobullet-list">
                {dataSet.usedBy.map((u) => (
                  <li>
                    <a href={`/oekonomi/fordelingsnoegler/${u.allocationId}/versioner/${u.version}`}>
                      {u.name}, version {u.version}
                    </a>
                  </li>
                ))}
              </ul>
            ),
          ],
        ]}
      />
      {dataSet.warnings.map((w) => (
        <Alert variant="warning">{w}</Alert>
      ))}
      <h2>{en ? 'Values' : 'Værdier'}</h2>
      <ScrollRegion label={en ? 'Values' : 'Værdier'}>
        <table class="table table--zebra table--compact">
          <caption class="sr-only">{en ? 'Values per municipality' : 'Værdier pr. kommune'}</caption>
          <thead>
            <tr>
              <th scope="col">{en ? 'Code' : 'Kode'}</th>
              <th scope="col">{en ? 'Municipality' : 'Kommune'}</th>
              <th scope="col" class="align-text-right">
                {dataSet.valueLabel}
              </th>
              <th scope="col" class="align-text-right">
                {en ? 'Line in file' : 'Linje i filen'}
              </th>
            </tr>
          </thead>
          <tbody>
            {dataSet.values.map((v) => (
              <tr>
                <td>{v.municipalityCode}</td>
                <td>{v.municipalityName}</td>
                <td class="align-text-right">{danishNumber(v.value)}</td>
                <td class="align-text-right">{v.line ?? '–'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan={2}>
                {en ? 'Total' : 'I alt'}
              </th>
              <td class="align-text-right">
                <strong>{formatDanishNumber(total)}</strong>
              </td>
              <td></td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      {dataSet.skipped.length > 0 ? <SkippedTable ctx={ctx} skipped={dataSet.skipped} /> : null}
    </EconomyPage>
  );
};

export const SkippedTable = (props: { ctx: PageContext; skipped: DataSet['skipped']; level?: 2 | 3 }) => {
  const en = props.ctx.locale === 'en';
  const label = en ? `Skipped rows (${props.skipped.length})` : `Oversprungne rækker (${props.skipped.length})`;
  return (
    <>
      {props.level === 3 ? <h3>{label}</h3> : <h2>{label}</h2>}
      <p>{en ? 'These rows are not one of the 98 municipalities or have no value.' : 'Disse rækker er ikke en af de 98 kommuner eller har ingen værdi.'}</p>
      <ScrollRegion label={label}>
        <table class="table table--compact">
          <caption class="sr-only">{label}</caption>
          <thead>
            <tr>
              <th scope="col">{en ? 'Line' : 'Linje'}</th>
              <th scope="col">{en ? 'Area' : 'Område'}</th>
              <th scope="col">{en ? 'Reason' : 'Årsag'}</th>
            </tr>
          </thead>
          <tbody>
            {props.skipped.map((s) => (
              <tr>
                <td>{s.line}</td>
                <td>{s.area}</td>
                <td>{s.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
};
