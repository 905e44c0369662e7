/** Hooks of the meetings module (/api/meetings). Every write refreshes the meeting, the lists and the bell. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  AttendanceMark,
  FeedTokenView,
  InviteeOptions,
  MeetingCancel,
  MeetingCreate,
  MeetingList,
  MeetingReportCreate,
  MeetingRespond,
  MeetingUpdate,
  MeetingView,
} from '../../../shared/contracts/meetings';
import { api } from '../../lib/api';
import { notificationKeys } from '../notifications/api';

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (mine: '0' | '1', from?: string, to?: string) => ['meetings', 'list', mine, from ?? '', to ?? ''] as const,
  meeting: (id: string) => ['meetings', 'one', id] as const,
  invitees: () => ['meetings', 'invitees'] as const,
  feed: () => ['meetings', 'feed'] as const,
};

function refresh(qc: QueryClient, m?: MeetingView) {
  if (m) qc.setQueryData(meetingKeys.meeting(m.id), m);
  return Promise.all([qc.invalidateQueries({ queryKey: meetingKeys.all }), qc.invalidateQueries({ queryKey: notificationKeys.list() })]);
}

export function useMeetings(mine: '0' | '1' = '1', range: { from?: string; to?: string } = {}, opts: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: meetingKeys.list(mine, range.from, range.to),
    queryFn: ({ signal }) => api.get<MeetingList>('/meetings', { mine, from: range.from, to: range.to }, signal),
    enabled: opts.enabled ?? true,
    refetchInterval: opts.refetchInterval,
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.meeting(id ?? ''),
    queryFn: ({ signal }) => api.get<MeetingView>(`/meetings/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: !!id,
  });
}

export function useInvitees(enabled = true) {
  return useQuery({
    queryKey: meetingKeys.invitees(),
    queryFn: ({ signal }) => api.get<InviteeOptions>('/meetings/invitees', undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCreateMeeting() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: MeetingCreate) => api.post<MeetingView>('/meetings', body), onSuccess: (m) => refresh(qc, m) });
}

export function useUpdateMeeting(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingUpdate) => api.put<MeetingView>(`/meetings/${encodeURIComponent(id)}`, body),
    onSuccess: (m) => refresh(qc, m),
  });
}

function useMeetingPost<B>(id: string, action: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<MeetingView>(`/meetings/${encodeURIComponent(id)}/${action}`, body),
    onSuccess: (m) => refresh(qc, m),
  });
}

export const useCancelMeeting = (id: string) => useMeetingPost<MeetingCancel>(id, 'cancel');
export const useRespond = (id: string) => useMeetingPost<MeetingRespond>(id, 'respond');
export const useMarkAttendance = (id: string) => useMeetingPost<AttendanceMark>(id, 'attendance');
export const useFileReport = (id: string) => useMeetingPost<MeetingReportCreate>(id, 'report');

export function useFeedToken(enabled = true) {
  return useQuery({ queryKey: meetingKeys.feed(), queryFn: ({ signal }) => api.get<FeedTokenView>('/meetings/feed-token', undefined, signal), enabled });
}

export function useRegenerateFeedToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<FeedTokenView>('/meetings/feed-token', {}),
    onSuccess: (v) => qc.setQueryData(meetingKeys.feed(), v),
  });
}
