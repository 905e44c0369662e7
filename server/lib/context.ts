/** What services and routes receive: explicit dependencies, never globals. */
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Actor } from '../../shared/domain/permissions';
import type { Audit } from './audit';
import type { Caches } from './caches';
import type { Clock } from './clock';
import type { PubSub } from './pubsub';

export interface Deps {
  db: Db;
  clock: Clock;
  audit: Audit;
  config: Config;
  /** Messages between app servers (LISTEN/NOTIFY); absent in tests that run one app. */
  pubsub?: PubSub;
  /** This app's in-memory caches (sessions, working hours): never module-level, never shared between apps. */
  caches: Caches;
}

export interface SessionInfo {
  tokenHash: string;
  userId: string;
  csrfToken: string;
}

/** An authenticated actor with what the app needs to show about them. */
export interface CurrentUser extends Actor {
  username: string;
  displayName: string;
  personId: string | null;
  unitId: string | null;
  agencyId: string | null;
  mustChangePassword: boolean;
  /** Two-factor login enrolled (an account whose role requires it is limited to enrolment until then). */
  totpEnabled?: boolean;
  locale: string;
}

export type AppEnv = {
  Variables: {
    user: CurrentUser | null;
    session: SessionInfo | null;
    requestId: string;
    /** The client's address (server/lib/client-ip.ts: the socket, or what trusted proxies appended). */
    clientIp: string;
  };
};
