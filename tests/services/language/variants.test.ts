import { describe, expect, it } from 'vitest';
import {
  decideVariant,
  detectVariant,
  findVariantMarkers,
  variantFromCountry,
  variantFromLocale,
  type VariantTag,
} from '@/services/language/variants';
import type { SupportedLanguage } from '@/services/language/supported-languages';

/** [language, expected variant, customer text, a marker that must be reported]. */
const MARKED: ReadonlyArray<[SupportedLanguage, VariantTag, string, string]> = [
  ['pt', 'pt-BR', 'Oi, você pode verificar meu pedido?', 'você'],
  ['pt', 'pt-BR', 'Estou esperando a entrega faz uma semana', 'estou esperando'],
  ['pt', 'pt-BR', 'Perdi o ônibus e não consegui buscar no correio', 'ônibus'],
  ['pt', 'pt-BR', 'A tela do celular chegou quebrada', 'celular'],
  ['pt', 'pt-BR', 'Comprei a passagem de trem pelo site', 'trem'],
  ['pt', 'pt-PT', 'O estafeta está a fazer a entrega na morada errada', 'está a fazer'],
  ['pt', 'pt-PT', 'Podes confirmar se estás em casa amanhã?', 'estás'],
  ['pt', 'pt-PT', 'Perdi o autocarro e não consegui levantar a encomenda', 'autocarro'],
  ['pt', 'pt-PT', 'O ecrã do telemóvel chegou partido', 'telemóvel'],
  ['pt', 'pt-PT', 'Comprei bilhetes de comboio e o pequeno-almoço não estava incluído', 'pequeno-almoço'],
  ['es', 'es-419', '¿Ustedes me pueden ayudar? Mi celular no prende', 'celular'],
  ['es', 'es-419', 'La computadora llegó sin cargador', 'computadora'],
  ['es', 'es-419', 'Quiero platicar con alguien, ahorita estoy libre', 'ahorita'],
  ['es', 'es-419', 'Renté un carro y tiene una llanta ponchada', 'carro'],
  ['es', 'es-ES', '¿Vosotros hacéis envíos a Canarias?', 'vosotros'],
  ['es', 'es-ES', 'Os escribo porque el pedido no ha llegado', 'os'],
  ['es', 'es-ES', 'Vale, gracias. Espero entonces', 'vale'],
  ['es', 'es-ES', 'El ordenador y el móvil llegaron rotos', 'ordenador'],
  ['es', 'es-ES', 'Tengo el coche en el taller', 'coche'],
  ['fr', 'fr-CA', 'Je vous ai envoyé un courriel hier', 'courriel'],
  ['fr', 'fr-CA', "J'ai magasiné sur votre site en fin de semaine", 'fin de semaine'],
  ['fr', 'fr-CA', 'Mon cellulaire ne charge plus', 'cellulaire'],
  ['fr', 'fr-CA', 'Je vais repasser tantôt avec mon char', 'char'],
  ['fr', 'fr-CA', "Je l'ai acheté au dépanneur", 'dépanneur'],
  ['fr', 'fr-FR', 'Je vous ai envoyé un mail la semaine dernière', 'mail'],
  ['fr', 'fr-FR', 'Vous livrez le week-end ?', 'week-end'],
  ['fr', 'fr-FR', 'Mon portable ne s’allume plus', 'portable'],
  ['en', 'en-GB', 'The colour is nothing like the photo', 'colour'],
  ['en', 'en-GB', 'My parcel went to the wrong postcode', 'postcode'],
  ['en', 'en-GB', 'Can you text my mobile instead? Cheers', 'cheers'],
  ['en', 'en-GB', 'I tried to organise a return', 'organise'],
  ['en', 'en-US', 'The color is nothing like the picture', 'color'],
  ['en', 'en-US', 'My package went to the wrong zip code', 'zip code'],
  ['en', 'en-US', 'Can you text my cell phone instead?', 'cell phone'],
  ['en', 'en-US', 'I tried to organize a return', 'organize'],
];

describe('detectVariant: evidence per pair', () => {
  it.each(MARKED)('%s: finds %s in "%s"', (language, variant, text, marker) => {
    const detection = detectVariant(text, language);
    expect(detection.variant).toBe(variant);
    expect(detection.markers).toContain(marker);
  });

  it('tells zh-Hans from zh-Hant by characters', () => {
    expect(detectVariant('你好，我的订单还没有收到，请帮我查一下', 'zh')).toMatchObject({ variant: 'zh-Hans' });
    expect(detectVariant('您好，我的訂單還沒有收到，請幫我查一下', 'zh')).toMatchObject({ variant: 'zh-Hant' });
    // 裡 alone: its simplified form 里 is also a Traditional character, so only 裡 is evidence.
    expect(detectVariant('在家裡', 'zh')).toEqual({ variant: 'zh-Hant', markers: ['裡'] });
    // Characters both scripts share are no evidence.
    expect(detectVariant('好的，可以', 'zh')).toEqual({ variant: null, markers: [] });
  });

  it('reports markers as the customer wrote them, once each', () => {
    expect(detectVariant('VOCÊ, você e Você', 'pt')).toEqual({ variant: 'pt-BR', markers: ['você'] });
  });

  it('counts one expression once when several markers overlap in it', () => {
    expect(findVariantMarkers('Please text my cell phone', 'en')).toEqual([{ variant: 'en-US', marker: 'cell phone', weight: 2 }]);
    expect(findVariantMarkers('Estás a ver a mensagem?', 'pt')).toEqual([{ variant: 'pt-PT', marker: 'estás a ver', weight: 2 }]);
  });
});

describe('detectVariant: matching', () => {
  it('matches whole words only', () => {
    expect(detectVariant('Um caso extremo, um pixel morto e uma cepa', 'pt').variant).toBeNull(); // trem, pix, cep
    expect(detectVariant('Nosotros pedimos dos cosas', 'es').variant).toBeNull(); // os
    expect(detectVariant('Colorado is lovely', 'en').variant).toBeNull(); // color
  });

  it('ignores case and missing accents where the accent is not the evidence', () => {
    expect(detectVariant('voce pode me ajudar', 'pt').variant).toBe('pt-BR');
    expect(detectVariant('O TELEMOVEL nao liga', 'pt').variant).toBe('pt-PT');
    expect(detectVariant('mi MOVIL no funciona', 'es').variant).toBe('es-ES');
  });

  it('keeps accents where they are the evidence (Brazil ê/ô, Portugal é/ó before m/n)', () => {
    expect(detectVariant('O tênis veio com defeito e o bônus não apareceu', 'pt')).toMatchObject({ variant: 'pt-BR' });
    expect(detectVariant('Os ténis vieram com defeito e o bónus não apareceu', 'pt')).toMatchObject({ variant: 'pt-PT' });
    // "também", "parabéns", "têm" are written the same in both countries.
    expect(detectVariant('Também têm parabéns', 'pt').variant).toBeNull();
  });

  it('is not fooled by look-alikes in context', () => {
    expect(detectVariant('Comprei produtos de beleza', 'pt').variant).toBeNull();
    expect(detectVariant('¿Cuánto vale el envío?', 'es').variant).toBeNull();
    expect(detectVariant('Ya les mandé dos correos', 'es').variant).toBeNull(); // e-mails, not the Spanish post
    expect(detectVariant('Tant pis, je recommande', 'fr').variant).toBeNull();
    expect(detectVariant('Mon ordinateur portable est cassé', 'fr').variant).toBeNull();
    expect(detectVariant('Veja https://loja.example.com/celular ou escreva para celular@example.com', 'pt').variant).toBeNull();
  });

  it('gives no variant without a marker, for conflicting markers, and for languages without variants', () => {
    expect(detectVariant('Olá, o meu pedido ainda não chegou', 'pt')).toEqual({ variant: null, markers: [] });
    const conflict = detectVariant('O celular e o telemóvel', 'pt');
    expect(conflict.variant).toBeNull();
    expect(conflict.markers.sort()).toEqual(['celular', 'telemóvel']);
    expect(detectVariant('Meine Bestellung ist nicht angekommen', 'de')).toEqual({ variant: null, markers: [] });
  });

  it('weighs markers: one strong marker outweighs one weak one, equal evidence is a conflict', () => {
    expect(findVariantMarkers('você e o telemóvel', 'pt').map((m) => [m.variant, m.weight])).toEqual([
      ['pt-BR', 1],
      ['pt-PT', 2],
    ]);
    expect(detectVariant('você e o telemóvel', 'pt').variant).toBe('pt-PT');
    expect(decideVariant('pt', { 'pt-BR': 2, 'pt-PT': 2 })).toBeNull();
    expect(decideVariant('pt', { 'pt-BR': 3, 'pt-PT': 2 })).toBeNull();
    expect(decideVariant('pt', { 'pt-BR': 4, 'pt-PT': 2 })).toBe('pt-BR');
  });
});

describe('variant hints', () => {
  it('reads locales in the usual spellings', () => {
    expect(variantFromLocale('pt-BR')).toBe('pt-BR');
    expect(variantFromLocale('pt_pt')).toBe('pt-PT');
    expect(variantFromLocale('es-MX')).toBe('es-419');
    expect(variantFromLocale('es-419')).toBe('es-419');
    expect(variantFromLocale('zh-TW')).toBe('zh-Hant');
    expect(variantFromLocale('zh-Hans-SG')).toBe('zh-Hans');
    expect(variantFromLocale('fr-CA')).toBe('fr-CA');
  });

  it('gives no variant for a bare language, another region or nonsense', () => {
    expect(variantFromLocale('pt')).toBeNull();
    expect(variantFromLocale('zh')).toBeNull(); // not assumed Simplified
    expect(variantFromLocale('fr-BE')).toBeNull();
    expect(variantFromLocale('en-AU')).toBeNull();
    expect(variantFromLocale('pt-BR', 'es')).toBeNull(); // a Portuguese locale says nothing about Spanish
    expect(variantFromLocale('not a locale!')).toBeNull();
  });

  it('maps countries per language', () => {
    expect(variantFromCountry('pt', 'BR')).toBe('pt-BR');
    expect(variantFromCountry('pt', 'ao')).toBe('pt-PT');
    expect(variantFromCountry('es', 'AR')).toBe('es-419');
    expect(variantFromCountry('es', 'US')).toBe('es-419');
    expect(variantFromCountry('fr', 'CA')).toBe('fr-CA');
    expect(variantFromCountry('en', 'CA')).toBeNull();
    expect(variantFromCountry('zh', 'HK')).toBe('zh-Hant');
    expect(variantFromCountry('de', 'DE')).toBeNull();
  });
});
