/**
 * GET /api/documents/options: what the document forms offer a member of an agency — the agencies in
 * Congvu a document can be issued to (nơi nhận) and the agency's leaders (người ký, trình lãnh đạo).
 * Staff cannot list other agencies or the Board through /api/org, yet a specialist drafting a reply
 * must name its recipients and proposed signer. Names only; nothing else about people.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { DocumentOptions } from '../../../shared/contracts/documents';
import { can } from '../../../shared/domain/permissions';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { agencyTarget } from '../../lib/scope';
import { agencies, people } from '../org/org.table';

const LEADER_POSITIONS = ['director', 'deputy_director'];

export async function documentOptions(deps: Deps, user: CurrentUser, agencyId: string): Promise<DocumentOptions> {
  const agency = await agencyTarget(deps.db, agencyId);
  const member = user.grants.some((g) => g.agencyId === agencyId);
  if (!member && !can(user, 'document.read', agency)) throw new AppError('FORBIDDEN', 'Bạn không thuộc cơ quan này.');
  const others = await deps.db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(ne(agencies.id, agencyId))
    .orderBy(asc(agencies.path), asc(agencies.name));
  const leaders = await deps.db
    .select({ id: people.id, fullName: people.fullName, position: people.position, title: people.title })
    .from(people)
    .where(and(eq(people.agencyId, agencyId), eq(people.active, true), inArray(people.position, LEADER_POSITIONS)))
    .orderBy(asc(people.position), asc(people.fullName));
  // The Director first, then the deputies.
  leaders.sort((a, b) => Number(a.position !== 'director') - Number(b.position !== 'director'));
  return { agencies: others, leaders };
}
