import { strict as assert } from 'node:assert';
import { createHmac } from 'node:crypto';
import { MAX_CLOCK_SKEW_MS, MAX_EVENT_AGE_MS, signWebhookBody, verifyWebhookSignature } from '../../src/domain/webhookSignature';

const SECRET = 'whsec_test_5f1c0d';
const NOW = Date.UTC(2026, 10, 26, 3, 0, 0);
const NOW_S = NOW / 1000;
const BODY = Buffer.from('{"eventId":"evt-1","carrier":"cj","trackingNumber":"123456789012","status":"delivered"}');

function headers(timestamp: number | string, signature: string) {
  return { 'x-gocafein-timestamp': String(timestamp), 'x-gocafein-signature': signature };
}

describe('webhook signature', () => {
  it('signs HMAC-SHA256 of "<timestamp>.<raw body>" as sha256=<lowercase hex>', () => {
    // Computed independently of the module under test.
    const expected = createHmac('sha256', SECRET)
      .update(`${NOW_S}.${BODY.toString('utf8')}`)
      .digest('hex');
    assert.equal(signWebhookBody(BODY, NOW_S, SECRET), `sha256=${expected}`);
    assert.equal(signWebhookBody(BODY.toString('utf8'), NOW_S, SECRET), `sha256=${expected}`);
  });

  it('matches the worked example in docs/tracking.md (also computed there with openssl)', () => {
    const body =
      '{"eventId":"evt-20261127-0001","carrier":"cj","trackingNumber":"123456789012","status":"delivered",' +
      '"occurredAt":"2026-11-27T11:58:00+09:00","location":"서울강남","description":"배달완료"}';
    assert.equal(
      signWebhookBody(body, 1795748400, 'example-secret'),
      'sha256=198729933d6bc55a5fd9b23e66e21c41283492b995013002d7220b71ba473c08',
    );
  });

  it('accepts a valid signature, in either hex case, and with surrounding spaces', () => {
    const signature = signWebhookBody(BODY, NOW_S, SECRET);
    assert.deepEqual(verifyWebhookSignature(BODY, headers(NOW_S, signature), SECRET, NOW), { ok: true });
    const upper = `sha256=${signature.slice(7).toUpperCase()}`;
    assert.deepEqual(verifyWebhookSignature(BODY, headers(NOW_S, ` ${upper} `), SECRET, NOW), { ok: true });
  });

  it('refuses a signature made with another secret, over another body, or for another timestamp', () => {
    const cases: [string, Buffer, number][] = [
      [signWebhookBody(BODY, NOW_S, 'other-secret'), BODY, NOW_S],
      [signWebhookBody(Buffer.concat([BODY, Buffer.from(' ')]), NOW_S, SECRET), BODY, NOW_S],
      // The timestamp is signed: moving it to a fresh one invalidates the signature.
      [signWebhookBody(BODY, NOW_S - 3600, SECRET), BODY, NOW_S],
    ];
    for (const [signature, body, timestamp] of cases) {
      assert.deepEqual(verifyWebhookSignature(body, headers(timestamp, signature), SECRET, NOW), {
        ok: false,
        reason: 'signature_mismatch',
      });
    }
  });

  it('refuses a one-bit change of the body', () => {
    const signature = signWebhookBody(BODY, NOW_S, SECRET);
    const tampered = Buffer.from(BODY);
    tampered[10] = tampered[10]! ^ 1;
    assert.equal(verifyWebhookSignature(tampered, headers(NOW_S, signature), SECRET, NOW).ok, false);
  });

  it('refuses events older than 5 minutes, and accepts them up to that age', () => {
    const atLimit = NOW_S - MAX_EVENT_AGE_MS / 1000;
    assert.deepEqual(verifyWebhookSignature(BODY, headers(atLimit, signWebhookBody(BODY, atLimit, SECRET)), SECRET, NOW), { ok: true });
    const stale = atLimit - 1;
    assert.deepEqual(verifyWebhookSignature(BODY, headers(stale, signWebhookBody(BODY, stale, SECRET)), SECRET, NOW), {
      ok: false,
      reason: 'stale_timestamp',
    });
  });

  it('refuses events from the future beyond the clock-skew allowance', () => {
    const skew = NOW_S + MAX_CLOCK_SKEW_MS / 1000;
    assert.deepEqual(verifyWebhookSignature(BODY, headers(skew, signWebhookBody(BODY, skew, SECRET)), SECRET, NOW), { ok: true });
    for (const future of [skew + 1, NOW_S + 600]) {
      assert.deepEqual(verifyWebhookSignature(BODY, headers(future, signWebhookBody(BODY, future, SECRET)), SECRET, NOW), {
        ok: false,
        reason: 'future_timestamp',
      });
    }
  });

  it('refuses missing or malformed headers', () => {
    const signature = signWebhookBody(BODY, NOW_S, SECRET);
    const cases: [Record<string, string | string[] | undefined>, string][] = [
      [{ 'x-gocafein-signature': signature }, 'missing_timestamp'],
      [headers('', signature), 'missing_timestamp'],
      [headers('2026-11-26T03:00:00Z', signature), 'malformed_timestamp'],
      [headers(`${NOW_S}.5`, signature), 'malformed_timestamp'],
      [headers(NOW, signature), 'malformed_timestamp'], // milliseconds instead of seconds
      [{ 'x-gocafein-timestamp': [String(NOW_S), String(NOW_S)], 'x-gocafein-signature': signature }, 'missing_timestamp'],
      [{ 'x-gocafein-timestamp': String(NOW_S) }, 'missing_signature'],
      [headers(NOW_S, signature.slice(7)), 'malformed_signature'],
      [headers(NOW_S, `sha1=${signature.slice(7)}`), 'malformed_signature'],
      [headers(NOW_S, signature.slice(0, -2)), 'malformed_signature'],
      [headers(NOW_S, `${signature}00`), 'malformed_signature'],
      [headers(NOW_S, `sha256=${'g'.repeat(64)}`), 'malformed_signature'],
    ];
    for (const [given, reason] of cases) {
      assert.deepEqual(verifyWebhookSignature(BODY, given, SECRET, NOW), { ok: false, reason }, JSON.stringify(given));
    }
  });

  it('refuses everything when no secret is configured, even a signature made with the empty key', () => {
    const signature = signWebhookBody(BODY, NOW_S, '');
    assert.deepEqual(verifyWebhookSignature(BODY, headers(NOW_S, signature), '', NOW), {
      ok: false,
      reason: 'no_secret',
    });
  });
});
