import type { PageContext } from '@/utils/model';

/** What the content script reads on a Jira Software board: the page most service tests ask about. */
export const JIRA_BOARD: PageContext = {
  tool: 'jira',
  url: 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1',
  title: 'KAN board',
  headings: ['Sprint 14'],
  keywords: ['Complete sprint'],
  area: 'board',
};
