/**
 * Data for the local development/test model server (see README.md): fixed translations of the
 * demo/fixture conversations and a small pool of support replies. Not used by the extension.
 */

/** Exact customer message (trimmed) → its translation, per target language code. */
export const TRANSLATIONS: Record<string, Partial<Record<string, string>>> = {
  // German order that has not arrived (demo conversation 1).
  'Hallo, ich habe meine Bestellung #40213 vor zwei Wochen aufgegeben und sie ist immer noch nicht angekommen.': {
    en: "Hello, I placed my order #40213 two weeks ago and it still hasn't arrived.",
    fr: "Bonjour, j'ai passé ma commande #40213 il y a deux semaines et elle n'est toujours pas arrivée.",
  },
  'Können Sie mir bitte sagen, wann das Paket ankommt? Ich brauche es bis Freitag.': {
    en: 'Could you please tell me when the parcel will arrive? I need it by Friday.',
    fr: "Pourriez-vous me dire quand le colis arrivera, s'il vous plaît ? J'en ai besoin d'ici vendredi.",
  },
  'Vielen Dank! Kann ich die Lieferadresse noch ändern?': {
    en: 'Thank you very much! Can I still change the delivery address?',
    fr: "Merci beaucoup ! Puis-je encore modifier l'adresse de livraison ?",
  },
  // Portuguese order not received (demo conversation 2).
  'Olá, não recebi o meu pedido e já passaram três semanas.': {
    en: "Hello, I haven't received my order and three weeks have already passed.",
    de: 'Hallo, ich habe meine Bestellung nicht erhalten, und es sind schon drei Wochen vergangen.',
    fr: "Bonjour, je n'ai pas reçu ma commande et trois semaines se sont déjà écoulées.",
  },
  'O número é 55781. Obrigado!': {
    en: 'The number is 55781. Thank you!',
    de: 'Die Nummer ist 55781. Danke!',
    fr: 'Le numéro est 55781. Merci !',
  },
  // French damaged parcel.
  "Bonjour, le colis est arrivé endommagé. Je voudrais un remboursement, s'il vous plaît.": {
    en: 'Hello, the parcel arrived damaged. I would like a refund, please.',
    de: 'Hallo, das Paket ist beschädigt angekommen. Ich hätte bitte gern eine Rückerstattung.',
  },
  // Japanese parcel not arrived.
  '荷物がまだ届いていません。いつ届きますか？': {
    en: "My package hasn't arrived yet. When will it arrive?",
    de: 'Mein Paket ist noch nicht angekommen. Wann kommt es an?',
    fr: "Mon colis n'est pas encore arrivé. Quand arrivera-t-il ?",
  },
};

/** Languages every reply below is written in. */
export const REPLY_LANGUAGES = ['en', 'de', 'pt', 'fr', 'es', 'it', 'nl', 'ja'] as const;
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];

/**
 * Generic, polite support replies that promise nothing the conversation does not contain.
 * Each entry is the same reply in every language of REPLY_LANGUAGES (en is the reference).
 */
export const REPLIES: ReadonlyArray<Record<ReplyLanguage, string>> = [
  {
    en: "Thank you for your message! I'm checking the status of your order right now and will get back to you shortly.",
    de: 'Vielen Dank für Ihre Nachricht! Ich prüfe gerade den Status Ihrer Bestellung und melde mich in Kürze bei Ihnen.',
    pt: 'Muito obrigado pela sua mensagem! Estou a verificar agora o estado do seu pedido e volto a contactá-lo em breve.',
    fr: 'Merci pour votre message ! Je vérifie dès maintenant le statut de votre commande et je reviens vers vous très vite.',
    es: '¡Gracias por su mensaje! Estoy comprobando ahora mismo el estado de su pedido y le responderé en breve.',
    it: 'Grazie per il suo messaggio! Sto verificando in questo momento lo stato del suo ordine e le risponderò a breve.',
    nl: 'Bedankt voor uw bericht! Ik controleer nu de status van uw bestelling en neem zo snel mogelijk contact met u op.',
    ja: 'ご連絡ありがとうございます。ただいまご注文の状況を確認しておりますので、まもなくご連絡いたします。',
  },
  {
    en: "I'm sorry for the inconvenience. Could you please confirm your order number so I can look into this for you?",
    de: 'Entschuldigen Sie bitte die Unannehmlichkeiten. Könnten Sie mir Ihre Bestellnummer bestätigen, damit ich der Sache nachgehen kann?',
    pt: 'Lamento o incómodo. Pode confirmar-me o número do seu pedido para que eu possa verificar a situação?',
    fr: 'Je suis désolé pour ce désagrément. Pourriez-vous me confirmer votre numéro de commande afin que je puisse vérifier ?',
    es: 'Lamento las molestias. ¿Podría confirmarme su número de pedido para que pueda revisarlo?',
    it: "Mi scusi per l'inconveniente. Potrebbe confermarmi il numero del suo ordine, così posso verificare?",
    nl: 'Excuses voor het ongemak. Kunt u uw bestelnummer bevestigen, zodat ik dit voor u kan uitzoeken?',
    ja: 'ご不便をおかけして申し訳ございません。お調べいたしますので、ご注文番号をお知らせいただけますでしょうか。',
  },
  {
    en: 'Thank you for your patience. I have forwarded your request to our shipping team and will update you as soon as I hear back.',
    de: 'Vielen Dank für Ihre Geduld. Ich habe Ihre Anfrage an unser Versandteam weitergeleitet und melde mich, sobald ich eine Rückmeldung habe.',
    pt: 'Obrigado pela sua paciência. Reencaminhei a sua questão para a nossa equipa de expedição e dou-lhe notícias assim que tiver resposta.',
    fr: "Merci pour votre patience. J'ai transmis votre demande à notre service d'expédition et je vous tiens informé dès que j'ai une réponse.",
    es: 'Gracias por su paciencia. He enviado su solicitud a nuestro equipo de envíos y le informaré en cuanto tenga una respuesta.',
    it: 'Grazie per la pazienza. Ho inoltrato la sua richiesta al nostro reparto spedizioni e la aggiornerò non appena avrò una risposta.',
    nl: 'Bedankt voor uw geduld. Ik heb uw verzoek doorgestuurd naar ons verzendteam en laat het u weten zodra ik een antwoord heb.',
    ja: 'お待ちいただきありがとうございます。配送担当チームにお問い合わせ内容を伝えましたので、回答があり次第ご連絡いたします。',
  },
  {
    en: "I understand how frustrating this must be. I'll look into what happened and get back to you as soon as possible.",
    de: 'Ich verstehe, wie ärgerlich das sein muss. Ich sehe mir an, was passiert ist, und melde mich so schnell wie möglich bei Ihnen.',
    pt: 'Compreendo como isto deve ser frustrante. Vou verificar o que aconteceu e entro em contacto consigo o mais depressa possível.',
    fr: "Je comprends à quel point cela doit être frustrant. Je vais vérifier ce qui s'est passé et je reviens vers vous dès que possible.",
    es: 'Entiendo lo frustrante que debe de ser. Voy a revisar qué ha pasado y le responderé lo antes posible.',
    it: 'Capisco quanto possa essere frustrante. Verifico cosa è successo e le rispondo il prima possibile.',
    nl: 'Ik begrijp hoe vervelend dit moet zijn. Ik zoek uit wat er is gebeurd en kom zo snel mogelijk bij u terug.',
    ja: 'ご不快な思いをおかけして申し訳ございません。状況を確認のうえ、できるだけ早くご連絡いたします。',
  },
  {
    en: 'Thank you for letting us know. Could you tell me a little more so I can help you as quickly as possible?',
    de: 'Danke, dass Sie uns Bescheid gegeben haben. Könnten Sie mir etwas mehr dazu sagen, damit ich Ihnen schnellstmöglich helfen kann?',
    pt: 'Obrigado por nos informar. Pode dar-me mais alguns detalhes para que eu o possa ajudar o mais rapidamente possível?',
    fr: "Merci de nous avoir prévenus. Pourriez-vous m'en dire un peu plus afin que je puisse vous aider le plus rapidement possible ?",
    es: 'Gracias por avisarnos. ¿Podría darme algunos detalles más para que pueda ayudarle lo antes posible?',
    it: 'Grazie per avercelo segnalato. Potrebbe darmi qualche dettaglio in più, così posso aiutarla il prima possibile?',
    nl: 'Bedankt dat u het ons laat weten. Kunt u mij wat meer vertellen, zodat ik u zo snel mogelijk kan helpen?',
    ja: 'お知らせいただきありがとうございます。できるだけ早く対応できるよう、もう少し詳しく教えていただけますか。',
  },
  {
    en: "Thank you for reaching out. I'm happy to help and will take care of this personally.",
    de: 'Vielen Dank, dass Sie sich an uns gewandt haben. Ich helfe Ihnen gern und kümmere mich persönlich darum.',
    pt: 'Obrigado por nos contactar. Terei todo o gosto em ajudar e vou tratar pessoalmente deste assunto.',
    fr: "Merci de nous avoir contactés. Je serai ravi de vous aider et je m'en occupe personnellement.",
    es: 'Gracias por ponerse en contacto con nosotros. Con mucho gusto le ayudo y me encargaré personalmente de esto.',
    it: 'Grazie per averci contattato. Sono felice di aiutarla e me ne occuperò personalmente.',
    nl: 'Bedankt dat u contact met ons opneemt. Ik help u graag en neem dit persoonlijk voor mijn rekening.',
    ja: 'お問い合わせいただきありがとうございます。喜んでお手伝いいたします。私が責任を持って対応いたします。',
  },
];
