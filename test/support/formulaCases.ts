import type { ErrorKind } from '../../src/engine/errors';
import type { CellArg, CellGrid, FunctionName } from '../../src/functions/core/types';
import { BUILTIN_PRESETS } from '../../src/presets';

/**
 * One call of a MARGIN function, twice: as the cell arguments a host hands to `invoke` (omitted optionals as
 * `null`), and as the Excel formula a user types. The Excel adapter tests and the CLI tests both run every case.
 * Expected numbers come from the worked examples of docs/RULES.md or from exact decimal arithmetic done by hand (the exact
 * quotient is written out to 60 digits, then read as the nearest double, as a cell shows it).
 */
export interface FormulaCase {
  readonly title: string;
  readonly name: FunctionName;
  readonly args: readonly CellArg[];
  readonly formula: string;
  readonly expected: number | string | CellGrid | { readonly error: ErrorKind };
}

const BTC_USDT: CellGrid = [
  ['BTC', 10, 60000],
  ['USDT', -5000, 1],
];
const BTC_USDT_TEXT = '{"BTC",10,60000;"USDT",-5000,1}';

/** docs/RULES.md §1 risk-rate example: MM $205.7 × 0.4% = $0.8228 on a USDT equity of $121.7. */
const SPEC_POSITION: CellGrid = [
  ['symbol', 'side', 'size', 'entry', 'mark', 'mmr'],
  ['BTCUSDT', 'LONG', 0.01, 20570, 20570, 0.004],
];
const SPEC_POSITION_TEXT = '{"symbol","side","size","entry","mark","mmr";"BTCUSDT","LONG",0.01,20570,20570,0.004}';

const NO_POSITIONS: CellGrid = [['symbol', 'side', 'size', 'entry', 'mark', 'mmr']];
const NO_POSITIONS_TEXT = '{"symbol","side","size","entry","mark","mmr"}';

/** One BTC long at 60,000 with a 1% maintenance rate and a 5% initial rate, on 10,000 USDT (Binance). */
const LONG_BTC: CellGrid = [['BTCUSDT', 'LONG', 1, 60000, 60000, 0.01, 0, 0.05]];
const LONG_BTC_TEXT = '{"BTCUSDT","LONG",1,60000,60000,0.01,0,0.05}';

/** Bitget's BTC tiers as MARGIN.COLLATERAL_TIERS spills them (docs/RULES.md §3). */
export const BITGET_BTC_TIERS_TABLE: CellGrid = [
  ['floor', 'cap', 'ratio', 'unit'],
  [0, 100000, 0.975, 'value'],
  [100000, 500000, 0.97, 'value'],
  [500000, 1000000, 0.965, 'value'],
  [1000000, 5000000, 0.96, 'value'],
  [5000000, '', 0.85, 'value'],
];

const exact = (digits: string): number => Number(digits);

/** The sample desk account (examples/desk.xlsx): USDT, BTC and a USDC debt; a cross BTC long and ETH short, an isolated BNB long. */
const DESK_BALANCES: CellGrid = [
  ['asset', 'amount', 'price'],
  ['USDT', 20000, 1],
  ['BTC', 2, 60000],
  ['USDC', -8000, 1],
];
const DESK_BALANCES_TEXT = '{"asset","amount","price";"USDT",20000,1;"BTC",2,60000;"USDC",-8000,1}';
const DESK_POSITIONS: CellGrid = [
  ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'],
  ['BTCUSDT', 'LONG', 1.5, 58000, 60000, 0.004, 0, 0.02, 'cross'],
  ['ETHUSDT', 'SHORT', 30, 3100, 3000, 0.005, 50, 0.02, 'cross'],
  ['BNBUSDT', 'LONG', 10, 590, 600, 0.01, 0, 0.05, 'isolated'],
];
const DESK_POSITIONS_TEXT =
  '{"symbol","side","size","entry","mark","mmr","cum","imr","margin_mode";"BTCUSDT","LONG",1.5,58000,60000,0.004,0,0.02,"cross";"ETHUSDT","SHORT",30,3100,3000,0.005,50,0.02,"cross";"BNBUSDT","LONG",10,590,600,0.01,0,0.05,"isolated"}';

export const FORMULA_CASES: readonly FormulaCase[] = [
  // COLLATERAL_VALUE
  {
    title: 'values 10 BTC at 60,000 on Bitget with the tiered haircut (docs/RULES.md §3 example)',
    name: 'COLLATERAL_VALUE',
    args: ['BTC', 10, 60000, 'bitget'],
    formula: '=MARGIN.COLLATERAL_VALUE("BTC",10,60000,"bitget")',
    expected: 582000,
  },
  {
    title: 'reads asset and exchange case-insensitively and numbers given as text',
    name: 'COLLATERAL_VALUE',
    args: ['btc', '10', '60000', 'BitGet'],
    formula: '=MARGIN.COLLATERAL_VALUE("btc","10","60000","BitGet")',
    expected: 582000,
  },
  {
    title: 'values BNB worth 1,000 at 950 on Binance, the default preset (FAQ example)',
    name: 'COLLATERAL_VALUE',
    args: ['BNB', 1, 1000, null],
    formula: '=MARGIN.COLLATERAL_VALUE("BNB",1,1000)',
    expected: 950,
  },
  {
    title: 'values FDUSD 1,000 at 989 on Binance (FAQ example)',
    name: 'COLLATERAL_VALUE',
    args: ['FDUSD', 1000, 1, 'binance'],
    formula: '=MARGIN.COLLATERAL_VALUE("FDUSD",1000,1,"binance")',
    expected: 989,
  },
  {
    title: 'values a liability at its full value',
    name: 'COLLATERAL_VALUE',
    args: ['USDT', -5000, 1, 'binance'],
    formula: '=MARGIN.COLLATERAL_VALUE("USDT",-5000,1,"binance")',
    expected: -5000,
  },
  {
    title: 'applies BitMart quantity tiers slice by slice: 10 BTC at 95% and 5 BTC at 92.5%',
    name: 'COLLATERAL_VALUE',
    args: ['BTC', 15, 60000, 'bitmart'],
    formula: '=MARGIN.COLLATERAL_VALUE("BTC",15,60000,"bitmart")',
    expected: 847500,
  },
  {
    title: 'gives #N/A beyond the last published BitMart tier',
    name: 'COLLATERAL_VALUE',
    args: ['BTC', 25, 60000, 'bitmart'],
    formula: '=MARGIN.COLLATERAL_VALUE("BTC",25,60000,"bitmart")',
    expected: { error: 'na' },
  },
  {
    title: 'gives #N/A for an asset whose tiers are unpublished',
    name: 'COLLATERAL_VALUE',
    args: ['ETH', 1, 3000, 'bitget'],
    formula: '=MARGIN.COLLATERAL_VALUE("ETH",1,3000,"bitget")',
    expected: { error: 'na' },
  },
  {
    title: 'gives #N/A for an asset the preset does not list',
    name: 'COLLATERAL_VALUE',
    args: ['DOGE', 1, 0.1, 'binance'],
    formula: '=MARGIN.COLLATERAL_VALUE("DOGE",1,0.1,"binance")',
    expected: { error: 'na' },
  },
  {
    title: 'gives #VALUE! for an unknown exchange',
    name: 'COLLATERAL_VALUE',
    args: ['BTC', 1, 60000, 'nowhere'],
    formula: '=MARGIN.COLLATERAL_VALUE("BTC",1,60000,"nowhere")',
    expected: { error: 'value' },
  },
  {
    title: 'gives #VALUE! for a price of zero',
    name: 'COLLATERAL_VALUE',
    args: ['BTC', 1, 0, 'bitget'],
    formula: '=MARGIN.COLLATERAL_VALUE("BTC",1,0,"bitget")',
    expected: { error: 'value' },
  },
  // COLLATERAL_RATIO
  {
    title: 'gives the effective ratio of 10 BTC on Bitget: 582,000 / 600,000',
    name: 'COLLATERAL_RATIO',
    args: ['BTC', 10, 60000, 'bitget'],
    formula: '=MARGIN.COLLATERAL_RATIO("BTC",10,60000,"bitget")',
    expected: 0.97,
  },
  {
    title: "gives the first tier's ratio for an amount of zero",
    name: 'COLLATERAL_RATIO',
    args: ['BTC', 0, 60000, 'bitget'],
    formula: '=MARGIN.COLLATERAL_RATIO("BTC",0,60000,"bitget")',
    expected: 0.975,
  },
  // COLLATERAL_TIERS
  {
    title: "lists Bitget's BTC tiers with an empty cap on the last, uncapped tier",
    name: 'COLLATERAL_TIERS',
    args: ['BTC', 'bitget'],
    formula: '=MARGIN.COLLATERAL_TIERS("BTC","bitget")',
    expected: BITGET_BTC_TIERS_TABLE,
  },
  {
    title: "lists BitMart's BTC tiers and says they are unpublished beyond 20 BTC",
    name: 'COLLATERAL_TIERS',
    args: ['BTC', 'bitmart'],
    formula: '=MARGIN.COLLATERAL_TIERS("BTC","bitmart")',
    expected: [
      ['floor', 'cap', 'ratio', 'unit'],
      [0, 10, 0.95, 'quantity'],
      [10, 20, 0.925, 'quantity'],
      [20, '', 'unpublished beyond 20', 'quantity'],
    ],
  },
  {
    title: 'gives #N/A for the tiers of an asset whose tiers are unpublished',
    name: 'COLLATERAL_TIERS',
    args: ['SOL', 'bitget'],
    formula: '=MARGIN.COLLATERAL_TIERS("SOL","bitget")',
    expected: { error: 'na' },
  },
  // BRACKETS
  {
    title: 'gives #N/A for the leverage brackets of a built-in preset, which ships none',
    name: 'BRACKETS',
    args: ['BTCUSDT', 'binance'],
    formula: '=MARGIN.BRACKETS("BTCUSDT","binance")',
    expected: { error: 'na' },
  },
  // PRESETS
  {
    title: 'lists the built-in presets with id, name, as-of date, source and status',
    name: 'PRESETS',
    args: [],
    formula: '=MARGIN.PRESETS()',
    expected: [['id', 'name', 'as_of', 'source', 'status'], ...BUILTIN_PRESETS.map((p) => [p.id, p.name, p.asOf, p.source, p.status])],
  },
  // ACCOUNT_EQUITY
  {
    title: 'adds the haircut BTC value and the USDT liability on Bitget',
    name: 'ACCOUNT_EQUITY',
    args: [BTC_USDT, 'bitget'],
    formula: `=MARGIN.ACCOUNT_EQUITY(${BTC_USDT_TEXT},"bitget")`,
    expected: 577000,
  },
  {
    title: 'reads a balances range with a header row in another column order',
    name: 'ACCOUNT_EQUITY',
    args: [
      [
        ['Index Price', 'Coin', 'Wallet Balance'],
        [60000, 'BTC', 10],
        [1, 'USDT', -5000],
      ],
      'bitget',
    ],
    formula: '=MARGIN.ACCOUNT_EQUITY({"Index Price","Coin","Wallet Balance";60000,"BTC",10;1,"USDT",-5000},"bitget")',
    expected: 577000,
  },
  {
    title: 'gives #VALUE! for a balances row with text where the amount belongs',
    name: 'ACCOUNT_EQUITY',
    args: [[['BTC', 'ten', 60000]], 'bitget'],
    formula: '=MARGIN.ACCOUNT_EQUITY({"BTC","ten",60000},"bitget")',
    expected: { error: 'value' },
  },
  // MULTIASSET_LTV
  {
    title: 'divides the liability value by the haircut collateral value (exact 5000 / 582000)',
    name: 'MULTIASSET_LTV',
    args: [BTC_USDT, 'bitget'],
    formula: `=MARGIN.MULTIASSET_LTV(${BTC_USDT_TEXT},"bitget")`,
    expected: exact('0.00859106529209621993127147766323024054982817869415807560137457'),
  },
  {
    title: 'gives #N/A when there are liabilities and no collateral',
    name: 'MULTIASSET_LTV',
    args: [[['USDT', -100, 1]], 'binance'],
    formula: '=MARGIN.MULTIASSET_LTV({"USDT",-100,1},"binance")',
    expected: { error: 'na' },
  },
  // MAINT_MARGIN
  {
    title: 'computes the docs/RULES.md risk-rate example position: 205.7 × 0.4% = 0.8228',
    name: 'MAINT_MARGIN',
    args: [SPEC_POSITION, 'binance'],
    formula: `=MARGIN.MAINT_MARGIN(${SPEC_POSITION_TEXT},"binance")`,
    expected: 0.8228,
  },
  {
    title: 'subtracts the maintenance amount: 10 × 3,100 × 0.5% − 50',
    name: 'MAINT_MARGIN',
    args: [[['ETHUSDT', 'SHORT', 10, 3000, 3100, 0.005, 50]], 'binance'],
    formula: '=MARGIN.MAINT_MARGIN({"ETHUSDT","SHORT",10,3000,3100,0.005,50},"binance")',
    expected: 105,
  },
  {
    title: 'gives #VALUE! for an unknown side',
    name: 'MAINT_MARGIN',
    args: [[['ETHUSDT', 'UP', 10, 3000, 3100, 0.005]], 'binance'],
    formula: '=MARGIN.MAINT_MARGIN({"ETHUSDT","UP",10,3000,3100,0.005},"binance")',
    expected: { error: 'value' },
  },
  // MARGIN_RATIO
  {
    title: 'gives the docs/RULES.md risk-rate example: 0.8228 / 121.7 (exact quotient)',
    name: 'MARGIN_RATIO',
    args: [[['USDT', 121.7, 1]], SPEC_POSITION, 'binance'],
    formula: `=MARGIN.MARGIN_RATIO({"USDT",121.7,1},${SPEC_POSITION_TEXT},"binance")`,
    expected: exact('0.00676088742810188989317995069843878389482333607230895645028759'),
  },
  {
    title: 'gives #N/A when account equity is not positive',
    name: 'MARGIN_RATIO',
    args: [[['USDT', -10, 1]], SPEC_POSITION, 'binance'],
    formula: `=MARGIN.MARGIN_RATIO({"USDT",-10,1},${SPEC_POSITION_TEXT},"binance")`,
    expected: { error: 'na' },
  },
  // RISK_LEVEL
  {
    title: 'is SAFE below 50%',
    name: 'RISK_LEVEL',
    args: [0.3, null],
    formula: '=MARGIN.RISK_LEVEL(0.3)',
    expected: 'SAFE',
  },
  {
    title: 'is WARNING from 50% up to and including 80%',
    name: 'RISK_LEVEL',
    args: [0.8, 'binance'],
    formula: '=MARGIN.RISK_LEVEL(0.8,"binance")',
    expected: 'WARNING',
  },
  {
    title: 'is DANGER above 80% and below 100%',
    name: 'RISK_LEVEL',
    args: [0.85, 'binance'],
    formula: '=MARGIN.RISK_LEVEL(0.85,"binance")',
    expected: 'DANGER',
  },
  {
    title: 'is LIQUIDATION at 100%',
    name: 'RISK_LEVEL',
    args: [1, 'bitget'],
    formula: '=MARGIN.RISK_LEVEL(1,"bitget")',
    expected: 'LIQUIDATION',
  },
  {
    title: 'gives #VALUE! for a negative margin ratio',
    name: 'RISK_LEVEL',
    args: [-0.1, 'binance'],
    formula: '=MARGIN.RISK_LEVEL(-0.1,"binance")',
    expected: { error: 'value' },
  },
  // AVAILABLE_FOR_ORDER
  {
    title: 'gives equity minus initial margin: 10,000 − 1 × 60,000 × 5%',
    name: 'AVAILABLE_FOR_ORDER',
    args: [[['USDT', 10000, 1]], LONG_BTC, null, 'binance'],
    formula: `=MARGIN.AVAILABLE_FOR_ORDER({"USDT",10000,1},${LONG_BTC_TEXT},,"binance")`,
    expected: 7000,
  },
  {
    title: 'gives the free margin in BTC: 7,000 / 60,000',
    name: 'AVAILABLE_FOR_ORDER',
    args: [
      [
        ['USDT', 10000, 1],
        ['BTC', 0, 60000],
      ],
      LONG_BTC,
      'BTC',
      'binance',
    ],
    formula: `=MARGIN.AVAILABLE_FOR_ORDER({"USDT",10000,1;"BTC",0,60000},${LONG_BTC_TEXT},"BTC","binance")`,
    expected: exact('0.116666666666666666666666666666666666666666666666666666666667'),
  },
  // AUTO_EXCHANGE
  {
    title: 'converts BTC to cover USDC below the Regular threshold, selling 5,001 / (1 − 2.5%) of value',
    name: 'AUTO_EXCHANGE',
    args: [
      [
        ['BTC', 1, 60000],
        ['USDC', -5001, 1],
      ],
      'binance',
      null,
      null,
    ],
    formula: '=MARGIN.AUTO_EXCHANGE({"BTC",1,60000;"USDC",-5001,1},"binance")',
    expected: [
      ['from_asset', 'amount_sold', 'value_sold', 'to_asset', 'amount_covered', 'trigger'],
      [
        'BTC',
        exact('0.0854871794871794871794871794871794871794871794871794871794872'),
        exact('5129.23076923076923076923076923076923076923076923076923076923'),
        'USDC',
        5001,
        'THRESHOLD',
      ],
    ],
  },
  {
    title: 'gives #VALUE! for an unknown user tier',
    name: 'AUTO_EXCHANGE',
    args: [BTC_USDT, 'binance', 'platinum', false],
    formula: `=MARGIN.AUTO_EXCHANGE(${BTC_USDT_TEXT},"binance","platinum",FALSE)`,
    expected: { error: 'value' },
  },
  // LIABILITY_INTEREST
  {
    title: 'charges interest on the part beyond the interest-free amount: 4,000 × 0.001% × 24',
    name: 'LIABILITY_INTEREST',
    args: [-5000, 0.00001, 24, 1000],
    formula: '=MARGIN.LIABILITY_INTEREST(-5000,0.00001,24,1000)',
    expected: 0.96,
  },
  {
    title: 'charges interest on the whole liability when no interest-free amount is given',
    name: 'LIABILITY_INTEREST',
    args: [-5000, 0.00001, 24, null],
    formula: '=MARGIN.LIABILITY_INTEREST(-5000,0.00001,24)',
    expected: 1.2,
  },
  {
    title: 'gives #VALUE! for negative hours',
    name: 'LIABILITY_INTEREST',
    args: [-5000, 0.00001, -1, null],
    formula: '=MARGIN.LIABILITY_INTEREST(-5000,0.00001,-1)',
    expected: { error: 'value' },
  },
  // LIQUIDATION_PRICE
  {
    title: 'solves 1% × p = 1,000 + (p − 60,000) for a BTC long: p = 59,000 / 0.99',
    name: 'LIQUIDATION_PRICE',
    args: [[['USDT', 1000, 1]], LONG_BTC, 'BTC', 'binance'],
    formula: `=MARGIN.LIQUIDATION_PRICE({"USDT",1000,1},${LONG_BTC_TEXT},"BTC","binance")`,
    expected: exact('59595.9595959595959595959595959595959595959595959595959595960'),
  },
  {
    title: 'gives #N/A when no price of the asset liquidates the account',
    name: 'LIQUIDATION_PRICE',
    args: [
      [
        ['BTC', 1, 60000],
        ['USDT', 1000, 1],
      ],
      NO_POSITIONS,
      'BTC',
      'binance',
    ],
    formula: `=MARGIN.LIQUIDATION_PRICE({"BTC",1,60000;"USDT",1000,1},${NO_POSITIONS_TEXT},"BTC","binance")`,
    expected: { error: 'na' },
  },
  // STRESS_MARGIN_RATIO
  {
    title: 'reprices BTC and its position by −20%: MM 480 over equity (10,000 − 12,000) + 45,600',
    name: 'STRESS_MARGIN_RATIO',
    args: [
      [
        ['USDT', 10000, 1],
        ['BTC', 1, 60000],
      ],
      LONG_BTC,
      [['BTC', -0.2]],
      'binance',
    ],
    formula: `=MARGIN.STRESS_MARGIN_RATIO({"USDT",10000,1;"BTC",1,60000},${LONG_BTC_TEXT},{"BTC",-0.2},"binance")`,
    expected: exact('0.0110091743119266055045871559633027522935779816513761467889908'),
  },
  {
    title: 'gives #VALUE! for a shock of −100%',
    name: 'STRESS_MARGIN_RATIO',
    args: [[['USDT', 10000, 1]], LONG_BTC, [['BTC', -1]], 'binance'],
    formula: `=MARGIN.STRESS_MARGIN_RATIO({"USDT",10000,1},${LONG_BTC_TEXT},{"BTC",-1},"binance")`,
    expected: { error: 'value' },
  },
  // MODE_SWITCH_CHECK
  {
    title: 'finds a BitMart account without positions or orders eligible, rule by rule',
    name: 'MODE_SWITCH_CHECK',
    args: ['multi', [['USDT', 1000, 1]], NO_POSITIONS, 0, 'bitmart'],
    formula: `=MARGIN.MODE_SWITCH_CHECK("multi",{"USDT",1000,1},${NO_POSITIONS_TEXT},0,"bitmart")`,
    expected: [
      ['ELIGIBLE', 'multi-asset mode', 'all 2 rules pass'],
      ['noOpenPositions', 'PASS', 'no open positions'],
      ['noOpenOrders', 'PASS', 'no open orders'],
    ],
  },
  {
    title: 'gives #N/A when the preset publishes no mode-switch rules',
    name: 'MODE_SWITCH_CHECK',
    args: ['single', [['USDT', 1000, 1]], NO_POSITIONS, null, 'okx'],
    formula: `=MARGIN.MODE_SWITCH_CHECK("single",{"USDT",1000,1},${NO_POSITIONS_TEXT},,"okx")`,
    expected: { error: 'na' },
  },
  {
    title: 'gives #VALUE! for an unknown target mode',
    name: 'MODE_SWITCH_CHECK',
    args: ['hedge', [['USDT', 1000, 1]], NO_POSITIONS, null, 'binance'],
    formula: `=MARGIN.MODE_SWITCH_CHECK("hedge",{"USDT",1000,1},${NO_POSITIONS_TEXT},,"binance")`,
    expected: { error: 'value' },
  },
  // PRICE (streams in Excel; these cases fail before any stream starts, the same in both hosts)
  {
    title: 'gives #N/A for a live price on a preset without a live feed',
    name: 'PRICE',
    args: ['BTC', 'bitmart', null],
    formula: '=MARGIN.PRICE("BTC","bitmart")',
    expected: { error: 'na' },
  },
  {
    title: 'gives #VALUE! for a price kind other than mark, index or last',
    name: 'PRICE',
    args: ['BTC', 'okx', 'bid'],
    formula: '=MARGIN.PRICE("BTC","okx","bid")',
    expected: { error: 'value' },
  },
  // ACCOUNT_EQUITY and MULTIASSET_LTV with positions
  {
    title: 'counts the cross PnL when given positions: 26,000 USDT + 114,000 BTC value − 8,000 USDC = 132,000 (Binance)',
    name: 'ACCOUNT_EQUITY',
    args: [DESK_BALANCES, 'binance', DESK_POSITIONS],
    formula: `=MARGIN.ACCOUNT_EQUITY(${DESK_BALANCES_TEXT},"binance",${DESK_POSITIONS_TEXT})`,
    expected: 132000,
  },
  {
    title: 'leaves the PnL out without positions: 20,000 + 114,000 − 8,000 = 126,000 (Binance)',
    name: 'ACCOUNT_EQUITY',
    args: [DESK_BALANCES, 'binance', null],
    formula: `=MARGIN.ACCOUNT_EQUITY(${DESK_BALANCES_TEXT},"binance")`,
    expected: 126000,
  },
  {
    title: 'divides the USDC debt by the collateral with cross PnL: 8,000 / 140,000 (Binance)',
    name: 'MULTIASSET_LTV',
    args: [DESK_BALANCES, 'binance', DESK_POSITIONS],
    formula: `=MARGIN.MULTIASSET_LTV(${DESK_BALANCES_TEXT},"binance",${DESK_POSITIONS_TEXT})`,
    expected: exact('0.0571428571428571428571428571428571428571428571428571428571429'),
  },
  // TOPUP_NEEDED
  {
    title: 'deposits 200 USDT to bring a 600 / 1,000 margin ratio to 0.5 (Binance)',
    name: 'TOPUP_NEEDED',
    args: [[['USDT', 1000, 1]], LONG_BTC, 'USDT', 0.5, 'binance'],
    formula: `=MARGIN.TOPUP_NEEDED({"USDT",1000,1},${LONG_BTC_TEXT},"USDT",0.5,"binance")`,
    expected: 200,
  },
  {
    title: 'values a BTC deposit through the Bitget tiers: 484,020.618… USDT of BTC at 60,000 for a 20 BTC long to reach 1%',
    name: 'TOPUP_NEEDED',
    args: [
      [
        ['BTC', 0, 60000],
        ['USDT', 10000, 1],
      ],
      [['BTCUSDT', 'LONG', 20, 60000, 60000, 0.004]],
      'BTC',
      0.01,
      'bitget',
    ],
    formula: '=MARGIN.TOPUP_NEEDED({"BTC",0,60000;"USDT",10000,1},{"BTCUSDT","LONG",20,60000,60000,0.004},"BTC",0.01,"bitget")',
    // (100,000 + 372,500 / 0.97) / 60,000 = 8.0670103092783505154…, given as the double at or above it (the
    // nearest double, 8.06701030927835, would fall short of the target by a hair)
    expected: 8.067010309278352,
  },
  {
    title: 'gives #VALUE! when the asset to deposit has no balances row to take its price from',
    name: 'TOPUP_NEEDED',
    args: [[['USDT', 1000, 1]], LONG_BTC, 'BTC', 0.5, 'binance'],
    formula: `=MARGIN.TOPUP_NEEDED({"USDT",1000,1},${LONG_BTC_TEXT},"BTC",0.5,"binance")`,
    expected: { error: 'value' },
  },
  {
    title: 'gives #N/A when the deposit would pass the last published tier (OKX sample BTC tiers stop at 25 BTC)',
    name: 'TOPUP_NEEDED',
    args: [[['BTC', 0, 60000]], [['BTCUSDT', 'LONG', 1000, 60000, 60000, 0.5]], 'BTC', 0.5, 'okx'],
    formula: '=MARGIN.TOPUP_NEEDED({"BTC",0,60000},{"BTCUSDT","LONG",1000,60000,60000,0.5},"BTC",0.5,"okx")',
    expected: { error: 'na' },
  },
  // MAX_WITHDRAWABLE
  {
    title: 'lets 7,000 USDT leave when 3,000 USDT of initial margin must stay (Binance)',
    name: 'MAX_WITHDRAWABLE',
    args: [[['USDT', 10000, 1]], LONG_BTC, 'USDT', 'binance'],
    formula: `=MARGIN.MAX_WITHDRAWABLE({"USDT",10000,1},${LONG_BTC_TEXT},"USDT","binance")`,
    expected: 7000,
  },
  {
    title: 'caps the withdrawal at the wallet balance when other collateral covers the margin (Binance)',
    name: 'MAX_WITHDRAWABLE',
    args: [
      [
        ['USDT', 10000, 1],
        ['BTC', 1, 60000],
      ],
      LONG_BTC,
      'USDT',
      'binance',
    ],
    formula: `=MARGIN.MAX_WITHDRAWABLE({"USDT",10000,1;"BTC",1,60000},${LONG_BTC_TEXT},"USDT","binance")`,
    expected: 10000,
  },
  // MAX_ORDER_SIZE
  {
    title: 'sizes an order from the free margin: 10,000 / (60,000 × 0.05) BTC (Binance)',
    name: 'MAX_ORDER_SIZE',
    args: [[['USDT', 10000, 1]], NO_POSITIONS, 'BTCUSDT', 60000, 0.05, 'binance'],
    formula: `=MARGIN.MAX_ORDER_SIZE({"USDT",10000,1},${NO_POSITIONS_TEXT},"BTCUSDT",60000,0.05,"binance")`,
    // 3.333…, given as the double at or below it (the nearest, 3.3333333333333335, would not fit)
    expected: 3.333333333333333,
  },
  {
    title: 'gives #VALUE! when imr is blank and no position on the symbol gives one',
    name: 'MAX_ORDER_SIZE',
    args: [[['USDT', 10000, 1]], NO_POSITIONS, 'BTCUSDT', 60000, null, 'binance'],
    formula: `=MARGIN.MAX_ORDER_SIZE({"USDT",10000,1},${NO_POSITIONS_TEXT},"BTCUSDT",60000,,"binance")`,
    expected: { error: 'value' },
  },
  // COMPARE
  {
    title: 'compares the desk account on Binance and Bitget, and says why BitMart cannot value it',
    name: 'COMPARE',
    args: [DESK_BALANCES, DESK_POSITIONS, 'binance,bitget,bitmart'],
    formula: `=MARGIN.COMPARE(${DESK_BALANCES_TEXT},${DESK_POSITIONS_TEXT},"binance,bitget,bitmart")`,
    expected: [
      ['exchange', 'equity', 'maint_margin', 'margin_ratio', 'risk', 'ltv', 'available'],
      // MM 360 + 400; IM 1,800 + 1,800
      [
        'binance',
        132000,
        760,
        exact('0.00575757575757575757575757575757575757575757575757575757575758'),
        'SAFE',
        exact('0.0571428571428571428571428571428571428571428571428571428571429'),
        128400,
      ],
      // BTC 97,500 + 19,400; the USDC debt adds 5% MM (400) and 10% IM (800)
      [
        'bitget',
        134900,
        1160,
        exact('0.00859896219421793921423276501111934766493699036323202372127502'),
        'SAFE',
        exact('0.0559832050384884534639608117564730580825752274317704688593422'),
        130500,
      ],
      ['bitmart', 'balances, row 4: USDC is not a collateral asset of preset bitmart', '', '', '', '', ''],
    ],
  },
];
