/**
 * The options page's settings: the editable settings, tool rules, the flag webhook, configuration
 * export / check / import, and the read-only view of the organisation's policy.
 */

import { databaseProblem, getDb } from '../db';
import { WEBHOOK_FORMATS, type WebhookFormat } from '../delivery/reactions';
import { LIMITS, MESSAGE_LIMITS } from '../limits';
import { empty } from '../messages/payload';
import { EDITABLE_SETTINGS, type SettingsChange, type SettingsView } from '../messages/views';
import { isHttpUrl, isRecord } from '../model';
import { parseToolRules } from '../rules/tool-rules';
import { exportConfig, maskSecrets } from '../settings/config-file';
import { policyKeys } from '../settings/policy';
import { readOwnSettings, readPolicy, readSettings, updateSettings } from '../settings/settings';
import type { State } from './state';
import { checkConfig, importConfig } from './state/config-import';
import { toolSettings } from './state/tool-rules';
import { defineHandlers } from './types';

/** An imported configuration: text, at most 1 MB. */
const configText = (payload: unknown): { text: string } | null =>
  isRecord(payload) && typeof payload.text === 'string' && payload.text.length <= MESSAGE_LIMITS.configText
    ? { text: payload.text }
    : null;

async function settingsView(): Promise<SettingsView> {
  const [own, effective, { policy }] = await Promise.all([readOwnSettings(), readSettings(), readPolicy()]);
  return { own, effective, enforced: policyKeys(policy), locked: policy.locked === true };
}

export function settingsHandlers({ caches, deps, outbox, sources }: State) {
  const granted = async (url: string) => (await deps.canReach?.(url)) ?? true;

  return defineHandlers({
    getSettings: { validate: empty, handle: settingsView },

    /** Tries to open the database (a transient problem may have cleared) and says why it cannot. */
    getDatabaseProblem: {
      validate: empty,
      async handle() {
        await getDb().catch(() => undefined);
        return { problem: databaseProblem() };
      },
    },

    /** Saves editable settings (validated as a whole by updateSettings; locked policy keys refused). */
    saveSettings: {
      validate(payload) {
        if (!isRecord(payload) || !isRecord(payload.change)) return null;
        const keys = Object.keys(payload.change);
        const editable: readonly string[] = EDITABLE_SETTINGS;
        if (keys.length === 0 || keys.some((key) => !editable.includes(key))) return null;
        // Values are validated with the whole settings record before anything is saved.
        return { change: payload.change as SettingsChange };
      },
      async handle({ change }) {
        await updateSettings(change);
        if ('demoContent' in change) caches.invalidate();
        return settingsView();
      },
      // A new report endpoint: make and send the due reports now.
      effects: ({ change }) => ('reportEndpoint' in change ? ['housekeeping'] : []),
    },

    getToolSettings: { validate: empty, handle: toolSettings },

    /** Replaces the admin rules: all valid, or nothing is saved. */
    saveToolRules: {
      validate: (payload) =>
        isRecord(payload) && Array.isArray(payload.rules) ? { rules: payload.rules } : null,
      async handle({ rules }) {
        const parsed = parseToolRules(rules);
        if (parsed.problems.length) throw new Error(parsed.problems.join('; '));
        await updateSettings({ toolRules: parsed.rules });
        return toolSettings();
      },
    },

    getWebhook: {
      validate: empty,
      async handle() {
        const { flagWebhook, webhookFormat } = await readSettings();
        return { url: flagWebhook, format: webhookFormat, granted: await granted(flagWebhook) };
      },
    },

    saveWebhook: {
      validate(payload) {
        if (!isRecord(payload) || typeof payload.url !== 'string' || payload.url.length > LIMITS.url)
          return null;
        if (!(WEBHOOK_FORMATS as readonly unknown[]).includes(payload.format)) return null;
        return { url: payload.url.trim(), format: payload.format as WebhookFormat };
      },
      async handle({ url, format }) {
        if (url !== '' && !isHttpUrl(url)) throw new Error('the webhook must be an http(s) URL');
        await updateSettings({ flagWebhook: url, webhookFormat: format });
        outbox.deliverSoon();
        return { url, format, granted: await granted(url) };
      },
    },

    exportConfig: {
      validate(payload) {
        if (!isRecord(payload)) return null;
        const { includeAddresses, ...rest } = payload;
        if (
          Object.keys(rest).length ||
          (includeAddresses !== undefined && typeof includeAddresses !== 'boolean')
        )
          return null;
        return includeAddresses ? { includeAddresses } : {};
      },
      handle: async ({ includeAddresses }) => ({
        config: exportConfig(await readOwnSettings(), { includeAddresses: includeAddresses === true }),
      }),
    },

    checkConfig: {
      validate: configText,
      handle: async ({ text }) => (await checkConfig(text)).check,
    },

    importConfig: {
      validate: configText,
      async handle({ text }) {
        const check = await importConfig(text, sources.dropData);
        if (check.ok) caches.invalidate();
        return check;
      },
      effects: (_request, check) => (check.ok ? ['sourcesChanged'] : []),
    },

    getPolicy: {
      validate: empty,
      async handle() {
        const { policy, problems } = await readPolicy();
        return {
          present: Object.keys(policy).length > 0 || problems.length > 0,
          policy: maskSecrets(policy),
          problems,
        };
      },
    },
  });
}
