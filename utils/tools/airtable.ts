import type { ToolDetector } from './types';

export default {
  id: 'airtable',
  name: 'Airtable',
  hosts: ['airtable.com'],
  area(url) {
    // Ids carry their kind in a prefix: app<base>/tbl<table>/viw<view>/rec<record>, pag (interface
    // page), wfl (automation), shr (shared view or form).
    const segments = url.pathname.split('/').filter(Boolean);
    const isId = (segment: string | undefined, prefix: string) =>
      segment !== undefined && new RegExp(`^${prefix}[A-Za-z0-9]{14}$`).test(segment);
    const has = (prefix: string) => segments.some((segment) => isId(segment, prefix));
    const inBase = isId(segments[0], 'app');
    if (inBase && has('rec')) return 'record';
    if (inBase && has('pag')) return segments.includes('form') ? 'form' : 'interface';
    if (inBase && (has('wfl') || segments.includes('automations'))) return 'automation';
    if (has('shr')) return 'shared-view';
    if (inBase && has('tbl')) return 'table';
    if (inBase) return 'base';
    return /^\/(workspaces\/?.*)?$/.test(url.pathname) ? 'home' : undefined;
  },
} satisfies ToolDetector;
