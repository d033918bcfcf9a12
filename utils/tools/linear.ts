import type { ToolDetector } from './types';

/** The segment after the workspace: linear.app/<workspace>/issue/ENG-123/<slug>, …/project/<slug> */
const SCREENS = new Map([
  ['issue', 'issue'],
  ['project', 'project'],
  ['projects', 'projects'],
  ['view', 'view'],
  ['views', 'views'],
  ['inbox', 'inbox'],
  ['my-issues', 'my-issues'],
  ['initiative', 'initiative'],
  ['initiatives', 'initiative'],
  ['document', 'document'],
  ['search', 'search'],
  ['settings', 'settings'],
]);

/** Team pages: /<workspace>/team/ENG/active|all|backlog|triage|cycle/… */
function teamArea(page: string | undefined): string {
  if (page === 'triage') return 'triage';
  if (page === 'cycle' || page === 'cycles') return 'cycle';
  if (page === 'projects') return 'projects';
  return 'issues';
}

export default {
  id: 'linear',
  name: 'Linear',
  hosts: ['linear.app'],
  area(url) {
    const [, screen, , page] = url.pathname.split('/').filter(Boolean);
    if (screen === 'team') return teamArea(page);
    return SCREENS.get(screen ?? '');
  },
} satisfies ToolDetector;
