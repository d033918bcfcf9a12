import type { ToolDetector } from './types';

export default {
  id: 'onedrive',
  name: 'OneDrive',
  hosts: ['onedrive.live.com'],
  // OneDrive for work or school lives on the tenant's personal site: <tenant>-my.sharepoint.com.
  hostTest: (hostname) => /^[a-z0-9-]+-my\.sharepoint\.com$/.test(hostname),
} satisfies ToolDetector;
