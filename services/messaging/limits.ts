/**
 * Size limits of the message protocol. A module of its own, free of zod: the content script
 * needs these numbers without pulling the validation code (and the settings schema) into the page.
 */
export const MAX_TEXT_LENGTH = 20_000;
/** Messages per conversation update: a longer first read is sent in several updates. */
export const MAX_MESSAGES_PER_UPDATE = 500;
