import { useState } from 'preact/hooks';
import { i18n } from '@/services/i18n/i18n';
import type { PracticeScenario } from '@/services/practice/scenarios';
import type { MarketsState } from './markets-state';

const EMPTY: PracticeScenario = { id: '', title: '', brief: '', resolution: '', mood: 'polite', opening: '' };

/**
 * A lead's own practice scenarios: what the simulated customer wants and knows, what a good
 * resolution contains, and how the customer opens. Saved with the market rules (and so exported,
 * imported and pushed by policy with them).
 */
export function ScenarioEditor({ state }: { state: MarketsState }) {
  const scenarios = state.ruleSet.value?.scenarios ?? [];
  const [draft, setDraft] = useState<PracticeScenario>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const field = (name: keyof PracticeScenario, label: string, multiline = false) => (
    <label>
      {label}
      {multiline ? (
        <textarea name={`scenario-${name}`} class="textarea" rows={3} value={draft[name]} onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })} />
      ) : (
        <input type="text" name={`scenario-${name}`} value={draft[name]} onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })} />
      )}
    </label>
  );
  return (
    <div class="scenarios" role="group" aria-labelledby="scenarios-heading">
      <h3 id="scenarios-heading">{i18n.t('options.scenarios_heading')}</h3>
      <p class="hint">{i18n.t('options.scenarios_hint')}</p>
      {scenarios.length > 0 ? (
        <ul class="scenarios__list">
          {scenarios.map((scenario) => (
            <li key={scenario.id} data-scenario={scenario.id}>
              <span>{`${scenario.title} (${scenario.id})`}</span>
              <button type="button" class="button button--small" onClick={() => setDraft(scenario)}>
                {i18n.t('panel.suggestion_edit')}
              </button>
              <button type="button" class="button button--small" onClick={() => state.removeScenario(scenario.id)}>
                {i18n.t('options.remove_provider', [scenario.title])}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {field('id', i18n.t('options.scenario_id'))}
      {field('title', i18n.t('options.scenario_title'))}
      {field('brief', i18n.t('options.scenario_brief'), true)}
      {field('resolution', i18n.t('options.scenario_resolution'), true)}
      {field('mood', i18n.t('options.scenario_mood'))}
      {field('opening', i18n.t('options.scenario_opening'), true)}
      <div class="actions">
        <button
          type="button"
          class="button button--small"
          onClick={() => {
            const refused = state.putScenario(draft);
            setProblem(refused);
            if (!refused) setDraft(EMPTY);
          }}
        >
          {i18n.t('options.scenario_add')}
        </button>
      </div>
      {problem ? (
        <p class="result--failed" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
