/**
 * The demo province: the five agencies of the seed plans (../shared/seeds), each with the unit
 * structure of its kind of Sở, its real leaders where the plan names them, and the WFH policy its plan
 * states. Sizes are those of the agencies' own offices (40-150 people each).
 */
import type { AgencySpec } from './build';
import { PLACES } from './places';

export interface RootSpec {
  id: string;
  name: string;
  shortName: string;
  district: string;
  province: string;
  sortOrder: number;
}

/** Provincial People's Committees: the roots of the tree. */
export const DEMO_ROOTS: RootSpec[] = [
  { id: 'th', name: 'UBND tỉnh Thanh Hóa', shortName: 'Thanh Hóa', district: 'TP Thanh Hóa', province: 'Thanh Hóa', sortOrder: 10 },
  { id: 'nt', name: 'UBND tỉnh Ninh Thuận', shortName: 'Ninh Thuận', district: 'Phan Rang-Tháp Chàm', province: 'Ninh Thuận', sortOrder: 20 },
  { id: 'hd', name: 'UBND tỉnh Hải Dương', shortName: 'Hải Dương', district: 'TP Hải Dương', province: 'Hải Dương', sortOrder: 30 },
  { id: 'dn', name: 'UBND tỉnh Đắk Nông', shortName: 'Đắk Nông', district: 'TP Gia Nghĩa', province: 'Đắk Nông', sortOrder: 40 },
];

const TH_LDTBXH: AgencySpec = {
  id: 'th-sldtbxh',
  parentId: 'th',
  name: 'Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa',
  shortName: 'Sở LĐTBXH Thanh Hóa',
  code: 'SLĐTBXH',
  district: 'TP Thanh Hóa',
  province: 'Thanh Hóa',
  sortOrder: 10,
  emailDomain: 'sldtbxh.thanhhoa.gov.vn',
  loginSuffix: 'sldtbxh-th',
  region: 'north',
  places: PLACES.th,
  units: [
    { key: 'bgd', name: 'Ban Giám đốc', kind: 'board', size: 4, known: [{ position: 'director', fullName: 'Vũ Thị Hương', gender: 'female' }] },
    { key: 'vp', name: 'Văn phòng Sở', kind: 'office', size: 14 },
    { key: 'tt', name: 'Thanh tra Sở', kind: 'inspectorate', size: 8 },
    { key: 'khtc', name: 'Phòng Kế hoạch - Tài chính', kind: 'department', size: 8 },
    { key: 'ldtl', name: 'Phòng Lao động - Tiền lương - Bảo hiểm xã hội', kind: 'department', size: 7 },
    { key: 'vlatld', name: 'Phòng Việc làm - An toàn lao động', kind: 'department', size: 7 },
    { key: 'gdnn', name: 'Phòng Giáo dục nghề nghiệp', kind: 'department', size: 7 },
    { key: 'ncc', name: 'Phòng Người có công', kind: 'department', size: 10 },
    { key: 'btxh', name: 'Phòng Bảo trợ xã hội', kind: 'department', size: 7 },
    { key: 'tebdg', name: 'Phòng Bảo vệ, chăm sóc trẻ em và Bình đẳng giới', kind: 'department', size: 6 },
    { key: 'pctnxh', name: 'Phòng Phòng, chống tệ nạn xã hội', kind: 'department', size: 6 },
    { key: 'ttdvvl', name: 'Trung tâm Dịch vụ việc làm Thanh Hóa', kind: 'center', size: 12 },
  ],
  policy: {
    title: 'Kế hoạch triển khai làm việc tại nhà trong thời gian áp dụng các biện pháp giãn cách xã hội để phòng, chống dịch COVID-19',
    docNumber: null,
    docDate: null,
    issuer: 'Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa (Giám đốc Vũ Thị Hương ký)',
    rules: { wfhShare: { scope: 'agency', target: 0.7 }, minOnSitePerUnit: { people: 1 }, minAgencyLeadersOnSite: 1, requireEligibilityForWfh: true },
    warn: ['unit_min_people_onsite', 'wfh_not_eligible'],
    notes:
      'Thực hiện Chỉ thị 16/CT-TTg ngày 31/3/2020 và Quyết định 3418/QĐ-UBND ngày 01/9/2021 của Chủ tịch UBND tỉnh (giãn cách xã hội tại TP Thanh Hóa). Văn bản gốc không ghi số; áp dụng từ 06/9/2021 đến hết 08/9/2021. ' +
      'Giám đốc phân công lãnh đạo Sở trực lãnh đạo; chỉ cán bộ phòng, chống dịch, trực cơ quan, xử lý tài liệu mật và nhiệm vụ cần thiết mới đến cơ quan (mỗi ngày ít nhất 01 lãnh đạo Sở). ' +
      'Văn bản mật cần xử lý gấp: cán bộ báo cáo Trưởng phòng vào cơ quan, nên mỗi phòng có ít nhất 01 người tại cơ quan (cảnh báo). Làm việc tại nhà cần máy tính, chữ ký số và TD.Office (mục 2.1.b, cảnh báo). Mục tiêu khoảng 70% làm việc tại nhà khi lập lịch tự động (không phải quy tắc).',
  },
};

const TH_STTTT: AgencySpec = {
  id: 'th-stttt',
  parentId: 'th',
  name: 'Sở Thông tin và Truyền thông tỉnh Thanh Hóa',
  shortName: 'Sở TT&TT Thanh Hóa',
  code: 'STTTT',
  district: 'TP Thanh Hóa',
  province: 'Thanh Hóa',
  sortOrder: 20,
  emailDomain: 'stttt.thanhhoa.gov.vn',
  loginSuffix: 'stttt-th',
  region: 'north',
  places: PLACES.th,
  units: [
    { key: 'bgd', name: 'Ban Giám đốc', kind: 'board', size: 4, known: [{ position: 'director', fullName: 'Đỗ Hữu Quyết', gender: 'male' }] },
    { key: 'vp', name: 'Văn phòng Sở', kind: 'office', size: 10 },
    { key: 'tt', name: 'Thanh tra Sở', kind: 'inspectorate', size: 6 },
    { key: 'khtc', name: 'Phòng Kế hoạch - Tài chính', kind: 'department', size: 6 },
    { key: 'cntt', name: 'Phòng Công nghệ thông tin', kind: 'department', size: 8, it: true },
    { key: 'bcvt', name: 'Phòng Bưu chính, Viễn thông', kind: 'department', size: 6 },
    { key: 'ttbcxb', name: 'Phòng Thông tin - Báo chí - Xuất bản', kind: 'department', size: 7 },
    { key: 'ttcntt', name: 'Trung tâm Công nghệ thông tin và Truyền thông', kind: 'center', size: 12 },
  ],
  policy: {
    title: 'Kế hoạch triển khai làm việc trực tuyến trong thời gian phòng, chống dịch COVID-19',
    docNumber: null,
    docDate: null,
    issuer: 'Sở Thông tin và Truyền thông tỉnh Thanh Hóa (Giám đốc Đỗ Hữu Quyết ký)',
    rules: { wfhShare: { scope: 'agency', target: 0.7 }, minOnSitePerUnit: { people: 1 }, minAgencyLeadersOnSite: 1, requireEligibilityForWfh: true },
    warn: ['wfh_not_eligible'],
    notes:
      'Thực hiện Chỉ thị 11/CT-UBND ngày 31/3/2020 của Chủ tịch UBND tỉnh Thanh Hóa. Văn bản gốc: Số …/KH-STTTT (năm 2020, để trống số và ngày), làm việc trực tuyến tại nhà từ ngày 01/4/2020 đến khi có thông báo kết thúc. ' +
      'Hằng ngày Sở bố trí tối thiểu 01 lãnh đạo Sở và 01 CBCC,VC mỗi phòng, đơn vị trực và làm việc tại cơ quan; CBCC,VC còn lại làm việc tại nhà (mục tiêu khoảng 70% khi lập lịch tự động). Làm việc trực tuyến cần máy tính, chữ ký số, TD.Office (cảnh báo).',
  },
};

const NT_SNV: AgencySpec = {
  id: 'nt-snv',
  parentId: 'nt',
  name: 'Sở Nội vụ tỉnh Ninh Thuận',
  shortName: 'Sở Nội vụ Ninh Thuận',
  code: 'SNV',
  district: 'Phan Rang-Tháp Chàm',
  province: 'Ninh Thuận',
  sortOrder: 10,
  emailDomain: 'snv.ninhthuan.gov.vn',
  loginSuffix: 'snv-nt',
  region: 'south',
  places: PLACES.nt,
  units: [
    { key: 'bgd', name: 'Ban Giám đốc', kind: 'board', size: 4, known: [{ position: 'director', fullName: 'Trần Hải', gender: 'male' }] },
    { key: 'vp', name: 'Văn phòng Sở', kind: 'office', size: 11 },
    { key: 'tt', name: 'Thanh tra Sở', kind: 'inspectorate', size: 6 },
    { key: 'tcbm', name: 'Phòng Tổ chức, biên chế và Tổ chức phi chính phủ', kind: 'department', size: 7 },
    { key: 'ccvc', name: 'Phòng Công chức, viên chức', kind: 'department', size: 7 },
    { key: 'xdcq', name: 'Phòng Xây dựng chính quyền và Công tác thanh niên', kind: 'department', size: 6 },
    { key: 'cchc', name: 'Phòng Cải cách hành chính', kind: 'department', size: 6 },
    { key: 'tdkt', name: 'Phòng Thi đua - Khen thưởng', kind: 'department', size: 6 },
    {
      key: 'ccvtlt',
      name: 'Chi cục Văn thư - Lưu trữ',
      kind: 'center',
      size: 10,
      headTitle: 'Chi cục trưởng',
      deputyTitle: 'Phó Chi cục trưởng',
      staffTitles: ['Kế toán', 'Lưu trữ viên', 'Chuyên viên', 'Lưu trữ viên', 'Viên chức', 'Chuyên viên'],
    },
    {
      key: 'btg',
      name: 'Ban Tôn giáo',
      kind: 'center',
      size: 8,
      headTitle: 'Trưởng ban',
      deputyTitle: 'Phó Trưởng ban',
      staffTitles: ['Chuyên viên', 'Chuyên viên chính', 'Chuyên viên'],
    },
  ],
  // Seed 002 §5: the Inspectorate of Sở Nội vụ compiles the results of all agencies for the province.
  provinceRoots: ['th', 'nt', 'hd', 'dn'],
  nextWeek: { tcbm: 'none' },
  policy: {
    title: 'V/v phân công cán bộ, công chức, viên chức làm việc tại nhà trong thời điểm phòng, chống dịch COVID-19 trên địa bàn tỉnh',
    docNumber: '2215/SNV-TCBM',
    docDate: '2021-07-16',
    issuer: 'Sở Nội vụ tỉnh Ninh Thuận (Giám đốc Trần Hải ký)',
    scopeDistricts: ['Phan Rang-Tháp Chàm', 'Ninh Phước'],
    rules: { wfhShare: { scope: 'agency', target: 0.5 }, minOnSitePerUnit: { people: 1 }, minAgencyLeadersOnSite: 1, requireEligibilityForWfh: true },
    warn: ['unit_min_people_onsite'],
    notes:
      'Căn cứ Chỉ thị 15/CT-TTg, 16/CT-TTg và Chỉ thị 16/CT-UBND ngày 16/7/2021 của Chủ tịch UBND tỉnh. Áp dụng cho các cơ quan, đơn vị có trụ sở tại TP Phan Rang-Tháp Chàm và huyện Ninh Phước (mục 1). ' +
      'Chỉ trực chiến đấu, trực chống dịch, trực cơ quan, trực lãnh đạo, cung ứng dịch vụ thiết yếu, nhận và xử lý văn bản đi-đến (đặc biệt tài liệu mật, hỏa tốc) mới làm việc tại công sở; phân công phù hợp điều kiện ứng dụng CNTT của từng người. ' +
      'Phương án (Phụ lục 1) gửi Sở Nội vụ, Sở TT&TT trong ngày 19/7/2021; Sở TT&TT gửi kết quả (Phụ lục 2) về Sở Nội vụ lúc 16h00 hằng ngày; Thanh tra Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước 17h00 hằng ngày. Mục tiêu khoảng 50% làm việc tại nhà khi lập lịch tự động (không phải quy tắc).',
  },
};

const HD_STC: AgencySpec = {
  id: 'hd-stc',
  parentId: 'hd',
  name: 'Sở Tài chính tỉnh Hải Dương',
  shortName: 'Sở Tài chính Hải Dương',
  code: 'STC',
  district: 'TP Hải Dương',
  province: 'Hải Dương',
  sortOrder: 10,
  emailDomain: 'stc.haiduong.gov.vn',
  loginSuffix: 'stc-hd',
  region: 'north',
  places: PLACES.hd,
  units: [
    { key: 'bgd', name: 'Ban Giám đốc', kind: 'board', size: 4, known: [{ position: 'director', fullName: 'Nguyễn Trọng Hưng', gender: 'male' }] },
    { key: 'vp', name: 'Văn phòng Sở', kind: 'office', size: 10 },
    { key: 'tt', name: 'Thanh tra Sở', kind: 'inspectorate', size: 7 },
    { key: 'qlns', name: 'Phòng Quản lý ngân sách', kind: 'department', size: 8 },
    { key: 'tcdt', name: 'Phòng Tài chính đầu tư', kind: 'department', size: 7 },
    { key: 'hcsn', name: 'Phòng Tài chính hành chính sự nghiệp', kind: 'department', size: 7 },
    { key: 'qlgcs', name: 'Phòng Quản lý giá và công sản', kind: 'department', size: 7 },
    { key: 'tcdn', name: 'Phòng Tài chính doanh nghiệp', kind: 'department', size: 6 },
    { key: 'thtk', name: 'Phòng Tin học và Thống kê', kind: 'department', size: 5, it: true },
    { key: 'ttdvtc', name: 'Trung tâm Dịch vụ tài chính công', kind: 'center', size: 6 },
  ],
  policy: {
    title: 'V/v thực hiện biện pháp cấp bách phòng, chống dịch COVID-19',
    docNumber: null,
    docDate: null,
    issuer: 'Sở Tài chính tỉnh Hải Dương (Giám đốc Nguyễn Trọng Hưng ký)',
    rules: { wfhShare: { scope: 'agency', min: 0.5, target: 0.5 }, requireEligibilityForWfh: true },
    warn: ['wfh_not_eligible'],
    notes:
      'Thực hiện Thông báo 228-TB/TU ngày 24/5/2021 của Tỉnh ủy Hải Dương. Văn bản gốc: Số …/STC-VP, tháng 5/2021 (để trống số và ngày). ' +
      'Từ ngày 25/5/2021 cho đến khi có thông báo mới, ít nhất 50% công chức, viên chức, người lao động làm việc tại nhà; chỉ trực cơ quan, xử lý tài liệu mật và nhiệm vụ cần thiết mới đến cơ quan. Trưởng phòng, Giám đốc Trung tâm phân công lịch của đơn vị; Văn phòng Sở phân công trực cơ quan hằng ngày. ' +
      'Người làm việc tại nhà luôn sẵn sàng điện thoại, email, phần mềm quản lý văn bản (cảnh báo khi người không đủ điều kiện được xếp làm việc tại nhà).',
  },
};

const DN_LDTBXH: AgencySpec = {
  id: 'dn-sldtbxh',
  parentId: 'dn',
  name: 'Sở Lao động - Thương binh và Xã hội tỉnh Đắk Nông',
  shortName: 'Sở LĐTBXH Đắk Nông',
  code: 'SLĐTBXH',
  district: 'TP Gia Nghĩa',
  province: 'Đắk Nông',
  sortOrder: 10,
  emailDomain: 'sldtbxh.daknong.gov.vn',
  loginSuffix: 'sldtbxh-dn',
  region: 'south',
  places: PLACES.dn,
  units: [
    {
      key: 'bgd',
      name: 'Ban Giám đốc',
      kind: 'board',
      size: 3,
      known: [
        { position: 'director', fullName: 'Nguyễn Công Tự', gender: 'male' },
        { position: 'deputy_director', fullName: 'Nguyễn Thị Hương', gender: 'female' },
      ],
    },
    { key: 'vp', name: 'Văn phòng Sở', kind: 'office', size: 10, known: [{ position: 'chief_of_office', fullName: 'Hoàng Việt Nam', gender: 'male' }] },
    { key: 'tt', name: 'Thanh tra Sở', kind: 'inspectorate', size: 6 },
    { key: 'ldvl', name: 'Phòng Lao động - Việc làm và Giáo dục nghề nghiệp', kind: 'department', size: 8 },
    { key: 'btxh', name: 'Phòng Bảo trợ xã hội - Phòng, chống tệ nạn xã hội và Trẻ em', kind: 'department', size: 8 },
    { key: 'khtc', name: 'Phòng Kế hoạch - Tài chính', kind: 'department', size: 6 },
    { key: 'ncc', name: 'Phòng Người có công', kind: 'department', size: 7 },
    { key: 'ttdvvl', name: 'Trung tâm Dịch vụ việc làm tỉnh Đắk Nông', kind: 'center', size: 12 },
    { key: 'ttctxh', name: 'Trung tâm Công tác xã hội tỉnh Đắk Nông', kind: 'center', size: 10 },
  ],
  nextWeek: { ldvl: 'returned' },
  policy: {
    title: 'Thông báo ý kiến kết luận của Giám đốc Sở Lao động - TB&XH tại cuộc họp giao ban tháng 7 năm 2021',
    docNumber: null,
    docDate: null,
    issuer: 'Sở Lao động - Thương binh và Xã hội tỉnh Đắk Nông (TL. Giám đốc, Chánh Văn phòng Hoàng Việt Nam ký)',
    rules: {
      wfhShare: { scope: 'agency', min: 0.25, target: 0.3, max: 0.3 },
      alwaysOnSiteRoles: ['director', 'deputy_director', 'center_director', 'deputy_center_director', 'chief_of_office', 'deputy_chief_of_office'],
      minOnSiteShareByRole: { head: 0.5, deputy_head: 0.5 },
      requireEligibilityForWfh: true,
    },
    warn: ['wfh_share_min'],
    notes:
      'Kết luận của Giám đốc Nguyễn Công Tự tại cuộc họp giao ban ngày 09/8/2021 (Số …/TB-SLĐTBXH, để trống số và ngày); danh sách đăng ký gửi Văn phòng Sở trước 8h00 ngày 10/8/2021. ' +
      'Đăng ký 70% làm việc tại cơ quan, 30% làm việc tại nhà: tối đa 30% tại nhà mỗi ngày (chặn) và mục tiêu 30% khi lập lịch tự động; tối thiểu 25% tại nhà chỉ cảnh báo, vì kết luận nêu tỷ lệ đăng ký chứ không buộc đủ đúng 30% mỗi ngày (người trực, nghỉ phép, người không đủ điều kiện làm tỷ lệ dao động). ' +
      'Ban Giám đốc Sở, Ban Giám đốc 02 Trung tâm, Chánh Văn phòng, Phó Chánh Văn phòng làm việc 100% tại cơ quan (kể cả thứ 7, chủ nhật khi cần thiết); Trưởng, phó phòng chuyên môn làm việc tại cơ quan ít nhất 50%. ' +
      'Làm việc tại nhà phải có máy vi tính, kết nối iOffice; không bảo đảm thì không giải quyết làm việc tại nhà. Đi ra ngoài tỉnh phải được Giám đốc đồng ý (báo cáo bằng văn bản qua Chánh Văn phòng).',
  },
};

export const DEMO_AGENCIES: AgencySpec[] = [TH_LDTBXH, TH_STTTT, NT_SNV, HD_STC, DN_LDTBXH];
