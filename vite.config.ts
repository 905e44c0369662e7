/** Vite build of the web client: sources in web/, output in dist/web (served by server/app.ts). */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  // Absolute, so the build works from any working directory (scripts/ensure-web.mjs).
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // The API server (npm run dev); CONGVU_API_URL points elsewhere, e.g. http://localhost:3100.
    proxy: { '/api': { target: process.env.CONGVU_API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
