import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig } from 'vite';

/**
 * The console's build. Root is web/; the output in web/dist is what `npm start` serves beside the API
 * and what the CDK stack uploads. Journey pages are lazy chunks (see src/routes.tsx), so the initial
 * bundle stays small whatever the pages grow into.
 */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/',
  plugins: [react()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // .vite/manifest.json: infra/local/console-build.ts reads it to measure the initial JS.
    manifest: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 800,
  },
  logLevel: 'warn',
});
