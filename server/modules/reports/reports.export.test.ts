import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { appendix2Counts, appendix2Totals, type Appendix2Report } from '../../../shared/domain/activity/appendix2';
import { appendix2Lines, lineCells } from '../../../shared/domain/activity/appendix2-table';
import type { ReportNames } from '../../../shared/domain/reports';
import { appendix2Xlsx } from './reports.export';

const row = (personId: string, unitId: string, wfhDays: number, assigned: number, processed: number) => ({
  personId,
  unitId,
  ...appendix2Counts(wfhDays, assigned, processed),
});

describe('Phụ lục 2 export', () => {
  it('writes in the XLSX the same lines and ratio text as the screen shows (one table definition in shared/)', async () => {
    const a = [row('p1', 'u1', 2, 3, 2), row('p2', 'u1', 1, 0, 0)];
    const b = [row('q1', 'v1', 1, 7, 7)];
    const agencies = [
      { agencyId: 'ag1', rows: a, totals: appendix2Totals(a) },
      { agencyId: 'ag2', rows: b, totals: appendix2Totals(b) },
    ];
    const report: Appendix2Report = { from: '2026-11-23', to: '2026-11-24', agencies, totals: appendix2Totals(agencies.map((x) => x.totals)) };
    const names: ReportNames = {
      agencies: { ag1: 'Sở Nội vụ', ag2: 'Sở Tài chính' },
      units: {},
      people: { p1: 'Trần Văn A', p2: 'Trần Văn B', q1: 'Lê Thị C' },
    };
    const buf = await appendix2Xlsx(report, names, {
      agencyName: 'UBND tỉnh',
      place: 'Ninh Thuận',
      date: '2026-11-24',
      title: 'Báo cáo',
      subject: 'Phụ lục 2',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Phụ lục 2')!;
    const written: string[][] = [];
    for (let r = 8; r <= ws.rowCount; r++) {
      const cells = [1, 2, 3, 4, 5, 6, 7].map((c) => String(ws.getCell(r, c).value ?? ''));
      if (cells.every((c) => c === '')) break;
      written.push(cells);
    }
    const screen = appendix2Lines(report, names, 'agency', 'Tổng cộng').map(lineCells);
    expect(written).toEqual(screen);
    expect(written[1]).toEqual(['1.1', 'Trần Văn A', '3', '2', '66,7%', '1', '33,3%']);
    expect(written.at(-1)).toEqual(['', 'Tổng cộng', '10', '9', '90,0%', '1', '10,0%']);
  });
});
