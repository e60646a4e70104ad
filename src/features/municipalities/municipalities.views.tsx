import type { PageContext } from '../../web/context.ts';
import { Table } from '../../web/components/table.tsx';
import { SelectField } from '../../web/components/forms.tsx';
import { Page } from '../../web/layout.tsx';
import { adminCrumbs } from '../admin/admin.views.tsx';
import type { Municipality } from './municipalities.repository.ts';

export const MunicipalityListPage = (props: {
  ctx: PageContext;
  municipalities: Municipality[];
  regions: { code: number; name: string }[];
  regionCode: number | undefined;
}) => {
  const { ctx } = props;
  const title = ctx.t('admin.municipalities');
  const en = ctx.locale === 'en';
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={adminCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <p>
        {en
          ? 'The 98 municipalities with region and business hub. Reference data: read-only.'
          : 'De 98 kommuner med region og erhvervshus. Referencedata: kan kun læses.'}
      </p>
      <form method="get" action="/admin/kommuner" class="filter-form">
        <SelectField
          ctx={ctx}
          name="region"
          label="Region"
          required={false}
          value={props.regionCode ? String(props.regionCode) : ''}
          placeholder={en ? 'All regions' : 'Alle regioner'}
          options={props.regions.map((r) => ({ value: String(r.code), label: r.name }))}
        />
        <button type="submit" class="button button-secondary">
          {ctx.t('form.filter')}
        </button>
      </form>
      <Table caption={en ? `${props.municipalities.length} municipalities` : `${props.municipalities.length} kommuner`} columns={[en ? 'Code' : 'Kode', ctx.t('common.name'), 'Region', en ? 'Business hub' : 'Erhvervshus']}>
          {props.municipalities.map((m) => (
            <tr>
              <td>{m.code}</td>
              <td>{m.name}</td>
              <td>{m.regionName}</td>
              <td>{m.businessHubName}</td>
            </tr>
          ))}
        </Table>
    </Page>
  );
};
