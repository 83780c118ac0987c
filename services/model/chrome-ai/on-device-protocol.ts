import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '@/services/messaging/limits';
import { AVAILABILITY_VALUES } from './built-in-ai-types';

/**
 * The protocol between Parley's background and its offscreen document, which runs Chrome's
 * built-in AI (the background, a service worker, has no Translator, LanguageDetector or
 * LanguageModel). One long-lived port, `runtime.connect({ name: ON_DEVICE_PORT_NAME })`, opened by
 * the background; the offscreen document accepts it only from the background (`isBackgroundSender`).
 *
 * Named by direction like services/messaging/protocol.ts:
 * - `on-device/*` requests, background → offscreen, each with an `id` the background chose;
 * - replies, offscreen → background, carrying the request's `id`: any number of `partial`s (the
 *   whole text so far, for streamed prompts), then exactly one answer or one `error`.
 * `on-device/cancel` stops a request; the offscreen document also stops everything a port asked
 * for when that port disconnects. Both sides validate what arrives with the schemas below.
 *
 * Errors travel as codes, not sentences: offscreen documents have no `i18n` API, so the
 * background words them (chrome-ai-errors.ts). `detail` is the browser's own (English) message.
 */

export const ON_DEVICE_PORT_NAME = 'parley-on-device';
/** WXT builds entrypoints/offscreen/index.html to this path. */
export const OFFSCREEN_DOCUMENT_PATH = '/offscreen.html';
/** WXT builds the background entrypoint to this path: the only sender the offscreen document accepts. */
export const BACKGROUND_SCRIPT_PATH = '/background.js';

const MAX_PROMPT_MESSAGES = 200;
const MAX_PROMPT_CHARS = MAX_TEXT_LENGTH * 4;

const requestId = z.string().min(1).max(100);
/** BCP 47 tags as the built-in APIs use them, e.g. "de", "pt-BR", "zh-Hant". */
const LANGUAGE_TAG_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const languageTag = z.string().regex(LANGUAGE_TAG_PATTERN, 'must be a BCP 47 language tag');

export function isLanguageTag(tag: string): boolean {
  return LANGUAGE_TAG_PATTERN.test(tag);
}
const availability = z.enum(AVAILABILITY_VALUES);

export const ON_DEVICE_FEATURES = ['translator', 'detector', 'prompt'] as const;
export type OnDeviceFeature = (typeof ON_DEVICE_FEATURES)[number];

export const ON_DEVICE_ERROR_CODES = [
  /** The browser lacks the API altogether (not Chrome, Chrome before 138, or no offscreen API). */
  'not-supported',
  /** availability() says 'unavailable': this device, or this language pair, cannot do it. */
  'unavailable',
  /** The model must be downloaded first; the download needs a click in one of Parley's pages. */
  'downloadable',
  /** Chrome is downloading the model right now. */
  'downloading',
  /** The detector could not tell the language of the text (for a translation from an unknown language). */
  'language-unknown',
  'cancelled',
  /** Background only: the port closed while a request was running. */
  'disconnected',
  /** Background only: the offscreen document could not be created or did not answer. */
  'not-started',
  /** Anything else (the browser's message is in `detail`). */
  'failed',
] as const;
export type OnDeviceErrorCode = (typeof ON_DEVICE_ERROR_CODES)[number];

const languagePair = z.object({ source: languageTag, target: languageTag });

const promptMessage = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(MAX_PROMPT_CHARS),
});

export const backgroundToOffscreenSchema = z.discriminatedUnion('type', [
  z.object({
    /** What each API can do now; the translator for `pair` (translation models are per language pair). */
    type: z.literal('on-device/availability'),
    id: requestId,
    pair: languagePair,
  }),
  z.object({
    type: z.literal('on-device/translate'),
    id: requestId,
    text: z.string().max(MAX_TEXT_LENGTH),
    /** null: unknown, the offscreen document detects it first. */
    source: languageTag.nullable(),
    target: languageTag,
  }),
  z.object({
    type: z.literal('on-device/detect'),
    id: requestId,
    text: z.string().max(MAX_TEXT_LENGTH),
  }),
  z.object({
    type: z.literal('on-device/prompt'),
    id: requestId,
    messages: z.array(promptMessage).min(1).max(MAX_PROMPT_MESSAGES),
    /** A JSON schema the answer must follow (the Prompt API's responseConstraint). */
    jsonSchema: z.record(z.string(), z.unknown()).optional(),
    temperature: z.number().min(0).max(2).optional(),
  }),
  z.object({
    type: z.literal('on-device/cancel'),
    id: requestId,
  }),
]);
export type BackgroundToOffscreen = z.infer<typeof backgroundToOffscreenSchema>;
export type OnDeviceRequest = Exclude<BackgroundToOffscreen, { type: 'on-device/cancel' }>;

export const availabilityReportSchema = z.object({
  translator: availability,
  detector: availability,
  prompt: availability,
});
export type AvailabilityReport = z.infer<typeof availabilityReportSchema>;

export const offscreenToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({
    /** Sent once on every accepted port: the runner listens, requests may follow. */
    type: z.literal('on-device/ready'),
  }),
  z.object({
    type: z.literal('on-device/availability-report'),
    id: requestId,
    report: availabilityReportSchema,
  }),
  z.object({
    type: z.literal('on-device/translation'),
    id: requestId,
    text: z.string(),
    /** The source language used: the one asked for, or the one detected. */
    source: languageTag,
  }),
  z.object({
    type: z.literal('on-device/detection'),
    id: requestId,
    /** null when the detector cannot tell ('und'). */
    language: languageTag.nullable(),
    confidence: z.number().min(0).max(1),
  }),
  z.object({
    /** The whole answer so far of a streamed prompt. */
    type: z.literal('on-device/partial'),
    id: requestId,
    text: z.string(),
  }),
  z.object({
    type: z.literal('on-device/answer'),
    id: requestId,
    text: z.string(),
  }),
  z.object({
    type: z.literal('on-device/error'),
    id: requestId,
    code: z.enum(ON_DEVICE_ERROR_CODES),
    /** Which API failed, when one did: lets the background say which model is missing. */
    feature: z.enum(ON_DEVICE_FEATURES).optional(),
    /** The languages involved (translator errors). */
    pair: languagePair.optional(),
    detail: z.string().max(2000).optional(),
  }),
]);
export type OffscreenToBackground = z.infer<typeof offscreenToBackgroundSchema>;
export type OnDeviceErrorReply = Extract<OffscreenToBackground, { type: 'on-device/error' }>;

/** Answer types, by the request they answer. */
export interface ReplyOf {
  'on-device/availability': Extract<OffscreenToBackground, { type: 'on-device/availability-report' }>;
  'on-device/translate': Extract<OffscreenToBackground, { type: 'on-device/translation' }>;
  'on-device/detect': Extract<OffscreenToBackground, { type: 'on-device/detection' }>;
  'on-device/prompt': Extract<OffscreenToBackground, { type: 'on-device/answer' }>;
}

export const REPLY_TYPE: { [K in keyof ReplyOf]: ReplyOf[K]['type'] } = {
  'on-device/availability': 'on-device/availability-report',
  'on-device/translate': 'on-device/translation',
  'on-device/detect': 'on-device/detection',
  'on-device/prompt': 'on-device/answer',
};

/**
 * The part of `runtime.Port` both sides use: lets tests pass an in-memory port pair, and accepts
 * the browser's own ports as they are.
 */
export interface OnDevicePort {
  readonly name: string;
  /** Set by the browser on ports passed to `onConnect`: who opened the port. */
  readonly sender?: { id?: string; url?: string; tab?: unknown; frameId?: number };
  postMessage(message: unknown): void;
  disconnect(): void;
  readonly onMessage: PortEvent<(message: unknown) => void>;
  readonly onDisconnect: PortEvent<() => void>;
}

interface PortEvent<Listener> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

/**
 * Only Parley's background may use the offscreen document: a port of our name, opened by our own
 * extension (the browser fills in `sender`, a page cannot fake it), from the service worker's
 * script (not a tab, not another of Parley's pages or content scripts).
 */
export function isBackgroundSender(port: OnDevicePort, extensionId: string, extensionOrigin: string): boolean {
  if (port.name !== ON_DEVICE_PORT_NAME) return false;
  const sender = port.sender;
  if (!sender || sender.id !== extensionId || !sender.url || sender.tab !== undefined) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  // Scheme and host, not `origin`: URL gives "null" as the origin of every chrome-extension: URL
  // outside the browser, which would make all extensions look alike.
  const extension = new URL(extensionOrigin);
  return url.protocol === extension.protocol && url.host === extension.host && url.pathname === BACKGROUND_SCRIPT_PATH;
}
