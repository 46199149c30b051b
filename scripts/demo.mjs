#!/usr/bin/env node
// `npm run demo`: against the running local stack (`npm start`), walks one pickup order and one
// delivery order through their whole lifecycles as the apps do, and shows one pickup order
// completed by its timer (scripts/lib/demo.mjs). Installs the root packages first if they are
// missing, so only Node built-ins and built-in-only project files are imported before that.
import { ensureNpmPackages, ROOT } from './lib/setup.mjs';

ensureNpmPackages(ROOT);
const { runDemo } = await import('./lib/demo.mjs');
runDemo().then(
  () => process.exit(0),
  (error) => {
    console.error('demo failed:', error.message ?? error);
    process.exit(1);
  },
);
