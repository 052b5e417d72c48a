// Served to the built pane in place of office.js: an Excel host in the page, holding the workbook's state
// (sheets and their cells and tables, the add-in's settings as last saved, custom XML parts), the add-in's
// per-user storage (OfficeRuntime.storage) and the custom functions the bundle associates. Tests read it from
// `window.__excel` and write it out as a real .xlsx package (test/browser/support/savedWorkbook.ts).
(function officeStandIn() {
  'use strict';

  const columnName = (index) => {
    let name = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    return name;
  };

  const state = {
    sheets: [],
    active: null,
    settings: {},
    savedSettings: {},
    customXml: [],
    storage: {},
    functions: {},
    calculations: 0,
  };

  function Range(sheet, rowIndex, columnIndex, rowCount, columnCount) {
    this.sheet = sheet;
    this.rowIndex = rowIndex;
    this.columnIndex = columnIndex;
    this.rowCount = rowCount;
    this.columnCount = columnCount;
    this.format = { autofitColumns: () => undefined };
  }
  Range.prototype.load = function load() {
    return this;
  };
  Range.prototype.clear = function clear() {
    for (let r = 0; r < this.rowCount; r += 1) {
      for (let c = 0; c < this.columnCount; c += 1) delete this.sheet.cells[`${this.rowIndex + r},${this.columnIndex + c}`];
    }
  };
  Object.defineProperty(Range.prototype, 'values', {
    get() {
      const rows = [];
      for (let r = 0; r < this.rowCount; r += 1) {
        const row = [];
        for (let c = 0; c < this.columnCount; c += 1) {
          const cell = this.sheet.cells[`${this.rowIndex + r},${this.columnIndex + c}`];
          row.push(cell === undefined ? '' : cell.value);
        }
        rows.push(row);
      }
      return rows;
    },
    set(values) {
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          this.sheet.cells[`${this.rowIndex + r},${this.columnIndex + c}`] = { value };
        }),
      );
    },
  });
  Object.defineProperty(Range.prototype, 'address', {
    get() {
      const first = `${columnName(this.columnIndex)}${this.rowIndex + 1}`;
      const last = `${columnName(this.columnIndex + this.columnCount - 1)}${this.rowIndex + this.rowCount}`;
      return `'${this.sheet.name}'!${first}:${last}`;
    },
  });

  function Sheet(name) {
    this.name = name;
    this.cells = {};
    const sheet = this;
    const items = [];
    this.tableList = items;
    this.tables = {
      items,
      load: () => undefined,
      add(range, hasHeaders) {
        const table = {
          name: `Table${items.length + 1}`,
          hasHeaders,
          box: { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount },
          getRange() {
            return new Range(sheet, this.box.rowIndex, this.box.columnIndex, this.box.rowCount, this.box.columnCount);
          },
          resize(to) {
            this.box = { rowIndex: to.rowIndex, columnIndex: to.columnIndex, rowCount: to.rowCount, columnCount: to.columnCount };
          },
          delete() {
            items.splice(items.indexOf(this), 1);
          },
        };
        items.push(table);
        return table;
      },
    };
  }
  Sheet.prototype.getRangeByIndexes = function getRangeByIndexes(rowIndex, columnIndex, rowCount, columnCount) {
    return new Range(this, rowIndex, columnIndex, rowCount, columnCount);
  };
  Sheet.prototype.getRange = function getRange() {
    return new Range(this, 0, 0, 1048576, 16384);
  };
  Sheet.prototype.activate = function activate() {
    state.active = this.name;
  };

  const worksheets = {
    items: state.sheets,
    load: () => undefined,
    add(name) {
      const sheet = new Sheet(name);
      state.sheets.push(sheet);
      return sheet;
    },
    getItem(name) {
      return state.sheets.find((s) => s.name === name);
    },
  };
  worksheets.add('Sheet1');

  const workbook = {
    worksheets,
    getSelectedRange: () => new Range(state.sheets[0], 0, 0, 1, 1),
    application: {
      calculate: () => {
        state.calculations += 1;
      },
    },
  };

  const copy = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

  window.Excel = {
    CalculationType: { full: 'Full', recalculate: 'Recalculate' },
    run: (batch) => Promise.resolve().then(() => batch({ workbook, sync: () => Promise.resolve() })),
  };

  const settings = {
    get: (name) => copy(state.settings[name]),
    set: (name, value) => {
      state.settings[name] = copy(value);
    },
    remove: (name) => {
      delete state.settings[name];
    },
    saveAsync: (callback) => {
      state.savedSettings = copy(state.settings);
      setTimeout(() => callback && callback({ status: 'succeeded', value: undefined }), 0);
    },
  };

  window.Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
    context: {
      document: {
        settings,
        customXmlParts: {
          addAsync: (xml, callback) => {
            state.customXml.push(String(xml));
            setTimeout(() => callback && callback({ status: 'succeeded', value: { id: `{part-${state.customXml.length}}` } }), 0);
          },
        },
      },
    },
  };

  window.OfficeRuntime = {
    storage: {
      getItem: (key) => Promise.resolve(Object.prototype.hasOwnProperty.call(state.storage, key) ? state.storage[key] : null),
      setItem: (key, value) => {
        state.storage[key] = String(value);
        return Promise.resolve();
      },
      removeItem: (key) => {
        delete state.storage[key];
        return Promise.resolve();
      },
    },
  };

  function CustomFunctionError(code, message) {
    this.code = code;
    this.message = message;
  }
  window.CustomFunctions = {
    Error: CustomFunctionError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      invalidNumber: '#NUM!',
      divisionByZero: '#DIV/0!',
      nullReference: '#NULL!',
    },
    associate: (id, fn) => {
      if (typeof id === 'object') Object.keys(id).forEach((name) => (state.functions[name.toUpperCase()] = id[name]));
      else state.functions[String(id).toUpperCase()] = fn;
    },
  };

  window.__excel = {
    state,
    /**
     * Enters a streaming formula in `sheetName` at (row, column): each result spills from there, as Excel
     * shows it; an error shows as its code and message in the anchor cell.
     */
    stream(id, args, sheetName, rowIndex, columnIndex, formula) {
      const fn = state.functions[id];
      if (typeof fn !== 'function') throw new Error(`no custom function ${id} associated`);
      const sheet = worksheets.getItem(sheetName) || worksheets.add(sheetName);
      let spilled = null;
      const invocation = {
        setResult(value) {
          if (spilled) spilled.clear();
          const table = Array.isArray(value) ? value : [[`${value.code} ${value.message || ''}`.trim()]];
          spilled = new Range(sheet, rowIndex, columnIndex, table.length, table[0].length);
          spilled.values = table;
          sheet.cells[`${rowIndex},${columnIndex}`].formula = formula;
        },
      };
      fn(...args, invocation);
      return () => invocation.onCanceled && invocation.onCanceled();
    },
  };
})();
