/**
 * The rules of a policy in the form: each rule of the roster format as a switch with its parameters
 * (percentages for shares) and the severity of the rules it checks (Chặn gửi / Cảnh báo), the
 * general rules' severity, and a live preview in the words of describePolicyRules.
 */
import { Checkbox, Group, List, NumberInput, Paper, Radio, SegmentedControl, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describePolicyRules, type Severity } from '../../../shared/domain/policy';
import { ROLES, type PersonRole, type RuleId } from '../../../shared/domain/roster/format';
import { GENERAL_RULES, RULES_OF_GROUP, errorAt, formToRules, type Num, type RulesForm } from './model';

export interface RulesEditorProps {
  rules: RulesForm;
  severity: Record<RuleId, Severity>;
  onRules: (rules: RulesForm) => void;
  onSeverity: (rule: RuleId, s: Severity) => void;
  /** Messages by API field path (`rules.wfhShare.min`), client and server. */
  errors: Record<string, string>;
}

const toNum = (v: number | string): Num => (typeof v === 'number' && Number.isFinite(v) ? v : '');

function SeverityPicker({ rule, value, onChange }: { rule: RuleId; value: Severity; onChange: (s: Severity) => void }) {
  const { t } = useTranslation();
  const id = `severity-${rule}`;
  return (
    <Group gap="xs" wrap="wrap" justify="space-between">
      <Text size="sm" id={id} style={{ flex: '1 1 12rem' }}>
        {t('policy.severity.of', { rule: t(`policy.rules.${rule}`) })}
      </Text>
      <SegmentedControl
        size="xs"
        aria-labelledby={id}
        value={value}
        onChange={(v) => onChange(v === 'warn' ? 'warn' : 'block')}
        data={[
          { value: 'block', label: t('policy.severity.block') },
          { value: 'warn', label: t('policy.severity.warn') },
        ]}
      />
    </Group>
  );
}

function RuleBox({
  group,
  on,
  onToggle,
  children,
  severity,
  onSeverity,
  error,
}: {
  group: keyof RulesForm;
  on: boolean;
  onToggle: (on: boolean) => void;
  children?: ReactNode;
  severity: Record<RuleId, Severity>;
  onSeverity: (rule: RuleId, s: Severity) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" bg={on ? undefined : 'var(--mantine-color-gray-0)'}>
      <Stack gap="sm">
        <Switch
          label={t(`policy.form.${group}.toggle`)}
          checked={on}
          onChange={(e) => onToggle(e.currentTarget.checked)}
          error={!children ? error : undefined}
          fw={500}
        />
        {on ? (
          <>
            {children}
            {children && error ? (
              <Text size="sm" c="red.9" role="alert">
                {error}
              </Text>
            ) : null}
            {RULES_OF_GROUP[group].map((r) => (
              <SeverityPicker key={r} rule={r} value={severity[r]} onChange={(s) => onSeverity(r, s)} />
            ))}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

export function RulesEditor({ rules, severity, onRules, onSeverity, errors }: RulesEditorProps) {
  const { t } = useTranslation();
  const set = <K extends keyof RulesForm>(k: K, patch: Partial<RulesForm[K]>) => onRules({ ...rules, [k]: { ...rules[k], ...patch } });
  const preview = describePolicyRules(formToRules(rules));
  const ws = rules.wfhShare;
  const mo = rules.minOnSitePerUnit;
  const percentInput = (label: string, value: Num, onChange: (v: Num) => void, key: string) => (
    <NumberInput
      label={label}
      value={value}
      onChange={(v) => onChange(toNum(v))}
      min={0}
      max={100}
      decimalScale={1}
      allowNegative={false}
      clampBehavior="none"
      error={errors[key]}
    />
  );
  const countInput = (label: string, value: Num, onChange: (v: Num) => void, key: string) => (
    <NumberInput
      label={label}
      value={value}
      onChange={(v) => onChange(toNum(v))}
      min={0}
      max={1000}
      allowDecimal={false}
      allowNegative={false}
      error={errors[key]}
    />
  );

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('policy.form.rulesHint')}
      </Text>

      <RuleBox
        group="wfhShare"
        on={ws.on}
        onToggle={(on) => set('wfhShare', { on })}
        severity={severity}
        onSeverity={onSeverity}
        error={errorAt(errors, 'rules.wfhShare', true) ?? errors['rules.wfhShare.scope']}
      >
        <Radio.Group label={t('policy.form.wfhShare.scope')} value={ws.scope} onChange={(v) => set('wfhShare', { scope: v === 'unit' ? 'unit' : 'agency' })}>
          <Group gap="md" mt={4}>
            <Radio value="agency" label={t('policy.form.wfhShare.scopeAgency')} />
            <Radio value="unit" label={t('policy.form.wfhShare.scopeUnit')} />
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {percentInput(t('policy.form.wfhShare.min'), ws.min, (v) => set('wfhShare', { min: v }), 'rules.wfhShare.min')}
          {percentInput(t('policy.form.wfhShare.target'), ws.target, (v) => set('wfhShare', { target: v }), 'rules.wfhShare.target')}
          {percentInput(t('policy.form.wfhShare.max'), ws.max, (v) => set('wfhShare', { max: v }), 'rules.wfhShare.max')}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('policy.form.wfhShare.hint')}
        </Text>
      </RuleBox>

      <RuleBox
        group="minOnSitePerUnit"
        on={mo.on}
        onToggle={(on) => set('minOnSitePerUnit', { on })}
        severity={severity}
        onSeverity={onSeverity}
        error={errorAt(errors, 'rules.minOnSitePerUnit', true)}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {countInput(t('policy.form.minOnSitePerUnit.people'), mo.people, (v) => set('minOnSitePerUnit', { people: v }), 'rules.minOnSitePerUnit.people')}
          {countInput(t('policy.form.minOnSitePerUnit.leaders'), mo.leaders, (v) => set('minOnSitePerUnit', { leaders: v }), 'rules.minOnSitePerUnit.leaders')}
        </SimpleGrid>
      </RuleBox>

      <RuleBox
        group="minAgencyLeadersOnSite"
        on={rules.minAgencyLeadersOnSite.on}
        onToggle={(on) => set('minAgencyLeadersOnSite', { on })}
        severity={severity}
        onSeverity={onSeverity}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {countInput(
            t('policy.form.minAgencyLeadersOnSite.value'),
            rules.minAgencyLeadersOnSite.value,
            (v) => set('minAgencyLeadersOnSite', { value: v }),
            'rules.minAgencyLeadersOnSite',
          )}
        </SimpleGrid>
      </RuleBox>

      <RuleBox
        group="alwaysOnSiteRoles"
        on={rules.alwaysOnSiteRoles.on}
        onToggle={(on) => set('alwaysOnSiteRoles', { on })}
        severity={severity}
        onSeverity={onSeverity}
      >
        <Checkbox.Group
          label={t('policy.form.alwaysOnSiteRoles.roles')}
          value={rules.alwaysOnSiteRoles.roles}
          onChange={(v) => set('alwaysOnSiteRoles', { roles: v as PersonRole[] })}
          error={errorAt(errors, 'rules.alwaysOnSiteRoles')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing={6} mt={6}>
            {ROLES.map((r) => (
              <Checkbox key={r} value={r} label={t(`positions.${r}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      </RuleBox>

      <RuleBox
        group="minOnSiteShareByRole"
        on={rules.minOnSiteShareByRole.on}
        onToggle={(on) => set('minOnSiteShareByRole', { on })}
        severity={severity}
        onSeverity={onSeverity}
        error={errorAt(errors, 'rules.minOnSiteShareByRole', true)}
      >
        <Text size="xs" c="dimmed">
          {t('policy.form.minOnSiteShareByRole.hint')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          {ROLES.map((r) =>
            percentInput(
              t('policy.form.minOnSiteShareByRole.share', { role: t(`positions.${r}`) }),
              rules.minOnSiteShareByRole.shares[r],
              (v) => set('minOnSiteShareByRole', { shares: { ...rules.minOnSiteShareByRole.shares, [r]: v } }),
              `rules.minOnSiteShareByRole.${r}`,
            ),
          )}
        </SimpleGrid>
      </RuleBox>

      <RuleBox
        group="requireEligibilityForWfh"
        on={rules.requireEligibilityForWfh.on}
        onToggle={(on) => set('requireEligibilityForWfh', { on })}
        severity={severity}
        onSeverity={onSeverity}
      />

      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('policy.form.generalRules')}
          </Text>
          {GENERAL_RULES.map((r) => (
            <SeverityPicker key={r} rule={r} value={severity[r]} onChange={(s) => onSeverity(r, s)} />
          ))}
        </Stack>
      </Paper>

      <Paper withBorder p="sm" bg="var(--mantine-color-blue-0)" aria-live="polite">
        <Text size="sm" fw={600}>
          {t('policy.form.preview')}
        </Text>
        {preview.length ? (
          <List size="sm" spacing={2} mt={4}>
            {preview.map((d, i) => (
              <List.Item key={i}>{d.text}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{t('policy.form.previewEmpty')}</Text>
        )}
      </Paper>
    </Stack>
  );
}
