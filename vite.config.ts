/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import mdx from '@mdx-js/rollup';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './build/contentSecurityPolicy.ts';

export default defineConfig({
  plugins: [
    // The course's chapters: MDX compiled to React components at build time (and in vitest).
    { enforce: 'pre', ...mdx({ include: 'content/**/*.mdx' }) },
    react(),
    contentSecurityPolicy(),
    // A service worker precaches the built site, so a classroom with bad Wi-Fi still runs it
    // after the first visit. Registered from a file, not inline, so the CSP stays strict.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,json}'],
        navigateFallback: '/index.html',
        // Pages read their query (?scenario=…): match /embed/?… to the precached embed page, not
        // the lab the fallback would serve.
        ignoreURLParametersMatching: [/.*/],
        cleanupOutdatedCaches: true,
        // Take over the page that registered it, so the very first visit is already cached.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Two pages: the lab, and the embed for iframes, served as /embed/ by any static host.
    rolldownOptions: { input: { main: resolve(import.meta.dirname, 'index.html'), embed: resolve(import.meta.dirname, 'embed/index.html') } },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Property and statistical tests run long simulations; the default 5 s is too tight on 2 shared cores.
    testTimeout: 120_000,
  },
});
