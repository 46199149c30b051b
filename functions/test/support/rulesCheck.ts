// Static check of firestore.rules: finds every `allow` statement and reports those that could let a
// client write. Pure text processing; it does not evaluate rules (the emulator tests do that).
//
// An allow statement grants a write if its methods include write, create, update or delete and its
// condition is anything but the literal `false` (parentheses aside). `allow write;` with no
// condition grants always. Comments and string literals are skipped, so text inside them never
// counts; an unknown method name is reported too, as the rules compiler would.

export const READ_METHODS = ['read', 'get', 'list'] as const;
export const WRITE_METHODS = ['write', 'create', 'update', 'delete'] as const;
const METHODS: readonly string[] = [...READ_METHODS, ...WRITE_METHODS];

export interface AllowStatement {
  methods: string[];
  /** The condition as written, or null for an `allow` without `: if`. */
  condition: string | null;
  line: number;
}

export interface RulesWriteProblem {
  line: number;
  statement: string;
  message: string;
}

/** The text with comments and string contents blanked out (same length, same line numbers). */
export function blankCommentsAndStrings(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    if (two === '//') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i += 1;
      }
    } else if (two === '/*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (text[i] === "'" || text[i] === '"') {
      const quote = text[i];
      out += quote;
      i += 1;
      while (i < text.length && text[i] !== quote && text[i] !== '\n') {
        const escaped = text[i] === '\\' ? 2 : 1;
        out += ' '.repeat(Math.min(escaped, text.length - i));
        i += escaped;
      }
      if (i < text.length) {
        out += text[i];
        i += 1;
      }
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

function keywordAt(text: string, i: number, word: string): boolean {
  return text.startsWith(word, i) && !isWordChar(text[i - 1]) && !isWordChar(text[i + word.length]);
}

export function parseAllowStatements(rules: string): AllowStatement[] {
  const text = blankCommentsAndStrings(rules);
  const statements: AllowStatement[] = [];
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  for (let i = 0; i < text.length; i += 1) {
    if (!keywordAt(text, i, 'allow')) continue;
    const start = i;
    i += 'allow'.length;
    let methodsText = '';
    while (i < text.length && text[i] !== ':' && text[i] !== ';' && text[i] !== '}') methodsText += text[i++];
    const methods = methodsText
      .split(',')
      .map((m) => m.trim())
      .filter((m) => m !== '');
    let condition: string | null = null;
    if (text[i] === ':') {
      i += 1;
      let depth = 0;
      let body = '';
      while (i < text.length) {
        const c = text[i];
        if (depth === 0 && (c === ';' || c === '}')) break;
        if (depth === 0 && (keywordAt(text, i, 'allow') || keywordAt(text, i, 'match') || keywordAt(text, i, 'function'))) break;
        if (c === '(' || c === '[' || c === '{') depth += 1;
        if (c === ')' || c === ']' || c === '}') depth -= 1;
        body += c;
        i += 1;
      }
      // The condition keeps its original text (strings included) for messages.
      condition = rules
        .slice(i - body.length, i)
        .trim()
        .replace(/^if\b/, '')
        .trim();
    }
    statements.push({ methods, condition, line: lineOf(start) });
    i -= 1;
  }
  return statements;
}

/** `false`, `(false)`, `((false))`: the only condition under which a write method may appear. */
export function isLiterallyFalse(condition: string): boolean {
  let c = condition.replace(/\s+/g, '');
  while (c.startsWith('(') && c.endsWith(')')) c = c.slice(1, -1);
  return c === 'false';
}

export function clientWriteProblems(rules: string): RulesWriteProblem[] {
  const problems: RulesWriteProblem[] = [];
  for (const statement of parseAllowStatements(rules)) {
    const written = `allow ${statement.methods.join(', ')}${statement.condition === null ? '' : `: if ${statement.condition}`}`;
    const unknown = statement.methods.filter((m) => !METHODS.includes(m));
    if (statement.methods.length === 0 || unknown.length > 0) {
      problems.push({ line: statement.line, statement: written, message: `unknown method(s): ${unknown.join(', ') || '(none)'}` });
      continue;
    }
    const writes = statement.methods.filter((m) => (WRITE_METHODS as readonly string[]).includes(m));
    if (writes.length === 0) continue;
    if (statement.condition === null || !isLiterallyFalse(statement.condition)) {
      problems.push({
        line: statement.line,
        statement: written,
        message: `allows client ${writes.join('/')} ${statement.condition === null ? 'unconditionally' : 'under a condition that is not literally false'}`,
      });
    }
  }
  return problems;
}

export interface DocumentLookup {
  line: number;
  call: string;
  /** The nested match paths around it, joined: `/databases/{database}/documents/stores/{storeId}/menuItems/{itemId}`; '' outside any match. */
  matchPath: string;
}

const LOOKUP = /\b(get|exists|getAfter|existsAfter)\s*\(\s*\//g;

/**
 * Every get()/exists() of a document (each costs a document read when the rule is evaluated), with
 * the match it sits in. Map lookups such as `token.get('stores', {})` take no path and don't count.
 */
export function documentLookups(rules: string): DocumentLookup[] {
  const text = blankCommentsAndStrings(rules);
  const lookups: DocumentLookup[] = [];
  const stack: { path: string; depth: number }[] = [];
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\n') line += 1;
    if (keywordAt(text, i, 'match')) {
      // `match /stores/{storeId} {`: the path has no spaces; the block opens after it.
      const header = /^match\s+(\S+)\s*\{/.exec(text.slice(i));
      if (header) {
        stack.push({ path: header[1], depth: depth + 1 });
        depth += 1;
        line += header[0].split('\n').length - 1;
        i += header[0].length - 1;
        continue;
      }
    }
    if (c === '{') depth += 1;
    if (c === '}') {
      if (stack.length && stack[stack.length - 1].depth === depth) stack.pop();
      depth -= 1;
    }
    LOOKUP.lastIndex = i;
    const found = LOOKUP.exec(text);
    if (found && found.index === i && !isWordChar(text[i - 1])) {
      lookups.push({ line, call: found[1], matchPath: stack.map((m) => m.path).join('') });
    }
  }
  return lookups;
}
