import { fail } from '../engine/errors';
import type { Preset } from '../engine/model';
import { BUILTIN_PRESETS } from './builtin';
import { invalid } from './jsonRead';
import { parsePreset } from './parsePreset';
import { presetToJson } from './presetToJson';

const FIRST_DEFAULT = 'binance';

const key = (id: string): string => id.trim().toLowerCase();

/**
 * A preset stored in the workbook that was refused when the workbook was read. Its document is kept as stored,
 * so that saving the workbook's presets again does not lose it; `id` is null when the document names none.
 */
export interface RefusedPreset {
  readonly id: string | null;
  /** 1-based position in the stored list, for a message. */
  readonly position: number;
  /** Why it was refused: the INVALID_PRESET message, naming the field. */
  readonly reason: string;
  readonly document: unknown;
}

/**
 * The presets a workbook can use: the built-in ones plus the workbook's custom ones, and which is the default.
 * Pure (no Office): the Excel side keeps one instance and saves `customs()` and `defaultId` in the workbook.
 * Every change is all-or-nothing: a refused change leaves presets, default and listeners as they were.
 */
export class PresetRegistry {
  private readonly builtins: readonly Preset[];
  private customList: readonly Preset[] = [];
  private refusedList: readonly RefusedPreset[] = [];
  private defaultKey: string;
  private readonly listeners = new Set<() => void>();

  constructor(builtins: readonly Preset[] = BUILTIN_PRESETS) {
    const seen = new Set<string>();
    for (const p of builtins) {
      if (seen.has(key(p.id))) invalid('id', `built-in preset "${p.id}" appears twice`);
      seen.add(key(p.id));
    }
    this.builtins = Object.freeze([...builtins]);
    this.defaultKey = seen.has(FIRST_DEFAULT) ? FIRST_DEFAULT : key(builtins[0]?.id ?? '');
  }

  /** The id of the preset used when a formula names none. */
  get defaultId(): string {
    return this.find(this.defaultKey)?.id ?? this.findRefused(this.defaultKey)?.id ?? this.defaultKey;
  }

  /**
   * Makes `id` (case-insensitive) the default: a preset, or a stored preset that was refused (formulas naming no
   * exchange then answer PRESET_REFUSED). UNKNOWN_EXCHANGE when neither has that id.
   */
  setDefault(id: string): void {
    const preset = this.find(key(id));
    // A refused stored preset stays the default it was: formulas then say so instead of using another exchange.
    const wanted = preset === undefined ? (this.findRefused(key(id)) === undefined ? this.unknown(id) : key(id)) : key(preset.id);
    if (wanted === this.defaultKey) return;
    this.defaultKey = wanted;
    this.notify();
  }

  /**
   * The preset with this id (case-insensitive, surrounding blanks ignored); null, '' or undefined → the default.
   * A preset the workbook stores but that was refused is PRESET_REFUSED (#N/A), never another preset instead.
   */
  resolve(id?: string | null): Preset {
    const byDefault = id === null || id === undefined || id.trim() === '';
    const wanted = byDefault ? this.defaultKey : key(id);
    const found = this.find(wanted);
    if (found !== undefined) return found;
    const refused = this.findRefused(wanted);
    if (refused !== undefined) {
      return fail('PRESET_REFUSED', {
        which: byDefault ? "the workbook's default preset" : 'preset',
        id: refused.id ?? wanted,
        position: refused.position,
        reason: refused.reason,
      });
    }
    return this.unknown(id ?? this.defaultKey);
  }

  /** Stored presets that were refused when the workbook was read (see {@link replaceCustoms}). */
  refused(): readonly RefusedPreset[] {
    return this.refusedList;
  }

  /** True when the default names a stored preset that was refused: formulas naming no exchange answer #N/A. */
  get defaultRefused(): boolean {
    return this.find(this.defaultKey) === undefined && this.findRefused(this.defaultKey) !== undefined;
  }

  /** True when a preset has this id (case-insensitive). */
  has(id: string): boolean {
    return this.find(key(id)) !== undefined;
  }

  /** Built-in presets, then custom ones in the order they were added. */
  list(): readonly Preset[] {
    return [...this.builtins, ...this.customList];
  }

  customs(): readonly Preset[] {
    return this.customList;
  }

  isBuiltin(id: string): boolean {
    return this.builtins.some((p) => key(p.id) === key(id));
  }

  /**
   * Adds a custom preset, or replaces the custom preset with the same id (case-insensitive) in place.
   * The preset is re-validated; a built-in id is refused (INVALID_PRESET): save an edited built-in under a new id.
   */
  upsertCustom(preset: Preset): void {
    const checked = this.checkCustom(preset);
    const at = this.customList.findIndex((p) => key(p.id) === key(checked.id));
    const next = [...this.customList];
    if (at === -1) next.push(checked);
    else next[at] = checked;
    this.customList = Object.freeze(next);
    // A corrected preset saved under a refused one's id takes its place.
    this.refusedList = Object.freeze(this.refusedList.filter((r) => r.id === null || key(r.id) !== key(checked.id)));
    this.notify();
  }

  /** Removes a custom preset (or discards a refused one). A built-in id is refused; an unknown id is UNKNOWN_EXCHANGE. */
  removeCustom(id: string): void {
    if (this.isBuiltin(id)) invalid('id', `"${id}" is a built-in preset and cannot be removed`);
    if (!this.customList.some((p) => key(p.id) === key(id)) && this.findRefused(key(id)) !== undefined) {
      this.refusedList = Object.freeze(this.refusedList.filter((r) => r.id === null || key(r.id) !== key(id)));
      this.fallBackIfDefaultGone();
      this.notify();
      return;
    }
    if (!this.customList.some((p) => key(p.id) === key(id))) {
      fail('UNKNOWN_EXCHANGE', { id, known: this.customList.map((p) => p.id).join(', ') || '(no custom presets)' });
    }
    this.customList = Object.freeze(this.customList.filter((p) => key(p.id) !== key(id)));
    this.fallBackIfDefaultGone();
    this.notify();
  }

  /**
   * Replaces every custom preset at once (loading a workbook). All are validated first: one bad preset or two
   * with the same id refuse the whole list and keep the current customs. `refused` are the stored presets that
   * were refused while reading the workbook (load each with {@link checkCustom} first): they are kept, not used.
   */
  replaceCustoms(presets: readonly Preset[], refused: readonly RefusedPreset[] = []): void {
    const seen = new Set<string>();
    const checked = presets.map((p) => {
      const c = this.checkCustom(p);
      if (seen.has(key(c.id))) invalid('id', `custom preset "${c.id}" appears twice (ids are case-insensitive)`);
      seen.add(key(c.id));
      return c;
    });
    this.customList = Object.freeze(checked);
    this.refusedList = Object.freeze([...refused]);
    this.fallBackIfDefaultGone();
    this.notify();
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  onChange(listener: () => void): () => void {
    const own = (): void => listener();
    this.listeners.add(own);
    return () => {
      this.listeners.delete(own);
    };
  }

  private unknown(id: string): never {
    return fail('UNKNOWN_EXCHANGE', {
      id,
      known: this.list()
        .map((p) => p.id)
        .join(', '),
    });
  }

  private find(wanted: string): Preset | undefined {
    return this.list().find((p) => key(p.id) === wanted);
  }

  private findRefused(wanted: string): RefusedPreset | undefined {
    return this.refusedList.find((r) => r.id !== null && key(r.id) === wanted);
  }

  /**
   * The preset as this registry would hold it: re-validated through its document, and refused (INVALID_PRESET)
   * when it is not valid or uses a built-in id. Nothing changes.
   */
  checkCustom(preset: Preset): Preset {
    const checked = parsePreset(presetToJson(preset));
    if (this.isBuiltin(checked.id)) {
      invalid('id', `"${checked.id}" is a built-in preset id; save the custom preset under another id`);
    }
    return checked;
  }

  private fallBackIfDefaultGone(): void {
    if (this.find(this.defaultKey) !== undefined || this.findRefused(this.defaultKey) !== undefined) return;
    const first = this.builtins.some((p) => key(p.id) === FIRST_DEFAULT) ? FIRST_DEFAULT : this.builtins[0]?.id;
    this.defaultKey = key(first ?? '');
  }

  /** Every listener runs even if one throws; the first error is rethrown after the change is complete. */
  private notify(): void {
    const errors: unknown[] = [];
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw errors[0];
  }
}
