import { describe, expect, it } from '@jest/globals';
import { ReadyForQueryScanner } from './ready-for-query-scanner';

function message(type: string, body: number[]): number[] {
  const length = body.length + 4;
  return [
    type.charCodeAt(0),
    length >>> 24,
    (length >>> 16) & 0xff,
    (length >>> 8) & 0xff,
    length & 0xff,
    ...body,
  ];
}

const commandComplete = message('C', [...Buffer.from('SELECT 1\0')]);
const readyIdle = message('Z', ['I'.charCodeAt(0)]);
const readyInTransaction = message('Z', ['T'.charCodeAt(0)]);
// A DataRow whose payload contains the bytes of a fake ReadyForQuery must not be mistaken for one.
const decoy = message('D', [0, 1, 0, 0, 0, 6, ...readyIdle.slice(0, 5), 'E'.charCodeAt(0)]);

describe('ReadyForQueryScanner', () => {
  it('reports null until a ReadyForQuery arrives', () => {
    const scanner = new ReadyForQueryScanner();
    scanner.push(Uint8Array.from([...decoy, ...commandComplete]));
    expect(scanner.lastStatus).toBeNull();
  });

  it('keeps the status of the last ReadyForQuery', () => {
    const scanner = new ReadyForQueryScanner();
    scanner.push(Uint8Array.from([...readyIdle, ...commandComplete, ...readyInTransaction]));
    expect(scanner.lastStatus).toBe('T');
  });

  it('parses messages split at every possible byte boundary', () => {
    const stream = [...decoy, ...commandComplete, ...readyInTransaction, ...decoy, ...readyIdle];
    for (let cut = 0; cut <= stream.length; cut++) {
      for (let cut2 = cut; cut2 <= stream.length; cut2 += 3) {
        const scanner = new ReadyForQueryScanner();
        scanner.push(Uint8Array.from(stream.slice(0, cut)));
        scanner.push(Uint8Array.from(stream.slice(cut, cut2)));
        scanner.push(Uint8Array.from(stream.slice(cut2)));
        expect(scanner.lastStatus).toBe('I');
      }
    }
  });
});
