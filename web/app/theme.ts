/** Mantine theme: sober administrative blue, readable contrast (WCAG AA), visible keyboard focus. */
import { Badge, createTheme, type MantineColorsTuple } from '@mantine/core';

/**
 * Mantine's palettes with shades 7-9 darkened where the defaults fail WCAG 1.4.3 (4.5:1): shade 7 text
 * on white ≥ 4.6:1, shade 8 (filled buttons and badges, white text) ≥ 4.8:1 and ≥ 4.6:1 on shade 1, shade 9
 * (text of the light variant: badges, alerts) ≥ 4.8:1 on shade 1 (the light background). The default
 * green badge was 3.8:1, the yellow/orange alert title 2.68:1. Shades 0-6 are Mantine's.
 */
const colors: Record<string, MantineColorsTuple> = {
  red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#fa5252', '#d83838', '#c52b2b', '#ad2424'],
  pink: ['#fff0f6', '#ffdeeb', '#fcc2d7', '#faa2c1', '#f783ac', '#f06595', '#e64980', '#d6336c', '#be245a', '#a61e4d'],
  grape: ['#f8f0fc', '#f3d9fa', '#eebefa', '#e599f7', '#da77f2', '#cc5de8', '#be4bdb', '#ae3ec9', '#9935b1', '#862e9c'],
  violet: ['#f3f0ff', '#e5dbff', '#d0bfff', '#b197fc', '#9775fa', '#845ef7', '#7950f2', '#7048e8', '#6741d9', '#5939b8'],
  indigo: ['#edf2ff', '#dbe4ff', '#bac8ff', '#91a7ff', '#748ffc', '#5c7cfa', '#4c6ef5', '#4263eb', '#3a59d7', '#3249b7'],
  blue: ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#228be6', '#1a76c9', '#1768b2', '#165a9a'],
  cyan: ['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#15aabf', '#0d8091', '#0a7284', '#0a697a'],
  teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#0a8560', '#077855', '#077050'],
  green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#40c057', '#298439', '#257b35', '#237133'],
  lime: ['#f4fce3', '#e9fac8', '#d8f5a2', '#c0eb75', '#a9e34b', '#94d82d', '#82c91e', '#51810f', '#49790b', '#48730a'],
  yellow: ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#fab005', '#a26900', '#9e5c00', '#a15300'],
  orange: ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#fd7e14', '#c15005', '#b54509', '#a9380c'],
};

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on buttons above 4.5:1.
  primaryShade: { light: 8, dark: 5 },
  colors,
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
