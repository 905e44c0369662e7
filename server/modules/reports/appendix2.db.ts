/**
 * Phụ lục 2 computed in the database (the app and the API), with exactly the definitions of
 * formats/activity.md and the same result as the pure `computeAppendix2` (a test compares them):
 * D(p) = the person's published `wfh` days in the period (schedule), a task is open on day d when
 * day(assignedAt) ≤ d ≤ day(finishedAt) (or no finishedAt), assigned(p) = p's tasks open on a day of
 * D(p), processed(p) = those with a non-`view` action by p on a day of D(p). Counting happens in SQL
 * so that a province of 50,000 people and millions of actions never travels to the app server.
 */
import { sql } from 'drizzle-orm';
import { appendix2Counts, appendix2Totals, type Appendix2Agency, type Appendix2Report, type Appendix2Row } from '../../../shared/domain/activity/appendix2';
import { queryRows, type Db } from '../../db/client';

/** Local (Asia/Ho_Chi_Minh, UTC+7 without DST) date of a timestamptz column, as 'YYYY-MM-DD'. */
const vnDay = (column: string) => sql.raw(`to_char((${column} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')`);

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
        select s.person_id, min(s.unit_id) as unit_id, min(s.agency_id) as agency_id, count(*) as wfh_days
        from schedule s
        where s.agency_id in (${sql.join(agencyIds.map((a) => sql`${a}`), sql`, `)})
          and s.date >= ${q.from} and s.date <= ${q.to} and s.mode = 'wfh'
        group by s.person_id
      ),
      open_tasks as (
        select t.id, t.assignee_id, ${vnDay('t.assigned_at')} as a_day,
               case when t.finished_at is null then null else ${vnDay('t.finished_at')} end as f_day
        from tasks t
        where t.assignee_id in (select person_id from days)
          and t.assigned_at < ((${q.to}::date + 1)::timestamp at time zone 'UTC') - interval '7 hours'
          and (t.finished_at is null or t.finished_at >= (${q.from}::date::timestamp at time zone 'UTC') - interval '7 hours')
      ),
      assigned as (
        select o.id, o.assignee_id
        from open_tasks o
        where exists (
          select 1 from schedule w
          where w.person_id = o.assignee_id and w.mode = 'wfh'
            and w.date >= greatest(o.a_day, ${q.from}) and w.date <= least(coalesce(o.f_day, ${q.to}), ${q.to})
        )
      ),
      processed as (
        select a.id, a.assignee_id
        from assigned a
        where exists (
          select 1 from task_actions x
          join schedule w on w.person_id = x.person_id and w.date = x.day and w.mode = 'wfh'
          where x.task_id = a.id and x.person_id = a.assignee_id and x.kind <> 'view' and x.day >= ${q.from} and x.day <= ${q.to}
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
    byAgency.get(r.agency_id)!.push({ personId: r.person_id, unitId: r.unit_id, ...appendix2Counts(Number(r.wfh_days), Number(r.assigned), Number(r.processed)) });
  }
  const agencies: Appendix2Agency[] = agencyIds.map((agencyId) => {
    const list = byAgency.get(agencyId)!;
    list.sort((a, b) => compareIds(a.unitId, b.unitId) || compareIds(a.personId, b.personId));
    return { agencyId, rows: list, totals: appendix2Totals(list) };
  });
  return { from: q.from, to: q.to, agencies, totals: appendix2Totals(agencies.map((a) => a.totals)) };
}
