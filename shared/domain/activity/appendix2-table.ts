/**
 * The Phụ lục 2 table, once for the screens (web/features/reports) and the exports (XLSX, PDF, DOCX of
 * server/modules/reports/reports.export.ts): the ratio text and the lines, as the seed lays them out.
 */
import { appendix2UnitTotals, type Appendix2Counts, type Appendix2Report } from './appendix2';
import type { ReportNames } from '../reports';

/** `80,0%` with the Vietnamese decimal comma, `—` when nothing was assigned (the screens and the XLSX/PDF/DOCX exports). */
export function formatRatio(r: number | null | undefined): string {
  return r === null || r === undefined ? '—' : `${r.toFixed(1).replace('.', ',')}%`;
}

export type LineKind = 'group' | 'person' | 'total';

export interface TableLine {
  /** Stable React key. */
  key: string;
  kind: LineKind;
  /** `1`, `1.1`… as in the seed; empty for the total. */
  stt: string;
  name: string;
  /** The group's unit or agency (group lines) or the person's unit (person lines). */
  unitId?: string;
  agencyId?: string;
  personId?: string;
  counts: Appendix2Counts;
}

/**
 * The lines of the Phụ lục 2 table, as the seed lays it out: a group line with its totals (`1 Văn phòng`),
 * its people (`1.1 …`), the next group…, then the total (`Tổng cộng`).
 * - `agency`: one group per agency of the report (the lines of the exports);
 * - `unit`: one group per unit (by unit id, as the rows are sorted), for one agency's report.
 * Group and total ratios come from the added counts, never from averaging ratios.
 */
export function appendix2Lines(report: Appendix2Report, names: ReportNames, groupBy: 'unit' | 'agency', totalLabel: string): TableLine[] {
  const lines: TableLine[] = [];
  const personLine = (stt: string, agencyId: string, row: Appendix2Report['agencies'][number]['rows'][number]): TableLine => ({
    key: `p:${agencyId}:${row.personId}`,
    kind: 'person',
    stt,
    name: names.people[row.personId] ?? row.personId,
    unitId: row.unitId,
    agencyId,
    personId: row.personId,
    counts: pickCounts(row),
  });
  if (groupBy === 'agency') {
    report.agencies.forEach((agency, i) => {
      lines.push({
        key: `a:${agency.agencyId}`,
        kind: 'group',
        stt: String(i + 1),
        name: names.agencies[agency.agencyId] ?? agency.agencyId,
        agencyId: agency.agencyId,
        counts: pickCounts(agency.totals),
      });
      agency.rows.forEach((row, j) => lines.push(personLine(`${i + 1}.${j + 1}`, agency.agencyId, row)));
    });
  } else {
    let group = 0;
    for (const agency of report.agencies) {
      for (const unit of appendix2UnitTotals(agency)) {
        group++;
        lines.push({
          key: `u:${agency.agencyId}:${unit.unitId}`,
          kind: 'group',
          stt: String(group),
          name: names.units[unit.unitId] ?? unit.unitId,
          unitId: unit.unitId,
          agencyId: agency.agencyId,
          counts: pickCounts(unit.totals),
        });
        agency.rows.filter((r) => r.unitId === unit.unitId).forEach((row, j) => lines.push(personLine(`${group}.${j + 1}`, agency.agencyId, row)));
      }
    }
  }
  lines.push({ key: 'total', kind: 'total', stt: '', name: totalLabel, counts: pickCounts(report.totals) });
  return lines;
}

export function pickCounts(c: Appendix2Counts): Appendix2Counts {
  return {
    wfhDays: c.wfhDays,
    assigned: c.assigned,
    processed: c.processed,
    processedRatio: c.processedRatio,
    notProcessed: c.notProcessed,
    notProcessedRatio: c.notProcessedRatio,
  };
}

/** The cells of a line as the exports write them: Stt, name, assigned, processed, ratio, not processed, ratio. */
export function lineCells(line: TableLine): [string, string, string, string, string, string, string] {
  const c = line.counts;
  return [
    line.stt,
    line.name,
    String(c.assigned),
    String(c.processed),
    formatRatio(c.processedRatio),
    String(c.notProcessed),
    formatRatio(c.notProcessedRatio),
  ];
}
