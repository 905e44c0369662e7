/**
 * A comment dialog that sends its comment with a mutation (return a unit's roster, approve or return the
 * agency's): busy while it runs, its error shown in the dialog, closed on success; closing it forgets
 * the mutation's error so the next opening starts clean.
 */
import type { UseMutationResult } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import { CommentModal } from './dialogs';

type Sender<V, R> = Pick<UseMutationResult<R, unknown, V>, 'mutate' | 'reset' | 'isPending' | 'error'>;

export type MutationCommentModalProps<V, R> = Omit<ComponentProps<typeof CommentModal>, 'loading' | 'error' | 'onSubmit'> & {
  mutation: Sender<V, R>;
  /** What to send for the comment (null: nothing to send). */
  variables: (comment: string) => V | null;
  /** After a success, once the dialog is closed. */
  onDone?: (result: R) => void;
};

export function MutationCommentModal<V, R>({ mutation, variables, onDone, onClose, ...modal }: MutationCommentModalProps<V, R>) {
  return (
    <CommentModal
      {...modal}
      loading={mutation.isPending}
      error={mutation.error}
      onClose={() => {
        onClose();
        mutation.reset();
      }}
      onSubmit={(comment) => {
        const v = variables(comment);
        if (v === null) return;
        mutation.mutate(v, {
          onSuccess: (r) => {
            onClose();
            onDone?.(r);
          },
        });
      }}
    />
  );
}
