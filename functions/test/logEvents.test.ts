// The log event catalogue (src/logEvents.ts) is the only source of logger.* messages: no string
// literal is passed to the logger anywhere in src, and every name is `area.event` and unique.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_EVENTS } from '../src/logEvents';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('log event catalogue', () => {
  it('every logger call in src names its event from the catalogue', () => {
    const literal = /logger\.(?:info|warn|error|debug)\(\s*(?:[^,()]*\?\s*)?['"`]/;
    const offenders = sources(join(__dirname, '../src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (literal.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    assert.deepEqual(offenders, []);
  });

  it('names are area.event and each appears once', () => {
    const values = Object.values(LOG_EVENTS);
    for (const value of values) assert.match(value, /^[a-z_]+\.[a-z_]+$/);
    assert.equal(new Set(values).size, values.length);
  });
});
