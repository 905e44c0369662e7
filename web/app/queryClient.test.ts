import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n';
import { createQueryClient } from './queryClient';

afterEach(async () => {
  await i18n.changeLanguage('vi');
});

describe('query client', () => {
  it('reads the answers again when the UI language changes (the server words rule violations in it)', async () => {
    const client = createQueryClient();
    client.setQueryData(['roster', 'grid'], { violations: [{ message: 'Phòng A ngày 19/07/2021: cần ít nhất 2 người' }] });
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    await i18n.changeLanguage('en');
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(client.getQueryState(['roster', 'grid'])?.isInvalidated).toBe(true);
  });
});
