import type { ToolDetector } from './types';

export default {
  id: 'teams',
  name: 'Microsoft Teams',
  hosts: ['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft'],
} satisfies ToolDetector;
