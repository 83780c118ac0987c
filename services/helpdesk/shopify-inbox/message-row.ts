import { readBlockText } from '@/services/dom/block-text';
import { matchesAny, queryFirst } from '@/services/dom/query';
import type { AuthorRole } from '@/services/helpdesk/types';
import { normaliseClockTime } from './message-id';
import {
  AUTOMATED_SENDER_LABELS,
  DAY_SEPARATOR,
  MACHINE_TIME,
  MESSAGE_NOISE,
  STORE_SELF_LABELS,
  SYSTEM_LINE_PATTERNS,
  TIMESTAMP_LINE,
} from './selectors';

/** What one virtualised row shows, read from the row alone (so it can be cached per row element). */
export type RowReading =
  | {
      kind: 'message' | 'system';
      role: AuthorRole;
      /** The message's own text: no timestamp line, icons or buttons; lines joined with "\n". */
      text: string;
      /** The clock time of the timestamp line, normalised ("10:32AM"), or '' when the row shows none. */
      clockTime: string;
      /** ISO 8601, only when the row carries a machine-readable time. */
      time?: string;
      /** Where Parley's inline translation goes: right after the element holding the message text. */
      anchor: Element;
    }
  | { kind: 'skip'; reason: 'empty' | 'day-separator' | 'unknown-author' };

/** Inside noise (an icon, a button, a hidden copy) within the row; what is around the row (a modal's aria-hidden) does not count. */
function isNoise(element: Element, row: Element): boolean {
  for (let current: Element | null = element; current; current = current === row ? null : current.parentElement) {
    if (matchesAny(current, MESSAGE_NOISE)) return true;
  }
  return false;
}

interface TimestampLine {
  element: Element;
  who: string | null;
  clockTime: string;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The row's timestamp line: the last (innermost) element whose whole text has the timestamp shape. The last one,
 * because the line sits under the bubble, and a customer may well type "10:30" as a message.
 */
function findTimestampLine(row: Element): TimestampLine | null {
  let found: TimestampLine | null = null;
  for (const element of [row, ...Array.from(row.querySelectorAll('*'))]) {
    if (isNoise(element, row)) continue;
    const match = TIMESTAMP_LINE.exec(collapse(element.textContent ?? ''));
    if (!match?.groups) continue;
    // Innermost: an element whose child also matches is skipped in favour of the child (visited later).
    found = { element, who: match.groups.who?.trim() || null, clockTime: normaliseClockTime(match.groups.time ?? '') };
  }
  return found;
}

function roleFromSender(who: string | null): AuthorRole {
  if (who === null) return 'customer';
  const label = who.toLowerCase();
  if (AUTOMATED_SENDER_LABELS.includes(label)) return 'bot';
  if (STORE_SELF_LABELS.includes(label)) return 'agent';
  // A label in another UI language: still the store's side (customers get a bare time). See selectors.ts.
  return 'agent';
}

const isSystemText = (text: string): boolean => SYSTEM_LINE_PATTERNS.some((pattern) => pattern.test(text));

/** Lowest element containing every text node that makes up the message (the bubble's text, not the row). */
function textAnchor(row: Element, skip: (element: Element) => boolean): Element {
  const holders: Element[] = [];
  const visit = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3 /* TEXT_NODE */) {
        if ((child.nodeValue ?? '').trim() && child.parentElement) holders.push(child.parentElement);
      } else if (child.nodeType === 1 /* ELEMENT_NODE */ && !skip(child as Element)) {
        visit(child);
      }
    }
  };
  visit(row);
  if (holders.length === 0) return row;
  let common: Element = holders[0]!;
  for (const holder of holders.slice(1)) {
    while (common !== row && !common.contains(holder)) common = common.parentElement ?? row;
  }
  return common;
}

type Side = 'left' | 'right' | 'centre';

/**
 * Which side of its row the message text sits on, from layout; null without layout (happy-dom, hidden rows).
 * The public scraper's only author signal (notes, E): store bubbles right of the column centre, customers' left.
 */
function sideOf(row: Element, anchor: Element): Side | null {
  const rowBox = row.getBoundingClientRect();
  const box = anchor.getBoundingClientRect();
  if (rowBox.width <= 0 || box.width <= 0) return null;
  const leftGap = box.left - rowBox.left;
  const rightGap = rowBox.right - box.right;
  if (Math.abs(leftGap - rightGap) <= rowBox.width * 0.1) return 'centre';
  return leftGap < rightGap ? 'left' : 'right';
}

function machineTime(row: Element): string | undefined {
  const datetime = queryFirst(row, MACHINE_TIME)?.getAttribute('datetime');
  if (!datetime) return undefined;
  const parsed = new Date(datetime);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

/**
 * Reads one row: a customer/agent/bot message (author from the timestamp line, else from the bubble's side), an
 * event line (system), or nothing Parley should show (empty row, day separator, author unknown).
 */
export function readRow(row: Element): RowReading {
  // A row hidden from everyone (a measuring copy, say) is not a message on screen.
  if (matchesAny(row, MESSAGE_NOISE)) return { kind: 'skip', reason: 'empty' };
  const stamp = findTimestampLine(row);
  const skip = (element: Element) => element === stamp?.element || matchesAny(element, MESSAGE_NOISE);
  const text = readBlockText(row, skip);
  const time = machineTime(row);
  const withTime = <T extends object>(reading: T) => (time ? { ...reading, time } : reading);

  if (!text) {
    // An event written on the timestamp line itself ("Sam closed this conversation • 10:45 AM").
    const line = collapse(stamp?.element.textContent ?? '');
    if (stamp?.who && isSystemText(stamp.who)) {
      return withTime({ kind: 'system', role: 'system', text: line, clockTime: stamp.clockTime, anchor: stamp.element });
    }
    return { kind: 'skip', reason: 'empty' };
  }

  const anchor = textAnchor(row, skip);
  if (stamp) {
    // Bubbles carry a timestamp line; event lines (G) do not, so an event-like sentence here is a message.
    return withTime({ kind: 'message', role: roleFromSender(stamp.who), text, clockTime: stamp.clockTime, anchor });
  }
  if (isSystemText(text)) return withTime({ kind: 'system', role: 'system', text, clockTime: '', anchor });
  if (DAY_SEPARATOR.test(text)) return { kind: 'skip', reason: 'day-separator' };

  // No timestamp line (G: consecutive bubbles may share one): fall back to layout where there is one.
  const side = sideOf(row, anchor);
  if (side === 'centre') return withTime({ kind: 'system', role: 'system', text, clockTime: '', anchor });
  if (side === 'left') return withTime({ kind: 'message', role: 'customer', text, clockTime: '', anchor });
  if (side === 'right') return withTime({ kind: 'message', role: 'agent', text, clockTime: '', anchor });
  return { kind: 'skip', reason: 'unknown-author' };
}
