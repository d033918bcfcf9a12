// @vitest-environment happy-dom
import { bench, describe } from 'vitest';
import { extractContext } from '@/utils/context';
import { detectWithRules } from '@/utils/rules/tool-rules';
import { detectTool, pageHints } from '@/utils/tools';

/** A Jira-like board of about 5,000 elements: columns of cards with labels, buttons and statuses. */
function bigBoard(): Document {
  const doc = document.implementation.createHTMLDocument('KAN board - Scrum - Jira');
  const columns: string[] = [];
  for (let c = 0; c < 5; c++) {
    const cards: string[] = [];
    for (let i = 0; i < 250; i++) {
      cards.push(
        `<div class="card"><a href="/browse/KAN-${c * 200 + i}">KAN-${c * 200 + i}</a>` +
          `<span>Update the onboarding checklist for team ${i}</span><button aria-label="Card actions">…</button></div>`,
      );
    }
    columns.push(`<section><h2>Column ${c}</h2>${cards.join('')}</section>`);
  }
  doc.body.innerHTML = `<nav><a href="/">Projects</a></nav><main><h1>KAN Sprint 14</h1>
    <div role="toolbar"><button>Complete sprint</button><label>Search this board<input value="x"></label></div>
    ${columns.join('')}</main>`;
  return doc;
}

const URL_BOARD = 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1';
const doc = bigBoard();
const rules = [{ tool: 'jira', matches: ['https://jira.corp.example/*'] }];

describe(`detection + context on a ${doc.getElementsByTagName('*').length}-element page`, () => {
  bench('detectTool (URL only)', () => {
    detectTool(URL_BOARD);
  });
  bench('detectWithRules + extractContext', () => {
    extractContext(doc, URL_BOARD, detectWithRules(URL_BOARD, doc, rules));
  });
  // Since the background detects the tool, this is what the content script does on a page…
  bench('content script: extractContext + pageHints', () => {
    extractContext(doc, URL_BOARD, null);
    pageHints(doc);
  });
  // …and this what the background does with what it sends.
  const hints = pageHints(doc);
  bench('background: detectWithRules on the sent hints', () => {
    detectWithRules(URL_BOARD, hints, rules);
  });
});
