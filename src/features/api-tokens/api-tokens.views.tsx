import type { PageContext } from '../../web/context.ts';
import { Table } from '../../web/components/table.tsx';
import { ErrorSummary, TextField, type FormErrors } from '../../web/components/forms.tsx';
import { CsrfField, Page } from '../../web/layout.tsx';
import type { ApiToken } from './api-tokens.schema.ts';

const formatTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' }) : '–';

export const ApiTokensPage = (props: { ctx: PageContext; tokens: ApiToken[]; created?: { token: string; name: string }; name?: string; errors?: FormErrors }) => {
  const { ctx } = props;
  const en = ctx.locale === 'en';
  const title = ctx.t('nav.apiTokens');
  return (
    <Page ctx={ctx} title={title} wide>
      <h1>{title}</h1>
      <p class="font-lead">
        {en
          ? 'API tokens let an integration use the Knudepunkt API (/api/v1) as you, with your roles. Send the token in the header "Authorization: Bearer <token>".'
          : 'En API-nøgle lader en integration bruge Knudepunkts API (/api/v1) som dig, med dine roller. Send nøglen i headeren "Authorization: Bearer <nøgle>".'}
      </p>
      {props.created ? (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <h2 class="alert-heading">{en ? `Token "${props.created.name}" created` : `Nøglen "${props.created.name}" er oprettet`}</h2>
            <p class="alert-text">
              {en ? 'Copy it now: it is shown only this once.' : 'Kopiér den nu: den vises kun denne ene gang.'}
            </p>
            <p class="token-secret" data-testid="new-api-token">
              {props.created.token}
            </p>
          </div>
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} errors={props.errors ?? {}} />
      <form method="post" action="/api-noegler" novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} name="name" label={en ? 'Name of the new token' : 'Navn på den nye nøgle'} value={props.name} error={props.errors?.name} autocomplete="off" />
        <button type="submit" class="button button-primary">
          {en ? 'Create token' : 'Opret nøgle'}
        </button>
      </form>
      <h2>{en ? 'Your tokens' : 'Dine nøgler'}</h2>
      {props.tokens.length === 0 ? (
        <p>{ctx.t('common.none')}</p>
      ) : (
        <Table caption={en ? 'Your tokens' : 'Dine nøgler'} hideCaption columns={[ctx.t('common.name'), en ? 'Begins with' : 'Begynder med', en ? 'Created' : 'Oprettet', en ? 'Last used' : 'Sidst brugt', ctx.t('common.status')]}>
            {props.tokens.map((token) => (
              <tr>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{formatTime(token.createdAt)}</td>
                <td>{formatTime(token.lastUsedAt)}</td>
                <td>
                  {token.revokedAt ? (
                    en ? `Revoked ${formatTime(token.revokedAt)}` : `Tilbagekaldt ${formatTime(token.revokedAt)}`
                  ) : (
                    <form method="post" action={`/api-noegler/${token.id}/tilbagekald`}>
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="button button-secondary button-small" aria-label={`${en ? 'Revoke' : 'Tilbagekald'} ${token.name}`}>
                        {en ? 'Revoke' : 'Tilbagekald'}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </Table>
      )}
    </Page>
  );
};

