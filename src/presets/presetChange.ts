/**
 * One difference between two presets, for the task pane's "what changes" view. `asset` is null for a
 * preset-wide field (`quote`, `rules.…`). `before`/`after` are display text; null means absent. An added or
 * removed asset is one change with `field: 'asset'`.
 */
export interface PresetChange {
  readonly asset: string | null;
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}
