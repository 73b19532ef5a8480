import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { listenOrigins } from './origins';

const address = (address: string, family: 'IPv4' | 'IPv6') => ({ address, family }) as NetworkInterfaceInfo;
const interfaces = { lo: [address('127.0.0.1', 'IPv4'), address('::1', 'IPv6')], eth0: [address('192.168.1.20', 'IPv4'), address('fe80::1', 'IPv6')] };

describe('listenOrigins', () => {
  it('names a loopback address by every loopback name', () => {
    const loopback = ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787'];
    expect(listenOrigins('127.0.0.1', 8787, interfaces)).toEqual(loopback);
    expect(listenOrigins('localhost', 8787, interfaces)).toEqual(loopback);
  });

  it('names a wildcard bind by loopback and by every interface address', () => {
    expect(listenOrigins('0.0.0.0', 8787, interfaces)).toEqual([
      'http://127.0.0.1:8787',
      'http://localhost:8787',
      'http://[::1]:8787',
      'http://192.168.1.20:8787',
      'http://[fe80::1]:8787',
    ]);
  });

  it('names any other address by itself, as a browser writes the Origin', () => {
    expect(listenOrigins('192.168.1.20', 80, interfaces)).toEqual(['http://192.168.1.20']);
    expect(listenOrigins('2001:db8::7', 8787, interfaces)).toEqual(['http://[2001:db8::7]:8787']);
  });
});
