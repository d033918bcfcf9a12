import { describe, expect, it } from 'vitest';
import { resolveTool, toolChoices } from '@/components/options/tools/tool-choice';

const BUILTINS = [
  { id: 'github', name: 'GitHub' },
  { id: 'jira', name: 'Jira' },
  { id: 'salesforce', name: 'Salesforce' },
];

describe('toolChoices', () => {
  it('adds the rules’ own ids, once, named, next to the built-in tools', () => {
    const choices = toolChoices(BUILTINS, [
      { tool: 'jira', name: 'Our Jira' },
      { tool: 'expenses', name: 'Expenses portal' },
      { tool: 'expenses' },
    ]);
    expect(choices.map((tool) => tool.id)).toEqual(['expenses', 'github', 'jira', 'salesforce']);
    expect(choices[0]?.name).toBe('Expenses portal');
  });
});

describe('resolveTool', () => {
  const choices = toolChoices(BUILTINS, [{ tool: 'expenses', name: 'Expenses portal' }]);
  it('takes an id or a name, in any case', () => {
    expect(resolveTool('GitHub', choices)).toEqual({ kind: 'known', tool: BUILTINS[0] });
    expect(resolveTool(' jira ', choices)).toEqual({ kind: 'known', tool: BUILTINS[1] });
    expect(resolveTool('expenses', choices)).toMatchObject({ kind: 'known', tool: { id: 'expenses' } });
  });
  it('does not accept a near miss, and suggests the tool meant', () => {
    expect(resolveTool('githib', choices)).toEqual({ kind: 'unknown', suggestion: BUILTINS[0] });
    expect(resolveTool('salesforse', choices)).toEqual({ kind: 'unknown', suggestion: BUILTINS[2] });
  });
  it('has no suggestion for something unlike any tool', () => {
    expect(resolveTool('zzzzqqq', choices)).toEqual({ kind: 'unknown', suggestion: null });
  });
});
