// The orders CSV (domain/salesExport.ts): what Excel needs (BOM, CRLF, Korean headers), RFC 4180
// quoting checked by parsing the output back, and formula injection neutralized.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BOM, csvCell, EXPORT_HEADERS, ExportOrder, guardFormula, ordersCsv } from '../../src/domain/salesExport';

/** A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF records), written for this test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i += 1;
      continue;
    }
    if (ch === ',') {
      row.push(cell);
      cell = '';
      i += 1;
      continue;
    }
    if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
      continue;
    }
    assert.ok(ch !== '"' && ch !== '\n' && ch !== '\r', `unquoted special character at ${i}`);
    cell += ch;
    i += 1;
  }
  assert.equal(cell, '', 'the file ends with CRLF');
  assert.equal(row.length, 0);
  return rows;
}

const kst = (local: string): number => Date.parse(`${local}+09:00`);

const ORDER: ExportOrder = {
  businessDate: '2026-03-01',
  orderNumber: 7,
  createdAt: kst('2026-03-02T01:30:05'),
  prep: { minutes: 10, startedAt: kst('2026-03-02T01:31:00') },
  completion: null,
  cancellation: { by: 'partner', uid: 'owner-1', reason: 'sold_out', note: '=HYPERLINK("http://evil")', at: kst('2026-03-02T01:35:00') },
  channel: 'takeout',
  status: 'cancelled',
  items: [
    {
      menuItemId: 'americano',
      name: '아메리카노',
      unitPrice: 4500,
      quantity: 2,
      lineTotal: 9000,
      options: [
        { groupId: 'size', groupName: '사이즈', choices: [{ id: 'large', name: '라지', price: 500 }] },
        { groupId: 'shot', groupName: '샷', choices: [{ id: 'shot1', name: '샷 1개', price: 0 }] },
      ],
    },
    { menuItemId: 'latte', name: '라떼, "진한"', unitPrice: 4500, quantity: 1, lineTotal: 4500, options: [] },
  ],
  total: 13500,
  deliveryFee: 0,
};

describe('orders CSV', () => {
  it('starts with a UTF-8 BOM and the Korean header line, one CRLF line per order', () => {
    const csv = ordersCsv([
      ORDER,
      {
        ...ORDER,
        orderNumber: 8,
        status: 'completed',
        cancellation: null,
        completion: { by: 'partner', uid: 'o', at: kst('2026-03-02T01:40:00') },
      },
    ]);
    assert.ok(csv.startsWith(BOM));
    assert.equal(Buffer.from(csv, 'utf8').subarray(0, 3).toString('hex'), 'efbbbf');
    const rows = parseCsv(csv.slice(1));
    assert.deepEqual(rows[0], [...EXPORT_HEADERS]);
    assert.equal(rows.length, 3);
    assert.deepEqual(rows[1], [
      '2026-03-01',
      '7',
      '2026-03-02 01:30:05',
      '2026-03-02 01:31:00',
      '',
      '2026-03-02 01:35:00',
      '포장',
      '취소',
      '아메리카노(라지, 샷 1개) x2; 라떼, "진한" x1',
      '13500',
      '0',
      '매장',
      '재료 소진으로 주문이 취소되었습니다.',
      `'=HYPERLINK("http://evil")`,
    ]);
    assert.deepEqual(rows[2].slice(4, 8), ['2026-03-02 01:40:00', '', '포장', '완료']);
    assert.deepEqual(rows[2].slice(11), ['', '', '']);
  });

  it('an empty export is the header line alone', () => {
    assert.equal(ordersCsv([]), `${BOM}${EXPORT_HEADERS.join(',')}\r\n`);
  });

  it('cells starting with = + - @ tab or CR get an apostrophe; others are left alone', () => {
    for (const risky of ['=1+1', '+82', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) assert.equal(guardFormula(risky), `'${risky}`);
    for (const safe of ['아메리카노', '1+1', 'a=b', '', "'quoted"]) assert.equal(guardFormula(safe), safe);
    assert.equal(csvCell(-5), '-5', 'numbers are numbers');
    assert.equal(csvCell(null), '');
  });

  it('any text survives a round trip through the file, guarded when it could be a formula', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', '가', ',', '"', '\r', '\n', '=', '+', '-', '@', ' ', '\t') }), {
          minLength: 1,
          maxLength: 6,
        }),
        (cells) => {
          const line = `${cells.map(csvCell).join(',')}\r\n`;
          const [parsed] = parseCsv(line);
          assert.deepEqual(parsed, cells.map(guardFormula));
          for (const cell of parsed) assert.ok(!/^[=+\-@\t\r]/.test(cell), `a formula reached the sheet: ${JSON.stringify(cell)}`);
        },
      ),
      { numRuns: 500 },
    );
  });
});
