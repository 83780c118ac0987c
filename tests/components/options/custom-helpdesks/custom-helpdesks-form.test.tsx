import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CUSTOM_HELPDESK_TEXT_KEYS } from '@/components/options/custom-helpdesks/custom-helpdesk-text';
import { CustomHelpdesksSection } from '@/components/options/custom-helpdesks/custom-helpdesks-section';
import {
  createCustomHelpdesksState,
  type SaveCustomHelpdesks,
  type TestCustomHelpdesk,
} from '@/components/options/custom-helpdesks/custom-helpdesks-state';
import type { CustomHelpdesk } from '@/services/helpdesk/custom/descriptor';
import type { ProbeReport } from '@/services/helpdesk/custom/probe';
import { CHATWOOT_INPUT, TIDY_INPUT, descriptor } from '../../../services/helpdesk/custom/custom-fixtures';

/**
 * Lives here rather than in tests/components/options/ only because of who edits which folder this week;
 * it tests components/options/custom-helpdesks/*.
 */

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount(initial: CustomHelpdesk[] = [], handlers: { onSave?: SaveCustomHelpdesks; onTest?: TestCustomHelpdesk } = {}) {
  const state = createCustomHelpdesksState(initial);
  const onSave = vi.fn<SaveCustomHelpdesks>(handlers.onSave ?? (async () => undefined));
  const onTest = vi.fn<TestCustomHelpdesk>(handlers.onTest ?? (async () => ({ error: 'no tab' })));
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<CustomHelpdesksSection state={state} onSave={onSave} onTest={onTest} />, root);
  return { state, onSave, onTest, root };
}

const field = (root: Element, name: string) => root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;

async function type(root: Element, name: string, value: string) {
  const input = field(root, name);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

async function choose(root: Element, name: string, value: string) {
  const select = root.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

async function click(element: Element | null) {
  (element as HTMLElement).click();
  await settle();
}

const button = (root: Element, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text) ?? null;
const errorsOf = (root: Element, slot: string) => [...root.querySelectorAll(`[data-testid="errors-${slot}"] li`)].map((li) => li.textContent);

/** Fills the form with the Tidy Tickets descriptor, as an admin would. */
async function fillTidy(root: Element) {
  await type(root, 'name', 'Tidy Tickets');
  await type(root, 'urlPatterns', 'http://helpdesk.intranet.test/tickets/*\n');
  await choose(root, 'idSource', 'attribute');
  await type(root, 'idSelector', '#ticket');
  await type(root, 'idAttribute', 'data-ticket-id');
  await type(root, 'messageSelector', '.thread .entry');
  await type(root, 'textSelector', '.body');
  await type(root, 'role-rule-selector-0', '.by-customer');
  await type(root, 'composerSelector', '#reply');
}

const REPORT: ProbeReport = {
  helpdeskId: 'tidy-tickets',
  helpdeskName: 'Tidy Tickets',
  url: 'http://helpdesk.intranet.test/tickets/view?id=77',
  urlMatches: true,
  conversationId: 'T-77',
  title: null,
  reading: 'conversation',
  messagesMatched: 6,
  messagesRead: 3,
  roleCounts: { customer: 3, agent: 0, bot: 0, note: 0, system: 0 },
  messagesSkipped: 3,
  samples: [{ role: 'customer', text: '<b>Der Drucker</b> druckt nur leere Seiten.' }],
  composer: { found: true, kind: 'textarea' },
  problems: [{ code: 'no-role', subject: '', count: 3, message: '3 messages matched no role rule and were skipped' }],
};

const ENGLISH = JSON.parse(readFileSync(resolve(__dirname, '../../../../locales/en.json'), 'utf8')) as { custom_helpdesks: Record<string, string> };

describe('custom helpdesks options', () => {

  it('has English for every text key it uses, and no text without a key', () => {
    expect([...CUSTOM_HELPDESK_TEXT_KEYS].sort()).toEqual(Object.keys(ENGLISH.custom_helpdesks).sort());
  });

  it('shows no errors before the first attempt, then every missing field in words; nothing is saved', async () => {
    const { root, onSave } = mount();
    await click(root.querySelector('[data-testid="custom-helpdesk-add"]'));
    expect(root.querySelectorAll('.field-errors')).toHaveLength(0);
    await click(button(root, 'Save helpdesk'));
    expect(onSave).not.toHaveBeenCalled();
    expect(errorsOf(root, 'name')).toEqual(['Required.']);
    expect(errorsOf(root, 'urlPatterns')).toEqual(['Add at least one URL pattern.']);
    expect(errorsOf(root, 'idRegex')).toEqual(['Required.']);
    expect(errorsOf(root, 'messageSelector')).toEqual(['Required.']);
    expect(errorsOf(root, 'composerSelector')).toEqual(['Required.']);
    expect(field(root, 'name').getAttribute('aria-invalid')).toBe('true');
    expect(field(root, 'name').getAttribute('aria-describedby')).toBe('custom-helpdesk-errors-name');
    expect(root.querySelector('[data-testid="custom-helpdesk-save-result"]')?.textContent).toBe('Some fields need fixing.');
  });

  it('explains a bad regex, a bad match pattern line and a bad selector in a rule row, as the admin types', async () => {
    const { root } = mount();
    await click(root.querySelector('[data-testid="custom-helpdesk-add"]'));
    await fillTidy(root);
    await choose(root, 'idSource', 'url');
    await type(root, 'idRegex', '/tickets/view\\?id=\\d+');
    await type(root, 'urlPatterns', 'http://helpdesk.intranet.test/tickets/*\nhttps://helpdesk.intranet.test:8443/*');
    await click(button(root, 'Add a rule'));
    await type(root, 'role-rule-selector-1', '.by-staff >');
    await click(button(root, 'Save helpdesk'));

    expect(errorsOf(root, 'idRegex')).toEqual([
      'The regular expression needs exactly one capturing group around the id; it has 0. Write (?:…) for any other group.',
    ]);
    expect(errorsOf(root, 'urlPatterns')).toEqual(['https://helpdesk.intranet.test:8443/*: leave the port out (a pattern covers every port).']);
    expect(errorsOf(root, 'roleRules.1')).toEqual(['Not a valid CSS selector: .by-staff >']);
    expect(errorsOf(root, 'roleRules.0')).toEqual([]);

    await type(root, 'idRegex', '/tickets/view\\?id=(\\d+');
    expect(errorsOf(root, 'idRegex')[0]).toMatch(/^This regular expression does not compile: .+/);
    await type(root, 'idRegex', '[?&]id=(\\d+)');
    expect(errorsOf(root, 'idRegex')).toEqual([]);
  });

  it('saves a valid helpdesk from inside the click (for the permission prompt), with its id taken from the name', async () => {
    const { root, onSave } = mount([descriptor(CHATWOOT_INPUT)]);
    await click(root.querySelector('[data-testid="custom-helpdesk-add"]'));
    await fillTidy(root);
    (button(root, 'Save helpdesk') as HTMLElement).click();
    // Called synchronously, before any await: the user gesture is still alive.
    expect(onSave).toHaveBeenCalledTimes(1);
    const saved = onSave.mock.calls[0]![0];
    expect(saved.map((h) => h.id)).toEqual(['acme-chatwoot', 'tidy-tickets']);
    expect(saved[1]).toMatchObject({
      name: 'Tidy Tickets',
      urlPatterns: ['http://helpdesk.intranet.test/tickets/*'],
      conversationIdFrom: { source: 'attribute', selector: '#ticket', attribute: 'data-ticket-id' },
      roleRules: [{ selector: '.by-customer', role: 'customer' }],
      defaultRole: 'skip',
      composerKind: 'auto',
    });
    expect(saved[1]).not.toHaveProperty('messageIdAttribute');
    await settle();
    expect(root.querySelector('[data-testid="custom-helpdesk-form"]')).toBeNull();
    expect(root.querySelector('[data-testid="custom-helpdesk-tidy-tickets"]')?.textContent).toContain('Runs on: http://helpdesk.intranet.test/tickets/*');
    expect(root.querySelector('[data-testid="custom-helpdesks-save-result"]')?.textContent).toBe('Custom helpdesks saved.');
  });

  it('tests the unsaved draft and shows the report, page text as text and problems in words', async () => {
    const { root, onTest, onSave } = mount([], { onTest: async () => REPORT });
    await click(root.querySelector('[data-testid="custom-helpdesk-add"]'));
    await fillTidy(root);
    (root.querySelector('[data-testid="custom-helpdesk-test"]') as HTMLElement).click();
    expect(onTest).toHaveBeenCalledTimes(1);
    expect(onTest.mock.calls[0]![0].id).toBe('tidy-tickets');
    expect(onSave).not.toHaveBeenCalled();
    await settle();
    const report = root.querySelector('[data-testid="probe-report"]')!;
    expect(report.querySelector('[data-testid="probe-reading"]')?.textContent).toBe('Parley would read this conversation.');
    expect(report.querySelector('[data-testid="probe-messages"]')?.textContent).toBe('Messages matched: 6, read: 3, left out: 3');
    expect(report.querySelector('[data-testid="probe-role-customer"]')?.textContent).toBe('Customer: 3');
    expect(report.querySelector('[data-testid="probe-composer"]')?.textContent).toBe('Composer found: Plain text box');
    expect(report.querySelector('[data-testid="probe-samples"] b')).toBeNull();
    expect(report.querySelector('[data-testid="probe-samples"]')?.textContent).toContain('<b>Der Drucker</b> druckt nur leere Seiten.');
    expect([...report.querySelectorAll('[data-testid="probe-problems"] li')].map((li) => li.textContent)).toEqual([
      '3 messages matched no author rule and were left out.',
    ]);
  });

  it('says why a test could not run, and does not test an invalid draft', async () => {
    const { root, onTest } = mount();
    await click(root.querySelector('[data-testid="custom-helpdesk-add"]'));
    await click(root.querySelector('[data-testid="custom-helpdesk-test"]'));
    expect(onTest).not.toHaveBeenCalled();
    expect(root.querySelector('[data-testid="custom-helpdesk-test-result"]')?.textContent).toBe('Some fields need fixing.');
    await fillTidy(root);
    await click(root.querySelector('[data-testid="custom-helpdesk-test"]'));
    expect(root.querySelector('[data-testid="custom-helpdesk-test-result"]')?.textContent).toBe('The test could not run: no tab');
  });

  it('edits an existing helpdesk without letting its id change, and deletes one', async () => {
    const { root, onSave } = mount([descriptor(CHATWOOT_INPUT), descriptor(TIDY_INPUT)]);
    await click(root.querySelector('[data-testid="custom-helpdesk-tidy-tickets"] button'));
    expect(field(root, 'id').disabled).toBe(true);
    expect(field(root, 'excludeSelectors').value).toBe('.sig');
    await type(root, 'name', 'Tidy Tickets (IT)');
    await click(button(root, 'Save helpdesk'));
    expect(onSave.mock.calls[0]![0].map((h) => [h.id, h.name])).toEqual([
      ['acme-chatwoot', 'Acme Chatwoot'],
      ['tidy-tickets', 'Tidy Tickets (IT)'],
    ]);

    await click(button(root.querySelector('[data-testid="custom-helpdesk-acme-chatwoot"]')!, 'Delete'));
    expect(onSave.mock.calls[1]![0].map((h) => h.id)).toEqual(['tidy-tickets']);
    expect(root.querySelector('[data-testid="custom-helpdesk-acme-chatwoot"]')).toBeNull();
  });

  it('keeps the list as it was and says so when saving fails', async () => {
    const { root, state } = mount([descriptor(CHATWOOT_INPUT)], {
      onSave: async () => {
        throw new Error('storage is full');
      },
    });
    await click(button(root.querySelector('[data-testid="custom-helpdesk-acme-chatwoot"]')!, 'Delete'));
    expect(state.helpdesks.value.map((h) => h.id)).toEqual(['acme-chatwoot']);
    expect(root.querySelector('[data-testid="custom-helpdesks-save-result"]')?.textContent).toBe('Could not save: storage is full');
  });
});
