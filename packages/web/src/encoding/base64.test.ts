import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { base64ToBytes } from './base64-to-bytes';
import { bytesToBase64 } from './bytes-to-base64';

describe('base64', () => {
  it('matches Node for every byte value and round-trips', () => {
    const bytes = new Uint8Array([...Array(256).keys(), ...randomBytes(301)]);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(text)).toEqual(bytes);
    expect(bytesToBase64(new Uint8Array([]))).toBe('');
  });
});
