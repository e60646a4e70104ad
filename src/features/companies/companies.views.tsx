import type { PageContext } from '../../web/context.ts';
import { ErrorSummary, SelectField, TextField, stringValue, type FormErrors, type FormValues } from '../../web/components/forms.tsx';
import { Pagination } from '../../web/components/pagination.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { Table } from '../../web/components/table.tsx';
import { CsrfField, Page } from '../../web/layout.tsx';
import { employeesBands, type Company, type CompanySearchQuery } from './companies.schema.ts';

type Municipalities = { code: string; name: string }[];
export const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
export const crumbs = (ctx: PageContext, ...rest: { href?: string; label: string }[]) => [
  { href: '/', label: ctx.t('nav.home') },
  { href: '/virksomheder', label: ctx.t('nav.companies') },
  ...rest,
];

export const AdvertisingProtectedBadge = (props: { ctx: PageContext }) => (
  <span class="badge badge-small" title={t(props.ctx, 'Ønsker ikke henvendelser med markedsføring', 'Does not want marketing contact')}>
    {t(props.ctx, 'Reklamebeskyttet', 'Advertising protected')}
  </span>
);

/** "1 virksomhed", "1.234 virksomheder", or "Over 1.000 virksomheder" when the count stopped at its cap. */
function resultCaption(ctx: PageContext, total: number, capped: boolean): string {
  const count = total.toLocaleString('da-DK');
  if (capped) return t(ctx, `Over ${count} virksomheder – gør søgningen smallere`, `Over ${total.toLocaleString('en-GB')} companies – narrow the search`);
  if (total === 1) return t(ctx, '1 virksomhed', '1 company');
  return t(ctx, `${count} virksomheder`, `${total.toLocaleString('en-GB')} companies`);
}

/** The current search (without the page) as an outreach list file. */
function outreachListHref(url: URL): string {
  const params = new URLSearchParams(url.searchParams);
  params.delete('side');
  const query = params.toString();
  return `/virksomheder/opsoegende-liste.csv${query ? `?${query}` : ''}`;
}

export const CompanyResults = (props: {
  ctx: PageContext;
  companies: Company[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  url: URL;
  canMakeOutreachList: boolean;
}) => {
  const { ctx } = props;
  return (
    <div id="company-results" aria-live="polite">
      {props.companies.length === 0 ? (
        <p>{t(ctx, 'Ingen virksomheder matcher søgningen.', 'No companies match the search.')}</p>
      ) : (
        <ScrollRegion label={ctx.t('nav.companies')}>
          <Table
            caption={resultCaption(ctx, props.total, props.totalCapped)}
            columns={[ctx.t('common.name'), 'CVR', t(ctx, 'Kommune', 'Municipality'), t(ctx, 'Branche', 'Industry'), t(ctx, 'Ansatte', 'Employees'), ctx.t('common.status')]}
          >
            {props.companies.map((company) => (
              <tr>
                <td>
                  <a href={`/virksomheder/${company.id}`}>{company.name}</a> {company.advertisingProtected ? <AdvertisingProtectedBadge ctx={ctx} /> : null}
                </td>
                <td>{company.cvr ?? t(ctx, 'Før-starter', 'Pre-starter')}</td>
                <td>{company.municipalityName ?? '–'}</td>
                <td>{company.industryText ?? company.industryCode ?? '–'}</td>
                <td>{company.employeesBand ?? '–'}</td>
                <td>{company.status === 'active' ? t(ctx, 'Aktiv', 'Active') : t(ctx, 'Ophørt', 'Ceased')}</td>
              </tr>
            ))}
          </Table>
        </ScrollRegion>
      )}
      <Pagination ctx={ctx} page={props.page} pageSize={props.pageSize} total={props.total} url={props.url} />
      {props.canMakeOutreachList && props.companies.length > 0 ? (
        <p>
          <a href={outreachListHref(props.url)} class="function-link" download>
            {t(ctx, 'Hent søgningen som liste til opsøgende arbejde (CSV)', 'Download the search as an outreach list (CSV)')}
          </a>
          <br />
          <span class="form-hint">
            {t(ctx, 'Reklamebeskyttede virksomheder kommer ikke med på listen.', 'Advertising-protected companies are left out of the list.')}
          </span>
        </p>
      ) : null}
    </div>
  );
};

export const CompanySearchPage = (props: {
  ctx: PageContext;
  query: CompanySearchQuery;
  companies: Company[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  municipalities: Municipalities;
  url: URL;
  canCreate: boolean;
  errors: FormErrors;
}) => {
  const { ctx, query } = props;
  const title = ctx.t('nav.companies');
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={crumbs(ctx)}>
      <h1>{title}</h1>
      {props.canCreate ? (
        <p>
          <a href="/virksomheder/ny" class="button button-secondary">
            {t(ctx, 'Registrér virksomhed', 'Register company')}
          </a>
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="get" action="/virksomheder" class="filter-form" role="search">
        <div class="form-group">
          <label class="form-label" for="q">
            {t(ctx, 'Navn eller CVR-nummer', 'Name or CVR number')}
          </label>
          <input
            type="search"
            id="q"
            name="q"
            class="form-input"
            value={query.q}
            autocomplete="off"
            hx-get="/virksomheder"
            hx-trigger="input changed delay:300ms, search"
            hx-target="#company-results"
            hx-select="#company-results"
            hx-swap="outerHTML"
            hx-include="closest form"
            hx-push-url="true"
          />
        </div>
        <SelectField
          ctx={ctx}
          name="kommune"
          label={t(ctx, 'Kommune', 'Municipality')}
          required={false}
          value={query.kommune}
          placeholder={t(ctx, 'Alle', 'All')}
          options={props.municipalities.map((m) => ({ value: m.code, label: m.name }))}
        />
        <SelectField
          ctx={ctx}
          name="ansatte"
          label={t(ctx, 'Ansatte', 'Employees')}
          required={false}
          value={query.ansatte}
          placeholder={t(ctx, 'Alle', 'All')}
          options={employeesBands.map((band) => ({ value: band, label: band }))}
        />
        <SelectField
          ctx={ctx}
          name="status"
          label={ctx.t('common.status')}
          required={false}
          value={query.status}
          placeholder={t(ctx, 'Alle', 'All')}
          options={[
            { value: 'active', label: t(ctx, 'Aktive', 'Active') },
            { value: 'ceased', label: t(ctx, 'Ophørte', 'Ceased') },
          ]}
        />
        <button type="submit" class="button button-primary">
          {t(ctx, 'Søg', 'Search')}
        </button>
      </form>
      <CompanyResults ctx={ctx} companies={props.companies} total={props.total} totalCapped={props.totalCapped} page={props.page} pageSize={props.pageSize} url={props.url} canMakeOutreachList={props.canCreate} />
    </Page>
  );
};

export const CompanyFormPage = (props: { ctx: PageContext; company?: Company; values: FormValues; errors?: FormErrors; municipalities: Municipalities }) => {
  const { ctx, values } = props;
  const errors = props.errors ?? {};
  const title = props.company ? t(ctx, `Redigér ${props.company.name}`, `Edit ${props.company.name}`) : t(ctx, 'Registrér virksomhed', 'Register company');
  const field = (name: string, label: string, extra: { hint?: string; type?: 'text' | 'search' } = {}) => (
    <TextField ctx={ctx} name={name} label={label} required={name === 'name'} value={stringValue(values, name)} error={errors[name]} {...extra} />
  );
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, ...(props.company ? [{ href: `/virksomheder/${props.company.id}`, label: props.company.name }] : []), { label: title })}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={props.company ? `/virksomheder/${props.company.id}` : '/virksomheder'} novalidate>
        <CsrfField ctx={ctx} />
        {field('name', ctx.t('common.name'))}
        {field('cvr', 'CVR-nummer', { hint: t(ctx, '8 cifre. Tom for en før-starter; kan tilføjes senere.', '8 digits. Empty for a pre-starter; can be added later.') })}
        <SelectField
          ctx={ctx}
          name="municipalityCode"
          label={t(ctx, 'Kommune', 'Municipality')}
          required={false}
          value={stringValue(values, 'municipalityCode')}
          error={errors.municipalityCode}
          placeholder=""
          options={props.municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))}
        />
        {field('street', t(ctx, 'Adresse', 'Address'))}
        {field('postcode', t(ctx, 'Postnummer', 'Postcode'))}
        {field('city', t(ctx, 'By', 'City'))}
        {field('industryCode', t(ctx, 'Branchekode (DB07)', 'Industry code (DB07)'), { hint: t(ctx, '6 cifre, fx 620100', '6 digits, e.g. 620100') })}
        {field('industryText', t(ctx, 'Branche', 'Industry'))}
        <SelectField
          ctx={ctx}
          name="employeesBand"
          label={t(ctx, 'Ansatte', 'Employees')}
          required={false}
          value={stringValue(values, 'employeesBand')}
          error={errors.employeesBand}
          placeholder=""
          options={employeesBands.map((band) => ({ value: band, label: band }))}
        />
        <div class="form-group">
          <input id="advertisingProtected" type="checkbox" name="advertisingProtected" value="true" class="form-checkbox" checked={stringValue(values, 'advertisingProtected') === 'true'} />
          <label for="advertisingProtected" class="form-label">
            {t(ctx, 'Reklamebeskyttet (ønsker ikke henvendelser med markedsføring)', 'Advertising protected (does not want marketing contact)')}
          </label>
        </div>
        <button type="submit" class="button button-primary">
          {ctx.t('form.save')}
        </button>
      </form>
    </Page>
  );
};

