import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptFile,
  encryptText,
  minimumIterations,
} from '../../../src/core/crypto/passphrase.ts';
import { exportAssessmentFile } from '../../../src/core/assessment/transfer.ts';
import { fromBase64 } from '../../../src/core/text.ts';
import { fixtureAssessment } from '../../support/storeFixtures.ts';

const salt = Uint8Array.from(Buffer.from('00112233445566778899aabbccddeeff', 'hex'));
const iv = Uint8Array.from(Buffer.from('0102030405060708090a0b0c', 'hex'));
const passphrase = 'correct horse battery staple';
const plaintext = '{"hello":"Привет"}';

describe('passphrase encryption', () => {
  it('produces the known ciphertext for a fixed passphrase, salt and IV (known-answer test)', async () => {
    const file = JSON.parse(await encryptText(plaintext, passphrase, { salt, iv })) as Record<
      string,
      unknown
    >;
    expect(file).toEqual({
      format: 'cellguard-encrypted',
      formatVersion: 1,
      kdf: {
        name: 'PBKDF2',
        hash: 'SHA-256',
        iterations: 600_000,
        salt: 'ABEiM0RVZneImaq7zN3u/w==',
      },
      cipher: { name: 'AES-GCM', iv: 'AQIDBAUGBwgJCgsM' },
      ciphertext: 'wxaQKqKihtOhGYYnQjAxb2MLlWoEGoxNCRXJKoUp8KDAcpOqag9OCw==',
    });
  });

  it("can be opened by an independent implementation (Node's crypto: PBKDF2-SHA-256 then AES-256-GCM)", async () => {
    const file = JSON.parse(await encryptText('any assessment text ✓', 'another passphrase')) as {
      kdf: { salt: string; iterations: number };
      cipher: { iv: string };
      ciphertext: string;
    };
    expect(file.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    const key = pbkdf2Sync(
      'another passphrase',
      fromBase64(file.kdf.salt),
      file.kdf.iterations,
      32,
      'sha256',
    );
    const sealed = fromBase64(file.ciphertext);
    const decipher = createDecipheriv('aes-256-gcm', key, fromBase64(file.cipher.iv));
    decipher.setAuthTag(sealed.slice(-16));
    expect(
      Buffer.concat([decipher.update(sealed.slice(0, -16)), decipher.final()]).toString('utf8'),
    ).toBe('any assessment text ✓');
  });

  it('uses a fresh salt and IV for every file', async () => {
    const [a, b] = await Promise.all([
      encryptText(plaintext, passphrase),
      encryptText(plaintext, passphrase),
    ]);
    const parse = (text: string) =>
      JSON.parse(text) as { kdf: { salt: string }; cipher: { iv: string }; ciphertext: string };
    expect(parse(a).kdf.salt).not.toBe(parse(b).kdf.salt);
    expect(parse(a).cipher.iv).not.toBe(parse(b).cipher.iv);
    expect(parse(a).ciphertext).not.toBe(parse(b).ciphertext);
  });

  it('decrypts with the right passphrase and says plainly when it is wrong or the file was changed', async () => {
    const text = await encryptText(plaintext, passphrase, { salt, iv });
    expect(await decryptFile(JSON.parse(text), passphrase)).toEqual({ ok: true, value: plaintext });
    const wrong = {
      ok: false,
      problems: [
        {
          path: '',
          code: 'wrong-passphrase',
          message: 'The passphrase is wrong, or the file was changed after it was encrypted.',
        },
      ],
    };
    expect(await decryptFile(JSON.parse(text), 'correct horse battery stapler')).toEqual(wrong);
    const tampered = JSON.parse(text) as { ciphertext: string };
    tampered.ciphertext = `A${tampered.ciphertext.slice(1)}`;
    expect(await decryptFile(tampered, passphrase)).toEqual(wrong);
  });

  it('refuses files asking for too few or absurdly many iterations, and short passphrases', async () => {
    const file = JSON.parse(await encryptText(plaintext, passphrase, { salt, iv })) as {
      kdf: { iterations: number };
      cipher: { iv: string };
    };
    const damaged = {
      ok: false,
      problems: [
        {
          path: '',
          message: 'The encrypted file is damaged or not in a form Cellguard can read.',
        },
      ],
    };
    expect(
      await decryptFile(
        { ...file, kdf: { ...file.kdf, iterations: minimumIterations - 1 } },
        passphrase,
      ),
    ).toEqual(damaged);
    expect(
      await decryptFile({ ...file, kdf: { ...file.kdf, iterations: 1e12 } }, passphrase),
    ).toEqual(damaged);
    // Base64 by its characters but not by its length: refused, never thrown.
    expect(
      await decryptFile({ ...file, cipher: { ...file.cipher, iv: 'abcde' } }, passphrase),
    ).toEqual(damaged);
    await expect(encryptText(plaintext, 'short')).rejects.toThrow(RangeError);
    const exported = await exportAssessmentFile(
      fixtureAssessment('middle-profile'),
      new Date(),
      'short',
    );
    expect(exported).toEqual({
      ok: false,
      problems: [{ path: 'passphrase', message: 'Choose a passphrase of at least 8 characters.' }],
    });
  });
});
