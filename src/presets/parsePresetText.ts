import type { Preset } from '../engine/model';
import { parseJsonText } from './jsonText';
import { parsePreset } from './parsePreset';

/**
 * Reads a preset pasted as JSON text: malformed JSON is refused with its line, column and position, a
 * well-formed but invalid preset with the path of the bad field (both INVALID_PRESET).
 *
 * @example
 * parsePresetText(JSON.stringify(presetToJson(BITGET_PRESET))).id; // 'bitget'
 */
export function parsePresetText(text: string): Preset {
  return parsePreset(parseJsonText(text));
}
