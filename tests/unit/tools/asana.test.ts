// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

const V1 = 'https://app.asana.com/1/1170332106480422';

describe('asana detector', () => {
  it.each([
    [`${V1}/project/1215698870864641/task/1214057483533667`, 'task'],
    [`${V1}/project/1215698870864641/task/1214057483533667?focus=true`, 'task'],
    [`${V1}/task/1210756535087320/comment/1210804403284883`, 'task'],
    [`${V1}/project/1215698870864641/list/1215698870864650`, 'list'],
    [`${V1}/project/1215698870864641/board/1215698870864651`, 'board'],
    [`${V1}/project/1215698870864641/timeline/1215698870864652`, 'timeline'],
    [`${V1}/project/1215698870864641/overview/1215698870864653`, 'project-overview'],
    [`${V1}/project/1215698870864641`, 'project'],
    [`${V1}/home`, 'home'],
    [`${V1}/inbox/1170332106480400`, 'inbox'],
    [`${V1}/portfolio/1205/list`, 'portfolio'],
    [`${V1}/goals`, 'goals'],
    ['https://app.asana.com/0/1203335128322637/1218151868987256', 'task'],
    ['https://app.asana.com/0/1203335128322637/1218151868987256/f', 'task'],
    ['https://app.asana.com/0/1203335128322637/list', 'list'],
    ['https://app.asana.com/0/1203335128322637/board', 'board'],
    ['https://app.asana.com/0/home/1170332106480422', 'home'],
    ['https://app.asana.com/0/inbox/1170332106480400', 'inbox'],
    ['https://app.asana.com/0/portfolios/1170332106480422', 'portfolio'],
    ['https://app.asana.com/admin/1170332106480422/', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'asana', area));

  it.each([
    'https://app.asana.com.evil.example/0/1/2',
    'https://asana.com.evil.example/0/1/2',
    'https://evilasana.com/0/1/2',
    'https://asana.com/product',
    'https://evil.example/0/1203335128322637/1218151868987256',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a task', () => {
    const screen = readScreen('asana', `${V1}/project/1215698870864641/task/1214057483533667`);
    expectScreen(screen, 'asana', 'task');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Vendor security review', 'Description', 'Subtasks']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Mark complete', 'Assignee', 'On track', 'Add subtask', 'Timeline']),
    );
  });
});
