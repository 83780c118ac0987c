import { describe, expect, it } from 'vitest';
import { findPhrase } from '@/services/checks/find-phrase';
import { checkGlossary, findBannedPhrases, findEmoji, findMissingRequiredPhrases, removeEmoji } from '@/services/checks/rule-checks';

const control = { enabled: true, enforcement: 'block' as const, locked: false };

describe('findPhrase', () => {
  it('finds whole words regardless of case, apostrophes and line breaks; inside unspaced scripts anywhere', () => {
    expect(findPhrase('Pas de Souci, on regarde.', 'pas de souci')?.text).toBe('Pas de Souci');
    expect(findPhrase("C’est parti", "c'est parti")).not.toBeNull();
    expect(findPhrase('garantiert\nmorgen', 'garantiert morgen')).not.toBeNull();
    expect(findPhrase('Sieben Tage', 'Sie')).toBeNull();
    expect(findPhrase('请您耐心等待', '耐心')).not.toBeNull();
    expect(findPhrase('Parley pro', 'Parley Pro', { caseSensitive: true })).toBeNull();
  });
});

describe('emoji', () => {
  it('finds pictographs with their modifiers and text emoticons, not © or ™', () => {
    expect(findEmoji('Merci 👍🏽 ! À bientôt :) © Parley™')).toEqual(['👍🏽', ':)']);
    expect(findEmoji('Ihre Bestellung ist unterwegs.')).toEqual([]);
  });

  it('removes them without disturbing French spacing before "?"', () => {
    expect(removeEmoji("Tu peux m'envoyer une photo ? Je t'ai renvoyé le lien 😉")).toBe("Tu peux m'envoyer une photo ? Je t'ai renvoyé le lien");
    expect(removeEmoji('🎉 Jouw pakket is verzonden 🎉')).toBe('Jouw pakket is verzonden');
  });
});

describe('banned and required phrases', () => {
  const banned = { ...control, phrases: [{ phrase: 'chega amanhã', reason: 'No delivery dates.', instead: 'o prazo estimado é' }, { phrase: 'ahorita', reason: '', instead: null }] };

  it('finds each banned phrase with where it is', () => {
    expect(findBannedPhrases('Seu pedido Chega amanhã!', banned)).toEqual([
      { phrase: 'chega amanhã', reason: 'No delivery dates.', instead: 'o prazo estimado é', match: { start: 11, end: 23, text: 'Chega amanhã' } },
    ]);
    expect(findBannedPhrases('Le enviamos el código hoy.', banned)).toEqual([]);
  });

  it('requires a phrase always, or only when one of its trigger words is mentioned', () => {
    const required = {
      ...control,
      phrases: [
        { phrase: 'Ihr Widerrufsrecht bleibt unberührt.', whenMentioned: ['Rückgabe', 'Widerruf'] },
        { phrase: 'Ihr Team von Beispiel GmbH', whenMentioned: [] },
      ],
    };
    expect(findMissingRequiredPhrases('Danke! Ihr Team von Beispiel GmbH', required)).toEqual([]);
    expect(findMissingRequiredPhrases('Die Rückgabe ist kostenlos. Ihr Team von Beispiel GmbH', required)).toEqual([
      { phrase: 'Ihr Widerrufsrecht bleibt unberührt.', trigger: 'Rückgabe' },
    ]);
    expect(findMissingRequiredPhrases('Danke!', required)).toEqual([{ phrase: 'Ihr Team von Beispiel GmbH', trigger: null }]);
  });
});

describe('checkGlossary', () => {
  const glossary = { ...control, entries: [{ source: 'Parley Pro', target: null }, { source: 'refund', target: 'Erstattung' }] };

  it('passes when kept terms are unchanged and preferred translations used (inflected forms count)', () => {
    expect(checkGlossary('Ihre Erstattungen für Parley Pro sind unterwegs.', 'Your refunds for Parley Pro are on the way.', glossary)).toEqual([]);
  });

  it('reports a kept term that was translated or re-cased, and a preferred translation not used', () => {
    expect(checkGlossary('Ihre Rückzahlung für Parley-Profi ist unterwegs.', 'Your refund for Parley Pro is on the way.', glossary)).toEqual([
      { kind: 'term-not-kept', term: 'Parley Pro' },
      { kind: 'preferred-missing', source: 'refund', target: 'Erstattung' },
    ]);
  });

  it('asks nothing of terms the draft does not contain', () => {
    expect(checkGlossary('Ihr Paket ist unterwegs.', 'Your parcel is on the way.', glossary)).toEqual([]);
  });
});
