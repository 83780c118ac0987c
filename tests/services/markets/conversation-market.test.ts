import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversationLanguageFromMessages, overrideLanguage } from '@/services/language/conversation-state';
import { checkReply, marketOfConversation, promptGuidance } from '@/services/markets/conversation-market';
import { createStarterRuleSet } from '@/services/markets/starter-markets';
import { ParleyDatabase } from '@/services/storage/database';

const KEY = 'zendesk:h:1';
const rules = async () => ({ ruleSet: createStarterRuleSet(), managedIds: [], warnings: [] });

describe('the market of a conversation', () => {
  let db: ParleyDatabase;
  beforeEach(async () => {
    db = new ParleyDatabase(`test-${Math.random()}`);
    await db.conversations.put({
      key: KEY,
      helpdesk: 'zendesk',
      host: 'h',
      conversationId: '1',
      language: conversationLanguageFromMessages(['Oi, tudo bem? Vocês entregam no sábado?']),
      updatedAt: 1,
    });
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it("follows the conversation's variant and the agent's override", async () => {
    expect((await marketOfConversation(db, KEY, rules)).market?.id).toBe('pt-BR');
    const conversation = (await db.conversations.get(KEY))!;
    await db.conversations.put({ ...conversation, language: overrideLanguage(conversation.language!, 'pt-PT') });
    expect((await marketOfConversation(db, KEY, rules)).market?.id).toBe('pt-PT');
    expect((await marketOfConversation(db, 'zendesk:h:unknown', rules)).market).toBeNull();
  });

  it('gives prompt lines with a fingerprint that changes with the rules that shaped them', async () => {
    const before = await promptGuidance(db, KEY, 'outbound-translation', rules);
    expect(before.lines.length).toBeGreaterThan(0);
    const changed = async () => {
      const ruleSet = createStarterRuleSet();
      ruleSet.profiles.find((p) => p.id === 'pt-BR')!.rules.guidance.text = 'Sempre trate o cliente por "você".';
      return { ruleSet, managedIds: [], warnings: [] };
    };
    const after = await promptGuidance(db, KEY, 'outbound-translation', changed);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.lines.join('\n')).toContain('Sempre trate o cliente por "você".');
  });

  it('checks a reply against the market: a changed amount blocks, a faithful one passes', async () => {
    const source = { text: 'Your refund of R$ 49,90 is on its way.', language: 'en' };
    const changed = await checkReply(db, KEY, { text: 'Seu reembolso de R$ 94,90 está a caminho.', source }, rules);
    expect(changed).toMatchObject({ marketId: 'pt-BR', status: 'block' });
    expect(changed.results.find((r) => r.status === 'block')?.message).toContain('94,90');
    const faithful = await checkReply(db, KEY, { text: 'Seu reembolso de R$ 49,90 está a caminho.', source }, rules);
    expect(faithful.status).toBe('pass');
  });
});
