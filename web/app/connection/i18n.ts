/** Strings of the connection banner (offline changes). Mounted as `connection` in web/i18n/vi.ts and en.ts. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const connectionVi = {
  offlineTitle: 'Mất kết nối mạng',
  offlineNothing: 'Bạn vẫn xem được dữ liệu đã tải. Thay đổi mới sẽ được giữ lại và tự gửi khi có mạng.',
  offlinePending_one: '{{count}} thay đổi đang chờ gửi, sẽ tự gửi khi có mạng lại:',
  offlinePending_other: '{{count}} thay đổi đang chờ gửi, sẽ tự gửi khi có mạng lại:',
  sending_one: 'Đã có mạng lại. Đang gửi {{count}} thay đổi…',
  sending_other: 'Đã có mạng lại. Đang gửi {{count}} thay đổi…',
  sent_one: 'Đã có mạng lại và đã gửi {{count}} thay đổi.',
  sent_other: 'Đã có mạng lại và đã gửi {{count}} thay đổi.',
  what: {
    checkin: 'Điểm danh',
    status: 'Cập nhật trạng thái làm việc',
    summonsAck: 'Xác nhận lệnh triệu tập',
    health: 'Khai báo y tế',
    taskCreate: 'Giao việc',
    taskStatus: 'Cập nhật tiến độ công việc',
    taskComment: 'Ý kiến về công việc',
    rosterCells: 'Thay đổi lịch làm việc',
    other: 'Thay đổi khác',
  },
};

export const connectionEn: Shape<typeof connectionVi> = {
  offlineTitle: 'No network connection',
  offlineNothing: 'You can still see the data already loaded. New changes are kept and sent when the connection is back.',
  offlinePending_one: '{{count}} change waiting, it will be sent when the connection is back:',
  offlinePending_other: '{{count}} changes waiting, they will be sent when the connection is back:',
  sending_one: 'Back online. Sending {{count}} change…',
  sending_other: 'Back online. Sending {{count}} changes…',
  sent_one: 'Back online: {{count}} change sent.',
  sent_other: 'Back online: {{count}} changes sent.',
  what: {
    checkin: 'Check-in',
    status: 'Work status update',
    summonsAck: 'Summons acknowledgement',
    health: 'Health declaration',
    taskCreate: 'Task assignment',
    taskStatus: 'Task progress update',
    taskComment: 'Task comment',
    rosterCells: 'Roster change',
    other: 'Other change',
  },
};

/** What a mutation changes, for the banner (`meta: { offline: 'checkin' }` on useMutation). */
export type OfflineWhat = keyof typeof connectionVi.what;
