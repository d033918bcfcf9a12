/** The admin's tool rules as the options page shows them, with their hosts' content script kept in step. */
import type { ToolSettings } from '../../messages/views';
import { syncRuleScripts } from '../../rules/registered-scripts';
import { readPolicy, readSettings } from '../../settings/settings';

/** The rules and their host grants; also re-registers the rule hosts' content script for them. */
export async function toolSettings(): Promise<ToolSettings> {
  const [effective, { policy }] = await Promise.all([readSettings(), readPolicy()]);
  const policyRules = policy.toolRules ?? [];
  // The person's own rules follow the policy's in the settings in force.
  const rules = effective.toolRules.slice(policyRules.length);
  return { rules, policyRules, access: await syncRuleScripts(effective.toolRules) };
}
