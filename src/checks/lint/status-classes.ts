/** Response status keys as written in a spec: '200', '2XX', '4xx', 'default'. */

export function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|xx)$/i.test(status);
}

/** A status that documents a failure: any 4xx/5xx (exact or range) or `default`, which usually carries errors. */
export function isErrorStatus(status: string): boolean {
  return status === 'default' || /^[45](\d\d|xx)$/i.test(status);
}

/** A status that documents an authentication or authorisation failure (or could: 4XX, default). */
export function isAuthErrorStatus(status: string): boolean {
  return status === '401' || status === '403' || status === 'default' || /^4xx$/i.test(status);
}
