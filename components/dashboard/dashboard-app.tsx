import { signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { useEffect, useMemo } from 'preact/hooks';
import { i18n, currentLanguageTag } from '@/services/i18n/i18n';
import { conversationsCsv, dailyCsv, summarizeWork, type MetricsSummary, type WorkCounts } from '@/services/metrics/metrics-summary';
import { getDatabase } from '@/services/storage/database';
import { localDay } from '@/services/time/local-day';
import { DataTable } from '@/components/shared/data-table';
import { downloadFile } from '@/components/shared/file-transfer';
import { BarChart } from './bar-chart';

const RANGES = [7, 14, 30, 90] as const;
const CSV = 'text/csv;charset=utf-8';

/** The leads' dashboard: live work of this browser, by day and by conversation, with CSV export. Nothing leaves the browser. */
function createDashboardState() {
  const rangeDays = signal<number>(14);
  const summary = signal<MetricsSummary | null>(null);

  function start(): () => void {
    let subscription: { unsubscribe(): void } | null = null;
    const follow = () => {
      subscription?.unsubscribe();
      const to = localDay(Date.now());
      const from = localDay(Date.now() - (rangeDays.value - 1) * 86_400_000);
      subscription = liveQuery(() => summarizeWork(getDatabase(), from, to)).subscribe({
        next: (value) => (summary.value = value),
        error: (error) => console.warn('[Parley] dashboard query failed', error),
      });
    };
    follow();
    const stop = rangeDays.subscribe(() => follow());
    return () => {
      stop();
      subscription?.unsubscribe();
    };
  }
  return { rangeDays, summary, start };
}


const minutes = (ms: number | null) => (ms === null ? '–' : `${(ms / 60_000).toFixed(1)} min`);

export function DashboardApp() {
  const state = useMemo(createDashboardState, []);
  useEffect(() => state.start(), [state]);
  const summary = state.summary.value;
  const number = new Intl.NumberFormat(currentLanguageTag());
  const money = new Intl.NumberFormat(currentLanguageTag(), { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });

  return (
    <main class="dashboard">
      <header class="dashboard__header">
        <h1>{i18n.t('dashboard.title')}</h1>
        <p class="hint">{i18n.t('dashboard.local_only')}</p>
        <div class="actions">
          <label>
            {i18n.t('dashboard.range')}{' '}
            <select name="range" value={String(state.rangeDays.value)} onChange={(e) => (state.rangeDays.value = Number(e.currentTarget.value))}>
              {RANGES.map((days) => (
                <option key={days} value={days}>
                  {i18n.t('dashboard.last_days', [String(days)])}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="button button--small" disabled={!summary} onClick={() => summary && downloadFile(`parley-days-${summary.from}-${summary.to}.csv`, dailyCsv(summary), CSV)}>
            {i18n.t('dashboard.export_days')}
          </button>
          <button
            type="button"
            class="button button--small"
            disabled={!summary}
            onClick={() => summary && downloadFile(`parley-conversations-${summary.from}-${summary.to}.csv`, conversationsCsv(summary), CSV)}
          >
            {i18n.t('dashboard.export_conversations')}
          </button>
        </div>
      </header>
      {summary ? <DashboardBody summary={summary} number={number} money={money} /> : <p>{i18n.t('common.loading')}</p>}
    </main>
  );
}

function DashboardBody({ summary, number, money }: { summary: MetricsSummary; number: Intl.NumberFormat; money: Intl.NumberFormat }) {
  const { totals } = summary;
  const cards: Array<[string, string, keyof WorkCounts]> = [
    [i18n.t('dashboard.customer_messages'), number.format(totals.customerMessages), 'customerMessages'],
    [i18n.t('dashboard.replies_inserted'), number.format(totals.repliesInserted), 'repliesInserted'],
    [i18n.t('dashboard.median_response'), minutes(totals.medianResponseMs), 'medianResponseMs'],
    [i18n.t('dashboard.suggestions_used'), `${number.format(totals.suggestionsUsedAsIs)} / ${number.format(totals.suggestionsEdited)} / ${number.format(totals.suggestionSetsIgnored)}`, 'suggestionsUsedAsIs'],
    [i18n.t('dashboard.outbound_translations'), number.format(totals.outboundTranslations), 'outboundTranslations'],
    [i18n.t('dashboard.checks'), `${number.format(totals.checksWarned)} / ${number.format(totals.checksBlocked)}`, 'checksBlocked'],
    [i18n.t('dashboard.model_cost'), money.format(totals.costUsd), 'costUsd'],
  ];
  const dayRows = summary.days.map((day) => ({ label: day.day, values: day as unknown as Record<string, number | null> }));

  return (
    <>
      <ul class="cards">
        {cards.map(([label, value, key]) => (
          <li class="card" key={key} data-metric={key}>
            <span class="card__label">{label}</span>
            <span class="card__value">{value}</span>
          </li>
        ))}
      </ul>
      <div class="charts">
        <BarChart
          id="work-per-day"
          title={i18n.t('dashboard.chart_work')}
          series={[
            { key: 'customerMessages', label: i18n.t('dashboard.customer_messages') },
            { key: 'repliesInserted', label: i18n.t('dashboard.replies_inserted') },
          ]}
          rows={dayRows}
        />
        <BarChart
          id="response-per-day"
          title={i18n.t('dashboard.chart_response')}
          series={[{ key: 'medianResponseMs', label: i18n.t('dashboard.median_response') }]}
          rows={summary.days.map((day) => ({ label: day.day, values: { medianResponseMs: day.medianResponseMs === null ? null : day.medianResponseMs / 60_000 } }))}
          format={(value) => `${value.toFixed(1)} min`}
        />
        <BarChart
          id="suggestion-use"
          title={i18n.t('dashboard.chart_suggestions')}
          series={[
            { key: 'asIs', label: i18n.t('dashboard.used_as_is') },
            { key: 'edited', label: i18n.t('dashboard.edited') },
            { key: 'ignored', label: i18n.t('dashboard.ignored') },
          ]}
          rows={summary.days.map((day) => ({ label: day.day, values: { asIs: day.suggestionsUsedAsIs, edited: day.suggestionsEdited, ignored: day.suggestionSetsIgnored } }))}
        />
        <BarChart
          id="checks-by-rule"
          title={i18n.t('dashboard.chart_checks')}
          series={[
            { key: 'warn', label: i18n.t('dashboard.warned') },
            { key: 'block', label: i18n.t('dashboard.blocked') },
          ]}
          rows={summary.checksByRule.map((rule) => ({ label: rule.ruleId, values: { warn: rule.warn, block: rule.block } }))}
        />
        <BarChart
          id="languages"
          title={i18n.t('dashboard.chart_languages')}
          series={[{ key: 'customerMessages', label: i18n.t('dashboard.customer_messages') }]}
          rows={summary.languages.map((language) => ({ label: language.language, values: { customerMessages: language.customerMessages } }))}
        />
        <BarChart
          id="markets"
          title={i18n.t('dashboard.chart_markets')}
          series={[
            { key: 'customerMessages', label: i18n.t('dashboard.customer_messages') },
            { key: 'repliesInserted', label: i18n.t('dashboard.replies_inserted') },
          ]}
          rows={summary.markets.map((market) => ({ label: market.marketId, values: { customerMessages: market.customerMessages, repliesInserted: market.repliesInserted } }))}
        />
        <BarChart
          id="cost-per-day"
          title={i18n.t('dashboard.chart_cost')}
          series={[{ key: 'costUsd', label: i18n.t('dashboard.model_cost') }]}
          rows={dayRows}
          format={(value) => money.format(value)}
        />
      </div>
      <DataTable
        testId="conversation-metrics"
        caption={i18n.t('dashboard.by_conversation')}
        columns={[
          i18n.t('dashboard.conversation'),
          i18n.t('dashboard.customer_messages'),
          i18n.t('dashboard.replies_inserted'),
          i18n.t('dashboard.median_response'),
          i18n.t('dashboard.suggestions_used'),
          i18n.t('dashboard.checks'),
          i18n.t('dashboard.model_cost'),
        ]}
        rows={summary.conversations.map((c) => ({
          key: c.conversationKey,
          header: (
            <>
              {c.title ?? c.conversationKey}
              {c.language ? <span class="hint"> · {c.language}</span> : null}
            </>
          ),
          cells: [
            number.format(c.customerMessages),
            number.format(c.repliesInserted),
            minutes(c.medianResponseMs),
            `${c.suggestionsUsedAsIs} / ${c.suggestionsEdited} / ${c.suggestionSetsIgnored}`,
            `${c.checksWarned} / ${c.checksBlocked}`,
            money.format(c.costUsd),
          ],
        }))}
      />
    </>
  );
}
