import { computed, signal } from '@preact/signals';
import type { CustomHelpdesk } from '@/services/helpdesk/custom/descriptor';
import type { ProbeReport } from '@/services/helpdesk/custom/probe';
import { customHelpdeskText as text } from './custom-helpdesk-text';
import { draftFrom, emptyDraft, validateDraft, type CustomHelpdeskDraft } from './custom-helpdesk-draft';

/** Saves the whole list (the caller stores it, asks for host permissions and registers content scripts). */
export type SaveCustomHelpdesks = (helpdesks: CustomHelpdesk[]) => Promise<void | { warning: string }>;
/** Runs the descriptor on the tab the admin has open and answers with the probe's report. */
export type TestCustomHelpdesk = (helpdesk: CustomHelpdesk) => Promise<ProbeReport | { error: string }>;

export type SaveResult = { status: 'idle' } | { status: 'busy' } | { status: 'ok'; message: string } | { status: 'failed'; message: string };
export type TestResult = { status: 'idle' } | { status: 'busy' } | { status: 'done'; report: ProbeReport } | { status: 'failed'; message: string };

export interface EditSession {
  /** The id of the helpdesk being edited; null for a new one. */
  originalId: string | null;
  draft: CustomHelpdeskDraft;
}

/**
 * The custom-helpdesk section of the options page: the saved list, the one descriptor being edited, and the
 * outcome of the last save and live test. Errors are shown once the admin has tried to save or test, then
 * follow every keystroke.
 */
export function createCustomHelpdesksState(initial: readonly CustomHelpdesk[] = [], storedWarnings: readonly string[] = []) {
  const helpdesks = signal<CustomHelpdesk[]>([...initial]);
  const warnings = signal<string[]>([...storedWarnings]);
  const editing = signal<EditSession | null>(null);
  const showErrors = signal(false);
  const saveResult = signal<SaveResult>({ status: 'idle' });
  const testResult = signal<TestResult>({ status: 'idle' });

  const validation = computed(() => {
    const session = editing.value;
    if (!session) return null;
    const otherIds = helpdesks.value.map((h) => h.id).filter((id) => id !== session.originalId);
    return validateDraft(session.draft, otherIds);
  });
  /** What the form shows: nothing until the first attempt to save or test. */
  const visibleErrors = computed(() => (showErrors.value ? (validation.value?.errors ?? {}) : {}));

  function load(list: readonly CustomHelpdesk[], listWarnings: readonly string[] = []) {
    helpdesks.value = [...list];
    warnings.value = [...listWarnings];
  }

  function startEditing(session: EditSession) {
    editing.value = session;
    showErrors.value = false;
    testResult.value = { status: 'idle' };
    saveResult.value = { status: 'idle' };
  }

  const add = () => startEditing({ originalId: null, draft: emptyDraft() });

  function edit(id: string) {
    const helpdesk = helpdesks.value.find((h) => h.id === id);
    if (helpdesk) startEditing({ originalId: id, draft: draftFrom(helpdesk) });
  }

  function cancel() {
    editing.value = null;
    testResult.value = { status: 'idle' };
  }

  function updateDraft(change: Partial<CustomHelpdeskDraft> | ((draft: CustomHelpdeskDraft) => CustomHelpdeskDraft)) {
    const session = editing.value;
    if (!session) return;
    const draft = typeof change === 'function' ? change(session.draft) : { ...session.draft, ...change };
    editing.value = { ...session, draft };
    saveResult.value = { status: 'idle' };
  }

  /** The valid descriptor being edited, or null (and the errors shown). */
  function validDraft(): CustomHelpdesk | null {
    showErrors.value = true;
    const result = validation.value;
    return result?.ok ? result.helpdesk : null;
  }

  /**
   * Stores `next` through `onSave`. Called synchronously from the click: the browser only shows a permission
   * prompt during the user's gesture, so nothing is awaited before `onSave` runs.
   */
  async function persist(next: CustomHelpdesk[], onSave: SaveCustomHelpdesks, after: () => void) {
    saveResult.value = { status: 'busy' };
    try {
      const outcome = await onSave(next);
      helpdesks.value = next;
      warnings.value = [];
      after();
      saveResult.value = outcome?.warning
        ? { status: 'failed', message: `${text('saved')} ${outcome.warning}` }
        : { status: 'ok', message: text('saved') };
    } catch (error) {
      saveResult.value = { status: 'failed', message: text('save_failed', [error instanceof Error ? error.message : String(error)]) };
    }
  }

  function save(onSave: SaveCustomHelpdesks): Promise<void> {
    const session = editing.value;
    const helpdesk = validDraft();
    if (!session || !helpdesk) {
      saveResult.value = { status: 'failed', message: text('fix_errors') };
      return Promise.resolve();
    }
    const list = helpdesks.value;
    const next =
      session.originalId === null ? [...list, helpdesk] : list.map((h) => (h.id === session.originalId ? helpdesk : h));
    return persist(next, onSave, () => {
      editing.value = null;
    });
  }

  function remove(id: string, onSave: SaveCustomHelpdesks): Promise<void> {
    const next = helpdesks.value.filter((h) => h.id !== id);
    return persist(next, onSave, () => {
      if (editing.value?.originalId === id) editing.value = null;
    });
  }

  /** Tests the draft as it is, saved or not. Called synchronously from the click (see `persist`). */
  async function test(onTest: TestCustomHelpdesk): Promise<void> {
    const helpdesk = validDraft();
    if (!helpdesk) {
      testResult.value = { status: 'failed', message: text('fix_errors') };
      return;
    }
    testResult.value = { status: 'busy' };
    try {
      const outcome = await onTest(helpdesk);
      testResult.value = 'error' in outcome ? { status: 'failed', message: text('test_failed', [outcome.error]) } : { status: 'done', report: outcome };
    } catch (error) {
      testResult.value = { status: 'failed', message: text('test_failed', [error instanceof Error ? error.message : String(error)]) };
    }
  }

  return {
    helpdesks,
    warnings,
    editing,
    showErrors,
    saveResult,
    testResult,
    validation,
    visibleErrors,
    load,
    add,
    edit,
    cancel,
    updateDraft,
    save,
    remove,
    test,
  };
}

export type CustomHelpdesksState = ReturnType<typeof createCustomHelpdesksState>;
