import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * index.html carries the production Content-Security-Policy. The dev server injects inline scripts
 * (React refresh) that it would block, so the dev server drops it; `vite build` keeps it.
 */
function stripCspInDev(): Plugin {
  return {
    name: 'id-reader:strip-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?>\s*/, ''),
  };
}

export default defineConfig({
  // Relative base: dist/ works from any sub-path of any static host.
  base: './',
  plugins: [react(), stripCspInDev()],
  worker: {
    // Classic workers, so the preprocess worker can importScripts() the self-hosted OpenCV build.
    format: 'iife',
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 700,
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
