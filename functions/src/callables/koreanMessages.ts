// Korean field-level validation messages for every zod schema (the apps show them as is).
// zod 4's Korean locale still names types in English ("string이 너무 작습니다"), so common issues get
// plain Korean here and anything else falls back to the locale. Messages written in a schema win.
import { z } from 'zod/mini';
// The Korean locale alone: z.locales would bundle all of zod's ~50 locales into every function (cold start).
import { ko } from 'zod/locales';

const TYPE_NAMES: Record<string, string> = {
  string: '문자열',
  number: '숫자',
  int: '정수',
  boolean: '참/거짓 값',
  array: '목록',
  object: '객체',
  null: 'null',
};

const typeName = (name: unknown): string => TYPE_NAMES[String(name)] ?? '올바른 값';

type Issue = z.core.$ZodRawIssue;

export function koreanIssueMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '필수 항목입니다.';
      return `${typeName(issue.expected)} 형식이어야 합니다.`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '값을 입력해 주세요.' : `${min}자 이상 입력해 주세요.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${min}개 이상이어야 합니다.`;
      return issue.inclusive === false ? `${min}보다 커야 합니다.` : `${min} 이상이어야 합니다.`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `${max}자 이하로 입력해 주세요.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${max}개까지 입력할 수 있습니다.`;
      return issue.inclusive === false ? `${max}보다 작아야 합니다.` : `${max} 이하여야 합니다.`;
    }
    case 'invalid_format':
      if (issue.format === 'email') return '이메일 형식이 올바르지 않습니다.';
      if (issue.format === 'datetime') return '날짜와 시간 형식(예: 2026-11-26T15:30:00+09:00)이 올바르지 않습니다.';
      return '형식이 올바르지 않습니다.';
    case 'invalid_value':
      return `다음 중 하나여야 합니다: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `허용되지 않는 항목입니다: ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return `${String(issue.divisor)}의 배수여야 합니다.`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return '입력값이 올바르지 않습니다.';
    default:
      return undefined;
  }
}

let configured = false;

/** Installs the Korean messages on zod's global config (idempotent; the callable shell calls it once). */
export function useKoreanValidationMessages(): void {
  if (configured) return;
  z.config(ko());
  z.config({ customError: (issue) => koreanIssueMessage(issue) });
  configured = true;
}
