/** Browser journeys (tests/e2e/**): a real server on a free port with the demo data, driven by Chromium. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
    env: { TZ: 'Asia/Ho_Chi_Minh' },
  },
});
