/** The heading and signature of the report exports (Nghị định 30 layout), read from the organisation. */
import { and, eq } from 'drizzle-orm';
import { agencyHeadTitle, positionTitle } from '../../../shared/domain/org';
import type { PersonRole } from '../../../shared/domain/roster/format';
import type { CurrentUser, Deps } from '../../lib/context';
import { agencies, people, units } from '../org/org.table';
import type { ReportMeta } from './reports.export';

/**
 * The heading and signature of an export (Nghị định 30). An agency's report is issued by the agency,
 * signed "TL. GIÁM ĐỐC — CHÁNH VĂN PHÒNG" (seed 004); the province report by the province's agency (the
 * report's root, UBND tỉnh — never the exporting user's own agency), signed by the exporting user
 * ("TL. CHỦ TỊCH" with their title, or the head's title for a director).
 */
export async function exportMeta(deps: Pick<Deps, 'db'>, user: CurrentUser, agencyId: string, date: string, kind: 'agency' | 'province'): Promise<ReportMeta> {
  // The issuer is the report's agency: the agency, or the province's own agency (the root) for the province report.
  const issuerId = agencyId;
  const [agency] = await deps.db.select().from(agencies).where(eq(agencies.id, issuerId));
  const [parent] = agency?.parentId ? await deps.db.select().from(agencies).where(eq(agencies.id, agency.parentId)) : [];
  const place = agency?.province ?? (parent ?? agency)?.name.replace(/^UBND tỉnh /i, '') ?? '';
  let signer: ReportMeta['signer'];
  if (kind === 'agency') {
    const [chief] = await deps.db
      .select({ name: people.fullName, title: people.title })
      .from(people)
      .where(and(eq(people.agencyId, agencyId), eq(people.position, 'chief_of_office'), eq(people.active, true)))
      .limit(1);
    // The agency's own head and the chief's own title (a UBND huyện has a Chủ tịch and a "Chánh Văn phòng HĐND và UBND").
    if (chief) signer = { authority: `TL. ${agencyHeadTitle(agency?.kind)}`, position: chief.title ?? 'Chánh Văn phòng', name: chief.name };
  } else if (user.personId) {
    const [me] = await deps.db
      .select({ name: people.fullName, title: people.title, position: people.position, unitKind: units.kind })
      .from(people)
      .leftJoin(units, eq(units.id, people.unitId))
      .where(eq(people.id, user.personId));
    const head = agencyHeadTitle(agency?.kind);
    if (me)
      signer =
        me.position === 'director'
          ? { position: head.charAt(0) + head.slice(1).toLowerCase(), name: me.name }
          : { authority: `TL. ${head}`, position: me.title ?? positionTitle(me.position as PersonRole, me.unitKind), name: me.name };
  }
  return {
    agencyName: agency?.name ?? issuerId,
    parentName: parent?.name,
    code: agency?.code,
    place,
    date,
    title: kind === 'agency' ? 'Phụ lục 2' : 'Báo cáo',
    subject:
      kind === 'agency'
        ? 'Kết quả làm việc tại nhà của đội ngũ cán bộ, công chức, viên chức, người lao động'
        : 'Tổng hợp kết quả làm việc tại nhà của các cơ quan, đơn vị trên địa bàn tỉnh',
    recipients:
      kind === 'agency'
        ? ['- Sở Nội vụ (Thanh tra Sở);', '- Sở Thông tin và Truyền thông;', '- Lưu: VT, VP.']
        : ['- UBND tỉnh (b/c);', '- Lãnh đạo Sở Nội vụ;', '- Lưu: VT, TTr.'],
    signer,
  };
}
