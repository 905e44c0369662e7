/**
 * One unit's roster for one period: the grid (desktop) or one day at a time (phone ≤ 600 px), the count
 * bar, the live violations, and the actions Lưu nháp, Gửi Văn phòng, Tạo lịch tự động, Sao chép kỳ
 * trước. Unsaved edits survive a version conflict (they are rebased on the newer version after
 * "Tải lại") and leaving the page asks first. `viewOnly`: the Office's read-only look at a unit.
 * The buttons: EditorActions.tsx; the dialogs and the leave guard: EditorDialogs.tsx; search and pages: useShownPeople.ts.
 */
import { Alert, Box, Button, CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconEye, IconKeyboard, IconMessageReport, IconRefresh, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerateResponse, UnitGridResponse, ViolationView } from '../../../shared/contracts/roster';
import { shortDayLabelVi } from '../../../shared/domain/dates';
import type { ResolvedInstance } from '../../../shared/domain/roster/format';
import { canEdit } from '../../../shared/domain/roster/workflow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/QueryState';
import { isApiError } from '../../lib/api';
import { useSession } from '../auth/session';
import { useCopyPrevious, useGenerateUnit, usePolicy, useSaveCells, useSubmitUnit, useUnitGrid } from './api';
import { EditorDialogs, LeaveDialog, useLeaveGuard } from './EditorDialogs';
import { EditorToolbar, PhoneActionBar, type EditorActionsProps } from './EditorActions';
import { currentCells, editorReducer, initialEditorState, pendingCells } from './editorState';
import { gridColumns, groupByRole, parseCellKey } from './grid';
import { PeoplePager, PeopleRange } from './PeoplePager';
import { AGENCY_SHARE_NOTE, isAgencyScopedShare, liveCheck, unitDayCounts, violationCells } from './liveCheck';
import { DeadlineText, GridLegend, PeriodStatusBadge, UnitStatusBadge } from './parts';
import { PhoneDayView } from './PhoneDayView';
import { CELL_W, NAME_W } from './gridLayout';
import { RosterGrid, type Brush, type Edit } from './RosterGrid';
import { pageOfIndex } from './search';
import { GRID_PAGE_SIZE, useShownPeople } from './useShownPeople';
import { ViolationDigest, ViolationList } from './ViolationList';

export interface UnitRosterEditorProps {
  periodId: string;
  unitId: string;
  /** Read-only look (Office, Director): no actions, no leave guard. */
  viewOnly?: boolean;
}

export function UnitRosterEditor({ periodId, unitId, viewOnly = false }: UnitRosterEditorProps) {
  const grid = useUnitGrid(periodId, unitId);
  if (grid.isPending) return <LoadingBlock rows={8} />;
  if (grid.isError) return <ErrorAlert error={grid.error} onRetry={() => void grid.refetch()} />;
  return (
    <Editor
      grid={grid.data}
      dataUpdatedAt={grid.dataUpdatedAt}
      refetch={() => grid.refetch()}
      isFetching={grid.isFetching}
      periodId={periodId}
      unitId={unitId}
      viewOnly={viewOnly}
    />
  );
}

function Editor({
  grid,
  dataUpdatedAt,
  refetch,
  isFetching,
  periodId,
  unitId,
  viewOnly,
}: {
  grid: UnitGridResponse;
  dataUpdatedAt: number;
  refetch: () => Promise<unknown>;
  isFetching: boolean;
  periodId: string;
  unitId: string;
  viewOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const isPhone = useMediaQuery('(max-width: 37.5em)', false, { getInitialValueInEffect: false }) ?? false;
  const [state, dispatch] = useReducer(editorReducer, initialEditorState);
  const replaceNext = useRef(false);
  const applied = useRef(0);

  // A newer grid from the server: rebase unsaved edits on it (or replace after copy/generate).
  useEffect(() => {
    if (applied.current === dataUpdatedAt) return;
    applied.current = dataUpdatedAt;
    dispatch({ type: replaceNext.current ? 'replace' : 'server', cells: grid.cells, version: grid.version });
    replaceNext.current = false;
  }, [dataUpdatedAt, grid]);

  const cells = currentCells(state);
  const pending = useMemo(() => pendingCells(state), [state]);
  const dirty = pending.length > 0;
  const editable = grid.editable && !viewOnly;

  const policy = usePolicy(grid.policy?.id);
  const agencyScoped = policy.data ? isAgencyScopedShare(policy.data.rules) : grid.violations.some((v) => v.message.endsWith(AGENCY_SHARE_NOTE));
  const instance = grid.instance as ResolvedInstance;
  const lang = i18n.language;
  const violations = useMemo(() => liveCheck(instance, cells, grid.severity, agencyScoped, lang), [instance, cells, grid.severity, agencyScoped, lang]);
  const counts = useMemo(() => unitDayCounts(instance, cells, unitId), [instance, cells, unitId]);
  const blocking = violations.filter((v) => v.severity === 'block').length;
  // The grid keeps its natural width; the violations sit beside it when there is room, else below.
  const gridWidth = NAME_W + (CELL_W + 4) * gridColumns(grid.period.workdays, grid.holidays).length + 4;

  const [brush, setBrush] = useState<Brush>('menu');
  const [highlight, setHighlight] = useState<{ keys: Set<string>; message: string } | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ key: string } | null>(null);
  const [dayRequest, setDayRequest] = useState<{ date: string } | null>(null);
  const [confirm, setConfirm] = useState<'copy' | 'generate' | null>(null);
  const [generated, setGenerated] = useState<GenerateResponse | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [submitViolations, setSubmitViolations] = useState<ViolationView[] | null>(null);

  const save = useSaveCells(periodId, unitId);
  const submit = useSubmitUnit(periodId, unitId);
  const copy = useCopyPrevious(periodId, unitId);
  const generate = useGenerateUnit(periodId, unitId);
  const busy = save.isPending || submit.isPending || copy.isPending || generate.isPending;

  // Changing an approved roster makes a new version that needs approval again: say so before the first edit.
  const approved = grid.period.approvedVersion > 0 && (grid.status === 'approved' || grid.period.status === 'approved');
  const [approvedEditOk, setApprovedEditOk] = useState(false);
  const [heldEdit, setHeldEdit] = useState<{ edit: Edit; stroke?: string } | null>(null);
  const mustConfirm = editable && approved && !approvedEditOk;
  const onEdit = useCallback(
    (edit: Edit, stroke?: string) => {
      if (mustConfirm) {
        setHeldEdit((held) => held ?? { edit, stroke });
        return;
      }
      dispatch({ type: 'edit', edit, stroke });
    },
    [mustConfirm],
  );
  const onUndo = useCallback(() => dispatch({ type: 'undo' }), []);

  // Leaving with unsaved edits asks first (router navigation and closing the tab).
  const blocker = useLeaveGuard(dirty, viewOnly);

  const personIds = grid.people.map((p) => p.id);
  // Search by name, and the desktop grid in pages (a violation shown turns to the page of its person).
  const { query, setQuery, shownPeople, shownGrid, ordered, setGridPage, gridShown, pagedGrid } = useShownPeople(grid);
  // A highlighted violation that is fixed stops being highlighted.
  useEffect(() => {
    if (highlight && !violations.some((v) => v.message === highlight.message)) setHighlight(null);
  }, [violations, highlight]);
  const showViolation = (v: ViolationView) => {
    // The person concerned must be shown: on a phone the list is filtered to them, elsewhere a search hiding them is cleared.
    const person = v.personId ? grid.people.find((p) => p.id === v.personId) : undefined;
    if (person && isPhone) setQuery(person.fullName);
    else if (query && !(person && shownPeople.includes(person))) setQuery('');
    if (person && !isPhone) {
      const list = query && !shownPeople.includes(person) ? groupByRole(grid.people).flatMap((g) => g.people) : ordered;
      setGridPage(pageOfIndex(list.indexOf(person), GRID_PAGE_SIZE));
    }
    const keys = violationCells(v, personIds, grid.period.workdays);
    setHighlight({ keys: new Set(keys), message: v.message });
    if (keys[0]) {
      setFocusRequest({ key: keys[0] });
      setDayRequest({ date: parseCellKey(keys[0]).date });
    }
  };

  /** Saves the pending cells; returns the new version (or the current one when nothing to save). */
  async function saveNow(): Promise<number | null> {
    setActionError(null);
    setSubmitViolations(null);
    if (!dirty) return state.version;
    const sent = cells;
    try {
      const result = await save.mutateAsync({ version: state.version, cells: pending });
      dispatch({ type: 'saved', sent, version: result.version });
      await refetch();
      return result.version;
    } catch (e) {
      setActionError(e);
      return null;
    }
  }

  async function handleSave() {
    const v = await saveNow();
    if (v !== null) notifications.show({ color: 'green', message: t('roster.editor.saved', { version: v }) });
  }

  async function handleSubmit() {
    const v = await saveNow();
    if (v === null) return;
    try {
      const result = await submit.mutateAsync(v);
      const warnings = result.violations.filter((x) => x.severity === 'warn').length;
      notifications.show({ color: 'green', message: warnings ? t('roster.editor.submittedWithWarnings', { count: warnings }) : t('roster.editor.submitted') });
      await refetch();
    } catch (e) {
      setActionError(e);
      const details = isApiError(e) ? (e.details as { violations?: ViolationView[] } | undefined) : undefined;
      if (isApiError(e) && e.code === 'RULE_VIOLATION' && details?.violations) setSubmitViolations(details.violations);
    }
  }

  async function handleGenerate() {
    const v = await saveNow();
    if (v === null) {
      setConfirm(null);
      return;
    }
    try {
      const result = await generate.mutateAsync(v);
      setConfirm(null);
      replaceNext.current = true;
      await refetch();
      setGenerated(result);
    } catch (e) {
      setConfirm(null);
      setActionError(e);
    }
  }

  async function handleCopy() {
    setActionError(null);
    try {
      await copy.mutateAsync(state.version);
      setConfirm(null);
      replaceNext.current = true;
      await refetch();
      notifications.show({ color: 'green', message: t('roster.editor.copied') });
    } catch (e) {
      setConfirm(null);
      setActionError(e);
    }
  }

  async function handleReload() {
    setActionError(null);
    await refetch();
  }

  const readOnlyReason = !editable
    ? viewOnly
      ? null
      : !session.can('roster.edit')
        ? t('roster.editor.notEditor')
        : (() => {
            const d = canEdit(grid.status, grid.period.status);
            return d.ok ? t('roster.editor.notEditor') : d.message;
          })()
    : null;
  const conflict = isApiError(actionError) && actionError.isVersionConflict;

  const actionProps: EditorActionsProps = {
    grid,
    dirty,
    busy,
    blocking,
    saving: save.isPending,
    submitting: submit.isPending,
    canUndo: state.history.past.length > 0,
    onSave: handleSave,
    onSubmit: handleSubmit,
    onConfirm: setConfirm,
    onUndo,
  };

  return (
    <Stack gap="sm" pb={isPhone && editable ? 0 : undefined}>
      {approved ? (
        <Alert
          color="blue"
          variant="light"
          icon={<IconEye aria-hidden />}
          title={t('roster.editor.approvedTitle', { version: grid.period.approvedVersion })}
          data-testid="approved-version"
        >
          <Text size="sm">
            {editable
              ? approvedEditOk || dirty
                ? t('roster.editor.approvedEditing', { version: grid.period.approvedVersion, next: grid.period.approvedVersion + 1 })
                : t('roster.editor.approvedEditable', { next: grid.period.approvedVersion + 1 })
              : t('roster.editor.approvedReadOnly')}
          </Text>
        </Alert>
      ) : null}
      {grid.status === 'returned' && grid.returnComment ? (
        <Alert color="red" variant="filled" icon={<IconMessageReport aria-hidden />} title={t('roster.editor.returnedTitle')} role="alert">
          <Text size="md" fw={600} style={{ whiteSpace: 'pre-wrap' }}>
            “{grid.returnComment}”
          </Text>
          {editable ? (
            <Text size="sm" mt={4}>
              {t('roster.editor.returnedText')}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      {readOnlyReason ? (
        <Alert color="gray" variant="light" icon={<IconEye aria-hidden />} title={t('roster.editor.readOnly')}>
          {readOnlyReason}
        </Alert>
      ) : null}

      <Group gap="sm" wrap="wrap" justify="space-between">
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={500}>
            {t('roster.editor.statusLabel')}:
          </Text>
          <UnitStatusBadge status={grid.status} />
          <PeriodStatusBadge status={grid.period.status} />
          {state.version ? (
            <Text size="sm" c="dimmed">
              {t('roster.period.version', { version: state.version })}
            </Text>
          ) : null}
          <DeadlineText period={grid.period} lateIfPassed={grid.status === 'none' || grid.status === 'draft' || grid.status === 'returned'} />
        </Group>
        {editable ? (
          <Text size="sm" fw={600} c={dirty ? 'orange.9' : 'green.9'} role="status" aria-live="polite">
            {dirty ? t('roster.editor.unsaved', { count: pending.length }) : t('roster.editor.allSaved')}
          </Text>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {grid.policy ? t('roster.period.policy', { doc: [grid.policy.docNumber, grid.policy.title].filter(Boolean).join(' — ') }) : t('roster.period.noPolicy')}
      </Text>

      {editable && !isPhone ? <EditorToolbar {...actionProps} brush={brush} onBrush={setBrush} /> : null}

      {actionError ? (
        conflict ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('roster.editor.conflictTitle')} role="alert">
            <Text size="sm">{(actionError as Error).message}</Text>
            <Text size="sm" mt={4}>
              {t('roster.editor.conflictText')}
            </Text>
            <Button
              mt="xs"
              size="xs"
              color="red"
              variant="white"
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={handleReload}
              loading={isFetching}
            >
              {t('roster.actions.reload')}
            </Button>
          </Alert>
        ) : (
          <ErrorAlert error={actionError} />
        )
      ) : null}
      {state.rebased ? (
        <Alert
          color="blue"
          variant="light"
          withCloseButton
          onClose={() => dispatch({ type: 'dismissRebased' })}
          closeButtonLabel={t('common.close')}
          role="status"
        >
          <Text size="sm">{t('roster.editor.rebased', { count: state.rebased.kept })}</Text>
          {state.rebased.overlapping.length ? (
            <Text size="sm" mt={4}>
              {t('roster.editor.overlapping', {
                cells: state.rebased.overlapping
                  .map((k) => {
                    const { personId, date } = parseCellKey(k);
                    return `${grid.people.find((p) => p.id === personId)?.fullName ?? personId} ${shortDayLabelVi(date)}`;
                  })
                  .join('; '),
              })}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      {submitViolations ? <ViolationList violations={submitViolations} title={t('roster.violations.submitFailed')} onShow={showViolation} /> : null}

      {grid.people.length ? (
        <ViolationDigest
          violations={violations}
          people={grid.people}
          onPerson={(id) => {
            const person = grid.people.find((p) => p.id === id);
            const first = violations.find((v) => v.personId === id);
            if (first) showViolation(first);
            if (person) setQuery(person.fullName);
          }}
        />
      ) : null}
      {grid.people.length > 5 ? (
        <TextInput
          type="search"
          label={t('roster.find.label')}
          placeholder={t('roster.find.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={query ? <CloseButton size="md" aria-label={t('roster.find.clear')} onClick={() => setQuery('')} /> : null}
          description={query ? t('roster.find.shown', { count: shownPeople.length, total: grid.people.length }) : undefined}
          maw={{ base: '100%', sm: 360 }}
          data-testid="roster-search"
        />
      ) : null}

      {highlight ? (
        <Alert color="red" variant="outline" p="xs" withCloseButton onClose={() => setHighlight(null)} closeButtonLabel={t('roster.grid.clearHighlight')}>
          <Text size="sm">{t('roster.grid.highlighted', { message: highlight.message })}</Text>
        </Alert>
      ) : null}

      {grid.people.length === 0 ? (
        <Text c="dimmed">{t('roster.grid.empty')}</Text>
      ) : shownPeople.length === 0 ? (
        <Text c="dimmed" role="status">
          {t('roster.find.none', { query })}
        </Text>
      ) : isPhone ? (
        <>
          <PhoneDayView
            grid={shownGrid}
            cells={cells}
            counts={counts}
            violations={violations}
            editable={editable}
            onEdit={onEdit}
            dayRequest={dayRequest}
            highlighted={highlight?.keys}
          />
          <ViolationList violations={violations} onShow={showViolation} note={editable ? t('roster.editor.liveNote') : undefined} limit={3} />
        </>
      ) : (
        <Box style={{ display: 'flex', gap: 'var(--mantine-spacing-md)', alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <Stack gap="xs" style={{ flex: `0 1 ${gridWidth}px`, minWidth: 0 }}>
            <PeopleRange shown={gridShown} />
            <RosterGrid
              grid={pagedGrid}
              cells={cells}
              counts={counts}
              violations={violations}
              editable={editable}
              brush={brush}
              highlighted={highlight?.keys}
              focusRequest={focusRequest}
              onEdit={onEdit}
              onUndo={onUndo}
            />
            <PeoplePager shown={gridShown} onPage={setGridPage} siblings={1} />
            <GridLegend />
            {editable ? (
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconKeyboard size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Text size="xs" c="dimmed">
                  <strong>{t('roster.grid.keyboardTitle')}:</strong> {t('roster.grid.keyboard')}
                </Text>
              </Group>
            ) : null}
          </Stack>
          <Box style={{ flex: '1 1 300px', minWidth: 0 }}>
            <ViolationList violations={violations} onShow={showViolation} note={editable ? t('roster.editor.liveNote') : undefined} />
          </Box>
        </Box>
      )}

      {editable && isPhone ? <PhoneActionBar {...actionProps} /> : null}

      <EditorDialogs
        confirm={confirm}
        onCloseConfirm={() => setConfirm(null)}
        onCopy={handleCopy}
        onGenerate={handleGenerate}
        copying={copy.isPending}
        generating={generate.isPending || save.isPending}
        dirty={dirty}
        pendingCount={pending.length}
        approved={approved}
        approvedVersion={grid.period.approvedVersion}
        generated={generated}
        onCloseGenerated={() => setGenerated(null)}
        heldEdit={!!heldEdit}
        onApprovedConfirm={() => {
          setApprovedEditOk(true);
          if (heldEdit) dispatch({ type: 'edit', edit: heldEdit.edit, stroke: heldEdit.stroke });
          setHeldEdit(null);
        }}
        onCloseHeld={() => setHeldEdit(null)}
      />
      <LeaveDialog blocker={blocker} pendingCount={pending.length} />
    </Stack>
  );
}
