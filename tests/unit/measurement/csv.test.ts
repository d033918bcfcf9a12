import { describe, expect, it } from 'vitest';
import { newEntry, type OutboxEntry } from '@/utils/delivery/outbox';
import {
  DAILY_COLUMNS,
  dailyRowsToCsv,
  EVENT_COLUMNS,
  eventsToCsv,
  REACTION_COLUMNS,
  reactionsToCsv,
  toCsv,
} from '@/utils/measurement/csv';
import type { DailyRow } from '@/utils/measurement/daily';
import { EVENT_TYPES, makeEvent } from '@/utils/measurement/events';

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
      'suggestedTitle',
      'suggestedSummary',
    ]);
    expect(csv).toBe(
      'createdAt,kind,reason,comment,missingTitle,itemId,title,url,sourceId,state,lastError,suggestedTitle,suggestedSummary\r\n' +
        `2026-01-05T09:00:00.000Z,flag,incorrect,"'=cmd|calc\nstep 2 is wrong",,kb:1,"Reset, ""quickly""",https://kb.example.com/1,kb,failed,HTTP 400: invalid_payload,,\r\n` +
        '2026-01-05T09:00:01.000Z,endorse,,,,kb:2,VPN,https://kb.example.com/2,kb,local,,,\r\n' +
        "2026-01-05T09:00:02.000Z,flag,missing,,'-Travel policy,kb:3,Expenses,https://kb.example.com/3,kb,queued,,,\r\n",
    );
    expect(parseCsv(csv).map((row) => row.length)).toEqual([13, 13, 13, 13]);
    expect(reactionsToCsv([])).toBe(`${REACTION_COLUMNS.join(',')}\r\n`);
  });

  it('writes a suggestion with its mode, note and suggested text (formula-safe)', () => {
    const suggestion = newEntry(
      {
        key: 's',
        itemId: '',
        title: '=Filter',
        url: '',
        sourceId: '',
        reaction: {
          kind: 'suggest',
          suggestion: { mode: 'new', tool: 'jira', title: '=Filter', summary: 'Press Q', note: 'ok' },
        },
        createdAt: T0,
      },
      false,
      T0,
    );
    expect(reactionsToCsv([suggestion]).split('\r\n')[1]).toBe(
      "2026-01-05T09:00:00.000Z,suggest,new,ok,,,'=Filter,,,local,,'=Filter,Press Q",
    );
  });
});

describe('dailyRowsToCsv', () => {
  const rows: DailyRow[] = [
    {
      day: '2025-12-04',
      tool: 'jira',
      itemId: 'tip:board',
      kind: 'tip',
      counts: { impression: 12, dismiss: 2 },
    },
    { day: '2025-12-03', tool: 'servicenow', itemId: '', counts: { pause: 1, gap: 2 } },
    {
      day: '2025-12-03',
      tool: 'jira',
      itemId: 'kb:vpn',
      kind: 'article',
      counts: { impression: 42, open: 10, helpful: 3, 'not-helpful': 1, 'announce-dismissed': 1 },
    },
    { day: '2025-12-03', tool: 'jira', itemId: 'kb:gone', kind: 'article', counts: { impression: 1 } },
  ];
  const titles = { 'kb:vpn': 'VPN, "remote" access', 'tip:board': '=Boards: new filters' };
  const names: Record<string, string> = { jira: 'Jira', servicenow: 'ServiceNow' };
  const toolName = (id: string) => names[id] ?? id;

  it('writes a row per day, tool and item, oldest first, with a count per event type', () => {
    expect(DAILY_COLUMNS).toEqual(['day', 'tool', 'toolName', 'itemId', 'title', 'kind', ...EVENT_TYPES]);
    const csv = dailyRowsToCsv(rows, titles, toolName);
    const table = parseCsv(csv);
    expect(table[0]).toEqual([
      'day',
      'tool',
      'toolName',
      'itemId',
      'title',
      'kind',
      'impression',
      'panel',
      'open',
      'helpful',
      'not-helpful',
      'snooze',
      'dismiss',
      'pause',
      'announce',
      'announce-dismissed',
      'gap',
    ]);
    expect(table.slice(1)).toEqual([
      // An item no longer cached has no title.
      [
        '2025-12-03',
        'jira',
        'Jira',
        'kb:gone',
        '',
        'article',
        '1',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
      ],
      [
        '2025-12-03',
        'jira',
        'Jira',
        'kb:vpn',
        'VPN, "remote" access',
        'article',
        '42',
        '0',
        '10',
        '3',
        '1',
        '0',
        '0',
        '0',
        '0',
        '1',
        '0',
      ],
      // Events about no item have no item, title or kind.
      [
        '2025-12-03',
        'servicenow',
        'ServiceNow',
        '',
        '',
        '',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '1',
        '0',
        '0',
        '2',
      ],
      // A title that looks like a formula is neutralised.
      [
        '2025-12-04',
        'jira',
        'Jira',
        'tip:board',
        "'=Boards: new filters",
        'tip',
        '12',
        '0',
        '0',
        '0',
        '0',
        '0',
        '2',
        '0',
        '0',
        '0',
        '0',
      ],
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
    // The caller's array is left as it was.
    expect(rows[0]?.day).toBe('2025-12-04');
  });

  it('writes only the header for no rows', () => {
    expect(dailyRowsToCsv([], {}, toolName)).toBe(`${DAILY_COLUMNS.join(',')}\r\n`);
  });
});

describe('eventsToCsv', () => {
  const T0 = Date.UTC(2025, 11, 3, 9, 30, 0);

  it('writes one row per event in order, the time in ISO 8601', () => {
    const events = [
      makeEvent('impression', T0, 'jira', 'board', 'kb:vpn', 'article'),
      makeEvent('pause', T0 + 1500, 'servicenow'),
      // An area from a page that looks like a formula stays text.
      makeEvent('open', T0 + 60_000, 'jira', '-cmd', 'tip:board', 'tip'),
    ];
    expect(EVENT_COLUMNS).toEqual(['time', 'type', 'tool', 'area', 'itemId', 'kind']);
    const csv = eventsToCsv(events);
    expect(csv).toBe(
      'time,type,tool,area,itemId,kind\r\n' +
        '2025-12-03T09:30:00.000Z,impression,jira,board,kb:vpn,article\r\n' +
        '2025-12-03T09:30:01.500Z,pause,servicenow,,,\r\n' +
        "2025-12-03T09:31:00.000Z,open,jira,'-cmd,tip:board,tip\r\n",
    );
    expect(parseCsv(csv).map((row) => row.length)).toEqual([6, 6, 6, 6]);
    expect(eventsToCsv([])).toBe('time,type,tool,area,itemId,kind\r\n');
  });
});
