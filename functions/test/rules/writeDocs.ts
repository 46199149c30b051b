// Regenerates the app-query section of docs/rules-and-indexes.md from appQueries.ts:
//   cd functions && npx tsx test/rules/writeDocs.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { DOCS_PATH, loadIndexFile, withGeneratedBlock } from '../support/indexFile';
import { renderAppQueriesMarkdown } from './appQueries';

const markdown = readFileSync(DOCS_PATH, 'utf8');
writeFileSync(DOCS_PATH, withGeneratedBlock(markdown, renderAppQueriesMarkdown(loadIndexFile())));
console.log(`updated ${DOCS_PATH}`);
