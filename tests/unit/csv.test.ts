import { describe, expect, it } from 'vitest';
import { REACTION_COLUMNS, reactionsToCsv, toCsv } from '@/utils/csv';
import { newEntry, type OutboxEntry } from '@/utils/outbox';

/** A strict RFC 4180 reader, to prove that what toCsv writes reads back field for field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        value += text[i++];
      }
    }
    row.push(value);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return rows;
}

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends and no BOM', () => {
    const csv = toCsv(['a', 'b'], [['1', 2]]);
    expect(csv).toBe('a,b\r\n1,2\r\n');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(toCsv(['only'], [])).toBe('only\r\n');
  });

  it('quotes commas, quotes, CR and LF and doubles inner quotes', () => {
    const csv = toCsv(
      ['text'],
      [['a,b'], ['say "hi"'], ['line 1\nline 2'], ['windows\r\nline'], ['old mac\rline'], ['plain']],
    );
    expect(csv).toBe(
      'text\r\n"a,b"\r\n"say ""hi"""\r\n"line 1\nline 2"\r\n"windows\r\nline"\r\n"old mac\rline"\r\nplain\r\n',
    );
    expect(parseCsv(csv)).toEqual([
      ['text'],
      ['a,b'],
      ['say "hi"'],
      ['line 1\nline 2'],
      ['windows\r\nline'],
      ['old mac\rline'],
      ['plain'],
    ]);
  });

  it('neutralises each formula prefix in text', () => {
    const cells = ['=SUM(A1:A9)', '+1+2', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://x","y")', '=1,2'];
    const csv = toCsv(['cell'], [cells]);
    expect(csv).toBe(
      `cell\r\n'=SUM(A1:A9),'+1+2,'-2+3,'@cmd,'\tx,"'\rx","'=HYPERLINK(""http://x"",""y"")","'=1,2"\r\n`,
    );
    expect(parseCsv(csv)[1]).toEqual(cells.map((cell) => `'${cell}`));
    // Only the start matters: a sign in the middle is ordinary text.
    expect(toCsv(['x'], [['a=b', 'x-1', 'mail@example.com']])).toBe('x\r\na=b,x-1,mail@example.com\r\n');
    // Header names go through the same rule.
    expect(toCsv(['=cmd'], [])).toBe("'=cmd\r\n");
  });

  it('keeps numbers as numbers, negative ones too', () => {
    expect(toCsv(['n'], [[-5], [0], [3.25], [-0.5], [1e21]])).toBe(
      'n\r\n-5\r\n0\r\n3.25\r\n-0.5\r\n1e+21\r\n',
    );
    // A negative number typed as text is text, and could be a formula.
    expect(toCsv(['n'], [['-5']])).toBe("n\r\n'-5\r\n");
    expect(toCsv(['n'], [[Number.NaN, Number.POSITIVE_INFINITY]])).toBe('n\r\n,\r\n');
  });

  it('writes null and undefined as empty fields', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, '']])).toBe('a,b,c\r\n,,\r\n');
  });

  it('passes Unicode through unchanged', () => {
    const text = 'Ünïcödé — 日本語のテキスト, emoji 😀 and RTL עברית';
    const csv = toCsv(['t'], [[text]]);
    expect(csv).toBe(`t\r\n"${text}"\r\n`);
    expect(parseCsv(csv)[1]).toEqual([text]);
  });
});

describe('reactionsToCsv', () => {
  const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
  const flag: OutboxEntry = {
    ...newEntry(
      {
        key: 'k1',
        itemId: 'kb:1',
        title: 'Reset, "quickly"',
        url: 'https://kb.example.com/1',
        sourceId: 'kb',
        reaction: { kind: 'flag', reason: 'incorrect', comment: '=cmd|calc\nstep 2 is wrong' },
        createdAt: T0,
      },
      true,
      T0,
    ),
    state: 'failed',
    lastError: 'HTTP 400: invalid_payload',
  };
  const endorse = newEntry(
    {
      key: 'k2',
      itemId: 'kb:2',
      title: 'VPN',
      url: 'https://kb.example.com/2',
      sourceId: 'kb',
      reaction: { kind: 'endorse' },
      createdAt: T0 + 1000,
    },
    false,
    T0,
  );
  const missing = newEntry(
    {
      key: 'k3',
      itemId: 'kb:3',
      title: 'Expenses',
      url: 'https://kb.example.com/3',
      sourceId: 'kb',
      reaction: { kind: 'flag', reason: 'missing', missingTitle: '-Travel policy' },
      createdAt: T0 + 2000,
    },
    true,
    T0,
  );

  it('writes one row per reaction with the documented columns', () => {
    const csv = reactionsToCsv([flag, endorse, missing]);
    expect(REACTION_COLUMNS).toEqual([
      'createdAt',
      'kind',
      'reason',
      'comment',
      'missingTitle',
      'itemId',
      'title',
      'url',
      'sourceId',
      'state',
      'lastError',
    ]);
    expect(csv).toBe(
      'createdAt,kind,reason,comment,missingTitle,itemId,title,url,sourceId,state,lastError\r\n' +
        `2026-01-05T09:00:00.000Z,flag,incorrect,"'=cmd|calc\nstep 2 is wrong",,kb:1,"Reset, ""quickly""",https://kb.example.com/1,kb,failed,HTTP 400: invalid_payload\r\n` +
        '2026-01-05T09:00:01.000Z,endorse,,,,kb:2,VPN,https://kb.example.com/2,kb,local,\r\n' +
        "2026-01-05T09:00:02.000Z,flag,missing,,'-Travel policy,kb:3,Expenses,https://kb.example.com/3,kb,queued,\r\n",
    );
    expect(parseCsv(csv).map((row) => row.length)).toEqual([11, 11, 11, 11]);
    expect(reactionsToCsv([])).toBe(`${REACTION_COLUMNS.join(',')}\r\n`);
  });
});
