// Runs a js/wasm binary under node, as Go's lib/wasm/wasm_exec_node.js
// does, with the SIMD kernels of this directory (kernels.wasm) wired in by
// simd.js. Arguments: GOROOT, the binary, then its own arguments. The
// environment variable BIBUN_NOSIMD, if not empty, leaves the kernels out.
"use strict";

const [goroot, binary, ...args] = process.argv.slice(2);
if (!binary) {
  console.error("usage: exec_node.js GOROOT binary.wasm [arguments]");
  process.exit(1);
}

globalThis.require = require;
globalThis.fs = require("fs");
globalThis.path = require("path");
globalThis.TextEncoder = require("util").TextEncoder;
globalThis.TextDecoder = require("util").TextDecoder;
globalThis.performance ??= require("performance");
globalThis.crypto ??= require("crypto");

require(path.join(goroot, "lib", "wasm", "wasm_exec.js"));
const simd = require("./simd.js");

globalThis.bibunNoSIMD = !!process.env.BIBUN_NOSIMD;

const go = new Go();
go.argv = [binary, ...args];
go.env = Object.assign({ TMPDIR: require("os").tmpdir() }, process.env);
go.exit = process.exit;

(async () => {
  const program = await WebAssembly.compile(fs.readFileSync(binary));
  const kernels = simd.compile(fs.readFileSync(path.join(__dirname, "kernels.wasm")));
  const instance = await simd.instantiate(program, go, kernels);
  process.on("exit", (code) => { // Node.js exits if no event handler is pending
    if (code === 0 && !go.exited) {
      // deadlock, make Go print error and stack traces
      go._pendingEvent = { id: 0 };
      go._resume();
    }
  });
  await go.run(instance);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
