/**
 * The live notifications stream (GET /api/notifications/stream, server-sent events): each
 * `notification` event carries the JSON of a NotificationView. The browser retries a dropped
 * connection by itself; when the stream is closed for good (an error answer), it is reopened
 * with a growing delay (2 s … 1 min). Each (re)connection's `ready` calls `onReady` so the list
 * catches up with what was sent while disconnected. Closed when the component unmounts (logout:
 * the logged-in layout goes away) or `enabled` turns false.
 */
import { useEffect, useRef, useState } from 'react';
import type { NotificationView } from '../../../shared/contracts/notifications';
import { buildUrl } from '../../lib/api';
import { reconnectDelay } from './model';

export interface StreamHandlers {
  onNotification: (n: NotificationView) => void;
  /** Connected (first time or again): refetch what may have been missed. */
  onReady?: () => void;
  /** Closed by the server (not a mere network retry). */
  onClosed?: () => void;
}

/** `sessionKey` (the user id): a new session opens a new stream. */
export function useNotificationStream(enabled: boolean, sessionKey: string, handlers: StreamHandlers): { connected: boolean } {
  const ref = useRef(handlers);
  ref.current = handlers;
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;

    const connect = () => {
      if (stopped) return;
      const es = new EventSource(buildUrl('/notifications/stream'), { withCredentials: true });
      source = es;
      es.addEventListener('ready', () => {
        attempt = 0;
        setConnected(true);
        ref.current.onReady?.();
      });
      es.addEventListener('notification', (e) => {
        try {
          ref.current.onNotification(JSON.parse((e as MessageEvent<string>).data) as NotificationView);
        } catch {
          /* a malformed event is skipped; the list refetch still shows it */
        }
      });
      es.onerror = () => {
        setConnected(false);
        if (es.readyState === EventSource.CLOSED && !stopped) {
          es.close();
          ref.current.onClosed?.();
          timer = setTimeout(connect, reconnectDelay(attempt++));
        }
      };
    };
    connect();

    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
      setConnected(false);
    };
  }, [enabled, sessionKey]);

  return { connected };
}
