import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearDraftText, loadDraft, saveDraftOutbound, saveDraftText, saveEditedSuggestion } from '@/services/drafts/draft-store';
import { ParleyDatabase, type OutboundText } from '@/services/storage/database';

const KEY = 'zendesk:h:1';
const outbound = (forText: string): OutboundText => ({ forText, text: 'Vielen Dank!', backTranslation: 'Thank you!', language: 'de', variant: null });

describe('draft store', () => {
  let db: ParleyDatabase;
  beforeEach(() => {
    db = new ParleyDatabase(`test-${Math.random()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('keeps a translation only while the draft is the text it was made for', async () => {
    await saveDraftText(db, KEY, 'Thank you!');
    await saveDraftOutbound(db, KEY, outbound('Thank you!'));
    await saveDraftText(db, KEY, 'Thank you!');
    expect((await loadDraft(db, KEY))?.outbound?.text).toBe('Vielen Dank!');
    await saveDraftText(db, KEY, 'Thank you so much!');
    expect((await loadDraft(db, KEY))?.outbound).toBeUndefined();
  });

  it('merges edits of suggestions with the draft, drops edits of older suggestions, and forgets an empty draft', async () => {
    await saveDraftText(db, KEY, 'Hello');
    await saveEditedSuggestion(db, KEY, 'set-1', 1, outbound('x'));
    expect(await loadDraft(db, KEY)).toMatchObject({ text: 'Hello', suggestionsKey: 'set-1', editedSuggestions: { 1: { text: 'Vielen Dank!' } } });
    await saveEditedSuggestion(db, KEY, 'set-2', 0, outbound('y'));
    expect(Object.keys((await loadDraft(db, KEY))!.editedSuggestions!)).toEqual(['0']);
    await saveEditedSuggestion(db, KEY, 'set-2', 0, null);
    await clearDraftText(db, KEY);
    expect(await loadDraft(db, KEY)).toBeNull();
  });
});
