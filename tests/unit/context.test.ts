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

  /** A console screen as real ones are built: a banner, a left menu around the screen, a footer. */
  function consoleScreen(main: string): Document {
    const doc = document.implementation.createHTMLDocument('Meeting policies - Admin center');
    doc.body.innerHTML =
      '<header role="banner"><button>Notifications</button></header>' +
      '<nav aria-label="Main menu"><h2>Navigation menu</h2>' +
      '<button>Directory</button><button>Security</button><button>Voice</button>' +
      '<a href="/policies/meetings" aria-current="page">Meeting policies</a>' +
      '<a href="/policies/messaging">Messaging policies</a></nav>' +
      `<main>${main}</main>` +
      '<footer><button>Privacy and cookies</button></footer>';
    return doc;
  }

  it("leaves the site's menu and footer out, and keeps the menu's entry for this screen", () => {
    const doc = consoleScreen('<h1>Meeting policies</h1><button>Add</button><button>Edit</button>');
    const context = extractContext(doc, url, detectTool(url));
    expect(context.headings).toEqual(['Meeting policies']);
    expect(context.keywords).toEqual(['Meeting policies', 'Notifications', 'Add', 'Edit']);
  });

  it('keeps the tabs and the search of the main content', () => {
    const doc = consoleScreen(
      '<h1>Fix flaky login test</h1><nav aria-label="Pull request tabs">' +
        '<a role="tab" aria-selected="true">Conversation</a><a role="tab">Files changed</a></nav>' +
        '<div role="search"><label>Filter files</label><input></div>' +
        '<section><h2>Reviewers</h2><footer><button>Re-request review</button></footer></section>',
    );
    const context = extractContext(doc, url, detectTool(url));
    expect(context.headings).toEqual(['Fix flaky login test', 'Reviewers']);
    expect(context.keywords).toEqual(
      expect.arrayContaining(['Conversation', 'Files changed', 'Filter files', 'Re-request review']),
    );
    expect(context.keywords).not.toContain('Directory');
  });

  it('leaves closed menus and dialogs out, and reads an open dialog', () => {
    const doc = consoleScreen(
      '<h1>Repositories</h1><details><summary>Sort</summary><div><button>Newest first</button></div></details>' +
        '<dialog><h2>Delete this repository</h2><button>I understand</button></dialog>' +
        '<dialog open><h2>Create a new repository</h2><button>Create repository</button></dialog>' +
        '<div hidden><button>Archived</button></div>',
    );
    const context = extractContext(doc, url, detectTool(url));
    expect(context.headings).toEqual(['Repositories', 'Create a new repository']);
    expect(context.keywords).toEqual(['Meeting policies', 'Notifications', 'Sort', 'Create repository']);
  });

  it('reads the menu when the page has nothing else, but never a page number as the screen', () => {
    const doc = document.implementation.createHTMLDocument('Reports');
    doc.body.innerHTML =
      '<nav><h2>Reports</h2><button>Usage</button><button>Audit log</button></nav>' +
      '<main><nav aria-label="Pages"><a aria-current="page">12</a></nav></main>';
    const context = extractContext(doc, url, detectTool(url));
    expect(context.headings).toEqual(['Reports']);
    expect(context.keywords).toEqual(['Usage', 'Audit log']);
  });

  it('gives a null tool for an unknown page', () => {
    const context = extractContext(load('plain.html'), 'http://127.0.0.1/plain.html', null);
    expect(context.tool).toBeNull();
    expect(context.area).toBeUndefined();
  });
});
