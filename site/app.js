// Starts the page: runs app.wasm (package bibun/wasm/app), which renders
// the body and sets window.bibunReady once it has.
"use strict";

// japanese reports whether the page will be in Japanese, before the Go
// program can say: lang in the link, else the browser's language (as
// package text decides).
function japanese() {
  const m = /(?:^|[#&])lang=(en|ja)(?:&|$)/.exec(location.hash);
  return m ? m[1] === "ja" : /^ja(?:[-_]|$)/i.test(navigator.language || "");
}

if (japanese()) {
  document.documentElement.lang = "ja";
  const loading = document.querySelector(".loading");
  if (loading) loading.textContent = "ネットワークを読み込んでいます…";
}

async function start() {
  const go = new Go();
  // simd.js also wires in the SIMD128 kernels, should app.wasm import them.
  const instance = await bibunSIMD.load("app.wasm", go);
  await go.run(instance);
  throw new Error("the page's Go program stopped");
}

start().catch((err) => {
  const p = document.createElement("p");
  p.className = "fatal";
  p.setAttribute("role", "alert");
  const why = err && err.message ? err.message : err;
  p.textContent = japanese()
    ? "ページを起動できませんでした：" + why + "。WebAssembly に対応したブラウザが必要です。再読み込みで直ることもあります。"
    : "This page could not start: " + why + ". It needs a browser with WebAssembly; reloading may help.";
  document.body.prepend(p);
});
