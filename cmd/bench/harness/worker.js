// Runs a Go test binary as the page's training workers run worker.wasm:
// Go's wasm_exec.js, then bibunSIMD.load (simd.js) with the SIMD kernels of
// simd.wasm. What the program writes to stdout and stderr goes to the page
// instead of the console.
"use strict";

importScripts("wasm_exec.js", "simd.js");

let output = "";
const decoder = new TextDecoder();
// wasm_exec.js's fs.write calls this.writeSync: every write of Go's os.Stdout
// and os.Stderr comes here.
globalThis.fs.writeSync = (fd, buf) => {
  output += decoder.decode(buf, { stream: true });
  return buf.length;
};

// simd records whether simd.js handed the program the kernels (not null
// when simd.wasm validates: this browser has SIMD128).
let simd = false;
const instantiate = bibunSIMD.instantiate;
bibunSIMD.instantiate = function (program, go, kernels) {
  simd = kernels !== null;
  return instantiate.call(this, program, go, kernels);
};

// timerStep returns the smallest step of performance.now() seen in 50 ms:
// how finely this worker's clock, and so the Go program's, reads time.
function timerStep() {
  let step = Infinity;
  let last = performance.now();
  const end = last + 50;
  for (let now = last; now < end; ) {
    now = performance.now();
    if (now !== last) {
      step = Math.min(step, now - last);
      last = now;
    }
  }
  return step;
}

self.onmessage = async ({ data }) => {
  const timer = timerStep();
  const go = new Go();
  go.argv = [data.program, ...data.args];
  let code = null;
  go.exit = (c) => {
    code = c;
  };
  try {
    await go.run(await bibunSIMD.load(data.program, go));
  } catch (err) {
    output += "\nharness: " + err;
  }
  postMessage({ output, code, simd, timer });
};
