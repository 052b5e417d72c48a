import type { AccountExchange } from '../../presets/account';
import type { Credentials } from '../signers';

/** The exchanges whose keys carry a passphrase. */
export const NEEDS_PASSPHRASE: Readonly<Record<AccountExchange, boolean>> = { binance: false, okx: true, bybit: false, bitget: true };

/**
 * Text from outside (an exchange's error message) with every secret replaced, bounded in length: what may reach a
 * cell, a status line or an error. The exchange is untrusted: it could echo a key back.
 */
export function withoutSecrets(text: string, keys: Credentials | null, limit = 200): string {
  let out = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  if (keys) {
    for (const secret of [keys.secret, keys.passphrase ?? '', keys.key]) {
      if (secret.length >= 4) out = out.split(secret).join('…');
    }
  }
  return out.length > limit ? `${out.slice(0, limit)}…` : out;
}
