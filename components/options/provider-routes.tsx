import { i18n } from '@/services/i18n/i18n';
import { MODEL_PURPOSES, allProviders, type ModelPurpose, type Settings } from '@/services/settings/settings-schema';
import { providerLabel } from './provider-fields';

const PURPOSE_LABEL: Record<ModelPurpose, () => string> = {
  inbound: () => i18n.t('options.route_inbound'),
  outbound: () => i18n.t('options.route_outbound'),
  suggestions: () => i18n.t('options.route_suggestions'),
};

/** For each purpose, which providers Parley tries, in order: the first choice, then its fallbacks. */
export function ProviderRoutes({ settings, onChange }: { settings: Settings; onChange(routes: Settings['routes']): void }) {
  const providers = allProviders(settings);
  const byId = new Map(providers.map((p) => [p.id, p]));
  const setRoute = (purpose: ModelPurpose, ids: string[]) => onChange({ ...settings.routes, [purpose]: ids });

  return (
    <fieldset>
      <legend>{i18n.t('options.routes_heading')}</legend>
      <p class="hint">{i18n.t('options.routes_hint')}</p>
      {MODEL_PURPOSES.map((purpose) => {
        const ids = settings.routes[purpose].filter((id) => byId.has(id));
        const unused = providers.filter((p) => !ids.includes(p.id));
        const move = (index: number, by: number) => {
          const next = [...ids];
          const [id] = next.splice(index, 1);
          next.splice(index + by, 0, id!);
          setRoute(purpose, next);
        };
        return (
          <div class="route" key={purpose} data-route={purpose}>
            <h3 id={`route-${purpose}`}>{PURPOSE_LABEL[purpose]()}</h3>
            <ol aria-labelledby={`route-${purpose}`}>
              {ids.map((id, index) => (
                <li key={id}>
                  <span>{providerLabel(byId.get(id)!)}</span>
                  <button type="button" class="button button--small" disabled={index === 0} onClick={() => move(index, -1)} aria-label={i18n.t('options.route_up', [providerLabel(byId.get(id)!)])}>
                    ↑
                  </button>
                  <button type="button" class="button button--small" disabled={index === ids.length - 1} onClick={() => move(index, 1)} aria-label={i18n.t('options.route_down', [providerLabel(byId.get(id)!)])}>
                    ↓
                  </button>
                  <button type="button" class="button button--small" disabled={ids.length === 1} onClick={() => setRoute(purpose, ids.filter((other) => other !== id))} aria-label={i18n.t('options.route_remove', [providerLabel(byId.get(id)!)])}>
                    ×
                  </button>
                </li>
              ))}
            </ol>
            {unused.length > 0 ? (
              <label>
                {i18n.t('options.route_add')}
                <select
                  name={`route-${purpose}-add`}
                  value=""
                  onChange={(e) => {
                    if (e.currentTarget.value) setRoute(purpose, [...ids, e.currentTarget.value]);
                  }}
                >
                  <option value="">—</option>
                  {unused.map((p) => (
                    <option key={p.id} value={p.id}>
                      {providerLabel(p)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
