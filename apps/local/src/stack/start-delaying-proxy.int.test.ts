import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startDelayingProxy, type DelayingProxy } from './start-delaying-proxy';

describe('startDelayingProxy', () => {
  let echo: net.Server;
  let proxy: DelayingProxy;

  beforeAll(async () => {
    echo = net.createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', () => resolve()));
    const { port } = echo.address() as net.AddressInfo;
    proxy = await startDelayingProxy({ target: { host: '127.0.0.1', port }, delayMs: 2 });
  });

  afterAll(async () => {
    await proxy?.close();
    await new Promise<void>((resolve) => echo.close(() => resolve()));
  });

  it('forwards every chunk both ways, in order', async () => {
    const socket = net.connect(proxy.port, proxy.host);
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    const chunks = Array.from({ length: 50 }, (_, i) => `chunk-${i};`);
    for (const chunk of chunks) socket.write(chunk);
    const expected = chunks.join('');
    await new Promise<void>((resolve) => {
      const check = () =>
        Buffer.concat(received).length >= expected.length ? resolve() : setTimeout(check, 5);
      check();
    });
    socket.end();
    expect(Buffer.concat(received).toString()).toBe(expected);
  });
});
