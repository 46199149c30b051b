#!/usr/bin/env node
// `npm run build`: installs the functions' packages if needed and compiles functions/src to functions/lib.
import { buildFunctions, ensureNpmPackages, FUNCTIONS_DIR } from './lib/setup.mjs';

ensureNpmPackages(FUNCTIONS_DIR);
buildFunctions();
