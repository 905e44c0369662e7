/**
 * Phụ lục 2 computed in the database (the app and the API), with exactly the definitions of
 * formats/activity.md and the same result as the pure `computeAppendix2` (a test compares them):
 * D(p) = the person's published `wfh` days in the period (schedule), a task is open on day d when
 * day(assignedAt) ≤ d ≤ day(finishedAt) (or no finishedAt), assigned(p) = p's tasks open on a day of
 * D(p), processed(p) = those with a non-`view` action by p on a day of D(p). Counting happens in SQL
 * so that a province of 50,000 people and millions of actions never travels to the app server:
 * D(p) is kept as a date multirange (one overlap test per task) and as an array (one index-only probe
 * of the partial index on processing actions per task).
 */
import { sql } from 'drizzle-orm';
import { appendix2Counts, appendix2Totals, type Appendix2Agency, type Appendix2Report, type Appendix2Row } from '../../../shared/domain/activity/appendix2';
import { queryRows, textArray, type Db } from '../../db/client';

/** Local (Asia/Ho_Chi_Minh, UTC+7 without DST) date of a timestamptz column. */
const vnDate = (column: string) => sql.raw(`((${column} at time zone 'UTC') + interval '7 hours')::date`);

interface CountRow {
  agency_id: string;
  unit_id: string;
  person_id: string;
  wfh_days: number | string;
  assigned: number | string;
  processed: number | string;
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function appendix2FromDb(db: Db, q: { agencyIds: string[]; from: string; to: string }): Promise<Appendix2Report> {
  const agencyIds = [...new Set(q.agencyIds)].sort(compareIds);
  const rows: CountRow[] = agencyIds.length
    ? await queryRows<CountRow>(
        db,
        sql`
      with days as (
        select s.person_id, min(s.unit_id) as unit_id, min(s.agency_id) as agency_id, count(*) as wfh_days,
               array_agg(s.date) as dates,
               range_agg(daterange(s.date::date, s.date::date, '[]')) as home_days
        from schedule s
        where s.agency_id = any(${textArray(agencyIds)})
          and s.date >= ${q.from} and s.date <= ${q.to} and s.mode = 'wfh'
        group by s.person_id
      ),
      assigned as (
        select t.id, t.assignee_id, d.dates
        from tasks t join days d on d.person_id = t.assignee_id
        where t.assigned_at < ((${q.to}::date + 1)::timestamp at time zone 'UTC') - interval '7 hours'
          and (t.finished_at is null or t.finished_at >= (${q.from}::date::timestamp at time zone 'UTC') - interval '7 hours')
          -- open on a home day: the days [assigned, finished] (local dates) meet D(p); a task finished on a day
          -- before the day it was assigned (clocks of two systems differ) is open on no day (and must not reach daterange)
          and case
                when t.finished_at is not null and ${vnDate('t.finished_at')} < ${vnDate('t.assigned_at')} then false
                else d.home_days && daterange(${vnDate('t.assigned_at')}, case when t.finished_at is null then null else ${vnDate('t.finished_at')} end, '[]')
              end
      ),
      processed as (
        select a.id, a.assignee_id
        from assigned a
        where exists (
          select 1 from task_actions x
          where x.task_id = a.id and x.person_id = a.assignee_id and x.kind <> 'view' and x.day = any(a.dates)
        )
      ),
      assigned_n as (select assignee_id, count(*) as n from assigned group by assignee_id),
      processed_n as (select assignee_id, count(*) as n from processed group by assignee_id)
      select d.agency_id, d.unit_id, d.person_id, d.wfh_days, coalesce(an.n, 0) as assigned, coalesce(pn.n, 0) as processed
      from days d
      left join assigned_n an on an.assignee_id = d.person_id
      left join processed_n pn on pn.assignee_id = d.person_id
    `,
      )
    : [];
  const byAgency = new Map<string, Appendix2Row[]>(agencyIds.map((a) => [a, []]));
  for (const r of rows) {
    byAgency
      .get(r.agency_id)!
      .push({ personId: r.person_id, unitId: r.unit_id, ...appendix2Counts(Number(r.wfh_days), Number(r.assigned), Number(r.processed)) });
  }
  const agencies: Appendix2Agency[] = agencyIds.map((agencyId) => {
    const list = byAgency.get(agencyId)!;
    list.sort((a, b) => compareIds(a.unitId, b.unitId) || compareIds(a.personId, b.personId));
    return { agencyId, rows: list, totals: appendix2Totals(list) };
  });
  return { from: q.from, to: q.to, agencies, totals: appendix2Totals(agencies.map((a) => a.totals)) };
}
