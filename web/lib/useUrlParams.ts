import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * The page's query parameters, and `update({ key: value | null })` that sets or removes several at once
 * (replacing the history entry), so that a screen's filters live in its address.
 */
export function useUrlParams(): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [params, update];
}
