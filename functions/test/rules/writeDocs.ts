// Regenerates the app-query section of docs/rules-and-indexes.md from appQueries.ts:
//   cd functions && npx tsx test/rules/writeDocs.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { APP_QUERY_DOCS, loadIndexFile, withGeneratedBlock } from '../support/indexFile';
import { renderAppQueriesMarkdown } from './appQueries';

const block = renderAppQueriesMarkdown(loadIndexFile());
for (const path of APP_QUERY_DOCS) {
  writeFileSync(path, withGeneratedBlock(readFileSync(path, 'utf8'), block));
  console.log(`updated ${path}`);
}
