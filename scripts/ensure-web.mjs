#!/usr/bin/env node
/**
 * Builds the web client (dist/web) with Vite's JS API when it is missing or older than any source
 * under web/ or shared/ (or vite.config.ts), or always with --force. Prints one line.
 * Used by `npm start` and `npm run test:e2e`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const indexHtml = path.join(root, 'dist/web/index.html');
const force = process.argv.includes('--force');

/** Newest modification time (ms) of the files under `dir` (0 when absent). */
function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.isFile()) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function staleReason() {
  if (force) return '--force';
  if (!fs.existsSync(indexHtml)) return 'dist/web/index.html missing';
  const built = fs.statSync(indexHtml).mtimeMs;
  const sources = Math.max(newestMtime(path.join(root, 'web')), newestMtime(path.join(root, 'shared')), fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs);
  return sources > built ? 'sources changed' : null;
}

const reason = staleReason();
if (!reason) {
  console.log('web: dist/web is up to date');
} else {
  const started = Date.now();
  try {
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'error' });
    console.log(`web: built dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s (${reason})`);
  } catch (err) {
    console.error(`web: build failed (${reason}): ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
