import { ERRORS } from '../../../src/engine/errors';
import { messageOf } from '../../../src/taskpane/ui/outcome';
import { PANE_ERRORS, PaneError } from '../../../src/taskpane/ui/paneErrors';

describe("the pane's own errors", () => {
  it("are shown by their message, like the engine's", () => {
    const error = new PaneError('NO_WORKBOOK', { action: 'Read selection', verb: 'read from' });
    expect(messageOf(error)).toBe(
      'Read selection: needs Excel; the task pane is open in a plain browser, so there is no workbook to read from',
    );
  });

  it("stay out of the engine's table, which cells and the command line report from", () => {
    for (const code of Object.keys(PANE_ERRORS)) expect([code, code in ERRORS]).toEqual([code, false]);
  });
});
