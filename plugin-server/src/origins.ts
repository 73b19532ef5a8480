/**
 * The Chrome build's origin: its id is pinned by the public key in wxt.config.ts, so it is the
 * same on every machine. Firefox makes up an origin per install, so it must be configured.
 */
export const PINNED_EXTENSION_ORIGINS: readonly string[] = ['chrome-extension://olajigdaoeoedjnogpakenpdpknookmp'];
