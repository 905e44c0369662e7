/** Sizes and colours shared by the roster grid's parts: column widths, row height, holiday and severity backgrounds, the sticky names column. */
import type { CSSProperties } from 'react';
import type { Severity } from './liveCheck';

/** Width of a day column and of the names column (the editor sizes its layout from them). */
export const CELL_W = 56;
export const CELL_H = 40;
export const NAME_W = 220;

export const HOLIDAY_BG = 'repeating-linear-gradient(45deg, var(--mantine-color-gray-2) 0 6px, var(--mantine-color-gray-0) 6px 12px)';
export const SEVERITY_BG: Record<Severity, string> = { block: 'var(--mantine-color-red-1)', warn: 'var(--mantine-color-yellow-1)' };
export const SEVERITY_FG: Record<Severity, string> = { block: 'var(--mantine-color-red-9)', warn: 'var(--mantine-color-yellow-9)' };

export const stickyName: CSSProperties = { position: 'sticky', left: 0, zIndex: 2, background: 'var(--mantine-color-body)' };
