/**
 * The section tabs, following the WAI-ARIA tabs pattern: one tab in the Tab order, arrow keys (and Home/End)
 * move between tabs and activate them, the selected tab's panel is the only one shown.
 */
export function setUpTabs(tablist: HTMLElement, onSelect: (panelId: string) => void = () => undefined): void {
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];

  const select = (tab: HTMLButtonElement, focus: boolean): void => {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(t.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
    if (focus) tab.focus();
    onSelect(tab.getAttribute('aria-controls') ?? '');
  };

  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      const target = targetIndex(event.key, i, tabs.length);
      const next = target === null ? undefined : tabs[target];
      if (next === undefined) return;
      event.preventDefault();
      select(next, true);
    });
  });
}

function targetIndex(key: string, current: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
