// Starts the page: runs app.wasm (package bibun/wasm/app), which renders
// the body and sets window.bibunReady once it has.
"use strict";

async function start() {
  const go = new Go();
  let result;
  try {
    result = await WebAssembly.instantiateStreaming(fetch("app.wasm"), go.importObject);
  } catch (streamingErr) {
    // A server that sends another MIME type than application/wasm.
    const response = await fetch("app.wasm");
    if (!response.ok) {
      throw new Error("app.wasm: " + response.status + " " + response.statusText);
    }
    result = await WebAssembly.instantiate(await response.arrayBuffer(), go.importObject);
  }
  await go.run(result.instance);
  throw new Error("the page's Go program stopped");
}

start().catch((err) => {
  const p = document.createElement("p");
  p.className = "fatal";
  p.setAttribute("role", "alert");
  p.textContent = "This page could not start: " + (err && err.message ? err.message : err) +
    ". It needs a browser with WebAssembly; reloading may help.";
  document.body.prepend(p);
});
