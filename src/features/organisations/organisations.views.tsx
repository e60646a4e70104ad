import type { PageContext } from '../../web/context.ts';
import { Table } from '../../web/components/table.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { ErrorSummary, SelectField, TextField, stringValue, type FormErrors, type FormValues } from '../../web/components/forms.tsx';
import type { MessageKey } from '../../web/i18n/index.ts';
import { CsrfField, Page } from '../../web/layout.tsx';
import { adminCrumbs } from '../admin/admin.views.tsx';
import { organisationKinds, type Organisation } from './organisations.schema.ts';

interface Choices {
  hubs: { id: string; name: string }[];
  kkrs: { id: string; name: string }[];
  municipalities: { code: string; name: string }[];
}

const kindLabel = (ctx: PageContext, kind: string) => ctx.t(`kind.${kind}` as MessageKey);

export const OrganisationListPage = (props: { ctx: PageContext; organisations: Organisation[]; choices: Choices }) => {
  const { ctx } = props;
  const title = ctx.t('admin.organisations');
  const municipalityName = new Map(props.choices.municipalities.map((m) => [m.code, m.name]));
  const hubName = new Map(props.choices.hubs.map((h) => [h.id, h.name]));
  const kkrName = new Map(props.choices.kkrs.map((k) => [k.id, k.name]));
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={adminCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <p>
        <a href="/admin/organisationer/ny" class="button button-primary">
          {ctx.locale === 'en' ? 'New organisation' : 'Ny organisation'}
        </a>
      </p>
      <ScrollRegion label={title}>
        <Table caption={title} hideCaption columns={[ctx.t('common.name'), 'Type', ctx.locale === 'en' ? 'Belongs to' : 'Tilknytning', ctx.t('common.status')]}>
            {props.organisations.map((organisation) => (
              <tr>
                <td>
                  <a href={`/admin/organisationer/${organisation.id}`}>{organisation.name}</a>
                  {organisation.isDemo ? <span class="badge badge-small ml-3">{ctx.t('common.demo')}</span> : null}
                </td>
                <td>{kindLabel(ctx, organisation.kind)}</td>
                <td>
                  {(organisation.municipalityCode && municipalityName.get(organisation.municipalityCode)) ||
                    (organisation.businessHubId && hubName.get(organisation.businessHubId)) ||
                    (organisation.kkrId && kkrName.get(organisation.kkrId)) ||
                    '–'}
                </td>
                <td>{organisation.active ? ctx.t('common.active') : ctx.t('common.inactive')}</td>
              </tr>
            ))}
          </Table>
      </ScrollRegion>
    </Page>
  );
};

export const OrganisationFormPage = (props: {
  ctx: PageContext;
  choices: Choices;
  organisation?: Organisation;
  values: FormValues;
  errors?: FormErrors;
  /** The referral service goal (20261123000000_referrals.sql), with its own small form. */
  serviceGoal?: { hours: number | string; error?: string | undefined };
}) => {
  const { ctx, values } = props;
  const errors = props.errors ?? {};
  const title = props.organisation ? props.organisation.name : ctx.locale === 'en' ? 'New organisation' : 'Ny organisation';
  const action = props.organisation ? `/admin/organisationer/${props.organisation.id}` : '/admin/organisationer';
  return (
    <Page ctx={ctx} title={title} breadcrumbs={adminCrumbs(ctx, { href: '/admin/organisationer', label: ctx.t('admin.organisations') }, { label: title })}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} name="name" label={ctx.t('common.name')} value={stringValue(values, 'name')} error={errors.name} />
        <SelectField
          ctx={ctx}
          name="kind"
          label="Type"
          value={stringValue(values, 'kind')}
          error={errors.kind}
          placeholder=""
          options={organisationKinds.map((kind) => ({ value: kind, label: kindLabel(ctx, kind) }))}
        />
        <SelectField
          ctx={ctx}
          name="businessHubId"
          label={ctx.locale === 'en' ? 'Business hub (for a business hub)' : 'Erhvervshus (for et erhvervshus)'}
          required={false}
          value={stringValue(values, 'businessHubId')}
          error={errors.businessHubId}
          placeholder=""
          options={props.choices.hubs.map((hub) => ({ value: hub.id, label: hub.name }))}
        />
        <SelectField
          ctx={ctx}
          name="municipalityCode"
          label={ctx.locale === 'en' ? 'Municipality (for a local business office)' : 'Kommune (for et lokalt erhvervskontor)'}
          required={false}
          value={stringValue(values, 'municipalityCode')}
          error={errors.municipalityCode}
          placeholder=""
          options={props.choices.municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))}
        />
        <SelectField
          ctx={ctx}
          name="kkrId"
          label={ctx.locale === 'en' ? 'KKR (for a KKR secretariat)' : 'KKR (for et KKR-sekretariat)'}
          required={false}
          value={stringValue(values, 'kkrId')}
          error={errors.kkrId}
          placeholder=""
          options={props.choices.kkrs.map((kkr) => ({ value: kkr.id, label: kkr.name }))}
        />
        <TextField ctx={ctx} name="email" type="email" label={ctx.t('common.email')} required={false} value={stringValue(values, 'email')} error={errors.email} />
        <TextField ctx={ctx} name="website" type="url" label={ctx.locale === 'en' ? 'Website' : 'Websted'} required={false} value={stringValue(values, 'website')} error={errors.website} />
        {props.organisation ? (
          <div class="form-group">
            <input id="active" type="checkbox" name="active" value="true" class="form-checkbox" checked={stringValue(values, 'active') === 'true'} />
            <label for="active" class="form-label">
              {ctx.t('common.active')}
            </label>
          </div>
        ) : null}
        <button type="submit" class="button button-primary">
          {ctx.t('form.save')}
        </button>
        <a href="/admin/organisationer" class="button button-secondary ml-4">
          {ctx.t('form.cancel')}
        </a>
      </form>
      {props.organisation && props.serviceGoal ? (
        <>
          <h2>{ctx.locale === 'en' ? 'Service goal for referrals' : 'Servicemål for henvisninger'}</h2>
          <form method="post" action={`/admin/organisationer/${props.organisation.id}/servicemaal`} novalidate>
            <CsrfField ctx={ctx} />
            <TextField
              ctx={ctx}
              name="hours"
              type="number"
              label={ctx.locale === 'en' ? 'First contact within (calendar hours)' : 'Første kontakt inden for (kalendertimer)'}
              value={String(props.serviceGoal.hours)}
              error={props.serviceGoal.error}
              inputClass="input-width-xs"
            />
            <button type="submit" class="button button-secondary">
              {ctx.locale === 'en' ? 'Save service goal' : 'Gem servicemål'}
            </button>
          </form>
        </>
      ) : null}
    </Page>
  );
};
