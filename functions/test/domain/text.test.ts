import { strict as assert } from 'node:assert';
import { isWellFormedText, toWellFormedText } from '../../src/domain/text';

describe('well-formed text (lone UTF-16 surrogates)', () => {
  const wellFormed = ['', 'abc', '아메리카노', 'ok😀', '😀😀', '\ud83d\ude00x', 'x\uffff'];
  const illFormed: [string, string][] = [
    ['\ud800', '\ufffd'],
    ['\udc00', '\ufffd'],
    ['a\ud800b', 'a\ufffdb'],
    ['😀\ud83d', '😀\ufffd'],
    ['\ude00😀', '\ufffd😀'],
    ['\udc00\ud800', '\ufffd\ufffd'], // low before high is not a pair
    ['\ud800\ud800\udc00', '\ufffd\ud800\udc00'],
  ];

  for (const value of wellFormed) {
    it(`${JSON.stringify(value)} is well formed and kept as is`, () => {
      assert.equal(isWellFormedText(value), true);
      assert.equal(toWellFormedText(value), value);
    });
  }
  for (const [value, repaired] of illFormed) {
    it(`${JSON.stringify(value)} is ill formed; repaired to ${JSON.stringify(repaired)}`, () => {
      assert.equal(isWellFormedText(value), false);
      assert.equal(toWellFormedText(value), repaired);
      assert.equal(isWellFormedText(toWellFormedText(value)), true);
      // UTF-8 can't carry a lone surrogate: Buffer encodes it as U+FFFD, so the value would change.
      assert.notEqual(Buffer.from(value, 'utf8').toString('utf8'), value);
    });
  }
});
