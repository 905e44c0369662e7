/**
 * The submit of a form whose one typed field (a date, a day of the year…) is read before anything is
 * sent: a text that does not read puts `message` on the field and sends nothing, a good one clears it
 * and goes to `send`. `server` holds the field errors of the mutation's last refusal, by field name.
 */
import { useState, type FormEvent } from 'react';
import { isApiError } from '../lib/api';

export interface CheckedSubmit<R, B> {
  /** The last refusal of the mutation that saves the form (its field errors go to `server`). */
  error: unknown;
  /** Reads the typed field. */
  read: () => R;
  /** What `read` gives for a text that does not read (null or undefined). */
  bad: B;
  /** The message shown on the field then. */
  message: string;
  send: (value: Exclude<R, B>) => void;
}

export function useCheckedSubmit<R, B extends null | undefined>({ error, read, bad, message, send }: CheckedSubmit<R, B>) {
  const [fieldError, setFieldError] = useState<string | null>(null);
  const server: Record<string, string> = isApiError(error) ? error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = read();
    if ((value as unknown) === bad) {
      setFieldError(message);
      return;
    }
    setFieldError(null);
    send(value as Exclude<R, B>);
  };
  return { fieldError, server, submit };
}
