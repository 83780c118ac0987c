import { describe, expect, it } from 'vitest';
import { PROBE_SAMPLE_LENGTH, probeCustomHelpdesk } from '@/services/helpdesk/custom/probe';
import { CHATWOOT_INPUT, CHATWOOT_URL, TIDY_INPUT, TIDY_URL, descriptor, loadFixture, unvalidated } from './custom-fixtures';

describe('probeCustomHelpdesk', () => {
  it('reports what a working descriptor found: counts per role, samples, id, composer, the one message left out', () => {
    const doc = loadFixture('chatwoot-like', CHATWOOT_URL);
    const { report, highlights } = probeCustomHelpdesk(descriptor(CHATWOOT_INPUT), doc, CHATWOOT_URL);
    expect(report).toMatchObject({
      helpdeskId: 'acme-chatwoot',
      helpdeskName: 'Acme Chatwoot',
      url: CHATWOOT_URL,
      urlMatches: true,
      conversationId: '118',
      title: 'Lucía Fernández',
      reading: 'conversation',
      messagesMatched: 7,
      messagesRead: 6,
      messagesSkipped: 1,
      roleCounts: { customer: 2, agent: 1, bot: 1, note: 1, system: 1 },
      composer: { found: true, kind: 'prosemirror' },
    });
    expect(report.samples).toHaveLength(5);
    expect(report.samples[1]).toEqual({ role: 'customer', text: 'Hola, mi pedido #5521 no ha llegado. ¿Pueden ayudarme?' });
    // The pending message has no id yet: said, with the attribute, and counted.
    expect(report.problems).toEqual([
      { code: 'message-id-missing', subject: 'data-message-id', count: 1, message: '1 messages have no "data-message-id" attribute' },
    ]);
    // Every matched message is outlined with what it was taken for, and the composer last.
    expect(highlights.map((h) => h.kind)).toEqual(['system', 'customer', 'bot', 'note', 'agent', 'customer', 'skipped', 'composer']);
    expect(highlights[6]!.element.classList.contains('is-pending')).toBe(true);
    expect(highlights[7]!.element.classList.contains('ProseMirror')).toBe(true);
  });

  it('is plain data that survives the trip to the options page', () => {
    const doc = loadFixture('tidy-tickets', TIDY_URL);
    const { report } = probeCustomHelpdesk(descriptor(TIDY_INPUT), doc, TIDY_URL);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report).toMatchObject({ conversationId: 'T-77', messagesRead: 6, roleCounts: { customer: 3, agent: 1, note: 1, system: 1, bot: 0 } });
    expect(report.problems).toEqual([]);
  });

  it('names every wrong part at once: URL, message selector, composer, title', () => {
    const doc = loadFixture('chatwoot-like', CHATWOOT_URL);
    const otherTab = 'https://support.acme-shop.test/settings/profile';
    const { report, highlights } = probeCustomHelpdesk(
      descriptor(CHATWOOT_INPUT, { messageSelector: '.msg', composerSelector: '.editor', titleSelector: '.subject' }),
      doc,
      otherTab,
    );
    expect(report.reading).toBe('no-conversation');
    expect(report.problems.map((p) => [p.code, p.subject])).toEqual([
      ['url-not-matched', otherTab],
      ['conversation-id-not-in-url', '/conversations/(\\d+)'],
      ['no-messages', '.msg'],
      ['title-missing', '.subject'],
      ['no-composer', '.editor'],
    ]);
    expect(report.messagesMatched).toBe(0);
    expect(highlights).toEqual([]);
  });

  it('reads messages even when the conversation id rule is wrong, and reports the id element and role problems', () => {
    const doc = loadFixture('tidy-tickets', TIDY_URL);
    const { report } = probeCustomHelpdesk(
      descriptor(TIDY_INPUT, {
        conversationIdFrom: { source: 'attribute', selector: '#ticket', attribute: 'data-id' },
        roleRules: [{ selector: '.by-customer', role: 'customer' }],
        defaultRole: 'skip',
        textSelector: '.body',
        timeSelector: '.when',
      }),
      doc,
      TIDY_URL,
    );
    expect(report.conversationId).toBeNull();
    expect(report.messagesRead).toBe(3);
    expect(report.problems.map((p) => [p.code, p.subject, p.count])).toEqual([
      ['conversation-id-attribute-empty', 'data-id', undefined],
      ['no-role', '', 3],
      ['time-missing', '.when', undefined],
    ]);
  });

  it('turns a selector the browser refuses into a problem and still reports the rest', () => {
    const doc = loadFixture('chatwoot-like', CHATWOOT_URL);
    const { report } = probeCustomHelpdesk(unvalidated(CHATWOOT_INPUT, { composerSelector: 'div >' }), doc, CHATWOOT_URL);
    expect(report.problems.map((p) => [p.code, p.subject])).toEqual([
      ['message-id-missing', 'data-message-id'],
      ['invalid-selector', 'div >'],
    ]);
    expect(report.messagesRead).toBe(6);
    expect(report.composer).toEqual({ found: false, kind: null });
  });

  it('cuts long samples to one trimmed line', () => {
    const doc = loadFixture('tidy-tickets', TIDY_URL);
    doc.querySelector('.thread .body')!.textContent = `  ${'Lorem ipsum dolor sit amet. '.repeat(20)}  `;
    const { report } = probeCustomHelpdesk(descriptor(TIDY_INPUT), doc, TIDY_URL);
    const sample = report.samples[0]!.text;
    expect(sample).toHaveLength(PROBE_SAMPLE_LENGTH);
    expect(sample.startsWith('Lorem ipsum dolor sit amet. Lorem')).toBe(true);
    expect(sample.endsWith('…')).toBe(true);
  });
});
