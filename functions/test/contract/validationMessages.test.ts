// Every field-level message a callable's validation gives is Korean (zod's own English messages
// are replaced once, at the callable shell), for bad input of every kind against every callable.
import { strict as assert } from 'node:assert';
import { z } from 'zod/mini';
import '../../src/callables/shell';
import { CALLABLES } from '../../src/contract/callables';
import { zodIssues } from '../../src/boundary/zodIssues';
import { koreanIssueMessage } from '../../src/callables/koreanMessages';

const HANGUL = /[가-힣]/;
const ENGLISH_WORDS = /\b(Invalid|expected|received|Too|must|Unrecognized|string|number|boolean|array|object)\b/;

/** Bad values of every shape: missing, wrong type, too long, too big, negative, empty, extra keys. */
const BAD_VALUES: unknown[] = [undefined, null, 42, -1, 1.5, 1e9, '', ' ', 'x'.repeat(5000), true, [], [{}], {}, { nested: 1 }];

function badInputsFor(schema: z.ZodMiniType): unknown[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  const fields = Object.keys(json.properties ?? {});
  const inputs: unknown[] = [undefined, 'text', [], {}, { unexpectedField: 1 }];
  for (const field of fields) for (const value of BAD_VALUES) inputs.push({ [field]: value });
  return inputs;
}

describe('validation messages are Korean', () => {
  it('for bad input of every kind against every callable in the contract', () => {
    let issues = 0;
    const codes = new Set<string>();
    for (const [name, entry] of Object.entries(CALLABLES)) {
      for (const input of badInputsFor(entry.request)) {
        const parsed = entry.request.safeParse(input);
        assert.equal(parsed.success, false, `${name} accepted ${JSON.stringify(input)}`);
        for (const issue of parsed.error!.issues) codes.add(issue.code);
        for (const { path, message } of zodIssues(parsed.error!)) {
          issues += 1;
          assert.match(message, HANGUL, `${name} ${path}: "${message}" is not Korean`);
          assert.doesNotMatch(message, ENGLISH_WORDS, `${name} ${path}: "${message}" has English`);
        }
      }
    }
    assert.ok(issues > 500, `${issues} issues checked`);
    for (const code of ['invalid_type', 'too_small', 'too_big', 'unrecognized_keys', 'invalid_value'])
      assert.ok(codes.has(code), `${code} covered`);
  });

  it("gives specific Korean messages, and a schema's own message wins", () => {
    const schema = z.strictObject({
      name: z.string().check(z.minLength(2), z.maxLength(5)),
      n: z.number().check(z.int(), z.minimum(1), z.maximum(9)),
      kind: z.enum(['a', 'b']),
    });
    const messages = (input: unknown) => zodIssues(schema.safeParse(input).error!).map((issue) => `${issue.path}: ${issue.message}`);
    assert.deepEqual(messages({ name: 'x', n: 0, kind: 'c', more: 1 }), [
      'name: 2자 이상 입력해 주세요.',
      'n: 1 이상이어야 합니다.',
      'kind: 다음 중 하나여야 합니다: a, b',
      ': 허용되지 않는 항목입니다: more',
    ]);
    assert.deepEqual(messages({ name: 'toolong', n: 'x', kind: 'a' }), ['name: 5자 이하로 입력해 주세요.', 'n: 숫자 형식이어야 합니다.']);
    assert.deepEqual(messages({ n: 1, kind: 'a' }), ['name: 필수 항목입니다.']);
    assert.equal(
      z.string().check(z.regex(/^\d+$/, '숫자만 입력해 주세요.')).safeParse('a').error!.issues[0].message,
      '숫자만 입력해 주세요.',
    );
    assert.equal(koreanIssueMessage({ code: 'invalid_format', format: 'email', input: 'x' } as never), '이메일 형식이 올바르지 않습니다.');
  });
});
