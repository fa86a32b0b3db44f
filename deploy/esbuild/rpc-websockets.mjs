// Stand-in for rpc-websockets in Lambda bundles (see lambda-plugins.cjs and docs/adr/0016).
// web3.js's `Connection` builds its WebSocket client in its constructor (without connecting) and
// registers its listeners; the socket is opened only for subscriptions (`onSignature`,
// `onAccountChange`, …, and `confirmTransaction`, which waits on one), which no Lambda makes.
// So construction and `on` work, and opening or using the socket fails with this error.
import { EventEmitter } from 'node:events';

const UNAVAILABLE =
  'web3.js subscriptions (WebSocket) are not bundled into the Lambdas (docs/adr/0016): ' +
  'poll over HTTP instead, or drop the rpc-websockets stand-in from deploy/esbuild/lambda-plugins.cjs';

export class CommonClient extends EventEmitter {
  // web3.js passes a socket factory, the address and options: none is used without a socket.
  constructor() {
    super();
  }

  connect() {
    throw new Error(UNAVAILABLE);
  }

  call() {
    return Promise.reject(new Error(UNAVAILABLE));
  }

  notify() {
    return Promise.reject(new Error(UNAVAILABLE));
  }

  close() {}
}

export function WebSocket() {
  throw new Error(UNAVAILABLE);
}
