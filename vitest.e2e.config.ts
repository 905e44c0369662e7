/** Browser journeys (tests/e2e/**): a real server on a free port with the demo data, driven by Chromium. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    // The demo seeded once for the journeys at the real date (tests/e2e/support.ts copies it).
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // Two journeys at a time (each has its own server, port, data folder and browser): CI stays under 20 minutes.
    fileParallelism: true,
    maxWorkers: 2,
    // A page under load may take seconds to show a state: polls wait up to 15 s instead of Vitest's 1 s.
    expect: { poll: { timeout: 15_000 } },
    env: { TZ: 'Asia/Ho_Chi_Minh' },
  },
});
