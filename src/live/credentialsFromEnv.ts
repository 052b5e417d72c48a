import type { LiveExchange } from './liveExchange';
import { EXCHANGE_NAMES, NEEDS_PASSPHRASE } from './liveExchange';
import { LiveError } from './liveErrors';
import type { Credentials } from './signers';

/** The environment variable that holds one part of an exchange's key, e.g. `MULTIASSET_OKX_PASSPHRASE`. */
export function credentialVariable(exchange: LiveExchange, part: 'KEY' | 'SECRET' | 'PASSPHRASE' | 'REST'): string {
  return `MULTIASSET_${exchange.toUpperCase()}_${part}`;
}

/**
 * The key, secret and (OKX, Bitget) passphrase from the environment. A missing or empty variable is refused
 * by name; the values themselves never appear in a message.
 */
export function credentialsFromEnv(exchange: LiveExchange, env: Readonly<Record<string, string | undefined>>): Credentials {
  const read = (part: 'KEY' | 'SECRET' | 'PASSPHRASE', what: string): string => {
    const variable = credentialVariable(exchange, part);
    const value = env[variable];
    if (value === undefined || value.trim() === '')
      throw new LiveError('MISSING_CREDENTIAL', { exchange: EXCHANGE_NAMES[exchange], variable, what });
    return value.trim();
  };
  const key = read('KEY', 'the API key');
  const secret = read('SECRET', 'the API secret');
  if (!NEEDS_PASSPHRASE[exchange]) return { key, secret };
  return { key, secret, passphrase: read('PASSPHRASE', 'the passphrase chosen when the key was made') };
}
