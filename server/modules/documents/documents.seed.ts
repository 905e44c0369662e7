/**
 * Demo documents for each demo agency, made through the documents service with the agency's own
 * people (so every step has its events, tasks, numbers and audit rows like real use): incoming
 * documents at each step, outgoing drafts at each step (one returned once), one issued to another demo
 * agency, and one secret register entry. Trích yếu are those of the seed plans' period (COVID-19, 2021).
 */
import type { AppRole, Grant } from '../../../shared/domain/permissions';
import type { AgencyBundle, SeedPerson } from '../../db/seed/build';
import type { CurrentUser, Deps } from '../../lib/context';
import { addDays, vnDateOf } from '../../../shared/domain/dates';
import { putSettings } from './documents.settings';
import { assignIncoming, directIncoming, registerIncoming, submitIncoming } from './documents.incoming';
import { createOutgoing, issueOutgoing, transitionOutgoing, updateOutgoing } from './documents.outgoing';

function actorOf(b: AgencyBundle, p: SeedPerson): CurrentUser {
  const grants: Grant[] = b.grants
    .filter((g) => g.userId === p.userId)
    .map((g) => ({ role: g.role as AppRole, agencyId: g.agencyId, agencyPath: b.agency.path!, unitId: g.unitId ?? null }));
  return {
    userId: p.userId,
    personId: p.row.id,
    grants,
    username: p.username,
    displayName: p.row.fullName,
    unitId: p.row.unitId,
    agencyId: b.agency.id!,
    mustChangePassword: false,
    locale: 'vi',
  };
}

const INCOMING = [
  {
    issuerName: 'UBND tỉnh',
    numberText: '2215/UBND-VX',
    subject: 'V/v triển khai phương án làm việc tại nhà phòng, chống dịch COVID-19',
    urgency: 'hoa_toc' as const,
  },
  {
    issuerName: 'Sở Y tế',
    numberText: '1870/SYT-NVY',
    subject: 'V/v tăng cường các biện pháp phòng, chống dịch COVID-19 tại cơ quan, đơn vị',
    urgency: 'khan' as const,
  },
  {
    issuerName: 'Sở Nội vụ',
    numberText: '512/SNV-CCHC',
    subject: 'V/v báo cáo số liệu cán bộ, công chức làm việc tại nhà (Phụ lục 2)',
    urgency: 'normal' as const,
  },
  {
    issuerName: 'Bộ Nội vụ',
    numberText: '3866/BNV-VP',
    subject: 'V/v hướng dẫn sử dụng hệ thống quản lý văn bản và điều hành trong thời gian giãn cách xã hội',
    urgency: 'normal' as const,
  },
];

/** Writes the demo documents; `bundles` are the demo agencies just written. Returns the number of documents. */
export async function seedDemoDocuments(deps: Deps, bundles: AgencyBundle[]): Promise<number> {
  const today = vnDateOf(deps.clock.now());
  let n = 0;
  for (const [i, b] of bundles.entries()) {
    const find = (f: (p: SeedPerson) => boolean) => b.people.find(f);
    const office = find((p) => p.roles.includes('office'));
    const director = find((p) => p.position === 'director' && p.roles.includes('director'));
    const deputy = find((p) => p.position === 'deputy_director' && p.roles.includes('deputy_director'));
    const deptKey = b.spec.units.find((u) => u.kind === 'department')?.key;
    const head = find((p) => p.unitKey === deptKey && p.roles.includes('unit_head'));
    const staff = b.people.filter((p) => p.unitKey === deptKey && p.position === 'staff');
    if (!office || !director || !head || staff.length < 2) continue;
    const O = actorOf(b, office);
    const D = actorOf(b, director);
    const H = actorOf(b, head);
    const S1 = actorOf(b, staff[0]!);
    const agencyId = b.agency.id!;
    const unitId = head.row.unitId;
    // Unit abbreviations of the ký hiệu: the seed's unit keys (TCBM, KHTC…), as the Director would set them.
    const unitCodes = Object.fromEntries(b.spec.units.filter((u) => u.kind === 'department').map((u) => [`${b.spec.id}-${u.key}`, u.key.toUpperCase()]));
    await putSettings(deps, O, { agencyId, maxReturns: 2, stepDays: 2, unitCodes });
    const issuedDate = addDays(today, -3);
    const inc = async (k: number) => {
      n++;
      return registerIncoming(deps, O, { agencyId, ...INCOMING[k]!, docType: 'cong_van', issuedDate, dueDate: addDays(today, 4), secrecy: 'none' });
    };
    // Incoming: one handled down to a specialist, one waiting for the Director, one just registered.
    let d = await inc(0);
    d = await submitIncoming(deps, O, d.id, { leaderPersonId: director.row.id, version: d.version });
    d = await directIncoming(deps, D, d.id, {
      directive: 'Giao phòng chủ trì tham mưu triển khai; báo cáo kết quả trước hạn.',
      leadUnitId: unitId,
      version: d.version,
    });
    d = await assignIncoming(deps, H, d.id, {
      leadPersonId: staff[0]!.row.id,
      coordinatorIds: [staff[1]!.row.id],
      note: 'Dự thảo kế hoạch của Sở',
      version: d.version,
    });
    const replyTo = d.id;
    d = await inc(1);
    await submitIncoming(deps, O, d.id, { leaderPersonId: director.row.id, version: d.version });
    await inc(2 + (i % 2));

    // Outgoing: a reply waiting for signature after one return for format, a fresh draft, and one issued.
    const signer = deputy ?? director;
    n++;
    let out = await createOutgoing(deps, S1, {
      docType: 'ke_hoach',
      subject: 'Kế hoạch làm việc tại nhà trong thời gian giãn cách xã hội phòng, chống dịch COVID-19',
      body: 'I. MỤC ĐÍCH, YÊU CẦU\n1. Bảo đảm hoạt động của cơ quan không bị gián đoạn.\nII. NỘI DUNG\n1. Tối thiểu 30% công chức làm việc tại cơ quan.',
      urgency: 'khan',
      secrecy: 'none',
      recipients: [{ name: 'UBND tỉnh' }],
      signerPersonId: signer.row.id,
      replyToId: replyTo,
    });
    const step = async (u: CurrentUser, action: 'submit' | 'initial' | 'approve_format' | 'return' | 'sign', reason?: string) =>
      (out = await transitionOutgoing(deps, u, out.id, { action, reason, version: out.version }));
    await step(S1, 'submit');
    await step(H, 'initial');
    await step(O, 'return', 'Sai thể thức: thiếu "Nơi nhận" và ký hiệu người soạn thảo.');
    out = await updateOutgoing(deps, S1, out.id, {
      body: `${out.body}\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.`,
      note: 'Bổ sung nơi nhận theo ý kiến Văn phòng',
      version: out.version,
    });
    await step(S1, 'submit');
    await step(H, 'initial');
    await step(O, 'approve_format');

    n++;
    await createOutgoing(deps, actorOf(b, staff[1]!), {
      docType: 'cong_van',
      subject: 'V/v đăng ký danh sách công chức làm việc tại nhà tuần tới',
      body: 'Kính gửi: Văn phòng Sở.\nPhòng đăng ký danh sách như sau: ...',
      urgency: 'normal',
      secrecy: 'none',
      recipients: [],
    });

    const other = bundles[(i + 1) % bundles.length]!;
    if (other !== b) {
      n++;
      let rep = await createOutgoing(deps, S1, {
        docType: 'cong_van',
        subject: 'V/v phối hợp thực hiện phương án làm việc tại nhà',
        body: 'Kính gửi: các cơ quan, đơn vị.\nĐề nghị phối hợp thực hiện phương án.',
        urgency: 'normal',
        secrecy: 'none',
        recipients: [{ agencyId: other.agency.id! }],
        signerPersonId: director.row.id,
      });
      for (const [u, action] of [
        [S1, 'submit'],
        [H, 'initial'],
        [O, 'approve_format'],
        [D, 'sign'],
      ] as const)
        rep = await transitionOutgoing(deps, u, rep.id, { action, version: rep.version });
      await issueOutgoing(deps, O, rep.id, { version: rep.version });
      n++;
    }

    // A secret register entry: no content. No handler is named, so the demo's duty rota keeps exactly its
    // office and leader duties (a named handler gets an on-site `documents` duty for the day).
    n++;
    await registerIncoming(deps, O, {
      agencyId,
      issuerName: 'Công an tỉnh',
      numberText: `${40 + i}/CAT-PA03`,
      docType: 'cong_van',
      issuedDate,
      secrecy: 'mat',
      urgency: 'khan',
    });
  }
  return n;
}
