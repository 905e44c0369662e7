/** Session hooks of the auth module (/api/auth/*). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangePasswordRequest,
  LoginRequest,
  MeResponse,
  TotpConfirmRequest,
  TotpConfirmResponse,
  TotpDisableRequest,
  TotpSetupRequest,
  TotpSetupResponse,
  TotpStatus,
} from '../../../shared/contracts/auth';
import { api, isApiError, setCsrfToken } from '../../lib/api';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/**
 * A hint kept on the device while a session is open, so that a logged-out visit does not probe
 * /api/auth/me (its 401 would only add an error to the console). Never trusted for access: the
 * server decides; a stale hint costs one 401 and is then cleared.
 */
const SESSION_HINT_KEY = 'congvu.session';
export function setSessionHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(SESSION_HINT_KEY, '1');
    else localStorage.removeItem(SESSION_HINT_KEY);
  } catch {
    /* storage unavailable: always probe */
  }
}
function hasSessionHint(): boolean {
  try {
    return localStorage.getItem(SESSION_HINT_KEY) !== null;
  } catch {
    return true;
  }
}

const EXPIRED_KEY = 'congvu.sessionExpired';
/** A session ended by the server (idle or maximum time, password changed elsewhere): the login page says so once. */
export function markSessionExpired(): void {
  if (loggedOutOnPurpose) return;
  try {
    sessionStorage.setItem(EXPIRED_KEY, '1');
  } catch {
    /* storage unavailable: no message */
  }
}
/** Whether the last session ended by itself (read once: the message is not shown again). */
export function takeSessionExpired(): boolean {
  try {
    const was = sessionStorage.getItem(EXPIRED_KEY) !== null;
    sessionStorage.removeItem(EXPIRED_KEY);
    return was;
  } catch {
    return false;
  }
}

let loggedOutOnPurpose = false;
/** True from a logout to the next login: the guard then sends to /login without `?next=` (not an expiry). */
export function wasLoggedOut(): boolean {
  return loggedOutOnPurpose;
}

/** The current user, or null when not logged in (401). Keeps the CSRF token up to date. */
export async function fetchMe(): Promise<MeResponse | null> {
  if (!hasSessionHint()) return null;
  try {
    const me = await api.get<MeResponse>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (isApiError(err) && err.status === 401) {
      // There was a session on this device and the server no longer knows it: it expired.
      markSessionExpired();
      setCsrfToken(null);
      setSessionHint(false);
      return null;
    }
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.post<MeResponse>('/auth/login', body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      setSessionHint(true);
      loggedOutOnPurpose = false;
      // Data of a previous user must not leak into this session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/logout'),
    onSettled: () => {
      loggedOutOnPurpose = true;
      setCsrfToken(null);
      setSessionHint(false);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.post<{ ok: true }>('/auth/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}

export const TOTP_QUERY_KEY = ['auth', 'totp'] as const;

/** Two-factor login of the current account. */
export function useTotpStatus() {
  return useQuery({ queryKey: TOTP_QUERY_KEY, queryFn: () => api.get<TotpStatus>('/auth/totp') });
}

export function useTotpSetup() {
  return useMutation({ mutationFn: (body: TotpSetupRequest) => api.post<TotpSetupResponse>('/auth/totp/setup', body) });
}

export function useTotpConfirm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TotpConfirmRequest) => api.post<TotpConfirmResponse>('/auth/totp/confirm', body),
    onSuccess: (result) => {
      queryClient.setQueryData(TOTP_QUERY_KEY, result.status);
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}

export function useTotpDisable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TotpDisableRequest) => api.post<TotpStatus>('/auth/totp/disable', body),
    onSuccess: (status) => {
      queryClient.setQueryData(TOTP_QUERY_KEY, status);
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}
