import type { DraftRecord, OutboundText, ParleyDatabase } from '@/services/storage/database';

/**
 * The agent's work in progress per conversation (see DraftRecord): read and written by the side
 * panel, read by the background for keyboard shortcuts. Every write is a merge, so the draft text
 * and an edited suggestion written a moment apart do not overwrite each other.
 */

export async function loadDraft(db: ParleyDatabase, conversationKey: string): Promise<DraftRecord | null> {
  return (await db.drafts.get(conversationKey)) ?? null;
}

async function mergeDraft(db: ParleyDatabase, conversationKey: string, change: (draft: DraftRecord) => DraftRecord): Promise<void> {
  await db.transaction('rw', db.drafts, async () => {
    const current = (await db.drafts.get(conversationKey)) ?? { conversationKey, text: '', updatedAt: 0 };
    const next = { ...change(current), updatedAt: Date.now() };
    const empty = next.text === '' && !next.outbound && Object.keys(next.editedSuggestions ?? {}).length === 0;
    if (empty) await db.drafts.delete(conversationKey);
    else await db.drafts.put(next);
  });
}

/** The agent's own-language text; a translation made for other text no longer applies and is dropped. */
export function saveDraftText(db: ParleyDatabase, conversationKey: string, text: string): Promise<void> {
  return mergeDraft(db, conversationKey, (draft) => ({
    ...draft,
    text,
    outbound: draft.outbound?.forText === text.trim() ? draft.outbound : undefined,
  }));
}

export function saveDraftOutbound(db: ParleyDatabase, conversationKey: string, outbound: OutboundText): Promise<void> {
  return mergeDraft(db, conversationKey, (draft) => ({ ...draft, outbound }));
}

/** An edited (or rewritten) suggestion, for the suggestions shown under `suggestionsKey`; edits of older suggestions are dropped. */
export function saveEditedSuggestion(
  db: ParleyDatabase,
  conversationKey: string,
  suggestionsKey: string,
  index: number,
  edited: OutboundText | null,
): Promise<void> {
  return mergeDraft(db, conversationKey, (draft) => {
    const edits = draft.suggestionsKey === suggestionsKey ? { ...draft.editedSuggestions } : {};
    if (edited) edits[index] = edited;
    else delete edits[index];
    return { ...draft, suggestionsKey, editedSuggestions: edits };
  });
}

/** After the draft went into the composer: the text and its translation are done with. */
export function clearDraftText(db: ParleyDatabase, conversationKey: string): Promise<void> {
  return mergeDraft(db, conversationKey, (draft) => ({ ...draft, text: '', outbound: undefined }));
}
