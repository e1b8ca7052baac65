// A training worker: runs worker.wasm (package bibun/wasm/worker), which
// answers the page's messages. Messages that arrive before Go runs are
// queued here and handed over when Go calls bibunAttach.
"use strict";

importScripts("wasm_exec.js");

const early = [];
let deliver = null;

self.onmessage = (event) => {
  if (deliver) {
    deliver(event.data);
  } else {
    early.push(event.data);
  }
};

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

async function start() {
  const go = new Go();
  let result;
  try {
    result = await WebAssembly.instantiateStreaming(fetch("worker.wasm"), go.importObject);
  } catch (streamingErr) {
    // A server that sends another MIME type than application/wasm.
    const response = await fetch("worker.wasm");
    if (!response.ok) {
      throw new Error("worker.wasm: " + response.status + " " + response.statusText);
    }
    result = await WebAssembly.instantiate(await response.arrayBuffer(), go.importObject);
  }
  await go.run(result.instance);
  throw new Error("the Go program stopped");
}

start().catch(fail);
