// A training worker: runs the page's own program, bibun.wasm (package
// bibun/wasm/app, whose main is a training worker in a Web Worker: package
// bibun/wasm/worker), from the compiled modules that the page posts as its
// first message, so that no worker fetches or compiles the program again.
// Messages that arrive before Go runs are queued here and handed over when
// Go calls bibunAttach.
"use strict";

importScripts("wasm_exec.js", "simd.js");

const early = [];
let deliver = null;
let go = null;
let started = false;

self.onmessage = (event) => {
  if (!started) {
    // The first message: the program and its kernels, compiled by the
    // page (window.bibunModules, posted by package pool).
    started = true;
    start(event.data).catch(fail);
    return;
  }
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

// start runs the program of modules, { program, kernels } as
// bibunSIMD.compileAll returns them.
async function start(modules) {
  if (!modules || !(modules.program instanceof WebAssembly.Module)) {
    throw new Error("the page sent no compiled program");
  }
  go = new Go();
  const instance = await bibunSIMD.instantiate(modules.program, go, modules.kernels);
  // The program links vecty for its page's role, and vecty's package init
  // panics where there is no document (it checks only that there is one).
  // Go's package inits, and the worker's start, run before go.run first
  // returns: the stub lives only that long.
  self.document = {};
  let done;
  try {
    done = go.run(instance);
  } finally {
    delete self.document;
  }
  await done;
  const why = /^(panic|fatal error): .*$/m.exec(crash);
  throw new Error("the Go program stopped" + (why ? ": " + why[0] : ""));
}
