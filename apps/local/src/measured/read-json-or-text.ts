import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** An HTTP answer whose body is parsed JSON, or the raw text when it is not JSON. */
export interface JsonOrTextAnswer {
  status: number;
  body: unknown;
  headers: IncomingHttpHeaders;
}

/** Reads a whole response body, parsing it as JSON when it is JSON. */
export function readJsonOrText(res: IncomingMessage): Promise<JsonOrTextAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: keep the text.
      }
      resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
    });
    res.on('error', reject);
  });
}
