/** Mantine theme: sober administrative blue, readable contrast (WCAG AA), visible keyboard focus. */
import { Badge, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on buttons above 4.5:1.
  primaryShade: { light: 8, dark: 5 },
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily: '"Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", sans-serif',
  headings: { fontFamily: '"Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", sans-serif' },
  cursorType: 'pointer',
  components: {
    // Vietnamese words in capitals lose readability (long role names): keep the case as written.
    Badge: Badge.extend({ styles: { label: { textTransform: 'none' } } }),
  },
});
