// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('smartsheet detector', () => {
  it.each([
    ['https://app.smartsheet.com/sheets/9W48P8Hm3GrpG7rxMJhHHMjH87Q4rJF3p54qhhC1', 'sheet'],
    [
      'https://app.smartsheet.com/sheets/4mxRwjJvcm57HJ6hwxcgVFhF799qcHM6FxMxw2C1?view=grid&filterId=1',
      'sheet',
    ],
    ['https://app.smartsheet.eu/sheets/MQWP7M7WVcg7J7q5JFqvwV8mMpHVMx8w3wmXwMW1', 'sheet'],
    ['https://app.smartsheet.au/reports/Rp2f8Vq3JJ6x', 'report'],
    ['https://app.smartsheet.com/dashboards/Vx93mQ2cW', 'dashboard'],
    ['https://app.smartsheet.com/b/form/0f1e2d3c4b5a', 'form'],
    ['https://app.smartsheet.com/workspaces/Wm2p9xQ', 'workspace'],
    ['https://app.smartsheet.com/folders/Fq8x2', 'folder'],
    ['https://app.smartsheet.com/b/home', 'home'],
    ['https://app.smartsheetgov.com/sheets/AbCdEf123', 'sheet'],
  ])('%s → %s', (url, area) => expectDetected(url, 'smartsheet', area));

  it.each([
    'https://app.smartsheet.com.evil.example/sheets/1',
    'https://smartsheet.com/sheets/1',
    'https://evilapp.smartsheet.com/sheets/1',
    'https://api.smartsheet.com/2.0/sheets/1',
    'https://www.smartsheet.com/pricing',
    'https://evil.example/sheets/1',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a sheet', () => {
    const screen = readScreen(
      'smartsheet',
      'https://app.smartsheet.com/sheets/9W48P8Hm3GrpG7rxMJhHHMjH87Q4rJF3p54qhhC1',
    );
    expectScreen(screen, 'smartsheet', 'sheet');
    expect(screen.context.headings).toEqual(['Office move plan', 'Conversations', 'Attachments']);
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Automation', 'Gantt View', '% Complete', 'Green', 'Add a comment']),
    );
  });
});
