/** Builds the Deps of one app (server, seed command, CLI, tests, benches): its audit writer and its own caches. */
import type { Config } from '../config';
import type { Db } from '../db/client';
import { createAudit } from './audit';
import { createCaches } from './caches';
import type { Clock } from './clock';
import type { Deps } from './context';
import type { PubSub } from './pubsub';

export function createDeps(parts: { db: Db; clock: Clock; config: Config; pubsub?: PubSub }): Deps {
  return { ...parts, audit: createAudit(parts.clock), caches: createCaches() };
}
