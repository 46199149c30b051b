// Every relative link and image in README.md, client/README.md and docs/*.md points at a file that
// exists, and every #anchor at a heading of its target (GitHub's heading ids). Links to the web are
// not followed (no internet here).
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const DOCS = join(ROOT, 'docs');

export const MARKDOWN_FILES = [
  join(ROOT, 'README.md'),
  join(ROOT, 'client', 'README.md'),
  ...readdirSync(DOCS)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(DOCS, name)),
];

/** Markdown without fenced code blocks and inline code spans (links there are examples, not links). */
export function proseOf(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Targets of `[text](target)`, `![alt](target)` and `<img src="target">`. */
export function linkTargets(markdown: string): string[] {
  const prose = proseOf(markdown);
  const markdownLinks = [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
  const htmlSources = [...prose.matchAll(/<(?:img|a)\s[^>]*(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  return [...markdownLinks, ...htmlSources];
}

/** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  for (const [, text] of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = text
      .replace(/<[^>]+>/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    ids.add(count === 0 ? base : `${base}-${count}`);
  }
  return ids;
}

/** What is wrong with one link of `file`, or null if it resolves. */
export function linkProblem(file: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null; // https:, mailto: …
  const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
  const path = pathPart === '' ? file : join(dirname(file), decodeURIComponent(pathPart));
  if (!existsSync(path)) return `${target}: no such file`;
  if (anchor === undefined || anchor === '') return null;
  if (statSync(path).isDirectory() || !path.endsWith('.md')) return `${target}: an anchor into a non-Markdown file`;
  return headingIds(readFileSync(path, 'utf8')).has(decodeURIComponent(anchor).toLowerCase()) ? null : `${target}: no heading #${anchor}`;
}

describe('docs: links', () => {
  it('every relative link and image in README.md, client/README.md and docs/*.md resolves', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of MARKDOWN_FILES) {
      for (const target of linkTargets(readFileSync(file, 'utf8'))) {
        checked += 1;
        const problem = linkProblem(file, target);
        if (problem) problems.push(`${relative(ROOT, file)}: ${problem}`);
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(checked > 100, `only ${checked} links found: is the link pattern still right?`);
  });

  it('README links every docs/*.md', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const linked = new Set(linkTargets(readme).map((target) => target.split('#')[0]));
    const missing = readdirSync(DOCS)
      .filter((name) => name.endsWith('.md'))
      .filter((name) => !linked.has(`docs/${name}`));
    assert.deepEqual(missing, [], 'add a row to the Docs table of README.md');
  });

  it('catches a broken file, a broken anchor and ignores links inside code', () => {
    const readme = join(ROOT, 'README.md');
    assert.match(linkProblem(readme, 'docs/no-such-file.md') ?? '', /no such file/);
    assert.match(linkProblem(readme, 'docs/orders.md#no-such-heading') ?? '', /no heading/);
    assert.equal(linkProblem(readme, 'docs/orders.md#the-lifecycle'), null);
    assert.equal(linkProblem(join(DOCS, 'orders.md'), '#준비완료-고객-호출-시간-추가'), null);
    assert.equal(linkProblem(readme, 'https://example.com/x'), null);
    assert.deepEqual(linkTargets('see `[x](nowhere.md)` and\n```md\n[y](nowhere.md)\n```\n[z](here.md) <img src="a.png">'), [
      'here.md',
      'a.png',
    ]);
    assert.deepEqual(
      [...headingIds('# A `code` title\n## Why: 1, 2\n## Why: 1, 2\n```\n# not a heading\n```')],
      ['a-code-title', 'why-1-2', 'why-1-2-1'],
    );
  });
});
