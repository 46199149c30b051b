// Run in a child process (see test/callables/appCheck.test.ts): loads one callable with the given
// APP_CHECK_ENFORCED (params are read when the function is defined, as at a cold start) and sends it
// one raw HTTP request the way the callable protocol does, without an App Check header. Prints
// `{status, body}` as JSON on the last line.
// Usage: node -r tsx/cjs test/support/rawCallable.ts <module under src/> <export> <APP_CHECK_ENFORCED>
import path from 'node:path';

const [modulePath, exportName, enforced] = process.argv.slice(2);
process.env.APP_CHECK_ENFORCED = enforced;
process.env.GCLOUD_PROJECT ??= 'demo-gocafein-test';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module under test, loaded by path after the environment is set
const fn = require(path.resolve(__dirname, '../../src', modulePath))[exportName] as (req: unknown, res: unknown) => unknown;

const headers: Record<string, string> = { 'content-type': 'application/json' };
const req = {
  method: 'POST',
  url: '/',
  headers,
  header: (name: string) => headers[name.toLowerCase()],
  get: (name: string) => headers[name.toLowerCase()],
  body: { data: {} },
};
let status = 200;
const done = (body: unknown) => {
  process.stdout.write(`\n${JSON.stringify({ status, body })}\n`);
  process.exit(0);
};
const res = {
  headersSent: false,
  status(code: number) {
    status = code;
    return res;
  },
  send: done,
  json: done,
  end: done,
  set: () => res,
  setHeader: () => undefined,
  getHeader: () => undefined,
  vary: () => undefined,
  on: () => undefined,
};
setTimeout(() => {
  process.stdout.write('\n{"timeout":true}\n');
  process.exit(1);
}, 10_000);
void fn(req, res);
