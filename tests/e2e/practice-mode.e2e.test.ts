import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchParley, localModelSettings, seedSettings, type ParleyBrowser } from '../../scripts/launch-parley';
import { seriousViolations } from './accessibility';

/**
 * Practice mode in the built extension, against the local model server's simulated customer: a
 * new agent plays a late-delivery scenario in the German market over several turns (with
 * translations, a suggestion put into the practice composer, and an informal reply the checks
 * flag), gets a scored review that points at their turns, and finds the session in "My progress".
 */

describe('practice mode', () => {
  let parley: ParleyBrowser;
  let practice: Page;

  beforeAll(async () => {
    parley = await launchParley();
    await seedSettings(parley.worker, localModelSettings(parley.modelServer!.url));
    practice = await parley.openExtensionPage('practice.html');
  }, 60_000);
  afterAll(async () => {
    await parley?.close();
  });

  it('plays a session of several turns and ends with a review that refers to the turns', async () => {
    await practice.locator('input[name="agent-name"]').fill('Mia');
    await practice.locator('select[name="practice-market"]').selectOption('de-DE');
    await practice.locator('select[name="practice-scenario"]').selectOption('late-delivery');
    await practice.locator('select[name="practice-difficulty"]').selectOption('normal');
    await practice.getByRole('button', { name: 'Start practising' }).click();

    // The customer's first message, in German, translated for the agent, with suggestions next to it.
    const customer = practice.locator('.practice__chat .message--customer');
    await customer.first().waitFor({ timeout: 15_000 });
    expect(await customer.first().locator('.message__original').textContent()).toBe('Hallo, meine Bestellung #40213 ist nach 12 Tagen immer noch nicht da. Wo ist sie?');
    await customer.first().locator('.message__translation').waitFor({ timeout: 15_000 });
    expect(await customer.first().locator('.message__translation').textContent()).toBe('Hello, my order #40213 still has not arrived after 12 days. Where is it?');
    await practice.locator('.practice__assistant .suggestion').nth(2).waitFor({ timeout: 15_000 });

    // Turn 2: an informal question; the checks flag it before it is sent, and it is sent anyway.
    await practice.locator('#practice-composer').fill('Kannst du mir deine Bestellnummer sagen?');
    await practice.locator('.practice__chat .check[data-rule="formality"]').waitFor();
    await practice.getByTestId('practice-send').click();
    await expect.poll(() => customer.count(), { timeout: 15_000 }).toBe(2);
    expect(await customer.nth(1).locator('.message__original').textContent()).toContain('Laufschuhe');

    // Turn 4: a suggestion goes into the practice composer, then a concrete, apologetic offer is sent.
    await practice.locator('.practice__assistant .suggestion').first().locator('.suggestion__insert').click();
    await expect.poll(() => practice.locator('#practice-composer').inputValue()).not.toBe('');
    await practice.locator('#practice-composer').fill('Entschuldigen Sie bitte die Verzögerung! Ich schicke Ihnen heute ein neues Paar per Express.');
    await practice.getByTestId('practice-send').click();

    // Solved: the customer thanks, the session ends and is reviewed.
    const review = practice.getByTestId('practice-review');
    await review.waitFor({ timeout: 20_000 });
    expect(await practice.getByTestId('overall-score').textContent()).toBe('Overall score: 78 / 100');
    expect(await review.locator('.card[data-score="tone"] .card__value').textContent()).toBe('50');
    expect(await review.locator('.card[data-score="resolution"] .card__value').textContent()).toBe('90');
    const advice = review.locator('.review__improvements li');
    expect(await advice.first().getAttribute('data-turn')).toBe('2');
    expect(await advice.first().textContent()).toContain('Acknowledge the problem and apologise in your first reply');
    // Each piece of advice points at an agent turn of the transcript.
    for (const turn of await advice.evaluateAll((items) => items.map((item) => item.getAttribute('data-turn')))) {
      expect(await review.locator(`.review__transcript [data-turn="${turn}"]`).getAttribute('class')).toContain('message--agent');
    }
    expect(await review.locator('.review__transcript [data-turn="2"] .check').textContent()).toMatch(/^formality: /);
    expect(await review.locator('.review__transcript [data-turn="5"]').textContent()).toContain('Vielen Dank, das hilft mir sehr!');
    expect(await seriousViolations(practice)).toEqual([]);
  });

  it('shows the session in the skills view, by market and scenario', async () => {
    await practice.getByRole('button', { name: 'My progress' }).first().click();
    const skills = practice.getByTestId('skills-view');
    await skills.waitFor();
    expect(await skills.locator('[data-testid="skills-by-market"] tbody tr').allTextContents()).toEqual(['Germany (de-DE)178Tone (market rules) (50)']);
    expect(await skills.locator('[data-testid="skills-by-scenario"] tbody th').allTextContents()).toEqual(['Late delivery']);
    expect(await skills.locator('[data-chart="practice-progress"] rect').count()).toBe(1);
    expect(await seriousViolations(practice)).toEqual([]);
  });

  it("exports the agent's results, and a lead who imports a team member's file sees both agents", async () => {
    const [download] = await Promise.all([practice.waitForEvent('download'), practice.getByRole('button', { name: 'Export my results' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; sessions: Array<{ id: string; agentName: string }> };
    expect(exported.format).toBe('parley-practice-results');
    expect(exported.sessions.map((s) => s.agentName)).toEqual(['Mia']);
    // A colleague's file: the same session shape under another name.
    const colleague = { ...exported, sessions: exported.sessions.map((s) => ({ ...s, id: `${s.id}-noah`, agentName: 'Noah' })) };
    await practice.locator('input[name="practice-import"]').setInputFiles({ name: 'noah.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(colleague)) });
    await practice.getByText('Imported 1 sessions.').waitFor();
    expect(await practice.locator('[data-testid="skills-by-agent"] tbody th').allTextContents()).toEqual(['Mia', 'Noah']);
    // A wrong file is refused with the reason.
    await practice.locator('input[name="practice-import"]').setInputFiles({ name: 'rules.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"parley-market-rules"}') });
    await practice.getByText(/^Nothing was imported: not a Parley practice results file/).waitFor();
  });

  it("a lead's own scenario, written in the options page, can be practised", async () => {
    const options = await parley.openExtensionPage('options.html');
    const editor = options.locator('.scenarios');
    await editor.locator('input[name="scenario-id"]').fill('wrong-colour');
    await editor.locator('input[name="scenario-title"]').fill('Wrong colour delivered');
    await editor.locator('textarea[name="scenario-brief"]').fill('Ordered a red scarf (order #90001), received a green one. Needs it for a gift on Friday.');
    await editor.locator('textarea[name="scenario-resolution"]').fill('Apologises, sends the red scarf by express or refunds, return of the green one free.');
    await editor.locator('textarea[name="scenario-opening"]').fill('I ordered a red scarf (#90001) and got a green one.');
    await editor.getByRole('button', { name: 'Add or update the scenario' }).click();
    await editor.locator('[data-scenario="wrong-colour"]').waitFor();
    await options.getByRole('button', { name: 'Save market rules' }).click();
    await options.getByText('Market rules saved.').waitFor();
    await options.close();

    await practice.reload();
    await practice.getByRole('button', { name: 'Practise again' }).click().catch(() => {});
    await practice.locator('select[name="practice-scenario"]').selectOption('wrong-colour');
    expect(await practice.locator('.practice__setup .hint').last().textContent()).toContain('red scarf (order #90001)');
    await practice.getByRole('button', { name: 'Start practising' }).click();
    await practice.locator('#practice-chat-heading').waitFor({ timeout: 15_000 });
    expect(await practice.locator('#practice-chat-heading').textContent()).toBe('Wrong colour delivered · Germany · Normal');
  });
});
