// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractContext } from '@/utils/context';
import { detectTool } from '@/utils/tools';

function load(file: string): Document {
  const html = readFileSync(join(import.meta.dirname, '../fixtures/pages', file), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('extractContext', () => {
  const url = 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1';

  it('reads the screen: title, headings, labels and buttons, area from the detector', () => {
    const context = extractContext(load('jira-board.html'), url, detectTool(url));
    expect(context.tool).toBe('jira');
    expect(context.area).toBe('board');
    expect(context.title).toBe('KAN board - Scrum - Jira');
    expect(context.headings).toEqual(
      expect.arrayContaining(['KAN Sprint 14', 'To Do', 'In Progress', 'Done']),
    );
    expect(context.keywords).toEqual(expect.arrayContaining(['Complete sprint', 'Search this board']));
  });

  it('takes nothing from form values or password fields', () => {
    const context = extractContext(load('jira-board.html'), url, detectTool(url));
    const all = JSON.stringify(context);
    expect(all).not.toContain('hunter2');
    expect(all).not.toContain('secret draft text');
  });

  it('takes the words of a label but not the text of a form control inside it', () => {
    const doc = document.implementation.createHTMLDocument('form');
    doc.body.innerHTML =
      '<label>Notes <textarea>my secret note</textarea></label>' +
      '<label>Priority <select><option selected>Highest secret</option></select></label>' +
      '<button>Save <output>secret total</output></button>';
    const context = extractContext(doc, url, detectTool(url));
    expect(context.keywords).toEqual(['Notes', 'Priority', 'Save']);
  });

  it('bounds its work on huge pages', () => {
    const doc = document.implementation.createHTMLDocument('big');
    const parts: string[] = [];
    for (let i = 0; i < 5000; i++)
      parts.push(`<h2>Heading ${i} ${'x'.repeat(500)}</h2><button>Button ${i}</button>`);
    doc.body.innerHTML = parts.join('');
    const context = extractContext(doc, url, detectTool(url));
    expect(context.headings.length).toBeLessThanOrEqual(20);
    expect(context.keywords.length).toBeLessThanOrEqual(60);
    for (const heading of context.headings) expect(heading.length).toBeLessThanOrEqual(200);
  });

  it('gives a null tool for an unknown page', () => {
    const context = extractContext(load('plain.html'), 'http://127.0.0.1/plain.html', null);
    expect(context.tool).toBeNull();
    expect(context.area).toBeUndefined();
  });
});
