// bibunSIMD loads a Go program compiled to WebAssembly together with the
// SIMD128 kernels of package bibun/nn/simd (kernels.wasm, served as
// simd.wasm). The page and its workers load it after Go's wasm_exec.js
// (make build copies it into site/); so does the js/wasm test runner under
// node (go_js_wasm_exec in this directory).
//
// A Go binary that links package simd imports the module "bibun_simd", and
// the kernels import that binary's memory ("go" "mem"). So the Go instance
// comes first, with imports that call into the kernels' instance, which is
// made right after from the Go instance's memory, before go.run:
//
//	const instance = await bibunSIMD.load("worker.wasm", go);
//	await go.run(instance);
//
// Without the kernels — a browser without SIMD128 (simd.wasm does not
// validate), no simd.wasm, or globalThis.bibunNoSIMD set to true — the Go
// program is told so (its import "available" returns 0) and runs its Go
// kernels instead, which give the same digits, more slowly.
"use strict";

globalThis.bibunSIMD = {
  // module is the import module of the kernels in Go's wasm binaries.
  module: "bibun_simd",

  // load fetches and compiles the Go program at url and returns its
  // instance, ready for go.run, with the kernels from kernelsURL wired in
  // if the program imports them. It fails with "url: status" when the
  // program cannot be fetched.
  async load(url, go, kernelsURL = "simd.wasm") {
    let program;
    try {
      program = await WebAssembly.compileStreaming(fetch(url));
    } catch (streamingErr) {
      // A server that sends another MIME type than application/wasm.
      const response = await fetch(url);
      if (!response.ok) {
        throw new Error(url + ": " + response.status + " " + response.statusText);
      }
      program = await WebAssembly.compile(await response.arrayBuffer());
    }
    let kernels = null;
    if (WebAssembly.Module.imports(program).some((imp) => imp.module === this.module)) {
      kernels = this.compile(await this.fetchBytes(kernelsURL));
    }
    return this.instantiate(program, go, kernels);
  },

  // fetchBytes returns the bytes at url, or null (with a warning) when
  // there are none: the program then runs without the kernels.
  async fetchBytes(url) {
    try {
      const response = await fetch(url);
      if (response.ok) {
        return await response.arrayBuffer();
      }
      console.warn("bibun: " + url + ": " + response.status + " " + response.statusText + "; running without SIMD");
    } catch (err) {
      console.warn("bibun: " + url + ": " + err + "; running without SIMD");
    }
    return null;
  },

  // compile returns the kernels compiled from their bytes (an ArrayBuffer
  // or a typed array), or null when there are none to use: no bytes, a
  // browser without SIMD128, or globalThis.bibunNoSIMD set to true.
  compile(bytes) {
    if (!bytes || globalThis.bibunNoSIMD === true) {
      return null;
    }
    if (!WebAssembly.validate(bytes)) {
      console.info("bibun: this browser runs WebAssembly without SIMD128; the Go kernels give the same results, more slowly");
      return null;
    }
    return new WebAssembly.Module(bytes);
  },

  // instantiate instantiates program (a compiled Go program) with
  // go.importObject and the kernels' imports, and returns the instance,
  // ready for go.run. kernels is what compile returned.
  async instantiate(program, go, kernels) {
    const calls = {}; // what each import calls: a kernel, once attached
    const imports = {};
    for (const imp of WebAssembly.Module.imports(program)) {
      if (imp.module !== this.module) {
        continue;
      }
      const name = imp.name;
      calls[name] = () => {
        throw new Error("bibun_simd." + name + " called without the SIMD kernels");
      };
      imports[name] = (...args) => calls[name](...args);
    }
    const instance = await WebAssembly.instantiate(program, { ...go.importObject, [this.module]: imports });

    const names = Object.keys(calls);
    let k = null;
    if (kernels && names.length > 0) {
      k = (await WebAssembly.instantiate(kernels, { go: { mem: instance.exports.mem } })).exports;
      const missing = names.filter((name) => typeof k[name] !== "function");
      if (missing.length > 0) {
        // A simd.wasm from another build than the program: use none of it.
        console.warn("bibun: simd.wasm lacks " + missing.join(", ") + "; running without SIMD");
        k = null;
      }
    }
    for (const name of names) {
      if (k) {
        calls[name] = k[name];
      } else if (name === "available") {
        calls[name] = () => 0;
      }
    }
    return instance;
  },
};

if (typeof module !== "undefined") {
  module.exports = globalThis.bibunSIMD;
}
