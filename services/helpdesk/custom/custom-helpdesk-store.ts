import { storage } from 'wxt/utils/storage';
import {
  CUSTOM_HELPDESKS_STORAGE_KEY,
  customHelpdesksSchema,
  parseCustomHelpdesks,
  type CustomHelpdesk,
  type ParsedCustomHelpdesks,
} from './descriptor';

/**
 * The stored list of custom helpdesks. Its value is `unknown` on purpose: an administrator, an older version
 * or a test may have written anything there, and it is validated on every read. Read by the background and
 * the options page; a custom helpdesk's content script asks the background for its own descriptor
 * (`content/custom-helpdesk`), as extension storage is closed to content scripts.
 */
const customHelpdesksItem = storage.defineItem<unknown>(`local:${CUSTOM_HELPDESKS_STORAGE_KEY}`);

export async function loadCustomHelpdesks(): Promise<ParsedCustomHelpdesks> {
  return parseCustomHelpdesks(await customHelpdesksItem.getValue());
}

/** Refuses (throws) an invalid list: the options page validates first, this is the last guard. */
export async function saveCustomHelpdesks(helpdesks: readonly CustomHelpdesk[]): Promise<void> {
  await customHelpdesksItem.setValue(customHelpdesksSchema.parse(helpdesks));
}

export function watchCustomHelpdesks(onChange: (parsed: ParsedCustomHelpdesks) => void): () => void {
  return customHelpdesksItem.watch((value) => onChange(parseCustomHelpdesks(value)));
}
