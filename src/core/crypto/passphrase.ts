import { z } from '../shared/zod.ts';
import { fail, succeed, type Problem, type Result } from '../result.ts';
import { fromBase64, toBase64 } from '../text.ts';

/**
 * Passphrase encryption of exported files: AES-GCM with a 256-bit key derived by PBKDF2-SHA-256,
 * a fresh random salt and IV per file. Uses the platform's WebCrypto (browser or Node); nothing here
 * is hand-rolled cryptography.
 */

export const encryptedFormat = 'cellguard-encrypted';
/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const minimumIterations = 600_000;
/** A file asking for more is refused rather than left to freeze the browser. */
const maximumIterations = 10_000_000;

const base64 = (maxLength: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')
    .max(maxLength);

/** What one assessment file can need (about 6 MB of text); a backup of a whole device states more. */
export const singleFileCiphertextLimit = 8_000_000;

const encryptedFileSchema = (maxCiphertextLength: number) =>
  z.strictObject({
    format: z.literal(encryptedFormat),
    formatVersion: z.literal(1),
    kdf: z.strictObject({
      name: z.literal('PBKDF2'),
      hash: z.literal('SHA-256'),
      iterations: z.number().int().min(minimumIterations).max(maximumIterations),
      salt: base64(1_000),
    }),
    cipher: z.strictObject({ name: z.literal('AES-GCM'), iv: base64(1_000) }),
    ciphertext: base64(maxCiphertextLength),
  });

export type EncryptedFile = z.infer<ReturnType<typeof encryptedFileSchema>>;

/** Thrown where Web Crypto is missing: browsers withhold it from pages not served over https. */
export class CryptoUnavailableError extends Error {
  constructor() {
    super('Web Crypto is not available');
    this.name = 'CryptoUnavailableError';
  }
}

export const cryptoUnavailable: Problem = {
  path: '',
  code: 'crypto-unavailable',
  message:
    'This browser only allows encryption on pages served over https or from this computer (localhost).',
};

function subtle(): SubtleCrypto {
  const available = globalThis.crypto?.subtle;
  if (!available) throw new CryptoUnavailableError();
  return available;
}

export async function deriveKey(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<CryptoKey> {
  const material = await subtle().importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt.slice(), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export interface EncryptionParameters {
  iterations?: number;
  /** Fixed only by known-answer tests; fresh random values otherwise. */
  salt?: Uint8Array;
  iv?: Uint8Array;
}

export const minimumPassphraseLength = 8;

/** The encrypted file's text; throws CryptoUnavailableError where Web Crypto is missing. */
export async function encryptText(
  plaintext: string,
  passphrase: string,
  parameters: EncryptionParameters = {},
): Promise<string> {
  if (passphrase.length < minimumPassphraseLength)
    throw new RangeError(`a passphrase has at least ${minimumPassphraseLength} characters`);
  const iterations = Math.max(parameters.iterations ?? minimumIterations, minimumIterations);
  const salt = parameters.salt ?? crypto.getRandomValues(new Uint8Array(16));
  const iv = parameters.iv ?? crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, iterations);
  const ciphertext = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv: iv.slice() },
      key,
      new TextEncoder().encode(plaintext),
    ),
  );
  const file: EncryptedFile = {
    format: encryptedFormat,
    formatVersion: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    ciphertext: toBase64(ciphertext),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export const damagedEncryptedFile: Problem = {
  path: '',
  message: 'The encrypted file is damaged or not in a form Cellguard can read.',
};

/** Whether an encrypted file is well-formed enough to be worth asking for its passphrase. */
export function isWellFormedEncryptedFile(
  value: unknown,
  maxCiphertextLength = singleFileCiphertextLimit,
): boolean {
  return encryptedFileSchema(maxCiphertextLength).safeParse(value).success;
}

/**
 * The bytes of the base64 fields, or undefined when one is not: the schema's pattern admits
 * lengths (such as 5 characters) that atob throws on.
 */
function decodeAll(fields: readonly string[]): Uint8Array[] | undefined {
  try {
    return fields.map(fromBase64);
  } catch {
    return undefined;
  }
}

export function isEncryptedFile(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as { format?: unknown }).format === encryptedFormat
  );
}

/**
 * Opens an encrypted file to its plain text; a wrong passphrase, a damaged file and a browser
 * without Web Crypto are told apart by their problem's code. Never throws.
 */
export async function decryptFile(
  value: unknown,
  passphrase: string,
  maxCiphertextLength = singleFileCiphertextLimit,
): Promise<Result<string>> {
  const parsed = encryptedFileSchema(maxCiphertextLength).safeParse(value);
  if (!parsed.success) return fail(damagedEncryptedFile);
  const { kdf, cipher, ciphertext } = parsed.data;
  const [iv, salt, sealed] = decodeAll([cipher.iv, kdf.salt, ciphertext]) ?? [];
  if (!iv || !salt || !sealed) return fail(damagedEncryptedFile);
  if (iv.length !== 12 || salt.length < 16)
    return fail({
      path: 'kdf.salt',
      message: 'The encrypted file is damaged (its salt or IV has the wrong length).',
    });
  try {
    const key = await deriveKey(passphrase, salt, kdf.iterations);
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: iv.slice() }, key, sealed.slice());
    return succeed(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch (error) {
    if (error instanceof CryptoUnavailableError) return fail(cryptoUnavailable);
    return fail({
      path: '',
      code: 'wrong-passphrase',
      message: 'The passphrase is wrong, or the file was changed after it was encrypted.',
    });
  }
}

/** A file's text encrypted with a passphrase, every failure in plain words. Never throws. */
export async function sealText(text: string, passphrase: string): Promise<Result<string>> {
  try {
    return succeed(await encryptText(text, passphrase));
  } catch (error) {
    if (error instanceof CryptoUnavailableError) return fail(cryptoUnavailable);
    if (error instanceof RangeError)
      return fail({ path: 'passphrase', message: 'Choose a passphrase of at least 8 characters.' });
    return fail({
      path: '',
      message: 'This browser could not encrypt the file. Your answers are safe; try again.',
    });
  }
}
