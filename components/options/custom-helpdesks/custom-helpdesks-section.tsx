import type { CustomHelpdesk } from '@/services/helpdesk/custom/descriptor';
import { ActionMessage, CustomHelpdeskForm } from './custom-helpdesk-form';
import { customHelpdeskText as text } from './custom-helpdesk-text';
import type { CustomHelpdesksState, SaveCustomHelpdesks, TestCustomHelpdesk } from './custom-helpdesks-state';

export interface CustomHelpdesksSectionProps {
  state: CustomHelpdesksState;
  /** Stores the list; may also ask for host permissions (it runs inside the click) and register content scripts. */
  onSave: SaveCustomHelpdesks;
  /** Runs a descriptor on the open helpdesk tab and answers with the probe's report. */
  onTest: TestCustomHelpdesk;
}

function HelpdeskRow({ helpdesk, state, onSave }: { helpdesk: CustomHelpdesk; state: CustomHelpdesksState; onSave: SaveCustomHelpdesks }) {
  const busy = state.saveResult.value.status === 'busy';
  return (
    <li class="custom-helpdesks__item" data-testid={`custom-helpdesk-${helpdesk.id}`}>
      <div>
        <strong>{helpdesk.name}</strong> <code>{helpdesk.id}</code>
        <p class="hint">{text('runs_on', [helpdesk.urlPatterns.join(', ')])}</p>
      </div>
      <div class="actions">
        <button type="button" class="button button--small" disabled={busy} onClick={() => state.edit(helpdesk.id)}>
          {text('edit')}
        </button>
        <button type="button" class="button button--small" disabled={busy} onClick={() => void state.remove(helpdesk.id, onSave)}>
          {text('delete')}
        </button>
      </div>
    </li>
  );
}

/** The options page's list of custom helpdesks, with add, edit, delete and the form of the one being edited. */
export function CustomHelpdesksSection({ state, onSave, onTest }: CustomHelpdesksSectionProps) {
  const helpdesks = state.helpdesks.value;
  const editing = state.editing.value;
  return (
    <section class="custom-helpdesks" data-testid="custom-helpdesks">
      <h2>{text('heading')}</h2>
      <p class="hint">{text('intro')}</p>
      {state.warnings.value.length > 0 ? (
        <p class="warning" role="alert" data-testid="custom-helpdesks-warning">
          {text('stored_warning', [state.warnings.value.join('; ')])}
        </p>
      ) : null}
      {helpdesks.length === 0 ? (
        <p class="empty">{text('empty')}</p>
      ) : (
        <ul class="custom-helpdesks__list">
          {helpdesks.map((helpdesk) => (
            <HelpdeskRow key={helpdesk.id} helpdesk={helpdesk} state={state} onSave={onSave} />
          ))}
        </ul>
      )}
      {editing ? (
        <CustomHelpdeskForm state={state} onSave={onSave} onTest={onTest} />
      ) : (
        <>
          <button type="button" class="button" data-testid="custom-helpdesk-add" onClick={() => state.add()}>
            {text('add')}
          </button>
          <ActionMessage result={state.saveResult.value} testId="custom-helpdesks-save-result" />
        </>
      )}
    </section>
  );
}
