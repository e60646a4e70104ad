import type { UserActor } from '../../domain/actor.ts';
import type { PageContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import type { MessageKey } from '../../web/i18n/index.ts';

interface HomeFacts {
  municipality: string | null;
  hub: string | null;
  region: string | null;
}

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);

/** The organisation's referral inbox in three numbers, each a link to that group. */
const InboxCard = (props: { ctx: PageContext; inbox: Record<'new' | 'awaiting' | 'overdue', number> }) => {
  const { ctx, inbox } = props;
  const rows: [keyof typeof inbox, string, string][] = [
    ['new', 'nye', 'new'],
    ['awaiting', 'afventer første kontakt', 'awaiting first contact'],
    ['overdue', 'har overskredet servicemålet', 'past the service goal'],
  ];
  return (
    <div class="card">
      <div class="card-content">
        <h2 class="header-title h3">{t(ctx, 'Henvisninger til jer', 'Referrals to you')}</h2>
        <ul class="nobullet-list" data-testid="home-inbox">
          {rows.map(([group, da, en]) => (
            <li>
              <a href={`/henvisninger?gruppe=${group}`}>
                <strong>{inbox[group]}</strong> {t(ctx, da, en)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
};

export const HomePage = (props: { ctx: PageContext; actor: UserActor; facts: HomeFacts; inbox: Record<'new' | 'awaiting' | 'overdue', number> }) => {
  const { ctx, actor, facts } = props;
  const place = [facts.municipality, facts.hub, facts.region].filter(Boolean).join(' · ');
  return (
    <Page ctx={ctx} title={ctx.t('home.title')} wide>
      <h1>{ctx.t('home.welcome', { name: actor.name })}</h1>
      <p class="font-lead">{ctx.t('home.intro')}</p>
      <div class="card-grid">
        <div class="card">
          <div class="card-content">
            <h2 class="header-title h3">{ctx.t('home.yourOrganisation')}</h2>
            <p>
              <strong>{actor.organisationName}</strong>
              <br />
              {ctx.t(`kind.${actor.organisationKind}` as MessageKey)}
            </p>
            {place ? <p>{place}</p> : null}
          </div>
        </div>
        <div class="card">
          <div class="card-content">
            <h2 class="header-title h3">{ctx.t('home.yourRoles')}</h2>
            <ul>
              {actor.roles.map((role) => (
                <li>{ctx.t(`role.${role}` as MessageKey)}</li>
              ))}
            </ul>
          </div>
        </div>
        <InboxCard ctx={ctx} inbox={props.inbox} />
      </div>
    </Page>
  );
};
