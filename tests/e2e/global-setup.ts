/**
 * Once per browser-test run: an empty folder for the seeded demo snapshot (tests/e2e/support.ts fills it
 * the first time a journey needs it, the others copy it), removed at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    demoSnapshot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congvu-e2e-demo-'));
  project.provide('demoSnapshot', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
