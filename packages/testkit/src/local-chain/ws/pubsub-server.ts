import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as z from 'zod';
import type { Commitment } from '../chain/block-clock';
import type { ChainCore } from '../chain/chain-core';
import type { LandedTransaction } from '../chain/ledger';
import { encodeAccount } from '../rpc/encode-account';
import { RPC_ERROR } from '../rpc/rpc-error';
import {
  API_VERSION,
  accountEncodingSchema,
  commitmentSchema,
  pubkeySchema,
} from '../rpc/rpc-params';
import { toJson } from '../rpc/to-json';
import { WebSocketConnection } from './websocket-connection';

const RANK: Record<Commitment, number> = { processed: 0, confirmed: 1, finalized: 2 };

const requestSchema = z.object({
  jsonrpc: z.literal('2.0'),
  id: z.union([z.number(), z.string(), z.null()]).optional(),
  method: z.string(),
  params: z.array(z.unknown()).optional(),
});

const signatureParams = z.tuple([
  z.string(),
  z
    .object({
      commitment: commitmentSchema.optional(),
      enableReceivedNotification: z.boolean().optional(),
    })
    .nullish(),
]);
const accountParams = z.tuple([
  pubkeySchema,
  z
    .object({ commitment: commitmentSchema.optional(), encoding: accountEncodingSchema.optional() })
    .nullish(),
]);
const unsubscribeParams = z.tuple([z.number().int()]);

type Subscription =
  | { kind: 'signature'; signature: string; commitment: Commitment }
  | { kind: 'slot' }
  | { kind: 'root' }
  | {
      kind: 'account';
      pubkey: string;
      commitment: Commitment;
      encoding: z.output<typeof accountEncodingSchema>;
      pendingSlots: number[];
    };

interface Client {
  connection: WebSocketConnection;
  subscriptions: Map<number, Subscription>;
}

const UNSUBSCRIBE: Record<string, Subscription['kind']> = {
  signatureUnsubscribe: 'signature',
  slotUnsubscribe: 'slot',
  rootUnsubscribe: 'root',
  accountUnsubscribe: 'account',
};

/**
 * The PubSub (WebSocket) side of the RPC: `signatureSubscribe` (what web3.js
 * `confirmTransaction` waits on), `accountSubscribe`, `slotSubscribe`, `rootSubscribe`.
 */
export class PubSubServer {
  private readonly clients = new Set<Client>();
  private nextId = 1;

  constructor(private readonly core: ChainCore) {
    core.subscribe({
      onLanded: (landed) => this.onLanded(landed),
      onSlot: () => this.onSlot(),
    });
  }

  /** Handles an HTTP `upgrade` event. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // The handlers are created before the connection exists, so they reach the client through a ref.
    const ref: { client?: Client } = {};
    const connection = WebSocketConnection.accept(request, socket, head, {
      onMessage: (text) => {
        if (ref.client) this.onMessage(ref.client, text);
      },
      onClose: () => {
        if (ref.client) this.clients.delete(ref.client);
      },
    });
    if (!connection) return;
    ref.client = { connection, subscriptions: new Map() };
    this.clients.add(ref.client);
  }

  /** Closes every client connection with a normal close (code 1000). */
  closeAll(): void {
    for (const client of [...this.clients]) client.connection.close(1000);
    this.clients.clear();
  }

  private send(client: Client, message: unknown): void {
    client.connection.send(toJson(message));
  }

  private notify(client: Client, id: number, method: string, result: unknown): void {
    this.send(client, { jsonrpc: '2.0', method, params: { result, subscription: id } });
  }

  private onMessage(client: Client, text: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      this.send(client, {
        jsonrpc: '2.0',
        error: { code: RPC_ERROR.parseError, message: 'Parse error' },
        id: null,
      });
      return;
    }
    const parsed = requestSchema.safeParse(raw);
    if (!parsed.success) {
      this.send(client, {
        jsonrpc: '2.0',
        error: { code: RPC_ERROR.invalidRequest, message: 'Invalid request' },
        id: null,
      });
      return;
    }
    const { id, method, params } = parsed.data;
    // Notifications (no id), such as web3.js' heartbeat `ping`, get no answer.
    if (id === undefined) return;
    const reply = (result: unknown) => this.send(client, { jsonrpc: '2.0', result, id });
    const fail = (code: number, message: string) =>
      this.send(client, { jsonrpc: '2.0', error: { code, message }, id });
    const unsubscribeKind = UNSUBSCRIBE[method];
    if (unsubscribeKind) {
      const args = unsubscribeParams.safeParse(params ?? []);
      if (!args.success) return fail(RPC_ERROR.invalidParams, 'Invalid params');
      const existing = client.subscriptions.get(args.data[0]);
      if (!existing || existing.kind !== unsubscribeKind)
        return fail(RPC_ERROR.invalidParams, 'Invalid subscription id.');
      client.subscriptions.delete(args.data[0]);
      return reply(true);
    }
    let subscription: Subscription;
    switch (method) {
      case 'signatureSubscribe': {
        const args = signatureParams.safeParse(params ?? []);
        if (!args.success) return fail(RPC_ERROR.invalidParams, 'Invalid params');
        const [signature, config] = args.data;
        subscription = {
          kind: 'signature',
          signature,
          commitment: config?.commitment ?? 'finalized',
        };
        break;
      }
      case 'accountSubscribe': {
        const args = accountParams.safeParse(params ?? []);
        if (!args.success) return fail(RPC_ERROR.invalidParams, 'Invalid params');
        const [pubkey, config] = args.data;
        subscription = {
          kind: 'account',
          pubkey,
          commitment: config?.commitment ?? 'finalized',
          encoding: config?.encoding ?? 'base64',
          pendingSlots: [],
        };
        break;
      }
      case 'slotSubscribe':
        subscription = { kind: 'slot' };
        break;
      case 'rootSubscribe':
        subscription = { kind: 'root' };
        break;
      default:
        return fail(RPC_ERROR.methodNotFound, 'Method not found');
    }
    const subscriptionId = this.nextId;
    this.nextId += 1;
    client.subscriptions.set(subscriptionId, subscription);
    reply(subscriptionId);
    if (subscription.kind === 'signature')
      this.checkSignature(client, subscriptionId, subscription);
  }

  private checkSignature(
    client: Client,
    id: number,
    subscription: Extract<Subscription, { kind: 'signature' }>,
  ): void {
    const landed = this.core.ledger.get(subscription.signature);
    if (!landed) return;
    if (RANK[this.core.clock.commitmentOf(landed.slot)] < RANK[subscription.commitment]) return;
    // Signature subscriptions end after their one notification, like on a validator.
    client.subscriptions.delete(id);
    this.notify(client, id, 'signatureNotification', {
      context: { slot: landed.slot, apiVersion: API_VERSION },
      value: { err: landed.meta.err },
    });
  }

  private onLanded(landed: LandedTransaction): void {
    const keys = new Set(landed.accountKeys);
    for (const client of this.clients) {
      for (const [id, subscription] of client.subscriptions) {
        if (subscription.kind === 'signature' && subscription.signature === landed.signature) {
          this.checkSignature(client, id, subscription);
        } else if (subscription.kind === 'account' && keys.has(subscription.pubkey)) {
          subscription.pendingSlots.push(landed.slot);
          this.flushAccount(client, id, subscription);
        }
      }
    }
  }

  private onSlot(): void {
    const { clock } = this.core;
    const tip = clock.tip;
    const root = clock.blockAt('finalized').slot;
    for (const client of this.clients) {
      for (const [id, subscription] of client.subscriptions) {
        if (subscription.kind === 'signature') this.checkSignature(client, id, subscription);
        else if (subscription.kind === 'account') this.flushAccount(client, id, subscription);
        else if (subscription.kind === 'slot') {
          this.notify(client, id, 'slotNotification', {
            parent: tip.slot - 1,
            root,
            slot: tip.slot,
          });
        } else {
          this.notify(client, id, 'rootNotification', root);
        }
      }
    }
  }

  private flushAccount(
    client: Client,
    id: number,
    subscription: Extract<Subscription, { kind: 'account' }>,
  ): void {
    const { clock, svm } = this.core;
    const ready = subscription.pendingSlots.filter(
      (slot) => RANK[clock.commitmentOf(slot)] >= RANK[subscription.commitment],
    );
    if (ready.length === 0) return;
    subscription.pendingSlots = subscription.pendingSlots.filter((slot) => !ready.includes(slot));
    const account = svm.getAccount(subscription.pubkey);
    const read = (key: string) => svm.getAccount(key);
    this.notify(client, id, 'accountNotification', {
      context: { slot: Math.max(...ready), apiVersion: API_VERSION },
      value: account
        ? encodeAccount(account, subscription.encoding, read)
        : {
            lamports: 0,
            data: ['', 'base64'],
            owner: '11111111111111111111111111111111',
            executable: false,
            rentEpoch: 0,
            space: 0,
          },
    });
  }
}
