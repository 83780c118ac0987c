/**
 * Parley dev helpdesk, Shopify Inbox: the conversations the dev inbox page shows (a DEVELOPMENT AND TEST TOOL).
 * Ana Souza's conversation is exactly what tests/fixtures/shopify-inbox/inbox-conversation.html shows (a unit test
 * reads both with the adapter and compares); the others exist only here and in the fixture's conversation list.
 * The customer texts are the dev model server's phrasebook entries, so translations are exact.
 */

export type DevItemKind = 'customer' | 'store' | 'auto' | 'event' | 'day';

export interface DevItem {
  kind: DevItemKind;
  text: string;
  /** Clock time as the page prints it ("10:32 AM"); '' for event lines and day separators. */
  time: string;
  /** Shown after the time on store messages ("Delivered"). */
  status?: string;
}

export interface DevConversation {
  id: string;
  customerName: string;
  email: string;
  /** Oldest first. */
  items: DevItem[];
}

export const STORE_SLUG = 'acme';

export const DEV_CONVERSATIONS: readonly DevConversation[] = [
  {
    id: '0196f3a2-7c1e-7d41-9a0b-3f5e2c81d4a7',
    customerName: 'Ana Souza',
    email: 'ana.souza@example.com',
    items: [
      { kind: 'day', text: 'Today', time: '' },
      { kind: 'event', text: 'Ana Souza messaged you from the Order status page', time: '' },
      { kind: 'customer', text: 'Olá, não recebi o meu pedido e já passaram três semanas.', time: '10:32 AM' },
      { kind: 'auto', text: 'Thanks for reaching out! We usually reply within a few hours.', time: '10:32 AM' },
      { kind: 'event', text: 'Sam Carter opened this conversation', time: '' },
      { kind: 'event', text: 'Sam Carter assigned this conversation to themself', time: '' },
      { kind: 'store', text: 'Hi Ana, sorry about that! Could you share your order number?', time: '10:40 AM', status: 'Delivered' },
      { kind: 'customer', text: 'O número é 55781. Obrigado!', time: '10:41 AM' },
    ],
  },
  {
    id: '0196f3b0-12aa-7f3c-8e21-6b7d90c4e512',
    customerName: 'Jonas Weber',
    email: 'jonas.weber@example.com',
    items: [
      { kind: 'day', text: 'Today', time: '' },
      { kind: 'event', text: 'Jonas Weber messaged you from the Home page', time: '' },
      {
        kind: 'customer',
        text: 'Hallo, ich habe meine Bestellung #40213 vor zwei Wochen aufgegeben und sie ist immer noch nicht angekommen.',
        time: '9:14 AM',
      },
      { kind: 'store', text: "Hi Jonas, I'm checking the tracking for order #40213 now.", time: '9:20 AM' },
      { kind: 'customer', text: 'Können Sie mir bitte sagen, wann das Paket ankommt? Ich brauche es bis Freitag.', time: '9:22 AM' },
    ],
  },
  {
    id: '0196f2ff-5d30-7a88-b1c4-0e9a2f7b3c66',
    customerName: 'Chloé Martin',
    email: 'chloe.martin@example.com',
    items: [
      { kind: 'day', text: 'Yesterday', time: '' },
      {
        kind: 'customer',
        text: "Bonjour, le colis est arrivé endommagé. Je voudrais un remboursement, s'il vous plaît.",
        time: '4:05 PM',
      },
      { kind: 'store', text: 'Your refund is on its way.', time: '4:12 PM' },
    ],
  },
];

export const devConversation = (id: string): DevConversation | undefined =>
  DEV_CONVERSATIONS.find((conversation) => conversation.id === id);
