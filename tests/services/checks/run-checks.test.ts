import { describe, expect, it } from 'vitest';
import { overallStatus, runChecks } from '@/services/checks/run-checks';
import type { MarketProfile } from '@/services/markets/market-profile';
import { createStarterMarkets } from '@/services/markets/starter-markets';

const market = (id: string): MarketProfile => createStarterMarkets().find((m) => m.id === id)!;
const failures = (results: ReturnType<typeof runChecks>) => results.filter((r) => r.status !== 'pass');

describe('runChecks', () => {
  it('blocks an informal German reply in a Sie market, saying which forms, and offers the formal text', () => {
    const results = runChecks(market('de-DE'), { text: 'Kannst du mir bitte die Bestellnummer schicken?' });
    expect(failures(results)).toEqual([
      expect.objectContaining({
        marketId: 'de-DE',
        ruleId: 'formality',
        status: 'block',
        messageKey: 'formality.informal-in-formal',
        message: 'This market uses the formal address, but the reply uses informal forms: "du".',
        evidence: ['du'],
        fix: expect.objectContaining({ replacement: 'Können Sie mir bitte die Bestellnummer schicken?' }),
      }),
    ]);
    expect(overallStatus(results)).toBe('block');
  });

  it('follows each rule’s enforcement, and skips disabled rules entirely', () => {
    const lenient = market('de-DE');
    lenient.rules.formality.enforcement = 'warn';
    expect(overallStatus(runChecks(lenient, { text: 'Danke dir!' }))).toBe('warn');
    lenient.rules.formality.enabled = false;
    expect(runChecks(lenient, { text: 'Danke dir!' }).some((r) => r.ruleId === 'formality')).toBe(false);
  });

  it('passes a clean reply with one pass result per enabled check', () => {
    const results = runChecks(market('de-DE'), {
      text: 'Wir haben Ihnen 1.299,00 € erstattet.',
      source: { text: 'We refunded €1,299.00 to you.', language: 'en' },
    });
    expect(overallStatus(results)).toBe('pass');
    expect(results.map((r) => r.ruleId)).toEqual(['formality', 'emoji', 'bannedPhrases', 'meaning']);
  });

  it('says the meaning check did not run without a draft, and catches a changed amount with one', () => {
    const noDraft = runChecks(market('de-DE'), { text: 'Wir haben Ihnen 1.290,00 € erstattet.' });
    expect(noDraft.find((r) => r.ruleId === 'meaning')).toMatchObject({ status: 'pass', checked: false, messageKey: 'meaning.no-source' });
    const translated = runChecks(market('de-DE'), {
      text: 'Wir haben Ihnen 1.290,00 € erstattet.',
      source: { text: 'We refunded €1,299.00 to you.', language: 'en' },
    });
    expect(failures(translated)).toEqual([
      expect.objectContaining({ ruleId: 'meaning', kind: 'meaning-amount', status: 'block', evidence: ['1.290,00 €'] }),
    ]);
  });

  it('fixes emoji and banned phrases mechanically', () => {
    const results = runChecks(market('fr-FR'), { text: 'Pas de souci, votre colis part demain 😉' });
    const emoji = results.find((r) => r.kind === 'emoji')!;
    const banned = results.find((r) => r.kind === 'banned-phrase')!;
    expect(emoji).toMatchObject({ status: 'block', fix: { replacement: 'Pas de souci, votre colis part demain' } });
    expect(banned).toMatchObject({ status: 'block', fix: { replacement: 'avec plaisir, votre colis part demain 😉' } });
  });

  it('adds a missing required phrase and checks glossary terms against the draft', () => {
    const germany = market('de-DE');
    germany.rules.requiredPhrases = { enabled: true, enforcement: 'warn', locked: true, phrases: [{ phrase: 'Ihr Widerrufsrecht bleibt unberührt.', whenMentioned: ['Rückgabe'] }] };
    germany.rules.glossary.entries = [{ source: 'Parley Pro', target: null }];
    const results = runChecks(germany, {
      text: 'Die Rückgabe von Parley-Profi ist kostenlos.',
      source: { text: 'Returning Parley Pro is free.', language: 'en' },
    });
    expect(results.find((r) => r.kind === 'required-phrase')).toMatchObject({
      status: 'warn',
      fix: { replacement: 'Die Rückgabe von Parley-Profi ist kostenlos.\n\nIhr Widerrufsrecht bleibt unberührt.' },
    });
    expect(results.find((r) => r.kind === 'glossary-term-kept')).toMatchObject({ status: 'warn', params: { term: 'Parley Pro' } });
  });

  it('lets a Brazilian "você" reply pass a formal pt-BR market, and flags "tu"', () => {
    expect(overallStatus(runChecks(market('pt-BR'), { text: 'Você pode acompanhar seu pedido pelo app.' }))).toBe('pass');
    expect(failures(runChecks(market('pt-BR'), { text: 'Tu podes conferir o status no app.' }))[0]).toMatchObject({ ruleId: 'formality', evidence: ['Tu', 'podes'] });
  });

  it('marks formality as not checked in a language without rules', () => {
    const sweden: MarketProfile = { ...market('de-DE'), id: 'sv-SE', language: 'sv', variant: null };
    expect(runChecks(sweden, { text: 'Tack för ditt tålamod!' }).find((r) => r.ruleId === 'formality')).toMatchObject({ status: 'pass', checked: false });
  });
});
