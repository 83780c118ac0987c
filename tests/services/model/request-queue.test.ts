import { APIError, AuthenticationError, RateLimitError } from 'openai';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IncompleteAnswerError, ModelTimeoutError } from '@/services/model/model-client';
import {
  CircuitOpenError,
  MalformedAnswerError,
  createRequestQueue,
  judgeError,
  retryAfterOf,
  type ProviderHealth,
} from '@/services/model/request-queue';

const LIMITS = { maxConcurrent: 2, requestsPerMinute: 0 };

function rateLimited(retryAfter: string) {
  return new RateLimitError(429, { message: 'slow down' }, 'slow down', new Headers({ 'retry-after': retryAfter }));
}
const serverError = () => APIError.generate(500, { message: 'oops' }, 'oops', new Headers());

describe('request queue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps at most maxConcurrent requests in flight per provider, in order, others independent', async () => {
    const queue = createRequestQueue();
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (n: number) => async () => {
      started.push(n);
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 10));
      active--;
      return n;
    };
    const runs = [1, 2, 3, 4, 5].map((n) => queue.run('a', LIMITS, task(n)));
    const other = queue.run('b', LIMITS, async () => 'b');
    await expect(other).resolves.toBe('b');
    await vi.advanceTimersByTimeAsync(100);
    expect(await Promise.all(runs)).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
  });

  it('starts no more than requestsPerMinute in a minute', async () => {
    const queue = createRequestQueue();
    const startedAt: number[] = [];
    const runs = Array.from({ length: 3 }, () =>
      queue.run('a', { maxConcurrent: 5, requestsPerMinute: 2 }, async () => {
        startedAt.push(Date.now());
      }),
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(startedAt).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(runs);
    expect(startedAt[2]! - startedAt[0]!).toBeGreaterThanOrEqual(60_000);
  });

  it('retries a bounded number of times with growing, jittered backoff, then gives up', async () => {
    const queue = createRequestQueue({ random: () => 1, baseBackoffMs: 100 });
    const attempts: number[] = [];
    const run = queue.run(
      'a',
      LIMITS,
      async (_signal, attempt) => {
        attempts.push(Date.now());
        throw serverError();
      },
      { maxAttempts: 3 },
    );
    const outcome = run.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await outcome).toBeInstanceOf(APIError);
    expect(attempts).toHaveLength(3);
    expect(attempts[1]! - attempts[0]!).toBe(100);
    expect(attempts[2]! - attempts[1]!).toBe(200);
  });

  it('honours Retry-After for the whole provider, not just the request that got it', async () => {
    const queue = createRequestQueue({ random: () => 0 });
    const health: ProviderHealth[] = [];
    const queueWithHealth = createRequestQueue({ random: () => 0, onHealthChange: (h) => health.push(h) });
    void queue;
    let calls = 0;
    const first = queueWithHealth.run('a', LIMITS, async () => {
      calls++;
      if (calls === 1) throw rateLimited('3');
      return 'ok';
    });
    await vi.advanceTimersByTimeAsync(1);
    // A second request arriving during the pause waits too.
    const secondStarted: number[] = [];
    const second = queueWithHealth.run('a', LIMITS, async () => {
      secondStarted.push(Date.now());
    });
    const pausedAt = Date.now();
    await vi.advanceTimersByTimeAsync(2_900);
    expect(calls).toBe(1);
    expect(secondStarted).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    await expect(first).resolves.toBe('ok');
    await second;
    expect(secondStarted[0]! - pausedAt).toBeGreaterThanOrEqual(2_900);
    expect(health.some((h) => h.state === 'rate-limited')).toBe(true);
  });

  it('fails at once instead of waiting for a Retry-After longer than a minute', async () => {
    const queue = createRequestQueue();
    let calls = 0;
    const outcome = queue
      .run('a', LIMITS, async () => {
        calls++;
        throw rateLimited('3600');
      })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    expect(await outcome).toBeInstanceOf(RateLimitError);
    expect(calls).toBe(1);
  });

  it('does not retry a refused key or a bad request', async () => {
    const queue = createRequestQueue();
    let calls = 0;
    const outcome = queue
      .run('a', LIMITS, async () => {
        calls++;
        throw new AuthenticationError(401, { message: 'bad key' }, 'bad key', new Headers());
      })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    expect(await outcome).toBeInstanceOf(AuthenticationError);
    expect(calls).toBe(1);
  });

  it('opens the circuit after repeated failures, refuses calls while open, and closes after a good probe', async () => {
    const health: ProviderHealth[] = [];
    const queue = createRequestQueue({ circuitThreshold: 3, circuitCooldownMs: 1_000, random: () => 0, onHealthChange: (h) => health.push(h) });
    let calls = 0;
    const failing = async () => {
      calls++;
      throw serverError();
    };
    const outcome = queue.run('a', LIMITS, failing, { maxAttempts: 3 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    await outcome;
    expect(calls).toBe(3);
    expect(health.at(-1)).toMatchObject({ state: 'circuit-open', consecutiveFailures: 3 });

    const refused = await queue.run('a', LIMITS, failing).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CircuitOpenError);
    expect(calls).toBe(3);

    await vi.advanceTimersByTimeAsync(1_000);
    await expect(queue.run('a', LIMITS, async () => 'back')).resolves.toBe('back');
    expect(health.at(-1)).toMatchObject({ state: 'ok', consecutiveFailures: 0 });
  });

  it('reopens the circuit for longer when the probe fails', async () => {
    const queue = createRequestQueue({ circuitThreshold: 1, circuitCooldownMs: 1_000, random: () => 0 });
    const failing = async () => {
      throw serverError();
    };
    await queue.run('a', LIMITS, failing, { maxAttempts: 1 }).catch(() => {});
    await vi.advanceTimersByTimeAsync(1_000);
    await queue.run('a', LIMITS, failing, { maxAttempts: 1 }).catch(() => {});
    const [health] = queue.health();
    expect(health?.state).toBe('circuit-open');
    expect(health!.until! - Date.now()).toBeGreaterThanOrEqual(2_000);
  });

  it('cancels waiting and running work when the caller aborts, without counting it against the provider', async () => {
    const queue = createRequestQueue();
    const controller = new AbortController();
    let ranSecond = false;
    const first = queue.run('a', { maxConcurrent: 1, requestsPerMinute: 0 }, (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))), {
      signal: controller.signal,
    });
    const second = queue.run('a', { maxConcurrent: 1, requestsPerMinute: 0 }, async () => {
      ranSecond = true;
    }, { signal: controller.signal });
    controller.abort(new DOMException('left', 'AbortError'));
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    expect(ranSecond).toBe(false);
    expect(queue.health()[0]).toMatchObject({ state: 'ok', consecutiveFailures: 0 });
  });

  it('calls onAttempt before every attempt, so the count can be persisted', async () => {
    const queue = createRequestQueue({ random: () => 0 });
    const seen: number[] = [];
    const outcome = queue
      .run('a', LIMITS, async () => {
        throw new IncompleteAnswerError();
      }, { maxAttempts: 2, onAttempt: (n) => void seen.push(n) })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    await outcome;
    expect(seen).toEqual([1, 2]);
  });

  it('takes back an open circuit a previous worker saved', async () => {
    const queue = createRequestQueue();
    queue.restoreHealth([{ providerKey: 'a', state: 'circuit-open', until: Date.now() + 5_000, consecutiveFailures: 5, lastError: 'boom' }], () => LIMITS);
    await expect(queue.run('a', LIMITS, async () => 'x')).rejects.toBeInstanceOf(CircuitOpenError);
  });
});

describe('judgeError and retryAfterOf', () => {
  it('retries rate limits, server errors, timeouts, cut streams and malformed answers; not client errors', () => {
    expect(judgeError(rateLimited('2'))).toEqual({ retryable: true, countsAgainstProvider: true, retryAfterMs: 2000 });
    expect(judgeError(serverError())).toMatchObject({ retryable: true, countsAgainstProvider: true });
    expect(judgeError(new ModelTimeoutError(1000))).toMatchObject({ retryable: true });
    expect(judgeError(new IncompleteAnswerError())).toMatchObject({ retryable: true });
    expect(judgeError(new MalformedAnswerError('x'))).toEqual({ retryable: true, countsAgainstProvider: false });
    expect(judgeError(APIError.generate(400, { message: 'bad' }, 'bad', new Headers()))).toMatchObject({ retryable: false });
    expect(judgeError(new Error('a bug'))).toMatchObject({ retryable: false });
  });

  it('reads retry-after-ms, seconds and HTTP dates', () => {
    expect(retryAfterOf(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterOf(new Headers({ 'retry-after': '7' }))).toBe(7000);
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(retryAfterOf(new Headers({ 'retry-after': 'Wed, 25 Nov 2026 10:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterOf(new Headers())).toBeUndefined();
  });
});
