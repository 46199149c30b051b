// The partner center: Preact + the Firebase JS SDK, with @gocafein/client taken from its sources
// (client/src) and the tracking-number rules from the server's pure domain (functions/src/domain).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: {
    alias: { '@gocafein/client': here('../client/src/index.ts') },
    // client/src imports 'firebase/*' too: one copy of the SDK (web/node_modules), not the root's.
    dedupe: ['firebase', '@firebase/app', '@firebase/auth', '@firebase/firestore', '@firebase/functions', '@firebase/messaging'],
  },
  server: { fs: { allow: [here('..')] } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
});
