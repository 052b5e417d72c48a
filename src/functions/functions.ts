import { FUNCTION_NAMES } from './core';
import { CUSTOM_FUNCTIONS } from './customFunctions';
import { loadWhenReady } from './workbookSettings';

/*
 * The entry of the functions bundle. The build writes functions.json from the function table (core/specs.ts,
 * core/docs.ts); this associates each of the table's ids with its function, in the same order.
 */

loadWhenReady();

for (const name of FUNCTION_NAMES) CustomFunctions.associate(name, CUSTOM_FUNCTIONS[name]);
