// Offline, without an emulator: firestore.rules has no allow statement that could let a client write.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { RULES_PATH } from '../support/indexFile';
import { blankCommentsAndStrings, clientWriteProblems, documentLookups, parseAllowStatements } from '../support/rulesCheck';

const wrap = (body: string) => `rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    match /orders/{orderId} {
${body}
    }
  }
}`;

describe('firestore.rules, read as text', () => {
  it('has no allow statement that lets a client write', () => {
    const rules = readFileSync(RULES_PATH, 'utf8');
    const problems = clientWriteProblems(rules);
    assert.deepEqual(
      problems.map((p) => `firestore.rules:${p.line}: ${p.statement} — ${p.message}`),
      [],
    );
  });

  it('finds the read statements it grants (the parser sees the real file)', () => {
    const statements = parseAllowStatements(readFileSync(RULES_PATH, 'utf8'));
    assert.ok(statements.length >= 6, `only ${statements.length} allow statements found`);
    for (const statement of statements) {
      assert.ok(
        statement.methods.every((m) => ['get', 'list', 'read'].includes(m)),
        `line ${statement.line}: ${statement.methods.join(', ')}`,
      );
    }
  });

  it("reads no document but the reader's membership (and, for the menu of a non-member, the store)", () => {
    const rules = readFileSync(RULES_PATH, 'utf8');
    const lookups = documentLookups(rules);
    assert.deepEqual(
      lookups.map((l) => l.matchPath),
      ['/databases/{database}/documents/stores/{storeId}/menuItems/{itemId}'],
    );
    // Every other lookup is of membershipPath(storeId): stores/{storeId}/members/{request.auth.uid}.
    const blanked = blankCommentsAndStrings(rules);
    const calls = [...blanked.matchAll(/\b(?:get|exists|getAfter|existsAfter)\(\s*([A-Za-z_]\w*)\(/g)].map((m) => m[1]);
    assert.ok(calls.length > 0);
    assert.deepEqual([...new Set(calls)], ['membershipPath']);
    assert.match(
      rules,
      /function membershipPath\(storeId\) \{\s*return \/databases\/\$\(database\)\/documents\/stores\/\$\(storeId\)\/members\/\$\(request\.auth\.uid\);/,
    );
  });

  describe('the document-lookup finder', () => {
    it('finds get() and exists() of documents with their match, and skips map lookups and comments', () => {
      const rules = wrap(`allow get: if request.auth.token.get('stores', {}).get('a', '') == 'owner'
        || exists(/databases/$(database)/documents/x/$(orderId));
      // allow list: if get(/databases/$(database)/documents/y).data.ok;
      match /events/{version} {
        allow get: if getAfter( /databases/$(database)/documents/orders/$(orderId)).data.ok;
      }
      allow list: if isUser(resource.data.uid);`);
      assert.deepEqual(
        documentLookups(rules).map((l) => [l.call, l.matchPath, l.line]),
        [
          ['exists', '/databases/{database}/documents/orders/{orderId}', 6],
          ['getAfter', '/databases/{database}/documents/orders/{orderId}/events/{version}', 9],
        ],
      );
    });
  });

  describe('the checker', () => {
    const problemsOf = (body: string) => clientWriteProblems(wrap(body)).map((p) => p.message);

    it('accepts reads under any condition, and writes under the literal false', () => {
      assert.deepEqual(problemsOf('allow read: if true;\nallow get, list: if request.auth != null;'), []);
      assert.deepEqual(problemsOf('allow write: if false;\nallow create, update: if (false);\nallow read, delete: if ( ( false ) );'), []);
    });

    it('rejects each write method under a condition that is not literally false', () => {
      for (const method of ['write', 'create', 'update', 'delete']) {
        const problems = problemsOf(`allow read, ${method}: if request.auth.uid == resource.data.customerUid;`);
        assert.equal(problems.length, 1, method);
        assert.match(problems[0], new RegExp(`client ${method}`));
      }
      assert.equal(problemsOf('allow write: if false || request.auth != null;').length, 1);
      assert.equal(problemsOf('allow update: if !true;').length, 1);
      assert.equal(problemsOf("allow create: if 'false';").length, 1);
    });

    it('rejects an allow without a condition, and one without its semicolon', () => {
      assert.match(problemsOf('allow write;')[0], /unconditionally/);
      assert.match(problemsOf('allow read: if true\nallow delete: if isOwner()\n')[0], /client delete/);
    });

    it('rejects unknown methods', () => {
      assert.match(problemsOf('allow read, writ: if false;')[0], /unknown method/);
    });

    it('ignores allow statements in comments and strings, and conditions spanning lines and parentheses', () => {
      assert.deepEqual(
        problemsOf('// allow write: if true;\n/* allow create: if true; */\nallow read: if resource.data.note != "allow write: if true;";'),
        [],
      );
      const problems = clientWriteProblems(wrap('allow update: if (\n  request.auth != null\n  && resource.data.x in [1, 2]\n);'));
      assert.equal(problems.length, 1);
      assert.match(problems[0].statement, /in \[1, 2\]\n\)$/);
    });

    it('keeps line numbers when blanking comments', () => {
      const text = 'a // x\n/* y\nz */ b "c"';
      const blanked = blankCommentsAndStrings(text);
      assert.equal(blanked.length, text.length);
      assert.equal(blanked.split('\n').length, 3);
      assert.ok(!/[xyzc]/.test(blanked));
      const [statement] = parseAllowStatements('/*\n\n*/\nallow write: if true;');
      assert.equal(statement.line, 4);
    });
  });
});
