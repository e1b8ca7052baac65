// Runs the Go test binary named by the query's "program" in a Web Worker
// (worker.js), with each "arg" of the query as an argument, and puts what it
// printed into #out. cmd/bench reads #out once its data-state is done or
// error; its data-simd says whether simd.js wired the SIMD kernels in, its
// data-exit the program's exit code, and its data-timer the smallest step
// of performance.now() in the worker, in ms.
"use strict";

const out = document.getElementById("out");
const query = new URLSearchParams(location.search);
const worker = new Worker("worker.js");
worker.onmessage = ({ data }) => {
  out.textContent = data.output;
  out.dataset.simd = data.simd;
  out.dataset.exit = data.code;
  out.dataset.timer = data.timer;
  out.dataset.state = "done";
};
worker.onerror = (event) => {
  out.textContent = "the worker failed: " + event.message;
  out.dataset.state = "error";
};
worker.postMessage({ program: query.get("program"), args: query.getAll("arg") });
