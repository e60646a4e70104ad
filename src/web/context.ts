// What every request carries: the application's dependencies, a request id, the signed-in user (if
// any), the language and its translator, and the CSRF token for forms.
import type { Context } from 'hono';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { UserActor } from '../domain/actor.ts';
import type { Clock } from '../domain/clock.ts';
import type { Logger } from '../logger.ts';
import type { Locale, Translate } from './i18n/index.ts';

export interface AppDeps {
  database: Database;
  config: Config;
  logger: Logger;
  clock: Clock;
}

export interface AppVariables {
  deps: AppDeps;
  requestId: string;
  logger: Logger;
  actor: UserActor | null;
  locale: Locale;
  t: Translate;
  csrfToken: string;
  isDemo: boolean;
  /** The signed-in user's unread notifications, counted once per page request; unset for API calls. */
  unreadNotifications?: number;
}

export interface AppEnv {
  Variables: AppVariables;
}

export type AppContext = Context<AppEnv>;

/** What a page needs to render the shell. */
export interface PageContext {
  t: Translate;
  locale: Locale;
  actor: UserActor | null;
  csrfToken: string;
  path: string;
  isDemo: boolean;
  unreadNotifications: number | undefined;
}

export function pageContext(c: AppContext): PageContext {
  return {
    t: c.get('t'),
    locale: c.get('locale'),
    actor: c.get('actor'),
    csrfToken: c.get('csrfToken'),
    path: new URL(c.req.url).pathname,
    isDemo: c.get('isDemo'),
    unreadNotifications: c.get('unreadNotifications'),
  };
}
