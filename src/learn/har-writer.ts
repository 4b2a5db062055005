import { createWriteStream, type WriteStream } from 'node:fs';
import { Redactor } from '../core/redact.js';
import { faultlineVersion } from '../core/version.js';
import type { TrafficSample } from './types.js';

/**
 * Writes recorded samples as a HAR 1.2 file, entry by entry (nothing is kept in memory). Credentials are
 * redacted by name as in reports (Authorization keeps its scheme, cookies their names), so the file can
 * be shared and learnt from again: the schemes still show, the values do not.
 */
export class HarWriter {
  private readonly stream: WriteStream;
  private readonly redactor = new Redactor([]);
  private entries = 0;

  constructor(readonly file: string) {
    this.stream = createWriteStream(file);
    this.stream.write(`{"log":{"version":"1.2","creator":{"name":"faultline","version":${JSON.stringify(faultlineVersion())}},"entries":[\n`);
  }

  add(sample: TrafficSample, timing: { readonly startedAt: Date; readonly durationMs: number }): void {
    const headers = (list: TrafficSample['requestHeaders']) => list.map(([name, value]) => ({ name, value: this.redactor.headers({ [name]: value })[name]! }));
    const url = this.redactor.url(sample.url.href);
    const entry = {
      startedDateTime: timing.startedAt.toISOString(),
      time: Math.round(timing.durationMs * 1000) / 1000,
      request: {
        method: sample.method,
        url,
        httpVersion: 'HTTP/1.1',
        headers: headers(sample.requestHeaders),
        queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
        cookies: [],
        headersSize: -1,
        bodySize: sample.requestBody ? Buffer.byteLength(sample.requestBody.text) : 0,
        ...(sample.requestBody ? { postData: { mimeType: sample.requestBody.mediaType, text: this.redactor.body(sample.requestBody.text, sample.requestBody.mediaType) } } : {}),
      },
      response: {
        status: sample.status,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        // The body below is decoded: its encoding header would no longer be true.
        headers: headers(sample.responseHeaders.filter(([name]) => name !== 'content-encoding' && name !== 'content-length')),
        cookies: [],
        content: {
          size: sample.responseBody ? Buffer.byteLength(sample.responseBody.text) : 0,
          mimeType: sample.responseBody?.mediaType ?? '',
          ...(sample.responseBody ? { text: this.redactor.body(sample.responseBody.text, sample.responseBody.mediaType) } : {}),
        },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: Math.round(timing.durationMs * 1000) / 1000, receive: 0 },
    };
    this.stream.write(`${this.entries > 0 ? ',\n' : ''}${JSON.stringify(entry)}`);
    this.entries += 1;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end('\n]}}\n', () => resolve());
    });
  }
}
