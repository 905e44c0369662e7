/** The editor's dialogs: copy the previous period, generate, the generated roster, editing an approved roster, and leaving with unsaved edits (with its guard). */
import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Blocker, useBlocker } from 'react-router-dom';
import type { GenerateResponse } from '../../../shared/contracts/roster';
import { ConfirmModal, GenerateResultModal } from './dialogs';

/** Leaving with unsaved edits asks first (router navigation and closing the tab). */
export function useLeaveGuard(dirty: boolean, viewOnly: boolean): Blocker {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      !viewOnly && dirty && currentLocation.pathname + currentLocation.search !== nextLocation.pathname + nextLocation.search,
  );
  useEffect(() => {
    if (!dirty || viewOnly) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, viewOnly]);
  return blocker;
}

export interface EditorDialogsProps {
  confirm: 'copy' | 'generate' | null;
  onCloseConfirm: () => void;
  onCopy: () => void;
  onGenerate: () => void;
  copying: boolean;
  generating: boolean;
  dirty: boolean;
  pendingCount: number;
  /** The period has an approved version (editing makes the next one). */
  approved: boolean;
  approvedVersion: number;
  generated: GenerateResponse | null;
  onCloseGenerated: () => void;
  /** An edit of the approved roster waits for its confirmation. */
  heldEdit: boolean;
  onApprovedConfirm: () => void;
  onCloseHeld: () => void;
}

export function EditorDialogs({
  confirm,
  onCloseConfirm,
  onCopy,
  onGenerate,
  copying,
  generating,
  dirty,
  pendingCount,
  approved,
  approvedVersion,
  generated,
  onCloseGenerated,
  heldEdit,
  onApprovedConfirm,
  onCloseHeld,
}: EditorDialogsProps) {
  const { t } = useTranslation();
  return (
    <>
      <ConfirmModal
        opened={confirm === 'copy'}
        title={t('roster.editor.copyConfirmTitle')}
        confirmLabel={t('roster.actions.copyPrevious')}
        loading={copying}
        onConfirm={onCopy}
        onClose={onCloseConfirm}
      >
        <Text size="sm">{t('roster.editor.copyConfirm')}</Text>
        {dirty ? (
          <Text size="sm" fw={600} c="orange.9" mt="xs">
            {t('roster.editor.copyConfirmUnsaved', { count: pendingCount })}
          </Text>
        ) : null}
      </ConfirmModal>
      <ConfirmModal
        opened={confirm === 'generate'}
        title={t('roster.editor.generateConfirmTitle')}
        confirmLabel={t('roster.actions.generate')}
        loading={generating}
        onConfirm={onGenerate}
        onClose={onCloseConfirm}
      >
        <Text size="sm">{t('roster.editor.generateConfirm')}</Text>
        {approved ? (
          <Text size="sm" fw={600} mt="xs">
            {t('roster.editor.approvedConfirmText', { version: approvedVersion, next: approvedVersion + 1 })}
          </Text>
        ) : null}
        {dirty ? (
          <Text size="sm" mt="xs">
            {t('roster.editor.generateSavesFirst')}
          </Text>
        ) : null}
      </ConfirmModal>
      <GenerateResultModal result={generated} onClose={onCloseGenerated} />
      <ConfirmModal
        opened={heldEdit}
        title={t('roster.editor.approvedConfirmTitle')}
        confirmLabel={t('roster.editor.approvedConfirm')}
        loading={false}
        onConfirm={onApprovedConfirm}
        onClose={onCloseHeld}
      >
        <Text size="sm">{t('roster.editor.approvedConfirmText', { version: approvedVersion, next: approvedVersion + 1 })}</Text>
      </ConfirmModal>
    </>
  );
}

/** Asks before leaving with unsaved edits (opened by useLeaveGuard's blocker). */
export function LeaveDialog({ blocker, pendingCount }: { blocker: Blocker; pendingCount: number }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t('roster.editor.unsaved', { count: pendingCount })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Text size="sm">{t('roster.editor.leaveConfirm')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t('roster.editor.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t('roster.editor.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
