/**
 * The tool ids an admin can pick: the built-in tools and the ids of their own rules. A typed
 * name or id resolves to one of them; a near miss ("githib") gets a suggestion instead of being
 * taken as a new id. Pure.
 */
import Fuse from 'fuse.js';

export interface ToolChoice {
  id: string;
  name: string;
}

/** Built-in tools and the rules' own ids (a rule for a built-in id adds nothing new), by name. */
export function toolChoices(
  builtins: readonly ToolChoice[],
  rules: readonly { tool: string; name?: string }[],
): ToolChoice[] {
  const byId = new Map(builtins.map((tool) => [tool.id, tool]));
  for (const rule of rules)
    if (!byId.has(rule.tool)) byId.set(rule.tool, { id: rule.tool, name: rule.name ?? rule.tool });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export type Resolved =
  | { kind: 'known'; tool: ToolChoice }
  | { kind: 'unknown'; suggestion: ToolChoice | null };

/** The choice a typed id or name means, or the closest one to suggest. */
export function resolveTool(text: string, choices: readonly ToolChoice[]): Resolved {
  const wanted = text.trim().toLowerCase();
  const exact = choices.find((tool) => tool.id === wanted || tool.name.toLowerCase() === wanted);
  if (exact) return { kind: 'known', tool: exact };
  const [best] = new Fuse(choices as ToolChoice[], {
    keys: ['id', 'name'],
    threshold: 0.4,
    ignoreLocation: true,
  }).search(wanted, { limit: 1 });
  return { kind: 'unknown', suggestion: best?.item ?? null };
}
