// @vitest-environment happy-dom
/** The mode swatch of the grid's menus (cell menu and fill menus): the mode's letter in the cell's colours. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MODE_LETTER } from './format';
import { modeStyle } from './parts';
import { ModeSwatch } from './FillMenu';

afterEach(cleanup);

describe('ModeSwatch', () => {
  it.each(['onsite', 'wfh', 'leave', 'business_trip'] as const)('%s: its letter in the colours of a cell of that mode', (mode) => {
    render(<ModeSwatch mode={mode} />);
    const el = screen.getByText(MODE_LETTER[mode]);
    const style = modeStyle(mode);
    expect(el.style.background).toBe(String(style.background));
    expect(el.style.color).toBe(String(style.color));
    expect(el.style.fontWeight).toBe('700');
  });
});
