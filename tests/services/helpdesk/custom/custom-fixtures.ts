import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { customHelpdeskSchema, type CustomHelpdesk, type CustomHelpdeskInput } from '@/services/helpdesk/custom/descriptor';

const FIXTURES = resolve(__dirname, '../../../fixtures/custom');

export const CHATWOOT_URL = 'https://support.acme-shop.test/app/accounts/3/conversations/118';
export const TIDY_URL = 'http://helpdesk.intranet.test/tickets/view?id=77';

/** The descriptor an admin would write for tests/fixtures/custom/chatwoot-like.html. */
export const CHATWOOT_INPUT: CustomHelpdeskInput = {
  id: 'acme-chatwoot',
  name: 'Acme Chatwoot',
  urlPatterns: ['https://support.acme-shop.test/app/*'],
  conversationIdFrom: { source: 'url', regex: '/conversations/(\\d+)' },
  messageSelector: '.conversation-panel .message-bubble-container',
  messageIdAttribute: 'data-message-id',
  textSelector: '.message-text__wrap',
  excludeSelectors: ['blockquote', '.message-meta'],
  roleRules: [
    { selector: '.is-private', role: 'note' },
    { selector: '.justify-center', role: 'system' },
    { selector: '.is-bot', role: 'bot' },
    { selector: '.justify-end', role: 'agent' },
    { selector: '.justify-start', role: 'customer' },
  ],
  defaultRole: 'skip',
  composerSelector: '.reply-box',
  composerKind: 'auto',
  timeSelector: '[data-created-at]',
  timeAttribute: 'data-created-at',
  titleSelector: '.conversation--header .user--name',
};

/** The descriptor for tests/fixtures/custom/tidy-tickets.html. */
export const TIDY_INPUT: CustomHelpdeskInput = {
  id: 'tidy-tickets',
  name: 'Tidy Tickets',
  urlPatterns: ['http://helpdesk.intranet.test/tickets/*'],
  conversationIdFrom: { source: 'attribute', selector: '#ticket', attribute: 'data-ticket-id' },
  messageSelector: '.thread .entry',
  textSelector: '.body',
  excludeSelectors: ['.sig'],
  roleRules: [
    { selector: '.internal-flag', role: 'note' },
    { selector: '.by-staff', role: 'agent' },
    { selector: '.by-customer', role: 'customer' },
  ],
  defaultRole: 'system',
  composerSelector: '#reply',
  composerKind: 'auto',
  timeSelector: 'time',
  titleSelector: '.ticket-subject',
};

export const descriptor = (input: CustomHelpdeskInput, change: Partial<CustomHelpdeskInput> = {}): CustomHelpdesk =>
  customHelpdeskSchema.parse({ ...input, ...change });

/** A descriptor that skipped validation (as one stored by an older version, or parsed where no DOM checks selectors). */
export const unvalidated = (input: CustomHelpdeskInput, change: Partial<CustomHelpdeskInput>): CustomHelpdesk =>
  ({ ...descriptor(input), ...change }) as CustomHelpdesk;

/** Replaces happy-dom's document with a fixture page and moves the window to `url`. */
export function loadFixture(name: 'chatwoot-like' | 'tidy-tickets', url: string): Document {
  const parsed = new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, `${name}.html`), 'utf8'), 'text/html');
  document.documentElement.innerHTML = parsed.documentElement.innerHTML;
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  return document;
}
