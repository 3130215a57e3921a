/**
 * The only host APIs the pure core may use, and so the only ones it sees when `npm run typecheck`
 * checks it against tsconfig.core.json (lib ES2023, no DOM, no Node types): Web Crypto for the
 * passphrase encryption, TextEncoder/TextDecoder and atob/btoa. Browsers and Node 20 both provide
 * them as globals, which is why core runs unchanged in the page, the command line and the tests.
 * Anything else (localStorage, document, window, fetch, Buffer, process…) is not declared and does
 * not compile in src/core or src/report.
 *
 * The declarations are a subset of TypeScript's lib.dom.d.ts, with the same names and shapes:
 * exactly the members core calls. Using another one is a deliberate edit here, checked in review.
 * tsconfig.json leaves this file out: its programs have the full DOM lib, which declares them all.
 */

/* eslint-disable no-var -- `declare var` as in lib.dom: core reads `globalThis.crypto`. */

type BufferSource = ArrayBufferView<ArrayBuffer> | ArrayBuffer;
/** lib.dom's KeyUsage, narrowed to the uses core has: derive the AES key, encrypt, decrypt. */
type KeyUsage = 'deriveKey' | 'encrypt' | 'decrypt';

interface KeyAlgorithm {
  name: string;
}

interface CryptoKey {
  readonly algorithm: KeyAlgorithm;
  readonly extractable: boolean;
  readonly type: 'private' | 'public' | 'secret';
  readonly usages: KeyUsage[];
}

interface Pbkdf2Params {
  name: 'PBKDF2';
  hash: string;
  iterations: number;
  salt: BufferSource;
}

interface AesDerivedKeyParams {
  name: string;
  length: number;
}

interface AesGcmParams {
  name: 'AES-GCM';
  iv: BufferSource;
  additionalData?: BufferSource;
  tagLength?: number;
}

interface SubtleCrypto {
  importKey(
    format: 'raw',
    keyData: BufferSource,
    algorithm: string | KeyAlgorithm,
    extractable: boolean,
    keyUsages: readonly KeyUsage[],
  ): Promise<CryptoKey>;
  deriveKey(
    algorithm: Pbkdf2Params,
    baseKey: CryptoKey,
    derivedKeyType: AesDerivedKeyParams,
    extractable: boolean,
    keyUsages: readonly KeyUsage[],
  ): Promise<CryptoKey>;
  encrypt(algorithm: AesGcmParams, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
  decrypt(algorithm: AesGcmParams, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
}

interface Crypto {
  /** Missing in browsers on pages not served over https; core checks before using it. */
  readonly subtle: SubtleCrypto;
  getRandomValues<T extends ArrayBufferView<ArrayBuffer>>(array: T): T;
}

declare var crypto: Crypto;

interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare var TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
}

declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};

declare function atob(data: string): string;
declare function btoa(data: string): string;
