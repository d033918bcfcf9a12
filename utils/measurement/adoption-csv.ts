/**
 * The adoption report's figures as one CSV table (RFC 4180, safe to open in a spreadsheet): one
 * row per headline figure, tip, flag reason and group, with the period in every row so that
 * several reports can be pasted below each other. Pure.
 */
import type { AdoptionReport } from './adoption';
import { type CsvValue, toCsv } from './csv';

export const ADOPTION_COLUMNS = [
  'from',
  'to',
  'tool',
  'section',
  'key',
  'title',
  'url',
  'value',
  'previous',
  'change',
  'opened',
  'openRate',
  'busiestDay',
  'people',
];

const round = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

export function adoptionToCsv(report: AdoptionReport): string {
  const { from, to, tool = '' } = report.filter;
  const row = (section: string, key: string, rest: Partial<Record<string, CsvValue>>): CsvValue[] =>
    ADOPTION_COLUMNS.map((column) =>
      column === 'from'
        ? from
        : column === 'to'
          ? to
          : column === 'tool'
            ? tool
            : column === 'section'
              ? section
              : column === 'key'
                ? key
                : rest[column],
    );
  const rows: CsvValue[][] = [
    ...report.headline.map((line) =>
      row('headline', line.key, {
        value: round(line.value),
        previous: round(line.previous),
        change: round(line.change),
      }),
    ),
    ...report.tips.map((tip) =>
      row(report.perPerson ? 'tip-person-days' : 'tip-impressions', tip.itemId, {
        title: tip.title,
        url: tip.url,
        value: tip.saw,
        opened: tip.opened,
        openRate: round(tip.openRate),
        busiestDay: tip.busiestDay,
      }),
    ),
    row('votes', 'helpful', { value: report.helpful.helpful }),
    row('votes', 'not-helpful', { value: report.helpful.notHelpful }),
    row('votes', 'helpful-rate', { value: round(report.helpful.rate) }),
    ...report.flags.map((flag) => row('flags', flag.reason, { value: flag.count })),
  ];
  if (report.group) {
    for (const [key, figures] of [
      [report.group.name, report.group.group],
      ['(everyone else)', report.group.rest],
    ] as const) {
      rows.push(
        row('group', key, {
          value: figures.impressions,
          opened: figures.opens,
          openRate: round(figures.rates.openRate),
          people: figures.people,
        }),
      );
    }
  }
  return toCsv(ADOPTION_COLUMNS, rows);
}
