/** Language switch (Tiếng Việt / English), remembered on the device. */
import { Button, Menu, SegmentedControl, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, setLanguage, type Language } from '../../i18n';

/** `menu`: a compact button with a menu (header); `segmented`: two visible choices (login, drawer). */
export function LanguageSwitch({ variant = 'menu' }: { variant?: 'menu' | 'segmented' }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (variant === 'segmented') {
    return (
      <SegmentedControl
        aria-label={t('header.language')}
        size="xs"
        value={lang}
        onChange={(v) => void setLanguage(v as Language)}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
      />
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" size="compact-sm" leftSection={<IconLanguage size={18} aria-hidden />}>
          {/* The accessible name starts with the visible "VI" (WCAG 2.5.3), then says what it is. */}
          {lang.toUpperCase()}
          <VisuallyHidden> – {`${t('header.language')}: ${t(`lang.${lang}`)}`}</VisuallyHidden>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.language')}</Menu.Label>
        {LANGUAGES.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            onClick={() => void setLanguage(l)}
            rightSection={l === lang ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={l === lang ? 'true' : undefined}
          >
            {t(`lang.${l}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
