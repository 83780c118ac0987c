import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { i18n } from '@/services/i18n/i18n';
import { CircuitOpenError } from './request-queue';

/**
 * A provider error in plain words for an agent or a lead, with the provider's own message kept
 * (it often says exactly what is wrong: the model name, the quota, the key).
 */
export function describeModelError(error: unknown): string {
  if (error instanceof CircuitOpenError) {
    const until = new Date(error.until).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return i18n.t('errors.circuit_open', [error.lastError ?? '?', until]);
  }
  if (error instanceof DOMException && error.name === 'AbortError') return i18n.t('errors.cancelled');
  if (error instanceof APIUserAbortError) return i18n.t('errors.cancelled');
  if (error instanceof APIConnectionTimeoutError) return i18n.t('errors.timeout');
  if (error instanceof APIConnectionError) return i18n.t('errors.unreachable');
  if (error instanceof APIError) {
    const detail = providerMessage(error);
    const said = detail ? i18n.t('errors.provider_said', [detail]) : '';
    switch (error.status) {
      case 400:
        return i18n.t('errors.status_400', [said]);
      case 401:
        return i18n.t('errors.status_401', [said]);
      case 403:
        return i18n.t('errors.status_403', [said]);
      case 404:
        return i18n.t('errors.status_404', [said]);
      case 429:
        return i18n.t('errors.status_429', [said]);
      default:
        if (error.status !== undefined && error.status >= 500) return i18n.t('errors.status_5xx', [String(error.status), said]);
        return i18n.t('errors.status_other', [String(error.status ?? '?'), said]);
    }
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

function providerMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  if (body && typeof body.message === 'string') return body.message;
  return '';
}
