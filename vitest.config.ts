import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// GitHub's workflow parser imports its JSON schemas without import attributes, which Node 20 refuses, so
// vitest inlines it (test/workflows.test.ts); its published source maps point to sources it does not ship,
// so they are dropped on load instead of warned about once per file.
const INLINE = ['@actions/workflow-parser', '@actions/expressions'];

export default defineConfig({
  plugins: [
    {
      name: 'inline-without-source-maps',
      load(id) {
        if (!INLINE.some((p) => id.includes(`/node_modules/${p}/`)) || !id.endsWith('.js')) return null;
        return readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    server: { deps: { inline: INLINE } },
  },
});
