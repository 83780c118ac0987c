import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { ProviderHealth } from './request-queue';

/**
 * The request queue's view of each provider (rate-limited, circuit open), mirrored into
 * `storage.session`: the options page and side panel show it, and a restarted worker takes it back
 * instead of hammering a provider that was failing a moment ago.
 */
const HEALTH_KEY = 'parleyProviderHealth';
const healthItem = storage.defineItem<Record<string, ProviderHealth>>(`session:${HEALTH_KEY}`, { fallback: {} });

let writes: Promise<void> = Promise.resolve();

export function saveProviderHealth(health: ProviderHealth): void {
  // Serialised: two quick changes must not overwrite each other.
  writes = writes
    .then(async () => {
      const all = await healthItem.getValue();
      await healthItem.setValue({ ...all, [health.providerKey]: health });
    })
    .catch(() => {});
}

export async function loadProviderHealth(): Promise<ProviderHealth[]> {
  return Object.values(await healthItem.getValue());
}

export function watchProviderHealth(onChange: (health: ProviderHealth[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (HEALTH_KEY in changes) onChange(Object.values((changes[HEALTH_KEY]!.newValue as Record<string, ProviderHealth>) ?? {}));
  };
  browser.storage.session.onChanged.addListener(listener);
  return () => browser.storage.session.onChanged.removeListener(listener);
}
