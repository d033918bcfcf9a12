// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('clickup detector', () => {
  it.each([
    ['https://app.clickup.com/t/86bxbkfqm', 'task'],
    ['https://app.clickup.com/t/9016139435/ENG-812', 'task'],
    ['https://app.clickup.com/9016139435/v/l/6-901616287298-1', 'list'],
    ['https://app.clickup.com/90161394355/v/li/901616287298', 'list'],
    ['https://app.clickup.com/9016139435/v/b/6-901616287298-2', 'board'],
    ['https://app.clickup.com/9016139435/v/c/6-901616287298-3', 'calendar'],
    ['https://app.clickup.com/9016139435/v/g/6-901616287298-4', 'gantt'],
    ['https://app.clickup.com/9016139435/v/dc/2kxz1-123/2kxz1-456', 'doc'],
    ['https://app.clickup.com/9016139435/v/s/90160123', 'space'],
    ['https://app.clickup.com/9016139435/v/zz/1', 'view'],
    ['https://app.clickup.com/12345678/home', 'home'],
    ['https://app.clickup.com/12345678/inbox', 'inbox'],
    ['https://app.clickup.com/12345678/dashboards/p/2kxz1-9', 'dashboard'],
    ['https://app.clickup.com/12345678/chat/r/abc', 'chat'],
    ['https://app.clickup.com/12345678/settings/team/members', 'settings'],
    ['https://app.clickup.com/login', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'clickup', area));

  it.each([
    'https://app.clickup.com.evil.example/t/86bxbkfqm',
    'https://clickup.com/t/86bxbkfqm',
    'https://evilapp.clickup.com/t/86bxbkfqm',
    'https://api.clickup.com/api/v2/task/86bxbkfqm',
    'https://evil.example/t/86bxbkfqm',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a list view', () => {
    const screen = readScreen('clickup', 'https://app.clickup.com/9016139435/v/l/6-901616287298-1');
    expectScreen(screen, 'clickup', 'list');
    expect(screen.context.headings).toEqual(['Sprint 14', 'IN REVIEW', 'TO DO']);
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Gantt', 'Add Task', 'Due date', 'Urgent', 'Search tasks']),
    );
  });
});
