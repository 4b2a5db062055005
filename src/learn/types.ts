/** One request and its response, as `learn` takes them from a HAR entry or the recording proxy. */
export interface TrafficSample {
  /** Upper-case. */
  readonly method: string;
  readonly url: URL;
  /** Names lower-case, in the order sent. */
  readonly requestHeaders: readonly (readonly [string, string])[];
  readonly requestBody?: SampleBody;
  readonly status: number;
  readonly responseHeaders: readonly (readonly [string, string])[];
  readonly responseBody?: SampleBody;
}

export interface SampleBody {
  /** The media type without parameters, lower-case ('' when none was given). */
  readonly mediaType: string;
  readonly text: string;
}

/** The first value of a header (names are lower-case in samples). */
export function headerOf(headers: readonly (readonly [string, string])[], name: string): string | undefined {
  for (const [key, value] of headers) if (key === name) return value;
  return undefined;
}

export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}
