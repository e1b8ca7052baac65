// A training worker: runs worker.wasm (package bibun/wasm/worker), which
// answers the page's messages. Messages that arrive before Go runs are
// queued here and handed over when Go calls bibunAttach.
"use strict";

importScripts("wasm_exec.js", "simd.js");

const early = [];
let deliver = null;
let go = null;

self.onmessage = (event) => {
  if (go && go.exited) {
    // The Go program has stopped (start reports why); calling into it
    // would only raise "Go program has already exited" and hide the reason.
    return;
  }
  if (deliver) {
    deliver(event.data);
  } else {
    early.push(event.data);
  }
};

// Once the Go program has stopped, a timer it had set still fires and
// raises "Go program has already exited" (wasm_exec.js keeps its timers):
// that error is dropped here, so that the page hears why it stopped
// (start's error) and not this one.
self.addEventListener("error", (event) => {
  if (go && go.exited && /Go program has already exited/.test(event.message)) {
    event.preventDefault();
  }
});

// bibunAttach is called once by Go with its receiving function.
self.bibunAttach = (receive) => {
  deliver = receive;
  for (const data of early.splice(0)) {
    receive(data);
  }
};

// fail reports err to the page as the worker's error event.
function fail(err) {
  setTimeout(() => {
    throw new Error("training worker: " + (err && err.message ? err.message : err));
  });
}

// crash holds the start of what the Go program wrote to stderr, where a
// panic or a fatal error says why it stopped.
let crash = "";
const writeSync = globalThis.fs.writeSync;
globalThis.fs.writeSync = function (fd, buf) {
  if (fd === 2 && crash.length < 2000) {
    crash += new TextDecoder().decode(buf);
  }
  return writeSync.call(this, fd, buf);
};

async function start() {
  go = new Go();
  // worker.wasm, with the SIMD128 kernels of simd.wasm when the browser has SIMD128.
  const instance = await bibunSIMD.load("worker.wasm", go);
  await go.run(instance);
  const why = /^(panic|fatal error): .*$/m.exec(crash);
  throw new Error("the Go program stopped" + (why ? ": " + why[0] : ""));
}

start().catch(fail);
