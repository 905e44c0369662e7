/** Hooks of the calendar module (/api/calendar/*): a year's calendar, the admin's overrides. */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarOverridePut, CalendarOverrideView, YearCalendarView } from '../../../shared/contracts/calendar';
import { api } from '../../lib/api';

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', year] as const,
};

const fetchYear = (year: number, signal?: AbortSignal) => api.get<YearCalendarView>(`/calendar/${year}`, undefined, signal);

/** The calendar of a year (holidays, nghỉ bù, làm bù with the overrides, working days). */
export function useYearCalendar(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => fetchYear(year, signal),
    staleTime: 10 * 60_000,
  });
}

/** The calendars of several years at once (a week or month that spans New Year). */
export function useYearCalendars(years: readonly number[]) {
  return useQueries({
    queries: years.map((year) => ({
      queryKey: calendarKeys.year(year),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchYear(year, signal),
      staleTime: 10 * 60_000,
    })),
  });
}

export function usePutOverride() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ date, body }: { date: string; body: CalendarOverridePut }) =>
      api.put<CalendarOverrideView>(`/calendar/overrides/${encodeURIComponent(date)}`, body),
    onSuccess: (o) => qc.invalidateQueries({ queryKey: calendarKeys.year(Number(o.date.slice(0, 4))) }),
  });
}

export function useDeleteOverride() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => api.delete<{ ok: true }>(`/calendar/overrides/${encodeURIComponent(date)}`),
    onSuccess: (_r, date) => qc.invalidateQueries({ queryKey: calendarKeys.year(Number(date.slice(0, 4))) }),
  });
}
