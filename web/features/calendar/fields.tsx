/**
 * Date and time inputs written the Vietnamese way: `dd/mm/yyyy` and `HH:MM` (24 h), whatever the
 * browser's locale (a native date input would show mm/dd/yyyy or AM/PM on an English system).
 * The value is the text as typed, normalised on blur; the form parses it (./dateText).
 * The date field also opens the browser's date picker from a labelled button.
 */
import { ActionIcon, TextInput, type TextInputProps } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateText, normaliseDateText, normaliseTimeText, parseDateText, parseTimeText } from './dateText';

type BaseProps = Omit<TextInputProps, 'value' | 'onChange' | 'label'> & {
  label: string;
  value: string;
  onChange: (text: string) => void;
};

export function DateField({ value, onChange, label, error, onBlur, disabled, ...rest }: BaseProps) {
  const { t } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  const [touched, setTouched] = useState(false);
  const iso = parseDateText(value);
  const ownError = touched && iso === null ? t('calendar.fields.invalidDate') : null;
  function openPicker() {
    const el = picker.current;
    if (!el) return;
    try {
      el.showPicker();
    } catch {
      el.focus();
    }
  }
  return (
    <TextInput
      {...rest}
      label={label}
      value={value}
      disabled={disabled}
      placeholder={t('calendar.fields.datePlaceholder')}
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      error={error || ownError}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        setTouched(true);
        const n = normaliseDateText(value);
        if (n !== value) onChange(n);
        onBlur?.(e);
      }}
      rightSectionPointerEvents="all"
      rightSection={
        <>
          <ActionIcon variant="subtle" color="gray" onClick={openPicker} disabled={disabled} aria-label={t('calendar.fields.openPicker', { label })}>
            <IconCalendar size={18} aria-hidden />
          </ActionIcon>
          <input
            ref={picker}
            type="date"
            tabIndex={-1}
            aria-hidden
            value={iso || ''}
            onChange={(e) => {
              if (e.currentTarget.value) {
                setTouched(true);
                onChange(formatDateText(e.currentTarget.value));
              }
            }}
            style={{ position: 'absolute', right: 0, bottom: 0, width: 1, height: 1, opacity: 0, pointerEvents: 'none', border: 0, padding: 0 }}
          />
        </>
      }
    />
  );
}

export function TimeField({ value, onChange, label, error, onBlur, ...rest }: BaseProps) {
  const { t } = useTranslation();
  const [touched, setTouched] = useState(false);
  const ownError = touched && parseTimeText(value) === null ? t('calendar.fields.invalidTime') : null;
  return (
    <TextInput
      {...rest}
      label={label}
      value={value}
      placeholder={t('calendar.fields.timePlaceholder')}
      inputMode="numeric"
      autoComplete="off"
      maxLength={5}
      error={error || ownError}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        setTouched(true);
        const n = normaliseTimeText(value);
        if (n !== value) onChange(n);
        onBlur?.(e);
      }}
    />
  );
}
