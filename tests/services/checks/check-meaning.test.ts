import { describe, expect, it } from 'vitest';
import { checkMeaning, type MeaningInput } from '@/services/checks/meaning/check-meaning';

const check = (sourceLang: string, source: string, targetLang: string, translation: string) =>
  checkMeaning({ sourceLang, source, targetLang, translation } satisfies MeaningInput);
const kinds = (result: ReturnType<typeof check>) => result.issues.map((issue) => issue.kind);

describe('checkMeaning', () => {
  it('accepts the same amount in any locale’s format and any name of its currency', () => {
    expect(check('en', 'The total was €1,299.00.', 'de', 'Die Summe betrug 1.299,00 €.').faithful).toBe(true);
    expect(check('en', 'The total was 1,299.00 EUR.', 'fr', 'Le total était de 1 299,00 euros.').faithful).toBe(true);
    expect(check('en', 'Delivery costs ¥500.', 'ja', '配送料は500円です。').faithful).toBe(true);
    expect(check('en', 'We charged $19.99.', 'es', 'Cobramos 19,99 US$.').faithful).toBe(true);
  });

  it('reports a changed amount and a changed currency with what each side says', () => {
    expect(check('en', 'We refunded €49.90.', 'de', 'Wir haben 4,90 € erstattet.').issues).toEqual([
      expect.objectContaining({ kind: 'amount', expected: '€49.90', found: '4,90 €', message: 'Amount changed: the draft says €49.90, the translation says 4,90 €.' }),
    ]);
    expect(kinds(check('en', 'Delivery costs 50 TRY.', 'tr', "Teslimat ücreti 50 €'dur."))).toEqual(['currency']);
  });

  it('reads numeric dates by the writer’s country: 05/12 is 12 May in the US and 5 December in the UK', () => {
    expect(check('en-US', 'Issued on 05/12.', 'de', 'Ausgestellt am 12.05.').faithful).toBe(true);
    expect(check('en-US', 'Issued on 05/12.', 'de', 'Ausgestellt am 05.12.').issues[0]).toMatchObject({ kind: 'date', expected: '05/12', found: '05.12' });
    expect(check('en-GB', 'Issued on 05/12.', 'de', 'Ausgestellt am 05.12.').faithful).toBe(true);
    expect(check('en', 'It arrives on 12 May 2024.', 'ja', '2024年5月12日に到着します。').faithful).toBe(true);
    expect(kinds(check('en', 'It arrives on 12 May 2024.', 'ko', '2025년 5월 12일에 도착합니다.'))).toEqual(['date']);
  });

  it('compares times across clocks, and a bare hour with a time', () => {
    expect(check('en', 'We open at 8:30 am and close at 5:30 pm.', 'fr', 'Nous ouvrons à 8 h 30 et fermons à 17 h 30.').faithful).toBe(true);
    expect(check('en', 'We never close before 6 pm.', 'it', 'Non chiudiamo mai prima delle 18.').faithful).toBe(true);
    expect(check('en', 'The shop closes at 7 pm.', 'it', 'Il negozio chiude alle 17.').issues).toEqual([
      expect.objectContaining({ kind: 'time', expected: '7 pm', found: '17' }),
    ]);
  });

  it('catches a percentage that changed or became an amount', () => {
    expect(check('en', 'You save 25%.', 'tr', '%25 tasarruf edersiniz.').faithful).toBe(true);
    expect(check('en', 'You save 25%.', 'es', 'Ahorra un 25 por ciento.').faithful).toBe(true);
    expect(check('en', 'You save 25%.', 'es', 'Ahorra 25 euros.').issues).toEqual([expect.objectContaining({ kind: 'percentage', expected: '25%', found: '25 euros' })]);
  });

  it('keeps order ids, codes, URLs, e-mail addresses and placeholders exact', () => {
    expect(check('en', 'Your order #40213 has shipped.', 'es', 'Su pedido n.º 40213 ha sido enviado.').faithful).toBe(true);
    expect(kinds(check('en', 'Your order #40213 has shipped.', 'de', 'Ihre Bestellung #40312 wurde verschickt.'))).toEqual(['order-id']);
    expect(kinds(check('en', 'Code WELCOME15 at https://shop.example/a or help@shop.example', 'de', 'Code WELCOME15 unter https://shop.example/b oder help@shop.example'))).toEqual(['url']);
    expect(kinds(check('en', 'Write to help@shop.example.', 'fr', 'Écrivez-nous.'))).toEqual(['email']);
    expect(kinds(check('en', 'Your code [EMAIL_1] was updated.', 'fr', 'Votre code a été mis à jour.'))).toEqual(['placeholder']);
  });

  it('tolerates small numbers written as words, and "one"/"a" as an article', () => {
    expect(check('en', 'Please send us two photos.', 'de', 'Bitte senden Sie uns 2 Fotos.').faithful).toBe(true);
    expect(check('en', 'Only 1 item is left.', 'de', 'Es ist nur noch ein Artikel übrig.').faithful).toBe(true);
    expect(kinds(check('en', 'Please send us two photos.', 'de', 'Bitte senden Sie uns drei Fotos.'))).toEqual(['number']);
  });

  it('catches a negation lost or added, counting "ne … pas" and "non … mai" once, and ignoring set phrases', () => {
    expect(check('en', 'The item is not in stock.', 'fr', "L'article n'est pas en stock.").faithful).toBe(true);
    expect(check('en', "Don't hesitate to contact us.", 'ja', 'お気軽にお問い合わせください。').faithful).toBe(true);
    expect(check('en', 'We apologise for the inconvenience.', 'zh', '对不起，给您带来不便。').faithful).toBe(true);
    expect(check('en', 'The item is not in stock.', 'fr', "L'article est en stock.").issues).toEqual([
      expect.objectContaining({ kind: 'negation', messageKey: 'meaning.negation-lost', expected: '1', found: '0' }),
    ]);
    expect(kinds(check('en', 'The courier can leave it with a neighbour.', 'zh', '快递员不能把它交给邻居。'))).toEqual(['negation']);
    expect(kinds(check('en', 'Your parcel has been delivered.', 'tr', 'Paketiniz teslim edilmedi.'))).toEqual(['negation']);
  });
});
