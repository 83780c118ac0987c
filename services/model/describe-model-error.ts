import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/**
 * A provider error in plain words for an agent or a lead, with the provider's own message kept
 * (it often says exactly what is wrong: the model name, the quota, the key).
 */
export function describeModelError(error: unknown): string {
  if (error instanceof APIUserAbortError) return 'The request was cancelled.';
  if (error instanceof APIConnectionTimeoutError) return 'The provider did not answer in time.';
  if (error instanceof APIConnectionError) {
    return 'Could not reach the provider: check the base URL, that the server is running, and that Parley may access it.';
  }
  if (error instanceof APIError) {
    const detail = providerMessage(error);
    const suffix = detail ? ` The provider said: "${detail}"` : '';
    switch (error.status) {
      case 400:
        return `The provider rejected the request (400).${suffix}`;
      case 401:
        return `The provider refused the API key (401).${suffix}`;
      case 403:
        return `The API key is not allowed to use this model or endpoint (403).${suffix}`;
      case 404:
        return `The provider does not know this model or endpoint (404): check the model name and the base URL.${suffix}`;
      case 429:
        return `The provider is rate-limiting or the quota is used up (429).${suffix}`;
      default:
        if (error.status !== undefined && error.status >= 500) {
          return `The provider had an internal error (${error.status}). Try again later.${suffix}`;
        }
        return `The provider answered with an error${error.status ? ` (${error.status})` : ''}.${suffix}`;
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
