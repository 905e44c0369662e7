/**
 * Renders the app icons (PNG) of the installable web app from web/public/favicon.svg with Debian's Chromium.
 * Run once when the logo changes: `node scripts/make-icons.mjs`; the PNGs are committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = fs.readFileSync(path.join(root, 'web/public/favicon.svg'), 'utf8');
const out = path.join(root, 'web/public/icons');
fs.mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [name, size, maskable] of [
    ['icon-192.png', 192, false],
    ['icon-512.png', 512, false],
    ['icon-maskable-512.png', 512, true],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    // A maskable icon keeps its content inside the central 80% (the safe zone) on a full background.
    const inner = maskable ? `<div style="position:absolute;inset:0;background:#1c4e9c"></div><div style="position:absolute;inset:12%">${svg}</div>` : svg;
    await page.setContent(
      `<html><body style="margin:0;width:${size}px;height:${size}px;position:relative;background:transparent">${inner}<style>svg{width:100%;height:100%;display:block}</style></body></html>`,
    );
    await page.screenshot({ path: path.join(out, name), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`Icons written to ${path.relative(root, out)}`);
