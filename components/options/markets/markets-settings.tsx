import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { i18n, type MessageKey } from '@/services/i18n/i18n';
import {
  APOLOGY_STYLES,
  CHECKED_RULE_IDS,
  FORMALITY_REGISTERS,
  RULE_ENFORCEMENTS,
  type MarketProfile,
  type MarketRules,
} from '@/services/markets/market-profile';
import { downloadFile, JsonFileButton } from '@/components/shared/file-transfer';
import { createMarketsState, type MarketsState } from './markets-state';
import { ScenarioEditor } from './scenario-editor';

type RuleId = keyof MarketRules;

const RULE_LABEL: Record<RuleId, MessageKey> = {
  formality: 'options.rule_formality',
  greeting: 'options.rule_greeting',
  closing: 'options.rule_closing',
  emoji: 'options.rule_emoji',
  apology: 'options.rule_apology',
  bannedPhrases: 'options.rule_banned',
  requiredPhrases: 'options.rule_required',
  glossary: 'options.rule_glossary',
  guidance: 'options.rule_guidance',
  meaning: 'options.rule_meaning',
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * Market rules in the options page: pick a market, switch each rule on or off, say whether a failed
 * check warns or blocks, lock it for agents, and share the whole set as a file.
 */
export function MarketsSettings() {
  const state = useMemo(createMarketsState, []);
  useEffect(() => state.start(), [state]);
  const ruleSet = state.ruleSet.value;
  const market = state.selected();
  if (!ruleSet) return null;
  const managed = market ? state.isManaged(market.id) : false;

  return (
    <fieldset class="markets">
      <legend>{i18n.t('options.markets_heading')}</legend>
      <p class="hint">{i18n.t('options.markets_hint')}</p>
      {state.warnings.value.map((warning) => (
        <p class="warning" role="alert" key={warning}>
          {warning}
        </p>
      ))}
      <label>
        {i18n.t('options.market')}
        <select name="market" value={state.selectedId.value} onChange={(e) => (state.selectedId.value = e.currentTarget.value)}>
          {ruleSet.profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {`${profile.name} (${profile.id})${state.isManaged(profile.id) ? ` · ${i18n.t('options.market_managed_short')}` : ''}`}
            </option>
          ))}
        </select>
      </label>
      {managed ? <p class="notice">{i18n.t('options.market_managed')}</p> : null}
      {market ? <MarketForm key={market.id} state={state} market={market} /> : null}
      <ScenarioEditor state={state} />
      <div class="actions">
        <button type="button" class="button" onClick={() => void state.save()}>
          {i18n.t('options.markets_save')}
        </button>
        <button type="button" class="button button--small" onClick={() => download(state)}>
          {i18n.t('options.markets_export')}
        </button>
        <JsonFileButton label={i18n.t('options.markets_import')} name="markets-import" onText={(text) => state.importFile(text)} />
      </div>
      <MarketsStatusLine state={state} />
    </fieldset>
  );
}

function download(state: MarketsState) {
  const json = state.exportFile();
  if (json) downloadFile('parley-market-rules.json', json, 'application/json');
}

function MarketsStatusLine({ state }: { state: MarketsState }) {
  const status = state.status.value;
  if (status.kind === 'saved') return <p class="result--ok" role="status">{i18n.t('options.markets_saved')}</p>;
  if (status.kind === 'imported') return <p class="result--ok" role="status">{i18n.t('options.markets_imported', [String(status.markets)])}</p>;
  if (status.kind === 'error') {
    return (
      <p class="result--failed" role="alert" data-testid="markets-error">
        {status.message}
      </p>
    );
  }
  return null;
}

function MarketForm({ state, market }: { state: MarketsState; market: MarketProfile }) {
  const { rules } = market;
  const update = <K extends RuleId>(ruleId: K, change: Partial<MarketRules[K]>) => state.updateRule(market.id, ruleId, change);
  const editable = (ruleId: RuleId) => state.isEditable(market.id, ruleId);

  return (
    <div class="market-form" data-market={market.id}>
      <Rule state={state} market={market} ruleId="formality">
        <select
          name="formality-register"
          aria-label={i18n.t('options.rule_formality')}
          disabled={!editable('formality')}
          value={rules.formality.register}
          onChange={(e) => update('formality', { register: e.currentTarget.value as (typeof FORMALITY_REGISTERS)[number] })}
        >
          {FORMALITY_REGISTERS.map((register) => (
            <option key={register} value={register}>
              {i18n.t(register === 'formal' ? 'options.register_formal' : 'options.register_informal')}
            </option>
          ))}
        </select>
      </Rule>
      <Rule state={state} market={market} ruleId="emoji">
        <label class="checkbox">
          <input type="checkbox" name="emoji-allowed" disabled={!editable('emoji')} checked={rules.emoji.allowed} onChange={(e) => update('emoji', { allowed: e.currentTarget.checked })} />
          {i18n.t('options.emoji_allowed')}
        </label>
      </Rule>
      <Rule state={state} market={market} ruleId="greeting">
        <LinesField name="greeting" label={i18n.t('options.formulas_hint')} disabled={!editable('greeting')} value={rules.greeting.formulas} onChange={(formulas) => update('greeting', { formulas })} />
      </Rule>
      <Rule state={state} market={market} ruleId="closing">
        <LinesField name="closing" label={i18n.t('options.formulas_hint')} disabled={!editable('closing')} value={rules.closing.formulas} onChange={(formulas) => update('closing', { formulas })} />
      </Rule>
      <Rule state={state} market={market} ruleId="apology">
        <select
          name="apology-style"
          aria-label={i18n.t('options.rule_apology')}
          disabled={!editable('apology')}
          value={rules.apology.style}
          onChange={(e) => update('apology', { style: e.currentTarget.value as (typeof APOLOGY_STYLES)[number] })}
        >
          {APOLOGY_STYLES.map((style) => (
            <option key={style} value={style}>
              {style}
            </option>
          ))}
        </select>
      </Rule>
      <Rule state={state} market={market} ruleId="bannedPhrases">
        <LinesField
          name="banned"
          label={i18n.t('options.banned_hint')}
          disabled={!editable('bannedPhrases')}
          value={rules.bannedPhrases.phrases.map((p) => (p.instead ? `${p.phrase} => ${p.instead}` : p.phrase))}
          onChange={(entries) =>
            update('bannedPhrases', {
              phrases: entries.map((entry) => {
                const [phrase = '', instead] = entry.split('=>').map((part) => part.trim());
                const before = rules.bannedPhrases.phrases.find((p) => p.phrase === phrase);
                return { phrase, reason: before?.reason ?? '', instead: instead || null };
              }),
            })
          }
        />
      </Rule>
      <Rule state={state} market={market} ruleId="requiredPhrases">
        <LinesField
          name="required"
          label={i18n.t('options.required_hint')}
          disabled={!editable('requiredPhrases')}
          value={rules.requiredPhrases.phrases.map((p) => (p.whenMentioned.length > 0 ? `${p.phrase} | ${p.whenMentioned.join(', ')}` : p.phrase))}
          onChange={(entries) =>
            update('requiredPhrases', {
              phrases: entries.map((entry) => {
                const [phrase = '', when = ''] = entry.split('|').map((part) => part.trim());
                return { phrase, whenMentioned: when.split(',').map((w) => w.trim()).filter(Boolean) };
              }),
            })
          }
        />
      </Rule>
      <Rule state={state} market={market} ruleId="glossary">
        <LinesField
          name="glossary"
          label={i18n.t('options.glossary_hint')}
          disabled={!editable('glossary')}
          value={rules.glossary.entries.map((e) => (e.target ? `${e.source} = ${e.target}` : e.source))}
          onChange={(entries) =>
            update('glossary', {
              entries: entries.map((entry) => {
                const [source = '', target] = entry.split('=').map((part) => part.trim());
                return { source, target: target || null };
              }),
            })
          }
        />
      </Rule>
      <Rule state={state} market={market} ruleId="guidance">
        <textarea
          name="guidance"
          class="textarea"
          rows={3}
          aria-label={i18n.t('options.rule_guidance')}
          disabled={!editable('guidance')}
          value={rules.guidance.text}
          onInput={(e) => update('guidance', { text: e.currentTarget.value })}
        />
      </Rule>
      <Rule state={state} market={market} ruleId="meaning" />
      <label>
        {i18n.t('options.culture_note')}
        <textarea
          name="culture-note"
          class="textarea"
          rows={4}
          disabled={state.isManaged(market.id)}
          value={market.cultureNote}
          onInput={(e) => {
            const cultureNote = e.currentTarget.value;
            state.updateMarket(market.id, (m) => ({ ...m, cultureNote }));
          }}
        />
      </label>
    </div>
  );
}

/** One rule: on/off, warn or block (for checked rules), locked for agents, and its own fields. */
function Rule({ state, market, ruleId, children }: { state: MarketsState; market: MarketProfile; ruleId: RuleId; children?: ComponentChildren }) {
  const rule = market.rules[ruleId];
  const editable = state.isEditable(market.id, ruleId);
  const checked = (CHECKED_RULE_IDS as readonly string[]).includes(ruleId);
  const label = i18n.t(RULE_LABEL[ruleId]);
  return (
    <div class="market-rule" data-rule={ruleId} data-locked={rule.locked ? 'true' : undefined} role="group" aria-label={label}>
      <label class="checkbox market-rule__title">
        <input type="checkbox" name={`${ruleId}-enabled`} disabled={!editable} checked={rule.enabled} onChange={(e) => state.updateRule(market.id, ruleId, { enabled: e.currentTarget.checked })} />
        {label}
      </label>
      {children}
      <div class="market-rule__controls">
        {checked ? (
          <label>
            {i18n.t('options.enforcement')}
            <select
              name={`${ruleId}-enforcement`}
              disabled={!editable}
              value={rule.enforcement}
              onChange={(e) => state.updateRule(market.id, ruleId, { enforcement: e.currentTarget.value as (typeof RULE_ENFORCEMENTS)[number] })}
            >
              <option value="warn">{i18n.t('options.enforcement_warn')}</option>
              <option value="block">{i18n.t('options.enforcement_block')}</option>
            </select>
          </label>
        ) : null}
        <label class="checkbox">
          <input type="checkbox" name={`${ruleId}-locked`} disabled={!editable} checked={rule.locked} onChange={(e) => state.updateRule(market.id, ruleId, { locked: e.currentTarget.checked })} />
          {i18n.t('options.rule_locked')}
        </label>
      </div>
      {!editable ? <p class="hint">{i18n.t('options.rule_locked_hint')}</p> : null}
    </div>
  );
}

function LinesField({ name, label, value, disabled, onChange }: { name: string; label: string; value: string[]; disabled: boolean; onChange(lines: string[]): void }) {
  return (
    <label class="lines-field">
      <span class="hint">{label}</span>
      <textarea name={name} class="textarea" rows={Math.min(6, Math.max(2, value.length + 1))} disabled={disabled} value={value.join('\n')} onChange={(e) => onChange(lines(e.currentTarget.value))} />
    </label>
  );
}
