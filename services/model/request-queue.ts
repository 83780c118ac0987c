import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { IncompleteAnswerError, ModelTimeoutError } from './model-client';

/**
 * The one queue every model request goes through, per provider:
 * - at most `maxConcurrent` requests in flight and `requestsPerMinute` started per minute;
 * - a 429's `Retry-After` pauses the whole provider, not just the request that got it;
 * - failures are retried a bounded number of times (`maxAttempts`, whatever the cause) with
 *   exponential backoff and full jitter, so a burst of errors never becomes a retry storm;
 * - a provider that keeps failing trips a circuit: calls fail at once (the caller falls back to the
 *   next provider) until a cool-down passes, then one probe request decides whether it closes;
 * - a caller's AbortSignal (the agent left the conversation) removes its work from the queue or
 *   cancels it in flight.
 * Health (rate-limited, circuit open) is reported through `onHealthChange` so the UI can say so.
 */

export interface QueueLimits {
  maxConcurrent: number;
  /** 0 = no limit. */
  requestsPerMinute: number;
}

export interface RunOptions {
  /** Cancels the work: waiting or in flight. */
  signal?: AbortSignal;
  /** Attempts in total, including the first (default 3). */
  maxAttempts?: number;
  /** Called before each attempt starts (to persist the count: a restarted worker must not reset it). */
  onAttempt?(attempt: number): void | Promise<void>;
}

export type ProviderState = 'ok' | 'rate-limited' | 'circuit-open';

export interface ProviderHealth {
  providerKey: string;
  state: ProviderState;
  /** Epoch ms until which the provider is paused or its circuit open. */
  until?: number;
  consecutiveFailures: number;
  /** The last error, as the error object's message. */
  lastError?: string;
}

export interface RequestQueueOptions {
  /** Consecutive failures that open the circuit (default 5). */
  circuitThreshold?: number;
  /** First cool-down of an open circuit (default 30 s), doubled each time it opens again, up to `maxCooldownMs`. */
  circuitCooldownMs?: number;
  maxCooldownMs?: number;
  /** Backoff base and cap (default 500 ms and 20 s). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** A Retry-After longer than this is not waited for: the attempt fails and the caller falls back (default 60 s). */
  maxRetryAfterMs?: number;
  random?: () => number;
  onHealthChange?(health: ProviderHealth): void;
}

/** The provider's circuit is open: the call was not made. */
export class CircuitOpenError extends Error {
  constructor(
    readonly providerKey: string,
    readonly until: number,
    readonly lastError: string | undefined,
  ) {
    super(`circuit open for ${providerKey}`);
    this.name = 'CircuitOpenError';
  }
}

/** The model's answer could not be used (malformed JSON, missing items): worth another try. */
export class MalformedAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedAnswerError';
  }
}

export interface ErrorVerdict {
  /** Another attempt may succeed. */
  retryable: boolean;
  /** Counts towards opening the provider's circuit. */
  countsAgainstProvider: boolean;
  /** How long the provider asked to be left alone. */
  retryAfterMs?: number;
}

/** How the queue treats an error from a request. */
export function judgeError(error: unknown): ErrorVerdict {
  if (error instanceof MalformedAnswerError) return { retryable: true, countsAgainstProvider: false };
  if (error instanceof ModelTimeoutError || error instanceof IncompleteAnswerError) return { retryable: true, countsAgainstProvider: true };
  if (error instanceof APIUserAbortError) return { retryable: false, countsAgainstProvider: false };
  if (error instanceof APIConnectionError) return { retryable: true, countsAgainstProvider: true };
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    const retryAfterMs = retryAfterOf(error.headers);
    if (status === 429) return { retryable: true, countsAgainstProvider: true, retryAfterMs };
    if (status === 408 || status === 409 || status >= 500) return { retryable: true, countsAgainstProvider: true, retryAfterMs };
    return { retryable: false, countsAgainstProvider: false };
  }
  // A network failure surfaced by fetch itself ("terminated", "network error") is worth a retry.
  if (error instanceof TypeError) return { retryable: true, countsAgainstProvider: true };
  return { retryable: false, countsAgainstProvider: false };
}

/** `retry-after-ms` (OpenAI), else `retry-after` in seconds or as an HTTP date. */
export function retryAfterOf(headers: unknown, now = Date.now()): number | undefined {
  const get = (name: string): string | null => {
    if (!headers) return null;
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
    const value = (headers as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : null;
  };
  const ms = Number(get('retry-after-ms'));
  if (get('retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = get('retry-after');
  if (raw === null) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
  signal?: AbortSignal;
}

interface ProviderSlotState {
  active: number;
  waiting: Waiter[];
  startTimes: number[];
  limits: QueueLimits;
  pausedUntil: number;
  circuitOpenUntil: number;
  /** True while the single probe after a cool-down is in flight. */
  probing: boolean;
  openings: number;
  consecutiveFailures: number;
  lastError?: string;
  timer?: ReturnType<typeof setTimeout>;
}

export function createRequestQueue(options: RequestQueueOptions = {}) {
  const circuitThreshold = options.circuitThreshold ?? 5;
  const circuitCooldownMs = options.circuitCooldownMs ?? 30_000;
  const maxCooldownMs = options.maxCooldownMs ?? 300_000;
  const baseBackoffMs = options.baseBackoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 20_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const random = options.random ?? Math.random;
  const providers = new Map<string, ProviderSlotState>();

  function stateOf(providerKey: string, limits: QueueLimits): ProviderSlotState {
    let state = providers.get(providerKey);
    if (!state) {
      state = {
        active: 0,
        waiting: [],
        startTimes: [],
        limits,
        pausedUntil: 0,
        circuitOpenUntil: 0,
        probing: false,
        openings: 0,
        consecutiveFailures: 0,
      };
      providers.set(providerKey, state);
    }
    state.limits = limits;
    return state;
  }

  function healthOf(providerKey: string, state: ProviderSlotState): ProviderHealth {
    const now = Date.now();
    const health: ProviderHealth = { providerKey, state: 'ok', consecutiveFailures: state.consecutiveFailures, lastError: state.lastError };
    if (state.circuitOpenUntil > 0 && (state.circuitOpenUntil > now || state.probing)) {
      health.state = 'circuit-open';
      health.until = state.circuitOpenUntil;
    } else if (state.pausedUntil > now) {
      health.state = 'rate-limited';
      health.until = state.pausedUntil;
    }
    return health;
  }

  function report(providerKey: string, state: ProviderSlotState) {
    options.onHealthChange?.(healthOf(providerKey, state));
  }

  /** Lets waiting requests start as far as limits allow; schedules itself for when a time limit ends. */
  function pump(providerKey: string, state: ProviderSlotState) {
    clearTimeout(state.timer);
    state.timer = undefined;
    const now = Date.now();
    state.startTimes = state.startTimes.filter((at) => now - at < 60_000);
    // An open circuit refuses everything waiting, so callers can fall back at once.
    if (state.circuitOpenUntil > now || state.probing) {
      for (const waiter of state.waiting.splice(0)) waiter.reject(new CircuitOpenError(providerKey, state.circuitOpenUntil, state.lastError));
      return;
    }
    while (state.waiting.length > 0 && state.active < state.limits.maxConcurrent) {
      let waitMs = 0;
      if (state.pausedUntil > now) waitMs = state.pausedUntil - now;
      const rpm = state.limits.requestsPerMinute;
      if (rpm > 0 && state.startTimes.length >= rpm) waitMs = Math.max(waitMs, state.startTimes[0]! + 60_000 - now);
      if (waitMs > 0) {
        state.timer = setTimeout(() => pump(providerKey, state), waitMs);
        return;
      }
      const waiter = state.waiting.shift()!;
      state.active++;
      state.startTimes.push(now);
      // After a cool-down, the first request through is the probe: others wait for its outcome.
      if (state.circuitOpenUntil > 0) state.probing = true;
      waiter.resolve();
      if (state.probing) return;
    }
  }

  function acquire(providerKey: string, state: ProviderSlotState, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (state.circuitOpenUntil > Date.now() || state.probing) {
      return Promise.reject(new CircuitOpenError(providerKey, state.circuitOpenUntil, state.lastError));
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
        signal,
      };
      const onAbort = () => {
        const index = state.waiting.indexOf(waiter);
        if (index >= 0) state.waiting.splice(index, 1);
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      state.waiting.push(waiter);
      pump(providerKey, state);
    });
  }

  function release(providerKey: string, state: ProviderSlotState, outcome: 'success' | 'failure' | 'neutral', error?: unknown, verdict?: ErrorVerdict) {
    state.active--;
    const wasProbe = state.probing;
    state.probing = false;
    const now = Date.now();
    if (outcome === 'success') {
      const changed = state.consecutiveFailures > 0 || state.circuitOpenUntil > 0;
      state.consecutiveFailures = 0;
      state.circuitOpenUntil = 0;
      state.openings = 0;
      state.lastError = undefined;
      if (changed) report(providerKey, state);
    } else if (outcome === 'failure') {
      state.consecutiveFailures++;
      state.lastError = error instanceof Error ? error.message : String(error);
      if (verdict?.retryAfterMs !== undefined) state.pausedUntil = Math.max(state.pausedUntil, now + verdict.retryAfterMs);
      if (wasProbe || state.consecutiveFailures >= circuitThreshold) {
        const cooldown = Math.min(maxCooldownMs, circuitCooldownMs * 2 ** state.openings);
        state.openings++;
        state.circuitOpenUntil = Math.max(now + cooldown, state.pausedUntil);
      }
      report(providerKey, state);
    } else if (wasProbe) {
      // A cancelled probe says nothing about the provider: the next request probes again.
    }
    pump(providerKey, state);
  }

  /**
   * Runs `task` for a provider within its limits, retrying as described above. The task gets a
   * signal that aborts when the caller cancels, and the attempt number (1-based).
   */
  async function run<T>(
    providerKey: string,
    limits: QueueLimits,
    task: (signal: AbortSignal, attempt: number) => Promise<T>,
    runOptions: RunOptions = {},
  ): Promise<T> {
    const maxAttempts = Math.max(1, runOptions.maxAttempts ?? 3);
    const state = stateOf(providerKey, limits);
    for (let attempt = 1; ; attempt++) {
      await acquire(providerKey, state, runOptions.signal);
      let verdict: ErrorVerdict | undefined;
      if (runOptions.signal?.aborted) {
        release(providerKey, state, 'neutral');
        throw abortReason(runOptions.signal);
      }
      try {
        await runOptions.onAttempt?.(attempt);
        const result = await task(runOptions.signal ?? new AbortController().signal, attempt);
        release(providerKey, state, 'success');
        return result;
      } catch (error) {
        if (runOptions.signal?.aborted) {
          release(providerKey, state, 'neutral');
          throw abortReason(runOptions.signal);
        }
        verdict = judgeError(error);
        release(providerKey, state, verdict.countsAgainstProvider ? 'failure' : verdict.retryable ? 'neutral' : 'failure', error, verdict);
        if (!verdict.retryable || attempt >= maxAttempts) throw error;
        if (verdict.retryAfterMs !== undefined && verdict.retryAfterMs > maxRetryAfterMs) throw error;
        // Full jitter: anywhere between 0 and the exponential bound, so retries of many items spread out.
        const backoff = random() * Math.min(maxBackoffMs, baseBackoffMs * 2 ** (attempt - 1));
        await sleep(Math.max(backoff, verdict.retryAfterMs ?? 0), runOptions.signal);
      }
    }
  }

  /** Current health of every provider the queue has seen. */
  function health(): ProviderHealth[] {
    return [...providers].map(([key, state]) => healthOf(key, state));
  }

  /** Takes back what a previous worker knew (an open circuit, a Retry-After pause) so a restart does not hammer a failing provider. */
  function restoreHealth(saved: readonly ProviderHealth[], limits: (providerKey: string) => QueueLimits) {
    const now = Date.now();
    for (const entry of saved) {
      if (!entry.until || entry.until <= now) continue;
      const state = stateOf(entry.providerKey, limits(entry.providerKey));
      state.consecutiveFailures = entry.consecutiveFailures;
      state.lastError = entry.lastError;
      if (entry.state === 'circuit-open') state.circuitOpenUntil = entry.until;
      if (entry.state === 'rate-limited') state.pausedUntil = entry.until;
    }
  }

  return { run, health, restoreHealth };
}

export type RequestQueue = ReturnType<typeof createRequestQueue>;

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('Aborted', 'AbortError');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
