/** Sample outgoing documents (a công văn of the Sở Nội vụ and a quyết định), used by the tests and by render-sample.ts. */
import type { OutgoingDocumentView } from './types';

export const SAMPLE_CONG_VAN: OutgoingDocumentView = {
  parentAgency: 'UBND tỉnh Ninh Thuận',
  agency: 'Sở Nội vụ',
  number: 123,
  notation: 'SNV-TCBM',
  place: 'Ninh Thuận',
  date: '2026-12-05',
  subject: 'tổ chức làm việc tại nhà trong thời gian phòng, chống dịch',
  addressees: ['Các phòng, đơn vị thuộc Sở'],
  body: [
    'Thực hiện Chỉ thị số 12/CT-UBND ngày 01 tháng 12 năm 2026 của Ủy ban nhân dân tỉnh về việc tổ chức làm việc tại nhà của cán bộ, công chức, viên chức trong thời gian phòng, chống dịch, Sở Nội vụ đề nghị các phòng, đơn vị thuộc Sở thực hiện một số nội dung sau:',
    '1. Trưởng các phòng, đơn vị lập danh sách cán bộ, công chức làm việc tại cơ quan và làm việc tại nhà theo từng tuần, bảo đảm tối thiểu 30% số người làm việc tại cơ quan; gửi về Văn phòng Sở trước 08 giờ 00 thứ Hai hằng tuần.',
    '2. Cán bộ, công chức làm việc tại nhà phải bảo đảm liên lạc thông suốt trong giờ hành chính, xử lý văn bản trên Hệ thống quản lý văn bản và điều hành; có mặt tại cơ quan khi được triệu tập.',
    '3. Văn phòng Sở tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước 16 giờ 00 hằng ngày.',
    'Đề nghị các phòng, đơn vị nghiêm túc triển khai thực hiện./.',
  ],
  recipients: ['Như trên;', 'UBND tỉnh (b/c);', 'Giám đốc, các PGĐ Sở;', 'Lưu: VT, TCBM.'],
  signer: { form: 'KT', onBehalfOf: 'Giám đốc', position: 'Phó Giám đốc', name: 'Nguyễn Văn An' },
};

export const SAMPLE_QUYET_DINH: OutgoingDocumentView = {
  parentAgency: 'UBND tỉnh Ninh Thuận',
  agency: 'Sở Nội vụ',
  number: 7,
  notation: 'QĐ-SNV',
  place: 'Ninh Thuận',
  date: '2026-02-03',
  typeName: 'Quyết định',
  subject: 'Ban hành Quy chế làm việc tại nhà của Sở Nội vụ',
  body: ['Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc tại nhà của Sở Nội vụ.', 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.'],
  recipients: ['Như Điều 2;', 'Lưu: VT, VP.'],
  signer: { form: 'TL', onBehalfOf: 'Giám đốc', position: 'Chánh Văn phòng', name: 'Trần Thị Bình' },
};
