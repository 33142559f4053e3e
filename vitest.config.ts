import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  resolve: {
    // The same aliases as tsconfig.json, so unit tests import modules the way the site does.
    alias: [
      { find: /^@sandbox$/, replacement: path('./sandbox/index.ts') },
      { find: /^@sandbox\/(.*)$/, replacement: path('./sandbox/$1') },
      { find: /^@components\/(.*)$/, replacement: path('./src/components/$1') },
      { find: /^@lib\/(.*)$/, replacement: path('./src/lib/$1') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup/load-services.ts'],
  },
});
