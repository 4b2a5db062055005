/** The error a wait ends with when its link goes away; the pipeline treats it as "stop", not as a fault. */
export class LinkClosedError extends Error {
  constructor() {
    super('link closed');
    this.name = 'LinkClosedError';
  }
}

/** Wait `ms` milliseconds, or reject with LinkClosedError as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new LinkClosedError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(new LinkClosedError());
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves when `release` is called; rejects with LinkClosedError when `signal` aborts first. */
export function held(signal: AbortSignal): { readonly promise: Promise<void>; release(): void } {
  let release = () => {};
  const promise = new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new LinkClosedError());
    const onAbort = () => reject(new LinkClosedError());
    signal.addEventListener('abort', onAbort, { once: true });
    release = () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    };
  });
  // A hold nobody awaits must not surface as an unhandled rejection when its link closes.
  promise.catch(() => {});
  return { promise, release };
}
