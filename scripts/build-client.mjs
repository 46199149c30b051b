#!/usr/bin/env node
// `npm run build` in client/: compiles @gocafein/client into client/dist and prints its size.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureClientPackage, CLIENT_DIR } from './lib/clientPackage.mjs';

ensureClientPackage({ force: true });
const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const js = files(join(CLIENT_DIR, 'dist')).filter((file) => file.endsWith('.js'));
const bytes = js.reduce((sum, file) => sum + statSync(file).size, 0);
const gzipped = gzipSync(Buffer.concat(js.map((file) => readFileSync(file)))).length;
console.log(
  `@gocafein/client: ${js.length} JS files, ${(bytes / 1024).toFixed(1)} KiB, ${(gzipped / 1024).toFixed(1)} KiB gzipped (firebase excluded, a peer)`,
);
