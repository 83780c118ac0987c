import { i18n, type MessageKey } from '@/services/i18n/i18n';
import { REWRITE_STYLES, type RewriteStyle } from '@/services/model/prompts';

const LABEL: Record<RewriteStyle, MessageKey> = {
  formal: 'panel.rewrite_formal',
  friendlier: 'panel.rewrite_friendlier',
  shorter: 'panel.rewrite_shorter',
  apologetic: 'panel.rewrite_apologetic',
};

/**
 * Quick rewrites of a reply in the customer's language: more formal, friendlier, shorter, more
 * apologetic. Folded behind one "Rewrite" control so three suggestions do not show twelve buttons.
 */
export function RewriteButtons({ disabled, onRewrite, label }: { disabled: boolean; onRewrite(style: RewriteStyle): void; label: string }) {
  return (
    <details class="rewrites">
      <summary class="button button--small" aria-label={label}>
        {i18n.t('panel.rewrite')}
      </summary>
      <div class="rewrites__choices" role="group" aria-label={label}>
        {REWRITE_STYLES.map((style) => (
          <button
            key={style}
            type="button"
            class="button button--small"
            disabled={disabled}
            data-style={style}
            onClick={(event) => {
              (event.currentTarget.closest('details') as HTMLDetailsElement | null)?.removeAttribute('open');
              onRewrite(style);
            }}
          >
            {i18n.t(LABEL[style])}
          </button>
        ))}
      </div>
    </details>
  );
}
