/** The editor's actions: Lưu nháp and Gửi Văn phòng, the desktop toolbar (Tạo lịch tự động, Sao chép kỳ trước, Hoàn tác, the brush) and the phone's sticky bar. */
import { Button, Group, Menu, Paper, SegmentedControl, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowBackUp, IconCopy, IconDeviceFloppy, IconDotsVertical, IconSend, IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UnitGridResponse } from '../../../shared/contracts/roster';
import { ALL_MODES, MODE_LETTER } from './format';
import { modeStyle } from './parts';
import type { Brush } from './RosterGrid';

export interface EditorActionsProps {
  grid: Pick<UnitGridResponse, 'canSubmit' | 'status'>;
  dirty: boolean;
  /** A save, submit, copy or generation is running. */
  busy: boolean;
  /** Blocking violations: the roster cannot be sent. */
  blocking: number;
  saving: boolean;
  submitting: boolean;
  canUndo: boolean;
  onSave: () => void;
  onSubmit: () => void;
  onConfirm: (action: 'copy' | 'generate') => void;
  onUndo: () => void;
}

/** Lưu nháp and, while the roster may be sent, Gửi Văn phòng. */
function MainActions({ grid, dirty, busy, blocking, saving, submitting, onSave, onSubmit }: EditorActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        leftSection={<IconDeviceFloppy size={18} aria-hidden />}
        onClick={onSave}
        loading={saving && !submitting}
        disabled={!dirty || busy}
        variant={dirty ? 'filled' : 'default'}
      >
        {t('roster.actions.save')}
      </Button>
      {(grid.canSubmit && grid.status !== 'submitted') || grid.status === 'none' || dirty ? (
        <Button
          leftSection={<IconSend size={18} aria-hidden />}
          color="teal"
          onClick={onSubmit}
          loading={submitting}
          disabled={busy || blocking > 0 || (!grid.canSubmit && !dirty)}
          title={blocking > 0 ? t('roster.editor.submitBlocked') : dirty ? t('roster.editor.submitSavesFirst') : undefined}
        >
          {t('roster.actions.submit')}
        </Button>
      ) : null}
    </>
  );
}

/** The desktop toolbar: the actions, then the brush the grid paints with. */
export function EditorToolbar({ brush, onBrush, ...props }: EditorActionsProps & { brush: Brush; onBrush: (brush: Brush) => void }) {
  const { t } = useTranslation();
  const { busy, canUndo, onConfirm, onUndo } = props;
  return (
    <Group gap="xs" wrap="wrap" justify="space-between">
      <Group gap="xs" wrap="wrap">
        <MainActions {...props} />
        <Button variant="default" leftSection={<IconWand size={18} aria-hidden />} onClick={() => onConfirm('generate')} disabled={busy}>
          {t('roster.actions.generate')}
        </Button>
        <Button variant="default" leftSection={<IconCopy size={18} aria-hidden />} onClick={() => onConfirm('copy')} disabled={busy}>
          {t('roster.actions.copyPrevious')}
        </Button>
        <Button variant="subtle" leftSection={<IconArrowBackUp size={18} aria-hidden />} onClick={onUndo} disabled={!canUndo || busy}>
          {t('roster.actions.undo')}
        </Button>
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" id="roster-brush-label">
          {t('roster.grid.brush')}:
        </Text>
        <SegmentedControl
          size="xs"
          aria-labelledby="roster-brush-label"
          value={brush}
          onChange={(v) => onBrush(v as Brush)}
          data={[
            { value: 'menu', label: t('roster.grid.brushMenu') },
            ...ALL_MODES.map((m) => ({
              value: m,
              label: (
                <span>
                  <span aria-hidden style={{ ...modeStyle(m), display: 'inline-block', padding: '0 4px', borderRadius: 3, fontWeight: 700 }}>
                    {MODE_LETTER[m]}
                  </span>
                  <VisuallyHidden>{t(`roster.modes.${m}.long`)}</VisuallyHidden>
                </span>
              ),
            })),
          ]}
        />
      </Group>
    </Group>
  );
}

/** The phone's sticky bar: the actions, the others in a menu. */
export function PhoneActionBar(props: EditorActionsProps) {
  const { t } = useTranslation();
  const { busy, canUndo, onConfirm, onUndo } = props;
  return (
    <Paper className="roster-sticky-bar" p="xs" mx="calc(var(--mantine-spacing-sm) * -1)" radius={0}>
      <Group gap="xs" wrap="nowrap" justify="flex-end">
        <Group gap={6} wrap="nowrap">
          <MainActions {...props} />
          <Menu position="top-end" withinPortal>
            <Menu.Target>
              <Button variant="default" px="xs" aria-label={t('roster.actions.more')}>
                <IconDotsVertical size={18} aria-hidden />
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconWand size={16} aria-hidden />} onClick={() => onConfirm('generate')} disabled={busy}>
                {t('roster.actions.generate')}
              </Menu.Item>
              <Menu.Item leftSection={<IconCopy size={16} aria-hidden />} onClick={() => onConfirm('copy')} disabled={busy}>
                {t('roster.actions.copyPrevious')}
              </Menu.Item>
              <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={onUndo} disabled={!canUndo || busy}>
                {t('roster.actions.undo')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
    </Paper>
  );
}
