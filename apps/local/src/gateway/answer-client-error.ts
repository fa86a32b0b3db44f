import type { Duplex } from 'node:stream';

/** Node's parser errors we answer, with API Gateway-like JSON `{ code, message }`. */
const ANSWERS: Record<string, { status: number; reason: string; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
    message: 'Request line and headers are too large',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'REQUEST_TIMEOUT',
    message: 'The request was not received in time',
  },
};

const BAD_REQUEST = {
  status: 400,
  reason: 'Bad Request',
  code: 'BAD_REQUEST',
  message: 'Malformed HTTP request',
};

/**
 * The gateway's `clientError` listener: a request Node cannot parse (headers over its 16 KB
 * limit, a malformed request line) never reaches a route, and Node's default answer is a bare
 * status line. Answer with the same JSON error shape as every other gateway error instead, then
 * close the connection (the parser cannot continue on it).
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const answer = ANSWERS[error.code ?? ''] ?? BAD_REQUEST;
  const body = JSON.stringify({ code: answer.code, message: answer.message });
  socket.end(
    `HTTP/1.1 ${answer.status} ${answer.reason}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
