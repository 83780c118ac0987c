import { describe, expect, it } from 'vitest';
import { detectFormality } from '@/services/checks/formality/detect-formality';

const formality = (text: string, lang: string) => detectFormality(text, lang).formality;

describe('detectFormality', () => {
  it('German: capitalised Sie/Ihnen/Ihr mid-sentence is formal; at a sentence start it depends on the verb', () => {
    expect(formality('Könnten Sie uns ein Foto schicken?', 'de')).toBe('formal');
    expect(formality('Sie erhalten die Erstattung morgen.', 'de')).toBe('formal');
    expect(formality('Sie wurde gestern verschickt.', 'de')).toBe('neutral');
    expect(formality('Sie hat den Artikel zurückgeschickt.', 'de')).toBe('neutral');
    expect(formality('Die Kollegin meldet sich, sobald sie die Zahlung gefunden hat.', 'de')).toBe('neutral');
    expect(formality('Kannst du mir die Nummer schicken?', 'de')).toBe('informal');
    expect(formality('Habt ihr die Ware zurückgeschickt?', 'de')).toBe('informal');
    expect(formality('Ihr Paket ist unterwegs.', 'de')).toBe('formal');
  });

  it('reports the forms it found, as written, in text order', () => {
    expect(detectFormality('Danke dir für deine Geduld, Sie sind toll.', 'de').evidence).toEqual({ formal: ['Sie'], informal: ['dir', 'deine'] });
  });

  it('a reply mixing both is not formal', () => {
    expect(formality('Vielen Dank für Ihre Nachricht, wir schicken dir Ersatz.', 'de')).toBe('informal');
  });

  it('French: tu/t’/ton against vous; "ton" the noun and the euphonic -t- are not address', () => {
    expect(formality("Je t'ai renvoyé le lien.", 'fr')).toBe('informal');
    expect(formality('Dis-moi si ça marche.', 'fr')).toBe('informal');
    expect(formality("N'hésitez pas à nous recontacter.", 'fr')).toBe('formal');
    expect(formality('Le ton de la réponse était inapproprié.', 'fr')).toBe('neutral');
    expect(formality('Va-t-il arriver avant Noël ?', 'fr')).toBe('neutral');
  });

  it('Spanish: usted and third-person forms are formal; "su" only with the customer’s things', () => {
    expect(formality('¿Podría enviarnos una foto?', 'es')).toBe('formal');
    expect(formality('Le agradecemos su paciencia.', 'es')).toBe('formal');
    expect(formality('¿Puedes confirmarme la dirección?', 'es')).toBe('informal');
    expect(formality('Ya os hemos enviado el reembolso.', 'es')).toBe('informal');
    expect(formality('El paquete puede tardar un día más.', 'es')).toBe('neutral');
  });

  it('Portuguese: "você" is neutral in Brazil, not the polite form in Portugal; "o senhor" formal in both', () => {
    expect(formality('Você pode acompanhar seu pedido pelo app.', 'pt-BR')).toBe('neutral');
    expect(formality('Você pode devolver o artigo em qualquer loja.', 'pt-PT')).toBe('informal');
    expect(formality('O senhor receberá o reembolso amanhã.', 'pt-BR')).toBe('formal');
    expect(formality('Pode acompanhar a sua encomenda no link.', 'pt-PT')).toBe('formal');
    expect(formality('Vou te mandar outra etiqueta.', 'pt-BR')).toBe('informal');
    expect(formality('Podes enviar-me o número?', 'pt')).toBe('informal');
  });

  it('Italian: capitalised Lei/Le/Suo is formal; lower-case "lei" is "she"', () => {
    expect(formality('Grazie per il Suo messaggio.', 'it')).toBe('formal');
    expect(formality('La ringraziamo per la pazienza.', 'it')).toBe('formal');
    expect(formality('La collega dice che lei ha già verificato.', 'it')).toBe('neutral');
    expect(formality('Puoi mandarci una foto?', 'it')).toBe('informal');
  });

  it('Dutch, Polish, Russian, Turkish: the usual pronouns and verb forms, with their traps', () => {
    expect(formality('Kunt u ons een foto sturen?', 'nl')).toBe('formal');
    expect(formality('Heb je de mail ontvangen?', 'nl')).toBe('informal');
    expect(formality('Type U-profiel is weer leverbaar.', 'nl')).toBe('neutral');
    expect(formality('Czy otrzymał Pan e-mail?', 'pl')).toBe('formal');
    expect(formality('Pani z poczty potwierdziła odbiór.', 'pl')).toBe('neutral');
    expect(formality('Ci kurierzy przyjeżdżają po południu.', 'pl')).toBe('neutral');
    expect(formality('Możesz wysłać zdjęcie?', 'pl')).toBe('informal');
    expect(formality('Благодарим Вас за терпение.', 'ru')).toBe('formal');
    expect(formality('Можешь прислать номер заказа?', 'ru')).toBe('informal');
    expect(formality('Siparişiniz yola çıktı.', 'tr')).toBe('formal');
    expect(formality('Kargonu bu linkten takip edebilirsin.', 'tr')).toBe('informal');
    expect(formality('Tedarikçi parçaları henüz göndermedi.', 'tr')).toBe('neutral');
  });

  it('Turkish: "your" as a suffix, the question particle, participles and imperatives; genitives are not "your"', () => {
    expect(formality('Yeni şifreni SMS ile gönderdik.', 'tr')).toBe('informal');
    expect(formality('Kartından çekilen tutar geri yüklenecek.', 'tr')).toBe('informal');
    expect(formality('Ekran görüntüsü atabilir misin?', 'tr')).toBe('informal');
    expect(formality('Aldığın ürün kusurluysa hemen değiştiririz.', 'tr')).toBe('informal');
    expect(formality('Formu bir kez daha doldurman gerekiyor.', 'tr')).toBe('informal');
    expect(formality('Aldığınız ürün kusurluysa değiştiririz.', 'tr')).toBe('formal');
    expect(formality('Sayın Demir, şikayet kaydı oluşturulmuştur.', 'tr')).toBe('formal');
    expect(formality('Lütfen iade formunu eksiksiz doldurun.', 'tr')).toBe('formal');
    expect(formality('Kurye gelmeden paketi açmayın.', 'tr')).toBe('formal');
    expect(formality('Ürünün rengi fotoğraftakinden biraz farklı.', 'tr')).toBe('neutral');
    expect(formality('Paketin üzerindeki etiket yırtılmış.', 'tr')).toBe('neutral');
    expect(formality('Biraz daha zaman gerekiyor.', 'tr')).toBe('neutral');
    expect(detectFormality('Tutarın tamamını size iade ettik.', 'tr').evidence).toEqual({ formal: ['size'], informal: [] });
  });

  it('Korean: nouns and names ending like a casual verb ("의자", "고등어", "한수지") are no verb ending', () => {
    expect(formality('답변 상담사 한수지', 'ko')).toBe('neutral');
    expect(formality('교환 요청 상품: 접이식 캠핑 의자', 'ko')).toBe('neutral');
    expect(formality('주문 상품: 손질 고등어', 'ko')).toBe('neutral');
    expect(formality('신규 가입 마일리지', 'ko')).toBe('neutral');
    expect(formality('응, 그 색상은 지금 없어', 'ko')).toBe('informal');
    expect(formality('배송은 내일 시작할게', 'ko')).toBe('informal');
    expect(formality('포장 상자는 버리지 마.', 'ko')).toBe('informal');
    expect(formality('이 셔츠는 사이즈가 좀 작아.', 'ko')).toBe('informal');
    expect(formality('요청하신 의자는 내일 출고될 예정입니다.', 'ko')).toBe('formal');
  });

  it('Dutch: an opening imperative is casual only with "even"/"maar"', () => {
    expect(formality('Stuur ons even een foto, dan kijken we mee.', 'nl')).toBe('informal');
    expect(formality('Neem contact met ons op.', 'nl')).toBe('neutral');
    expect(formality('Kijk. Even geduld.', 'nl')).toBe('neutral');
  });

  it('Japanese and Korean: polite against plain endings; a line without a predicate is neutral', () => {
    expect(formality('返金手続きは本日完了いたしました。', 'ja')).toBe('formal');
    expect(formality('返金はもう済んでるよ。', 'ja')).toBe('informal');
    expect(formality('【重要】年末年始の配送について', 'ja')).toBe('neutral');
    expect(formality('환불은 오늘 처리되었습니다.', 'ko')).toBe('formal');
    expect(formality('환불은 벌써 끝났어.', 'ko')).toBe('informal');
    expect(formality('배송 현황: 발송 완료', 'ko')).toBe('neutral');
  });

  it('ignores URLs and e-mail addresses, and says when a language has no rules', () => {
    expect(formality('Details: https://shop.example.de/du/dein-konto', 'de')).toBe('neutral');
    expect(detectFormality('Thanks, you are right.', 'en')).toMatchObject({ formality: 'neutral', supported: false });
  });
});
