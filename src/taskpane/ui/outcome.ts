import { isMarginError } from '../../engine/errors';
import { isPaneError } from './paneErrors';

/** A computed figure, or the message explaining why it does not exist (shown in its place). */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** The message to show for a failure: the message of the engine's or the pane's own error, or a plain description of anything else. */
export function messageOf(error: unknown): string {
  if (isMarginError(error) || isPaneError(error)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Unexpected error: ${detail}`;
}

/**
 * Runs one calculation for display. A failure becomes its message, because one unavailable figure (say, an
 * asset with unpublished tiers) must not take the rest of the pane down with it.
 */
export function attempt<T>(compute: () => T): Outcome<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}
