import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, type FormErrors } from '../../web/components/forms.tsx';
import { CsrfField, Page } from '../../web/layout.tsx';
import type { Company } from './companies.schema.ts';
import { crumbs, t } from './companies.views.tsx';

export const MergePage = (props: { ctx: PageContext; company: Company; q: string; candidates: Company[]; errors?: FormErrors }) => {
  const { ctx, company } = props;
  const title = t(ctx, 'Flet dublet', 'Merge duplicate');
  const describe = (c: Company) => [c.cvr ? `CVR ${c.cvr}` : t(ctx, 'uden CVR', 'no CVR'), c.municipalityName, c.street].filter(Boolean).join(', ');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, { href: `/virksomheder/${company.id}`, label: company.name }, { label: title })}>
      <h1>
        {title}: {company.name}
      </h1>
      <p>
        {t(
          ctx,
          `${company.name} (${describe(company)}) beholdes. Dubletten flyttes ind: dens forløb, aktiviteter, henvisninger, noter, kontaktpersoner og produktionsenheder flyttes hertil, og dens side viser fremover hertil. Intet slettes.`,
          `${company.name} (${describe(company)}) is kept. The duplicate is moved in: its courses, activities, referrals, notes, contact persons and production units move here, and its page will lead here. Nothing is deleted.`,
        )}
      </p>
      <form method="get" action={`/virksomheder/${company.id}/flet`} class="filter-form" role="search">
        <div class="form-group">
          <label class="form-label" for="q">
            {t(ctx, 'Find dubletten (navn eller CVR-nummer)', 'Find the duplicate (name or CVR number)')}
          </label>
          <input type="search" id="q" name="q" class="form-input" value={props.q} />
        </div>
        <button type="submit" class="button button-secondary">
          {t(ctx, 'Søg', 'Search')}
        </button>
      </form>
      <ErrorSummary ctx={ctx} errors={props.errors ?? {}} />
      {props.q && props.candidates.length === 0 ? <Alert variant="info">{t(ctx, 'Ingen andre virksomheder matcher.', 'No other companies match.')}</Alert> : null}
      {props.candidates.length > 0 ? (
        <form method="post" action={`/virksomheder/${company.id}/flet`}>
          <CsrfField ctx={ctx} />
          <fieldset>
            <legend class="form-label">{t(ctx, 'Hvilken virksomhed er dubletten?', 'Which company is the duplicate?')}</legend>
            <ul class="nobullet-list">
              {props.candidates.map((candidate, index) => (
                <li>
                  <input type="radio" class="form-radio" name="duplicateId" id={`duplicate-${index}`} value={candidate.id} checked={index === 0} />
                  <label class="form-label" for={`duplicate-${index}`}>
                    {candidate.name} ({describe(candidate)})
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit" class="button button-primary">
            {t(ctx, 'Flet ind i', 'Merge into')} {company.name}
          </button>
        </form>
      ) : null}
    </Page>
  );
};
