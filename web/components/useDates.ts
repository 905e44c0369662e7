/** Date formatting with the UI language's weekday names. */
import { useTranslation } from 'react-i18next';
import { formatLongDate } from './dates';

export function useWeekdayNames(): string[] {
  const { t } = useTranslation();
  return [t('date.weekday0'), t('date.weekday1'), t('date.weekday2'), t('date.weekday3'), t('date.weekday4'), t('date.weekday5'), t('date.weekday6')];
}

/** `(iso) => 'Thứ Hai, 23/11/2026'` in the current language. */
export function useLongDate(): (iso: string) => string {
  const names = useWeekdayNames();
  return (iso) => formatLongDate(iso, names);
}
