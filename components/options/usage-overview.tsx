import { DataTable } from '@/components/shared/data-table';
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '@/services/i18n/i18n';
import { loadProviderHealth, watchProviderHealth } from '@/services/model/provider-health-store';
import type { ProviderHealth } from '@/services/model/request-queue';
import { createUsageLedger, type UsageSummary } from '@/services/model/usage-ledger';
import { allProviders, type Settings } from '@/services/settings/settings-schema';
import { getDatabase } from '@/services/storage/database';
import { providerLabel } from './provider-fields';

const formatCost = (usd: number) => `$${usd < 0.01 && usd > 0 ? usd.toFixed(4) : usd.toFixed(2)}`;
const formatMs = (ms: number | null) => (ms === null ? '—' : `${Math.round(ms)} ms`);
const formatNumber = (n: number) => n.toLocaleString();

/** Live view of what the models cost and how they behave: per day, per provider, per conversation. */
export function UsageOverview({ settings }: { settings: Settings }) {
  const [summary, setSummary] = useState<UsageSummary | null>(null);
  const [health, setHealth] = useState<ProviderHealth[]>([]);
  useEffect(() => {
    const ledger = createUsageLedger(getDatabase());
    const subscription = liveQuery(() => ledger.summary(14)).subscribe({ next: setSummary, error: () => setSummary(null) });
    void loadProviderHealth().then(setHealth);
    const stopWatching = watchProviderHealth(setHealth);
    return () => {
      subscription.unsubscribe();
      stopWatching();
    };
  }, []);

  const names = new Map(allProviders(settings).map((p) => [p.id, providerLabel(p)]));
  const troubled = health.filter((h) => h.state !== 'ok' && (h.until ?? 0) > Date.now());

  return (
    <section class="usage" aria-labelledby="usage-heading" data-testid="usage-overview">
      <h2 id="usage-heading">{i18n.t('options.usage_heading')}</h2>
      <div role="status" aria-live="polite">
        {troubled.map((h) => (
          <p class="result result--failed" key={h.providerKey} data-testid="provider-health">
            {h.state === 'circuit-open'
              ? i18n.t('options.health_circuit', [names.get(h.providerKey) ?? h.providerKey, new Date(h.until!).toLocaleTimeString(), h.lastError ?? ''])
              : i18n.t('options.health_rate_limited', [names.get(h.providerKey) ?? h.providerKey, new Date(h.until!).toLocaleTimeString()])}
          </p>
        ))}
      </div>
      {!summary || summary.days.length === 0 ? (
        <p class="hint">{i18n.t('options.usage_none')}</p>
      ) : (
        <>
          <DataTable
            testId="usage-days"
            caption={i18n.t('options.usage_by_day')}
            columns={[
              i18n.t('options.usage_day'),
              i18n.t('options.usage_requests'),
              i18n.t('options.usage_failures'),
              i18n.t('options.usage_tokens_in'),
              i18n.t('options.usage_tokens_out'),
              i18n.t('options.usage_cost'),
            ]}
            rows={summary.days.map((day) => ({
              key: day.day,
              header: day.day,
              cells: [formatNumber(day.requests), formatNumber(day.failures), formatNumber(day.promptTokens), formatNumber(day.completionTokens), formatCost(day.costUsd)],
            }))}
          />
          <DataTable
            testId="usage-providers"
            caption={i18n.t('options.usage_by_provider')}
            columns={[
              i18n.t('options.usage_provider'),
              i18n.t('options.usage_requests'),
              i18n.t('options.usage_failures'),
              i18n.t('options.usage_first_text'),
              i18n.t('options.usage_latency'),
            ]}
            rows={summary.providers.map((p) => ({
              key: p.providerKey,
              header: names.get(p.providerKey) ?? p.providerName,
              cells: [
                formatNumber(p.requests),
                formatNumber(p.failures),
                `${formatMs(p.p50FirstTextMs)} / ${formatMs(p.p95FirstTextMs)}`,
                `${formatMs(p.p50Ms)} / ${formatMs(p.p95Ms)}`,
              ],
            }))}
          />
          <DataTable
            testId="usage-conversations"
            caption={i18n.t('options.usage_by_conversation')}
            columns={[
              i18n.t('options.usage_conversation'),
              i18n.t('options.usage_requests'),
              i18n.t('options.usage_tokens_in'),
              i18n.t('options.usage_tokens_out'),
              i18n.t('options.usage_cost'),
            ]}
            rows={summary.conversations.map((c) => ({
              key: c.conversationKey,
              header: c.conversationKey,
              cells: [formatNumber(c.requests), formatNumber(c.promptTokens), formatNumber(c.completionTokens), formatCost(c.costUsd)],
            }))}
          />
        </>
      )}
    </section>
  );
}
