import { i18n } from '@/services/i18n/i18n';
import type { MarketChoice } from '@/services/markets/pick-market';

/** Which market's rules apply to this conversation and why, with the lead's note about its customers. */
export function MarketSummary({ choice }: { choice: MarketChoice | null }) {
  if (!choice) return null;
  const market = choice.market;
  return (
    <div class="market" data-market={market?.id ?? 'none'}>
      <p class="market__line">
        {market ? i18n.t('panel.market', [`${market.name} (${market.id})`]) : i18n.t('panel.market_none')}
        <span class="market__why"> · {choice.reason}</span>
      </p>
      {market?.cultureNote ? (
        <details class="market__note">
          <summary>{i18n.t('panel.culture_note', [market.name])}</summary>
          <p dir="auto">{market.cultureNote}</p>
        </details>
      ) : null}
    </div>
  );
}
