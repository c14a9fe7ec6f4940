import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { guidePlugin } from './src/docs/guide-plugin.ts';
import { scenariosPlugin } from './src/scenarios/vite-plugin.ts';

export default defineConfig({
  plugins: [react(), scenariosPlugin(), guidePlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // No inline scripts or styles, so a strict Content-Security-Policy can be served later.
    assetsInlineLimit: 0,
  },
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'test/model/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/scenarios/**/*.test.ts',
            'test/state/**/*.test.ts',
            'test/i18n/**/*.test.ts',
            'test/charts/**/*.test.ts',
          ],
          exclude: ['**/*.dom.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          include: ['test/ui/**/*.test.tsx', 'test/charts/**/*.test.tsx', 'test/state/**/*.dom.test.ts'],
          setupFiles: ['test/ui/setup.ts'],
          environment: 'jsdom',
          // A whole app rendered in jsdom: a loaded 2-core machine (CI, benches beside) needs room.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
