import { describe, expect, it, vi } from 'vitest';
import {
  customHelpdeskSchema,
  customHelpdesksSchema,
  parseCustomHelpdesks,
  regexGroups,
  selectorProblem,
  validateCustomHelpdesk,
  type CustomHelpdeskInput,
} from '@/services/helpdesk/custom/descriptor';
import { contentScriptIdOf, hostPermissionOrigins } from '@/services/helpdesk/custom/custom-helpdesk-hosts';
import { CHATWOOT_INPUT, TIDY_INPUT } from './custom-fixtures';

/** The issues of one refused descriptor, as `path → reason`. */
function refusal(change: Partial<CustomHelpdeskInput>) {
  const result = validateCustomHelpdesk({ ...CHATWOOT_INPUT, ...change });
  if (result.ok) throw new Error('expected the descriptor to be refused');
  return result.issues;
}

describe('customHelpdeskSchema', () => {
  it('accepts both fixture descriptors and lower-cases the scheme and host of a pattern', () => {
    expect(customHelpdeskSchema.safeParse(TIDY_INPUT).success).toBe(true);
    const parsed = customHelpdeskSchema.parse({ ...CHATWOOT_INPUT, urlPatterns: ['HTTPS://Support.Acme-Shop.test/App/*'] });
    expect(parsed.urlPatterns).toEqual(['https://support.acme-shop.test/App/*']);
  });

  it('refuses a conversation id regex that does not compile, or does not have exactly one group, saying why', () => {
    const syntax = refusal({ conversationIdFrom: { source: 'url', regex: '/conversations/(\\d+' } });
    expect(syntax).toMatchObject([{ path: 'conversationIdFrom.regex', reason: 'regex-syntax' }]);
    expect(syntax[0]!.message).toMatch(/^does not compile: /);
    expect(syntax[0]!.detail).toBeTruthy();

    expect(refusal({ conversationIdFrom: { source: 'url', regex: '/conversations/\\d+' } })).toMatchObject([
      { path: 'conversationIdFrom.regex', reason: 'regex-groups', detail: '0' },
    ]);
    expect(refusal({ conversationIdFrom: { source: 'url', regex: '/(accounts|inbox)/(\\d+)' } })).toMatchObject([
      { path: 'conversationIdFrom.regex', reason: 'regex-groups', detail: '2' },
    ]);
    // A non-capturing group for the rest is the way out the message suggests.
    expect(validateCustomHelpdesk({ ...CHATWOOT_INPUT, conversationIdFrom: { source: 'url', regex: '/(?:accounts|inbox)/(\\d+)' } }).ok).toBe(true);
  });

  it('refuses invalid CSS selectors wherever they are, naming the field and the selector', () => {
    expect(refusal({ messageSelector: 'li[data-message-id' })).toMatchObject([
      { path: 'messageSelector', reason: 'selector', message: expect.stringContaining('"li[data-message-id" is not a valid CSS selector') },
    ]);
    expect(refusal({ roleRules: [{ selector: '.is-private', role: 'note' }, { selector: '.justify-end >', role: 'agent' }] })).toMatchObject([
      { path: 'roleRules.1.selector', reason: 'selector' },
    ]);
    expect(refusal({ excludeSelectors: ['blockquote', '##meta'] })).toMatchObject([{ path: 'excludeSelectors.1', reason: 'selector' }]);
    expect(refusal({ composerSelector: '   ' })).toMatchObject([{ path: 'composerSelector', reason: 'required' }]);
  });

  it.each([
    ['support.acme-shop.test/*', 'pattern-format', 'must look like'],
    ['https://support.acme-shop.test', 'pattern-format', 'needs a path: write https://support.acme-shop.test/*'],
    ['ftp://support.acme-shop.test/*', 'pattern-scheme', 'scheme "ftp"'],
    ['file:///home/agent/*', 'pattern-scheme', 'scheme "file"'],
    ['https://support.acme-shop.test:8443/*', 'pattern-port', 'leave the port out'],
    ['<all_urls>', 'pattern-broad', 'every site'],
    ['https://*/*', 'pattern-broad', 'every site'],
    ['*://*.test/*', 'pattern-broad', 'top-level domain'],
    ['https://support.*.test/*', 'pattern-host', 'may only start the host'],
    ['https://support acme.test/*', 'pattern-host', 'not a host name'],
  ])('refuses the match pattern %s (%s)', (pattern, reason, words) => {
    const issues = refusal({ urlPatterns: ['https://support.acme-shop.test/app/*', pattern] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'urlPatterns.1', reason });
    expect(issues[0]!.message).toContain(words);
  });

  it('accepts wildcard subdomains, both schemes, and hosts without a dot', () => {
    for (const pattern of ['https://*.acme-shop.test/*', '*://helpdesk.intranet.test/tickets/*', 'http://localhost/*']) {
      expect(validateCustomHelpdesk({ ...CHATWOOT_INPUT, urlPatterns: [pattern] }).ok, pattern).toBe(true);
    }
    expect(refusal({ urlPatterns: [] })).toMatchObject([{ path: 'urlPatterns', reason: 'no-patterns' }]);
  });

  it('refuses a bad id, a bad attribute name and an unknown role', () => {
    expect(refusal({ id: 'Acme Chatwoot' })).toMatchObject([{ path: 'id', reason: 'slug' }]);
    expect(refusal({ messageIdAttribute: 'data message id' })).toMatchObject([{ path: 'messageIdAttribute', reason: 'attribute-name' }]);
    expect(refusal({ defaultRole: 'author' as never })).toMatchObject([{ path: 'defaultRole', reason: 'invalid' }]);
    expect(validateCustomHelpdesk(CHATWOOT_INPUT, ['acme-chatwoot'])).toMatchObject({ ok: false, issues: [{ path: 'id', reason: 'duplicate-id' }] });
  });

  it('refuses a list using one id twice', () => {
    const result = customHelpdesksSchema.safeParse([CHATWOOT_INPUT, TIDY_INPUT, { ...TIDY_INPUT, name: 'Copy' }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([2, 'id']);
  });
});

describe('regexGroups and selectorProblem', () => {
  it('counts capturing groups, not non-capturing or escaped ones', () => {
    expect(regexGroups('/c/(\\d+)')).toEqual({ groups: 1 });
    expect(regexGroups('(?:a|b)\\((\\d+)\\)(?<tail>x)?')).toEqual({ groups: 2 });
    expect(regexGroups('[')).toHaveProperty('error');
  });

  it('lets selectors through where there is no DOM to ask (the background), instead of refusing every one', () => {
    expect(selectorProblem('li[')).toMatch(/not a valid CSS selector/);
    vi.stubGlobal('document', undefined);
    try {
      expect(selectorProblem('li[')).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('parseCustomHelpdesks', () => {
  it('keeps every valid helpdesk and names each one left out, with the first reason', () => {
    const { helpdesks, warnings } = parseCustomHelpdesks([
      CHATWOOT_INPUT,
      { ...TIDY_INPUT, id: 'broken', name: 'Broken regex', conversationIdFrom: { source: 'url', regex: '(' } },
      'garbage',
      TIDY_INPUT,
      { ...TIDY_INPUT, name: 'Tidy again' },
    ]);
    expect(helpdesks.map((h) => h.id)).toEqual(['acme-chatwoot', 'tidy-tickets']);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^custom helpdesk 2 \("Broken regex"\): conversationIdFrom\.regex: does not compile/);
    expect(warnings[1]).toMatch(/^custom helpdesk 3: /);
    expect(warnings[2]).toBe('custom helpdesk 5 ("Tidy again"): id: "tidy-tickets" is used by another helpdesk');
  });

  it('says how many more problems an entry had', () => {
    const { warnings } = parseCustomHelpdesks([{ ...TIDY_INPUT, messageSelector: 'li[', composerSelector: '' }]);
    expect(warnings).toEqual([expect.stringMatching(/^custom helpdesk 1 \("Tidy Tickets"\): messageSelector: .* \(and 1 more\)$/)]);
  });

  it('never throws: nothing stored is an empty list, anything but a list is one warning', () => {
    expect(parseCustomHelpdesks(undefined)).toEqual({ helpdesks: [], warnings: [] });
    expect(parseCustomHelpdesks({ helpdesks: [] })).toEqual({ helpdesks: [], warnings: ['custom helpdesks: expected a list'] });
  });
});

describe('host permissions and registration ids', () => {
  it('asks for each host once, with the path widened to /*', () => {
    const origins = hostPermissionOrigins([
      { urlPatterns: ['https://support.acme-shop.test/app/*', 'https://support.acme-shop.test/inbox/*'] },
      { urlPatterns: ['*://*.intranet.test/tickets/*'] },
    ]);
    expect(origins).toEqual(['https://support.acme-shop.test/*', '*://*.intranet.test/*']);
    expect(contentScriptIdOf({ id: 'tidy-tickets' })).toBe('parley-custom-tidy-tickets');
  });
});
