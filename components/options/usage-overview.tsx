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
          <table data-testid="usage-days">
            <caption>{i18n.t('options.usage_by_day')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('options.usage_day')}</th>
                <th scope="col">{i18n.t('options.usage_requests')}</th>
                <th scope="col">{i18n.t('options.usage_failures')}</th>
                <th scope="col">{i18n.t('options.usage_tokens_in')}</th>
                <th scope="col">{i18n.t('options.usage_tokens_out')}</th>
                <th scope="col">{i18n.t('options.usage_cost')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.days.map((day) => (
                <tr key={day.day}>
                  <th scope="row">{day.day}</th>
                  <td>{formatNumber(day.requests)}</td>
                  <td>{formatNumber(day.failures)}</td>
                  <td>{formatNumber(day.promptTokens)}</td>
                  <td>{formatNumber(day.completionTokens)}</td>
                  <td>{formatCost(day.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table data-testid="usage-providers">
            <caption>{i18n.t('options.usage_by_provider')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('options.usage_provider')}</th>
                <th scope="col">{i18n.t('options.usage_requests')}</th>
                <th scope="col">{i18n.t('options.usage_failures')}</th>
                <th scope="col">{i18n.t('options.usage_first_text')}</th>
                <th scope="col">{i18n.t('options.usage_latency')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.providers.map((p) => (
                <tr key={p.providerKey}>
                  <th scope="row">{names.get(p.providerKey) ?? p.providerName}</th>
                  <td>{formatNumber(p.requests)}</td>
                  <td>{formatNumber(p.failures)}</td>
                  <td>
                    {formatMs(p.p50FirstTextMs)} / {formatMs(p.p95FirstTextMs)}
                  </td>
                  <td>
                    {formatMs(p.p50Ms)} / {formatMs(p.p95Ms)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table data-testid="usage-conversations">
            <caption>{i18n.t('options.usage_by_conversation')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('options.usage_conversation')}</th>
                <th scope="col">{i18n.t('options.usage_requests')}</th>
                <th scope="col">{i18n.t('options.usage_tokens_in')}</th>
                <th scope="col">{i18n.t('options.usage_tokens_out')}</th>
                <th scope="col">{i18n.t('options.usage_cost')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.conversations.map((c) => (
                <tr key={c.conversationKey}>
                  <th scope="row">{c.conversationKey}</th>
                  <td>{formatNumber(c.requests)}</td>
                  <td>{formatNumber(c.promptTokens)}</td>
                  <td>{formatNumber(c.completionTokens)}</td>
                  <td>{formatCost(c.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
