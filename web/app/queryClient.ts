/**
 * The TanStack Query client: no retry on 4xx (the answer will not change), one retry otherwise;
 * a 401 anywhere means the session ended, so the user query becomes null and the guard shows the login;
 * a language switch reads the answers again (the server words rule violations in the request's language).
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { i18n } from '../i18n';
import { isApiError, setCsrfToken } from '../lib/api';
import { ME_QUERY_KEY, markSessionExpired, setSessionHint } from '../features/auth/api';
import type { OfflineWhat } from './connection/i18n';

declare module '@tanstack/react-query' {
  interface Register {
    /** `offline`: what the change is, shown while it waits for the connection (web/app/connection). */
    mutationMeta: { offline?: OfflineWhat };
  }
}

export function createQueryClient(): QueryClient {
  const onError = (err: unknown) => {
    if (isApiError(err) && err.status === 401 && client.getQueryData(ME_QUERY_KEY)) {
      markSessionExpired();
      setCsrfToken(null);
      setSessionHint(false);
      client.setQueryData(ME_QUERY_KEY, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (count, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && count < 1,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  // Texts computed by the server (rule violations) are in the language of the request: read them again.
  i18n.on('languageChanged', () => void client.invalidateQueries());
  return client;
}
