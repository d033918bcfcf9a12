import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetPolicy } from '@/utils/settings/managed';
import { forgetMigration } from '@/utils/settings/storage-migration';
import { closeVault, VAULT_NAME } from '@/utils/settings/vault';

beforeEach(async () => {
  fakeBrowser.reset();
  forgetPolicy();
  // The vault (settings and secrets) starts empty in every test, as storage.local does.
  await closeVault();
  await deleteDB(VAULT_NAME);
  forgetMigration();
});
