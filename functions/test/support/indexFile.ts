// firestore.indexes.json and docs/rules-and-indexes.md, as the offline checks read them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexFile } from './indexMatcher';

export const ROOT = join(__dirname, '..', '..', '..');
export const INDEXES_PATH = join(ROOT, 'firestore.indexes.json');
export const RULES_PATH = join(ROOT, 'firestore.rules');
export const DOCS_PATH = join(ROOT, 'docs', 'rules-and-indexes.md');
/** Files that show the generated app-query code: the rules reference only (README links to it). */
export const APP_QUERY_DOCS = [DOCS_PATH];

export function loadIndexFile(): IndexFile {
  const parsed = JSON.parse(readFileSync(INDEXES_PATH, 'utf8')) as Partial<IndexFile>;
  return { indexes: parsed.indexes ?? [], fieldOverrides: parsed.fieldOverrides ?? [] };
}

export const APP_QUERIES_START =
  '<!-- app-queries:start (generated from functions/test/rules/appQueries.ts: cd functions && npx tsx test/rules/writeDocs.ts) -->';
export const APP_QUERIES_END = '<!-- app-queries:end -->';

/** The generated block of the docs, or null if its markers are missing. */
export function generatedBlock(markdown: string): string | null {
  const start = markdown.indexOf(APP_QUERIES_START);
  const end = markdown.indexOf(APP_QUERIES_END);
  if (start < 0 || end < start) return null;
  return markdown.slice(start + APP_QUERIES_START.length, end).trim();
}

export function withGeneratedBlock(markdown: string, block: string): string {
  const start = markdown.indexOf(APP_QUERIES_START);
  const end = markdown.indexOf(APP_QUERIES_END);
  if (start < 0 || end < start) throw new Error(`${DOCS_PATH} has no app-queries markers`);
  return `${markdown.slice(0, start + APP_QUERIES_START.length)}\n\n${block}\n\n${markdown.slice(end)}`;
}
