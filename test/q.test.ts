import { invoke } from '../src/functions/core';
import { BUILTIN_PRESETS, PresetRegistry } from '../src/presets';
it('x', () => {
  const ctx = { registry: new PresetRegistry(BUILTIN_PRESETS) };
  const P = [["BTCUSDT","LONG",1,60000,61000,0.004,0,0.01,"cross"],["ETHUSDT","SHORT",2,3000,3100,0.005,1,"","isolated"]];
  const out = [
    invoke('MULTIASSET_LTV', [[["asset","amount","price","upnl"],["USDT",10000,1,0],["BTC",1,60000,0],["USDC",0.004,0.9998,0]],"bitget"], ctx),
    invoke('MARGIN_RATIO', [[["BTC",9007199254740991,60000]],P,"bitmart"], ctx),
    invoke('AVAILABLE_FOR_ORDER', [[["asset","amount","price","upnl"],["USDT",10000,1,0],["BTC",1,60000,60000]],P,"BTC","okx"], ctx),
    invoke('AUTO_EXCHANGE', [[["USDT",10000,1,0],["BTC",1,60000,0]],"bitmart",Number.POSITIVE_INFINITY,null], ctx),
    invoke('MODE_SWITCH_CHECK', ["multi",[["USDT",10000,1,0],["BTC",1,60000,0],["USDC",-500,0.9998,0]],P,4491353037371113,null], ctx),
    invoke('ACCOUNT_EQUITY', [[["BTC",25.000000000000004,60000]],"okx"], ctx),
    invoke('LIQUIDATION_PRICE', [[["BTC",1e+308,60000]],P,"BTC","bitmart"], ctx),
    invoke('AUTO_EXCHANGE', [[["USDT",10000,1,0],["BTC",1,60000,0]],"okx","-Infinity",null], ctx),
  ];
  console.log(JSON.stringify(out, null, 1));
});
