import { describe, expect, it } from 'vitest';
import {
  detectWithRules,
  findRule,
  parseToolRules,
  patternProblem,
  rulePatterns,
} from '@/utils/rules/tool-rules';

describe('parseToolRules', () => {
  it('keeps valid rules and says why others were left out', () => {
    const { rules, problems } = parseToolRules([
      { tool: 'jira', matches: ['https://jira.corp.example/*'] },
      { tool: 'expenses-portal', name: ' Expenses ', matches: ['*://expenses.corp.example/app/*', 'bogus'] },
      { tool: 'Jira!', matches: ['https://x.example/*'] },
      { tool: 'wiki', matches: [] },
      { tool: 'all', matches: ['<all_urls>', '*://*/*'] },
      'text',
    ]);
    expect(rules).toEqual([
      { tool: 'jira', matches: ['https://jira.corp.example/*'] },
      { tool: 'expenses-portal', name: 'Expenses', matches: ['*://expenses.corp.example/app/*'] },
    ]);
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/Invalid match pattern "bogus"/);
    expect(problems.join('\n')).toMatch(/lowercase id/);
    expect(problems.join('\n')).toMatch(/at least one pattern/);
    expect(problems.join('\n')).toMatch(/covers every site/);
  });

  it('rejects a non-list', () => {
    expect(parseToolRules({ tool: 'jira' }).problems).toEqual(['toolRules must be a list']);
  });

  it('refuses non-web schemes and every-site patterns', () => {
    expect(patternProblem('file:///*')).toMatch(/http/);
    expect(patternProblem('https://*/*')).toMatch(/every site/);
    expect(patternProblem('https://*.corp.example/*')).toBeNull();
  });
});

describe('detectWithRules', () => {
  const rules = [
    { tool: 'jira', matches: ['https://jira.corp.example/*'] },
    { tool: 'expenses-portal', name: 'Expenses', matches: ['https://apps.corp.example/expenses/*'] },
    { tool: 'servicedesk', matches: ['https://acme.atlassian.net/servicedesk/*'] },
  ];

  it('gives a self-hosted built-in tool its screens', () => {
    expect(detectWithRules('https://jira.corp.example/browse/OPS-7', undefined, rules)).toEqual({
      id: 'jira',
      name: 'Jira',
      area: 'issue',
    });
  });

  it('recognises an in-house app by its rule', () => {
    expect(detectWithRules('https://apps.corp.example/expenses/new', undefined, rules)).toEqual({
      id: 'expenses-portal',
      name: 'Expenses',
    });
    expect(detectWithRules('https://apps.corp.example/travel/', undefined, rules)).toBeNull();
  });

  it('lets a rule win over built-in recognition, and falls back to it elsewhere', () => {
    expect(
      detectWithRules('https://acme.atlassian.net/servicedesk/customer/portal/1', undefined, rules)?.id,
    ).toBe('servicedesk');
    expect(detectWithRules('https://acme.atlassian.net/browse/KAN-1', undefined, rules)?.id).toBe('jira');
  });

  it('is not fooled by lookalike hosts or other schemes', () => {
    expect(findRule('https://jira.corp.example.evil.test/browse/A-1', rules)).toBeUndefined();
    expect(findRule('https://evil.test/?jira.corp.example', rules)).toBeUndefined();
    expect(findRule('file:///jira.corp.example/', rules)).toBeUndefined();
    expect(findRule('not a url', rules)).toBeUndefined();
  });

  it('lists each pattern once', () => {
    expect(rulePatterns([...rules, rules[0] as (typeof rules)[0]])).toHaveLength(3);
  });
});

describe('parseToolRules leniency', () => {
  it('takes a single pattern written as a string', () => {
    expect(parseToolRules([{ tool: 'jira', matches: 'https://jira.corp.example/*' }])).toEqual({
      rules: [{ tool: 'jira', matches: ['https://jira.corp.example/*'] }],
      problems: [],
    });
  });
});
