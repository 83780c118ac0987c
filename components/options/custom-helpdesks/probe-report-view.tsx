import { AUTHOR_ROLES } from '@/services/helpdesk/types';
import type { ProbeReport } from '@/services/helpdesk/custom/probe';
import { customHelpdeskText as text } from './custom-helpdesk-text';
import { composerKindLabel, problemText, roleLabel } from './custom-helpdesk-words';

const READING_KEYS = {
  conversation: 'report_reading_conversation',
  'no-conversation': 'report_reading_no_conversation',
  unrecognised: 'report_reading_unrecognised',
} as const;

/** The live test's report: what each selector found, samples of the text read, and the problems in words. Page text is text only. */
export function ProbeReportView({ report }: { report: ProbeReport }) {
  const ok = report.reading === 'conversation' && report.problems.length === 0;
  return (
    <section class={`probe-report probe-report--${ok ? 'ok' : 'problems'}`} data-testid="probe-report" aria-live="polite">
      <h4>{text('report_heading', [report.url])}</h4>
      <p class={`probe-report__reading result--${report.reading === 'conversation' ? 'ok' : 'failed'}`} data-testid="probe-reading">
        {text(READING_KEYS[report.reading])}
      </p>
      <ul class="probe-report__facts">
        {report.conversationId !== null ? <li>{text('report_conversation', [report.conversationId])}</li> : null}
        {report.title !== null ? <li>{text('report_title', [report.title])}</li> : null}
        <li data-testid="probe-messages">{text('report_messages', [report.messagesMatched, report.messagesRead, report.messagesSkipped])}</li>
        {AUTHOR_ROLES.filter((role) => report.roleCounts[role] > 0).map((role) => (
          <li key={role} data-testid={`probe-role-${role}`}>
            {text('report_role_count', [roleLabel(role), report.roleCounts[role]])}
          </li>
        ))}
        {report.composer.found && report.composer.kind ? (
          <li data-testid="probe-composer">{text('report_composer_found', [composerKindLabel(report.composer.kind)])}</li>
        ) : null}
      </ul>
      {report.samples.length > 0 ? (
        <>
          <h5>{text('report_samples')}</h5>
          <ol class="probe-report__samples" data-testid="probe-samples">
            {report.samples.map((sample, index) => (
              <li key={index}>
                <span class="probe-report__role">{roleLabel(sample.role)}</span> <span class="probe-report__text">{sample.text}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <h5>{text('report_problems')}</h5>
      {report.problems.length === 0 ? (
        <p class="result--ok">{text('report_no_problems')}</p>
      ) : (
        <ul class="probe-report__problems error" data-testid="probe-problems">
          {report.problems.map((problem, index) => (
            <li key={index} data-code={problem.code}>
              {problemText(problem)}
            </li>
          ))}
        </ul>
      )}
      <p class="hint">{text('report_highlight_hint')}</p>
    </section>
  );
}
