import { describe, expect, it } from 'vitest';
import { detectFormality } from '@/services/checks/formality/detect-formality';
import { formalRewrite } from '@/services/checks/formality/formal-rewrite';

function rewrite(text: string, lang: string) {
  const informal = detectFormality(text, lang).details.filter((d) => d.register === 'informal');
  return formalRewrite(text, lang, informal);
}

describe('formalRewrite', () => {
  it('rewrites German pronouns, possessives and the verb next to "du"', () => {
    expect(rewrite('Hast du die Mail bekommen? Dein Paket kommt morgen.', 'de')).toEqual({
      replacements: [{ from: 'du', to: 'Sie' }, { from: 'Dein', to: 'Ihr' }],
      text: 'Haben Sie die Mail bekommen? Ihr Paket kommt morgen.',
    });
    expect(rewrite('Du kannst die Rücksendung online anmelden.', 'de').text).toBe('Sie können die Rücksendung online anmelden.');
    expect(rewrite('Wir schicken dir gleich Ersatz.', 'de').text).toBe('Wir schicken Ihnen gleich Ersatz.');
  });

  it('rewrites French tu/t’/ton with the verb', () => {
    expect(rewrite("Tu peux m'envoyer une photo ? Je t'ai renvoyé le lien.", 'fr').text).toBe("Vous pouvez m'envoyer une photo ? Je vous ai renvoyé le lien.");
    expect(rewrite('As-tu reçu ton colis ?', 'fr').text).toBe('Avez-vous reçu votre colis ?');
  });

  it('lists replacements but offers no text where the verbs or a reflexive cannot be done mechanically', () => {
    expect(rewrite('Melde dich, wenn du Fragen hast.', 'de').text).toBeNull();
    expect(rewrite('Gib mir kurz Bescheid.', 'de')).toEqual({ replacements: [], text: null });
    expect(rewrite('¿Puedes confirmar tu dirección?', 'es')).toEqual({ replacements: [{ from: 'tu', to: 'su' }], text: null });
  });
});
