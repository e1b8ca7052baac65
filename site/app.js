// Starts the page: runs bibun.wasm (package bibun/wasm/app), which renders
// the body and sets window.bibunReady once it has. The same program is each
// training worker's (worker.js): the page compiles it once, and its workers
// get the compiled modules in their first message (package pool posts
// window.bibunModules), so that none fetches or compiles it again.
"use strict";

// japanese reports whether the page will be in Japanese, before the Go
// program can say: lang in the link, else the browser's language (as
// package text decides; its Langs are the languages the regexp knows).
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
  // The program, and simd.wasm's SIMD128 kernels when this browser has SIMD128.
  const modules = await bibunSIMD.compileAll("bibun.wasm");
  window.bibunModules = modules;
  const instance = await bibunSIMD.instantiate(modules.program, go, modules.kernels);
  // Compiling's end and instantiating were one task of the page's thread:
  // Go's start (its runtime and package inits) is the next.
  await new Promise((resolve) => setTimeout(resolve));
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

// Offline: once the page runs, it registers sw.js (written by the build),
// which keeps the page's files so that later visits need no network. A newer
// build installs in the background; when it is ready, a bar offers to
// reload into it. None of this is needed for the page to work: without
// service workers (file:, plain http to another host, a sandboxed frame,
// some private windows) the page runs from the network as before.
function keepOffline() {
  let sw;
  try {
    sw = navigator.serviceWorker; // throws in a sandboxed frame
  } catch (err) {
    return;
  }
  if (!sw || !/^https?:$/.test(location.protocol)) return;
  const hadController = !!sw.controller;
  let reloading = false;
  let waiting = null; // the newest version installed, waiting to take over
  const offer = (worker) => {
    waiting = worker;
    if (document.querySelector("[data-testid=update]")) return;
    const bar = document.createElement("p");
    bar.className = "update";
    bar.dataset.testid = "update";
    bar.setAttribute("role", "status");
    const say = document.createElement("span");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.testid = "update-reload";
    const words = () => {
      const ja = document.documentElement.lang === "ja";
      say.textContent = ja ? "bibun の新しいバージョンが使えます。" : "A new version of bibun is ready.";
      button.textContent = ja ? "再読み込み" : "Reload";
    };
    words();
    new MutationObserver(words).observe(document.documentElement, { attributeFilter: ["lang"] });
    button.addEventListener("click", () => {
      button.disabled = true;
      reloading = true;
      // A waiting worker takes over first; then the page reloads from it.
      if (waiting) waiting.postMessage("skipWaiting");
      else location.reload();
    });
    bar.append(say, " ", button);
    document.body.append(bar);
  };
  const track = (worker) => worker.addEventListener("statechange", () => {
    if (worker.state === "installed" && sw.controller) offer(worker);
  });
  sw.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
    // Another tab let a new version take over: this one still runs the old.
    else if (hadController) offer(null);
  });
  sw.register("sw.js").then((reg) => {
    if (reg.waiting && sw.controller) offer(reg.waiting);
    if (reg.installing) track(reg.installing);
    reg.addEventListener("updatefound", () => track(reg.installing));
  }).catch((err) => {
    console.warn("bibun works without an offline copy here:", err && err.message ? err.message : err);
  });
}

// After the Go program has drawn the page (it replaces the body), so that
// the bar lands in the page it shows, and the worker's first download does
// not compete with the page's own.
(function whenReady() {
  if (window.bibunReady === true) keepOffline();
  else if (!document.querySelector(".fatal")) setTimeout(whenReady, 200);
})();
