import { exchangeText, redactSecrets } from '../liveErrors';
import type { Credentials } from '../signers';

/**
 * Text from outside (an exchange's error message) made fit for a cell, a status line or an error: bounded,
 * without control characters, and with every secret of the key replaced (the exchange could echo one back).
 */
export function withoutSecrets(text: string, keys: Credentials | null): string {
  const bounded = exchangeText(text);
  return keys === null ? bounded : redactSecrets(bounded, [keys.secret, keys.passphrase, keys.key]);
}
