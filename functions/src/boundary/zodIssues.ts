// One shape for a refused input, for callables (details.fields) and the webhook (its 400 body):
// each zod issue as its dotted field path and message.
import type { z } from 'zod/mini';

export interface FieldIssue {
  path: string;
  message: string;
}

export function zodIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
