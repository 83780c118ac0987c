import { useEffect, useMemo } from 'preact/hooks';
import { BarChart } from '@/components/dashboard/bar-chart';
import { DataTable } from '@/components/shared/data-table';
import { downloadFile, JsonFileButton } from '@/components/shared/file-transfer';
import { CheckResults } from '@/components/sidepanel/check-results';
import { MessageList } from '@/components/sidepanel/message-list';
import { ReplyTools } from '@/components/sidepanel/reply-tools';
import { currentLanguageTag, i18n, type MessageKey } from '@/services/i18n/i18n';
import type { PracticeSession } from '@/services/practice/practice-session';
import { summarizeSkills } from '@/services/practice/skills';
import { DIFFICULTIES, type Difficulty } from '@/services/practice/scenarios';
import { createPracticeState, type PracticeState } from './practice-state';

const DIFFICULTY_LABEL: Record<Difficulty, MessageKey> = { easy: 'practice.easy', normal: 'practice.normal', hard: 'practice.hard' };
const SCORE_LABEL = { resolution: 'practice.score_resolution', tone: 'practice.score_tone', empathy: 'practice.score_empathy', accuracy: 'practice.score_accuracy' } as const;


/**
 * Practice mode: pick a market, a scenario and a difficulty; the model plays the customer, and the
 * agent works exactly as in a live chat (translations, suggestions, their own reply translated,
 * the market's checks), then gets a scored review. "My progress" shows every session.
 */
export function PracticeApp() {
  const state = useMemo(createPracticeState, []);
  useEffect(() => state.start(), [state]);
  const session = state.current.value;

  return (
    <main class="practice">
      <header class="practice__header">
        <h1>{i18n.t('practice.title')}</h1>
        <nav class="tabs" aria-label={i18n.t('practice.title')}>
          <button type="button" class="button button--small" aria-pressed={state.view.value === 'practice'} onClick={() => (state.view.value = 'practice')}>
            {i18n.t('practice.tab_practice')}
          </button>
          <button type="button" class="button button--small" aria-pressed={state.view.value === 'progress'} onClick={() => (state.view.value = 'progress')}>
            {i18n.t('practice.tab_progress')}
          </button>
        </nav>
      </header>
      {state.error.value ? (
        <p class="error" role="alert">
          {state.error.value}
        </p>
      ) : null}
      {state.view.value === 'progress' ? (
        <Progress state={state} />
      ) : !session ? (
        <Setup state={state} />
      ) : session.review ? (
        <Review state={state} session={session} />
      ) : (
        <Session state={state} session={session} />
      )}
    </main>
  );
}

function Setup({ state }: { state: PracticeState }) {
  const markets = state.rules.value?.ruleSet.profiles ?? [];
  const scenario = state.scenarios.value.find((s) => s.id === state.scenarioId.value);
  return (
    <form
      class="practice__setup"
      onSubmit={(event) => {
        event.preventDefault();
        void state.begin();
      }}
    >
      <p class="hint">{i18n.t('practice.intro')}</p>
      <label>
        {i18n.t('practice.agent_name')}
        <input type="text" name="agent-name" value={state.agentName.value} onInput={(e) => (state.agentName.value = e.currentTarget.value)} />
      </label>
      <label>
        {i18n.t('options.market')}
        <select name="practice-market" value={state.marketId.value} onChange={(e) => (state.marketId.value = e.currentTarget.value)}>
          {markets.map((market) => (
            <option key={market.id} value={market.id}>{`${market.name} (${market.id})`}</option>
          ))}
        </select>
      </label>
      <label>
        {i18n.t('practice.scenario')}
        <select name="practice-scenario" value={state.scenarioId.value} onChange={(e) => (state.scenarioId.value = e.currentTarget.value)}>
          {state.scenarios.value.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.title}
            </option>
          ))}
        </select>
      </label>
      {scenario ? <p class="hint" dir="auto">{scenario.brief}</p> : null}
      <label>
        {i18n.t('practice.difficulty')}
        <select name="practice-difficulty" value={state.difficulty.value} onChange={(e) => (state.difficulty.value = e.currentTarget.value as Difficulty)}>
          {DIFFICULTIES.map((level) => (
            <option key={level} value={level}>
              {i18n.t(DIFFICULTY_LABEL[level])}
            </option>
          ))}
        </select>
      </label>
      <div class="actions">
        <button type="submit" class="button" disabled={state.busy.value}>
          {state.busy.value ? i18n.t('panel.working') : i18n.t('practice.start')}
        </button>
      </div>
    </form>
  );
}

function Session({ state, session }: { state: PracticeState; session: PracticeSession }) {
  const assistant = state.assistant.value;
  const composerChecks = assistant ? assistant.checksFor(state.composer.value) : [];
  return (
    <div class="practice__session">
      <section class="practice__chat" aria-labelledby="practice-chat-heading">
        <div class="section-header">
          <h2 id="practice-chat-heading">{`${session.scenarioTitle} · ${session.marketName} · ${i18n.t(DIFFICULTY_LABEL[session.difficulty])}`}</h2>
          <button type="button" class="button button--small" disabled={state.busy.value} onClick={() => void state.review()}>
            {i18n.t('practice.end_review')}
          </button>
        </div>
        {assistant ? <MessageList messages={assistant.messages.value} onRetry={(key) => void assistant.retranslate(key)} /> : null}
        <label for="practice-composer" class="reply__label">
          {i18n.t('practice.composer')}
        </label>
        <textarea
          id="practice-composer"
          name="practice-composer"
          class="textarea"
          dir="auto"
          lang={session.variant ?? session.language}
          rows={4}
          value={state.composer.value}
          onInput={(e) => (state.composer.value = e.currentTarget.value)}
        />
        <CheckResults results={composerChecks} onFix={(replacement) => (state.composer.value = replacement)} />
        <div class="actions">
          <button type="button" class="button" data-testid="practice-send" disabled={state.busy.value || state.composer.value.trim() === ''} onClick={() => void state.send()}>
            {state.busy.value ? i18n.t('practice.customer_typing') : i18n.t('practice.send')}
          </button>
        </div>
      </section>
      {assistant ? (
        <aside class="practice__assistant" aria-label="Parley">
          <ReplyTools panel={assistant} />
        </aside>
      ) : null}
    </div>
  );
}

function Review({ state, session }: { state: PracticeState; session: PracticeSession }) {
  const review = session.review!;
  const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
  return (
    <section class="practice__review" aria-labelledby="review-heading" data-testid="practice-review">
      <h2 id="review-heading">{i18n.t('practice.review_heading', [session.scenarioTitle, session.marketName])}</h2>
      <p class="review__overall" data-testid="overall-score">
        {i18n.t('practice.overall', [String(review.overall)])}
      </p>
      <ul class="cards">
        {(Object.keys(SCORE_LABEL) as Array<keyof typeof SCORE_LABEL>).map((score) => (
          <li class="card" key={score} data-score={score}>
            <span class="card__label">{i18n.t(SCORE_LABEL[score])}</span>
            <span class="card__value">{review.scores[score]}</span>
          </li>
        ))}
      </ul>
      <p dir="auto">{review.summary}</p>
      <h3>{i18n.t('practice.improvements')}</h3>
      <ol class="review__improvements">
        {review.improvements.map((item, index) => (
          <li key={index} data-turn={item.turn}>
            <a href={`#turn-${item.turn}`}>{i18n.t('practice.turn', [String(item.turn)])}</a> {item.advice}
          </li>
        ))}
      </ol>
      <h3>{i18n.t('practice.transcript')}</h3>
      <ol class="review__transcript">
        {session.turns.map((turn) => (
          <li key={turn.number} id={`turn-${turn.number}`} class={`message message--${turn.role}`} data-turn={turn.number}>
            <div class="message__header">
              <span class="message__role">{`${i18n.t('practice.turn', [String(turn.number)])} · ${turn.role === 'customer' ? i18n.t('common.role_customer') : i18n.t('common.role_agent')}`}</span>
              {turn.responseMs !== undefined ? <span>{i18n.t('practice.response_time', [seconds(turn.responseMs)])}</span> : null}
            </div>
            <p class="message__original" dir="auto" lang={session.language}>
              {turn.text}
            </p>
            {(turn.failedChecks ?? []).map((failure) => (
              <p class="check check--warn" key={failure}>
                {failure}
              </p>
            ))}
          </li>
        ))}
      </ol>
      <div class="actions">
        <button type="button" class="button" onClick={() => state.open(null)}>
          {i18n.t('practice.again')}
        </button>
        <button type="button" class="button button--small" onClick={() => (state.view.value = 'progress')}>
          {i18n.t('practice.tab_progress')}
        </button>
      </div>
    </section>
  );
}

function Progress({ state }: { state: PracticeState }) {
  const skills = summarizeSkills(state.sessions.value);
  const date = new Intl.DateTimeFormat(currentLanguageTag(), { dateStyle: 'short', timeStyle: 'short' });
  const groupRows = (groups: typeof skills.byMarket) =>
    groups.map((g) => ({ key: g.key, header: g.label, cells: [String(g.sessions), String(g.average), `${i18n.t(SCORE_LABEL[g.weakest.score])} (${g.weakest.average})`] }));
  const groupColumns = (first: string) => [first, i18n.t('practice.sessions'), i18n.t('practice.average'), i18n.t('practice.weakest')];
  return (
    <section class="practice__progress" aria-labelledby="progress-heading" data-testid="skills-view">
      <h2 id="progress-heading">{i18n.t('practice.tab_progress')}</h2>
      {skills.progress.length === 0 ? <p class="hint">{i18n.t('practice.no_sessions')}</p> : null}
      <BarChart
        id="practice-progress"
        title={i18n.t('practice.progress_chart')}
        series={[{ key: 'overall', label: i18n.t('practice.overall_label') }]}
        rows={skills.progress.map((p) => ({ label: `${date.format(p.startedAt)} ${p.label}`, values: { overall: p.overall } }))}
      />
      <DataTable caption={i18n.t('practice.weak_by_market')} columns={groupColumns(i18n.t('options.market'))} rows={groupRows(skills.byMarket)} testId="skills-by-market" />
      <DataTable caption={i18n.t('practice.weak_by_scenario')} columns={groupColumns(i18n.t('practice.scenario'))} rows={groupRows(skills.byScenario)} testId="skills-by-scenario" />
      <DataTable caption={i18n.t('practice.by_agent')} columns={groupColumns(i18n.t('practice.agent_name'))} rows={groupRows(skills.byAgent)} testId="skills-by-agent" />
      <DataTable
        caption={i18n.t('practice.sessions')}
        testId="practice-sessions"
        columns={[i18n.t('practice.scenario'), i18n.t('practice.agent_name'), i18n.t('options.market'), i18n.t('practice.difficulty'), i18n.t('practice.overall_label')]}
        rows={state.sessions.value.map((s) => ({
          key: s.id,
          header: (
            <button type="button" class="button button--small" onClick={() => state.open(s.id)}>
              {`${date.format(s.startedAt)} · ${s.scenarioTitle}`}
            </button>
          ),
          cells: [s.agentName, s.marketId, i18n.t(DIFFICULTY_LABEL[s.difficulty]), s.review ? String(s.review.overall) : '–'],
        }))}
      />
      <div class="actions">
        <button type="button" class="button button--small" onClick={() => downloadFile('parley-practice-results.json', state.exportResults(), 'application/json')}>
          {i18n.t('practice.export')}
        </button>
        <JsonFileButton label={i18n.t('practice.import')} name="practice-import" onText={(text) => state.importResults(text)} />
      </div>
      {state.notice.value ? <p role="status">{state.notice.value}</p> : null}
    </section>
  );
}
