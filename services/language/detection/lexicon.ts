import type { SupportedLanguage } from '../supported-languages';

/**
 * Words that point to a language in short support messages: the most frequent function words,
 * greetings and courtesy words, and the vocabulary of orders, delivery, payment and returns.
 * Written from general knowledge of each language (not from the evaluation messages), with the
 * chat spellings customers use ("pls", "vc", "gimana"). Accent-free spellings are added
 * automatically (see `ACCENT_FREE`), since customers often type without accents.
 *
 * A word listed for several languages counts for each of them, split evenly: "no" says little,
 * "não" says Portuguese. Keep each list to words a speaker of that language would actually write.
 */
const WORDS: Partial<Record<SupportedLanguage, string>> = {
  en: `the a an and or but not no yes is are was were be been have has had do does did don't didn't doesn't isn't
    wasn't can't cannot won't i i'm i've me my mine you your it it's its this that there they their we our he she
    what where when why how who which with without for from of to in on at by about after before still yet already
    again just only please pls plz thanks thank thx hello hi hey dear sir madam ok okay sure sorry any anyone some
    someone nothing something would could should will can need want get got received receive arrived arrive sent
    send order orders ordered package parcel delivery delivered shipping shipped ship tracking track number refund
    return returned exchange cancel cancelled canceled payment paid pay charged charge card account address invoice
    receipt size color colour wrong broken damaged missing item items box label help issue problem question quick
    reply answer support customer service week weeks days day today tomorrow yesterday morning afternoon evening
    still waiting wait late long much many more than then also too very so if as discount code price subscription
    email confirmation working work works doesnt didnt dont cant isnt wont its im ive youre`,
  es: `el la los las un una unos unas y o pero no sí si es son está están estoy fue ser estar hay tengo tiene tienen
    he ha han me mi mis tu tus su sus yo usted ustedes nosotros que qué cuál cuando cuándo donde dónde como cómo por
    porque por qué para con sin de del al en sobre hasta desde ya todavía aún también muy más menos mucho muchas
    muchos gracias hola buenas buenos días tardes noches favor porfa saludos disculpe perdón perdon vale claro
    alguien nada algo puedo pueden puede quiero quisiera necesito llegó llega llegado recibí recibido enviado envío
    envio pedido pedí pedidos compra compré paquete entrega entregado seguimiento número devolver devolución
    reembolso cambiar cancelar pago pagué pagar cobraron cobro tarjeta cuenta dirección factura talla color roto
    equivocado falta ayuda problema pregunta semana semanas hoy mañana ayer dinero precio descuento código correo
    confirmación funciona sirve ese esta este eso esto aquí allí tengan tienen sigo sigue nunca siempre cuanto cuánto`,
  pt: `o a os as um uma uns umas e ou mas não nao sim é são está estão estou foi ser estar tem têm tenho há eu me meu
    minha meus minhas você vocês voce voces vc vcs seu sua ele ela nós que quê qual quando onde como porque por que
    pra para com sem de do da dos das no na nos nas em ao à até desde já ainda também muito mais menos obrigado
    obrigada olá oi bom boa dia tarde noite favor pfv por favor desculpa desculpe tudo beleza valeu alguém nada algo
    posso podem pode quero queria preciso chegou chega chegar recebi recebido enviado envio pedido pedi pedidos compra
    comprei encomenda pacote entrega entregue rastreio rastreamento código número devolver devolução reembolso trocar
    troca cancelar pagamento paguei pagar cobrado cobraram cartão conta endereço nota fiscal tamanho cor quebrado
    errado errada falta ajuda problema dúvida semana semanas hoje amanhã ontem dinheiro preço desconto cupom frete
    confirmação funciona esse essa este esta isso isto aqui lá cadê continua nunca sempre quanto fiz faz vou vai
    agora depois estou aguardo aguardando`,
  fr: `le la les l' un une des et ou mais ne pas non oui si est sont suis ai as a avons avez ont été être avoir c'est
    j'ai je j' me m' moi mon ma mes tu te t' toi ton ta tes vous votre vos il elle on nous notre nos ils leur que qu'
    quoi quel quelle quand où comment pourquoi pour par avec sans de d' du au aux en dans sur chez jusqu'à depuis déjà
    encore toujours aussi très plus moins beaucoup merci bonjour bonsoir salut madame monsieur svp stp s'il plaît
    désolé pardon d'accord quelqu'un rien quelque chose peux peut pouvez veux voudrais voulais besoin arrivé arrivée
    reçu reçue recu envoyé envoyée envoi commande commandé commandes achat colis livraison livré livrée suivi numéro
    retourner retour rembourser remboursement échanger annuler paiement payé payer débité carte compte adresse facture
    taille couleur cassé cassée mauvais mauvaise manque aide souci problème question semaine semaines aujourd'hui
    demain hier argent prix réduction code promo mail confirmation marche fonctionne ça cela ce cet cette ici là
    n' y est-ce`,
  de: `der die das den dem des ein eine einen einem einer und oder aber nicht kein keine keinen ja nein ist sind war
    waren bin bist sein habe hast hat haben hatte hab ich mich mir mein meine meinen meinem meiner du dich dir dein
    sie ihr ihnen ihre wir uns unser er es man was wo wann warum wieso weshalb wie wer welche mit ohne für von zu zum
    zur in im am an auf bei nach vor seit bis über noch schon immer auch sehr mehr weniger viel danke dank bitte
    hallo guten tag morgen abend grüße gruß liebe entschuldigung sorry okay jemand nichts etwas kann könnt können
    könnten möchte möchten will brauche angekommen bekommen erhalten geschickt versendet versand bestellung bestellt
    bestellungen kauf gekauft paket lieferung geliefert zugestellt sendungsnummer sendung nummer zurückschicken
    zurückgeben rücksendung rückerstattung erstattung umtauschen tauschen stornieren zahlung bezahlt bezahlen zahlen
    abgebucht karte konto adresse lieferadresse rechnung größe farbe kaputt beschädigt falsch falsche fehlt hilfe
    problem frage woche wochen heute gestern geld preis rabatt gutschein gutscheincode code mail bestätigung
    funktioniert geht gehts das dass hier da dort wäre würde hätte leider endlich warte warten`,
  it: `il lo la i gli le un uno una e o ma non sì si è sono sei era essere ho hai ha abbiamo avete hanno avere io mi
    me mio mia miei mie tu ti tuo tua lei lui voi vostro noi ci che cosa quale quando dove dov' come perché perche per
    con senza di del della dei delle da dal dalla in nel nella su sul sulla a al alla fino già ancora anche molto più
    meno tanto grazie ciao salve buongiorno buonasera sera favore prego scusate scusa scusi va bene qualcuno niente
    nulla qualcosa posso potete può voglio vorrei ho bisogno arrivato arrivata arrivati ricevuto ricevuta inviato
    spedito spedizione ordine ordinato ordini acquisto pacco consegna consegnato tracciamento numero restituire reso
    rimborso cambiare annullare pagamento pagato pagare addebitato carta conto account indirizzo fattura taglia colore
    rotto rotta sbagliato sbagliata manca aiuto problema domanda settimana settimane oggi domani ieri soldi prezzo
    sconto codice mail conferma funziona questo questa quello qui lì xke xché cmq ke`,
  nl: `de het een en of maar niet geen ja nee is zijn was waren ben bent heb hebt heeft hebben had ik mij me mijn mn
    jij je jou jouw u uw jullie wij we ons onze hij zij ze het wat waar wanneer waarom hoe wie welke met zonder voor
    van naar in op aan bij uit over tot sinds al nog steeds ook heel erg meer minder veel bedankt dank dankjewel
    dankuwel hallo hoi goedemorgen goedemiddag goedenavond groeten alstublieft alsjeblieft aub graag sorry oké oke
    iemand niks niets iets kan kunnen kun wil wilt willen zou moet nodig aangekomen ontvangen gekregen verstuurd
    verzonden verzending bestelling besteld bestellingen aankoop gekocht pakket pakketje levering bezorgd bezorging
    track trace nummer terugsturen retour retourneren terugbetaling geld terug ruilen annuleren betaling betaald
    betalen afgeschreven kaart rekening account adres factuur maat kleur kapot beschadigd verkeerd verkeerde ontbreekt
    hulp probleem vraag vraagje week weken vandaag morgen gisteren prijs korting kortingscode code mail bevestiging
    werkt doet dit dat deze die hier daar even toch wel`,
  pl: `i a w z na do od po za że ze nie tak jest są był była było być mam masz ma mamy macie mają ja mi mnie mój moja
    moje mojego mojej ty ci twój pan pani państwo wy my nas on ona ono oni co gdzie kiedy dlaczego czemu jak kto który
    która czy dla bez przez przy o u już jeszcze też bardzo więcej mniej dużo dziękuję dzięki dziekuje dzieki cześć
    witam dzień dobry dobry wieczór pozdrawiam proszę prosze przepraszam ok okej ktoś nic coś mogę możecie może chcę
    chce chciałbym chciałabym potrzebuję potrzebuje doszło dotarła dotarło przyszedł przyszła przyszło otrzymałem
    otrzymałam dostałem dostałam wysłane wysyłka wysłać zamówienie zamówiłem zamówiłam zamówienia zakup kupiłem paczka
    paczki przesyłka przesyłki dostawa dostarczona numer zwrot zwrócić zwrotu wymienić anulować płatność zapłaciłem
    zapłaciłam zapłacić płacić karta konto adres faktura fakturę rozmiar kolor uszkodzony uszkodzona zły zła zły brakuje
    pomoc pomóc problem pytanie tydzień tygodnie dzisiaj dziś jutro wczoraj pieniądze cena rabat kod mail
    potwierdzenie działa dalej nadal ten ta to tu tam się jeszcze`,
  tr: `ve veya ama fakat değil yok var evet hayır bu şu o bir ben beni bana benim sen sana senin siz size sizin biz
    bizim onlar ne nerede nereye neden niye niçin nasıl kim hangi ile için gibi kadar sonra önce daha hala hâlâ henüz
    zaten çok az teşekkürler teşekkür ederim sağol sağolun merhaba selam günaydın iyi akşamlar günler lütfen rica
    özür dilerim pardon tamam biri hiç bir şey şey mi mı mu mü misiniz mısınız miyim musunuz edebilir edebilirim
    istiyorum isterim lazım gerek geldi gelmedi gelir aldım almadım ulaştı gönderildi gönderin gönderdim kargo kargom
    kargoya sipariş siparişim siparişimi siparişler satın aldığım paket teslimat teslim takip numara numarası iade
    para ücret değiştirmek değişim iptal ödeme ödedim ödemek kart kartım hesap hesabım adres adresi fatura beden
    numara renk kırık hasarlı yanlış eksik yardım sorun soru hafta gün bugün yarın dün fiyat indirim kod kodu mail
    onay çalışmıyor çalışıyor olmuyor oldu burada orada artık`,
  vi: `và hoặc nhưng không ko k có là được đã đang sẽ chưa rồi của tôi mình em anh chị bạn shop ạ ơi nhé nha với cho
    để từ trong ở trên khi nào đâu sao tại vì thế nào gì ai bao nhiêu lâu vẫn còn cũng rất nhiều hơn cảm ơn cám ơn
    xin chào chào lỗi vui lòng giúp hỏi muốn cần nhận giao hàng đơn đặt mua gói kiện vận chuyển mã số trả lại hoàn
    tiền đổi hủy thanh toán trả thẻ tài khoản địa chỉ hóa đơn size màu bị hỏng vỡ sai thiếu vấn đề tuần ngày hôm nay
    mai qua giá giảm email xác nhận này kia đây đó mấy thì mà nữa luôn vậy ok`,
  id: `dan atau tapi tetapi tidak gak nggak enggak ga bukan ya iya ada adalah sudah udah belum sedang akan saya aku
    gue kamu anda kak kakak gan sis bang kami kita dia mereka apa dimana di mana kapan kenapa mengapa bagaimana gimana
    siapa yang dengan tanpa untuk dari ke pada dalam sampai masih juga sangat banyak lebih kurang terima kasih makasih
    trims halo hai selamat pagi siang sore malam tolong mohon minta maaf oke sip seseorang apa-apa sesuatu bisa
    boleh mau ingin perlu butuh sampai datang diterima terima dikirim kirim pengiriman pesanan pesan memesan beli
    pembelian barang paket kurir resi nomor retur kembalikan dikembalikan pengembalian dana refund tukar batal
    batalkan pembayaran bayar dibayar terpotong kartu akun alamat invoice faktur ukuran warna rusak salah kurang
    bantu bantuan masalah tanya pertanyaan minggu hari ini besok kemarin uang harga diskon promo kode email
    konfirmasi ini itu sini situ dong deh sih kok nya aja saja`,
  sv: `och eller men inte ingen inget inga ja nej är var vara har hade ha jag mig min mitt mina du dig din ditt ni er
    ert era vi oss vår han hon den det de dem vad var när varför hur vem vilken med utan för från till i på av om
    efter innan sedan redan fortfarande också mycket mer mindre tack tusen hej hejsan god morgon kväll hälsningar
    snälla ursäkta förlåt okej någon något ingenting kan kunna vill skulle behöver kommit fått fick skickat skickade
    skicka leverans levererad levererat beställning beställde beställt beställningar köp köpte paket paketet
    spårningsnummer spårning nummer returnera retur återbetalning pengarna tillbaka byta avbryta betalning betalade
    betala dragit kort konto adress faktura storlek färg trasig skadad fel saknas hjälp problem fråga vecka veckor
    idag imorgon igår pengar pris rabatt rabattkod kod mejl mail bekräftelse fungerar funkar den här där`,
  ru: `и или но не нет да это был была было были быть есть у меня мне мой моя моё мое мои ты вы вам ваш ваша мы
    нам наш он она они что где куда когда почему зачем как кто какой с со без для от до по за в во на о об из уже
    ещё еще тоже очень больше меньше много спасибо здравствуйте привет добрый день вечер пожалуйста извините
    простите хорошо ок кто-нибудь ничего что-то могу можете можно хочу нужно нужен нужна пришел пришёл пришла пришло
    получил получила отправили отправить доставка доставки доставлено заказ заказа заказал заказала посылка посылку
    посылки трек номер вернуть возврат обменять отменить оплата оплатил оплатить списали карта картой аккаунт
    адрес счет счёт размер цвет сломан сломанный не тот нет помогите помощь проблема вопрос неделю недели сегодня
    завтра вчера деньги цена скидка промокод письмо подтверждение работает все всё ещё жду`,
  uk: `і й або але не ні так це був була було були бути є у в мене мені мій моя моє мої ти ви вам ваш ваша ми нам
    наш він вона вони що де куди коли чому навіщо як хто який з із зі без для від до по за на про вже ще теж також
    дуже більше менше багато дякую дякуємо вітаю привіт добрий день вечір будь ласка вибачте перепрошую добре ок
    хтось нічого щось можу можете можна хочу треба потрібно потрібен прийшов прийшла прийшло отримав отримала
    надіслали надіслати відправили доставка доставки доставлено замовлення замовив замовила посилка посилку посилки
    трек номер повернути повернення обміняти скасувати оплата оплатив оплатити зняли картка карткою акаунт адреса
    адресу рахунок розмір колір зламаний зламаний не той немає допоможіть допомога проблема питання тиждень тижні
    сьогодні завтра вчора гроші ціна знижка промокод лист підтвердження працює все досі чекаю`,
};

/** Accent-free spelling, as typed on a keyboard without the language's layout. */
export function accentFree(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .normalize('NFC');
}

let lexicon: Map<string, SupportedLanguage[]> | null = null;

/** Word → languages it belongs to (listed or accent-free spelling); built on first use. */
function loadLexicon(): Map<string, SupportedLanguage[]> {
  if (lexicon) return lexicon;
  lexicon = new Map();
  for (const [language, list] of Object.entries(WORDS) as Array<[SupportedLanguage, string]>) {
    for (const listed of list.split(/\s+/).filter((word) => word !== '')) {
      for (const spelling of new Set([listed.normalize('NFC'), accentFree(listed)])) {
        const languages = lexicon.get(spelling) ?? [];
        if (!languages.includes(language)) languages.push(language);
        lexicon.set(spelling, languages);
      }
    }
  }
  return lexicon;
}

/** Words of a text for the lexicon: lower case, apostrophes kept inside words ("don't", "l'adresse"). */
export function lexiconTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .split(/[^\p{L}\p{M}'-]+/u)
    .map((token) => token.replace(/^['-]+|['-]+$/g, ''))
    .filter((token) => token !== '');
}

/**
 * Lexicon evidence per language: each known word adds 1 / (number of candidate languages listing
 * it) to each of them. A word with an apostrophe counts whole when listed ("don't", "c'est"), else by its parts
 * ("l'" + "adresse").
 */
export function lexiconScores(tokens: readonly string[], languages: readonly SupportedLanguage[]): Map<SupportedLanguage, number> {
  const words = loadLexicon();
  const scores = new Map<SupportedLanguage, number>(languages.map((language) => [language, 0]));
  const add = (word: string) => {
    const owners = words.get(word)?.filter((owner) => scores.has(owner));
    if (!owners) return false;
    for (const owner of owners) scores.set(owner, scores.get(owner)! + 1 / owners.length);
    return true;
  };
  for (const token of tokens) {
    if (add(token)) continue;
    const apostrophe = token.indexOf("'");
    if (apostrophe > 0) {
      add(token.slice(0, apostrophe + 1));
      add(token.slice(apostrophe + 1));
    }
  }
  return scores;
}
