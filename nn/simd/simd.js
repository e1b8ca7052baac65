// bibunSIMD loads a Go program compiled to WebAssembly together with the
// SIMD128 kernels of package bibun/nn/simd (kernels.wasm, served as
// simd.wasm). The page and its workers load it after Go's wasm_exec.js
// (make build copies it into site/); so does the js/wasm test runner under
// node (go_js_wasm_exec in this directory).
//
// A Go binary that links package simd imports the module "bibun_simd", and
// the kernels import that binary's memory ("go" "mem"); instantiate below
// resolves the circle. The page compiles its program once and instantiates
// it for itself and, in each worker, from the modules it posts there:
//
//	const compiled = await bibunSIMD.compileAll("bibun.wasm");
//	const instance = await bibunSIMD.instantiate(compiled.program, go, compiled.kernels);
//	await go.run(instance);
//
// (load does both at once.) Without the kernels — a browser without
// SIMD128 (simd.wasm does not validate), no simd.wasm, or
// globalThis.bibunNoSIMD set to true — the Go program is told so (its
// import "available" returns 0) and runs its Go kernels instead, which give
// the same digits, more slowly.
"use strict";

globalThis.bibunSIMD = {
  // module is the import module of the kernels in Go's wasm binaries.
  module: "bibun_simd",

  // load fetches and compiles the Go program at url and returns its
  // instance, ready for go.run, with the kernels from kernelsURL wired in
  // if the program imports them. It fails as compileAll does.
  async load(url, go, kernelsURL = "simd.wasm") {
    const { program, kernels } = await this.compileAll(url, kernelsURL);
    return this.instantiate(program, go, kernels);
  },

  // compileAll fetches and compiles the Go program at url and, if it
  // imports them, the kernels at kernelsURL, fetched meanwhile. It returns
  // both modules, { program, kernels }, kernels null when there are none
  // to use (see compile). WebAssembly.Modules can be posted to workers,
  // which then instantiate them without fetching or compiling anything. It
  // fails with "url: status" when the program cannot be fetched.
  async compileAll(url, kernelsURL = "simd.wasm") {
    const kernelBytes = this.fetchBytes(kernelsURL); // never rejects
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
      kernels = this.compile(await kernelBytes);
    }
    return { program, kernels };
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
  //
  // The kernels module is instantiated twice (kernels.wat says why): a
  // front instance before the Go instance, whose exports are the Go
  // program's imports, and a back instance on the Go instance's memory,
  // whose kernels the front's table then points to. The Go program calls
  // the kernels wasm to wasm, with no JavaScript in between.
  async instantiate(program, go, kernels) {
    const wanted = WebAssembly.Module.imports(program)
      .filter((imp) => imp.module === this.module)
      .map((imp) => imp.name);
    if (kernels && wanted.length > 0) {
      const has = new Set(WebAssembly.Module.exports(kernels).map((exp) => exp.name));
      const missing = wanted.filter((name) => !has.has(name));
      if (missing.length > 0) {
        // A simd.wasm from another build than the program: use none of it.
        console.warn("bibun: simd.wasm lacks " + missing.join(", ") + "; running without SIMD");
        kernels = null;
      }
    }
    if (!kernels || wanted.length === 0) {
      // available() says 0, and the Go program never calls the others.
      const none = {};
      for (const name of wanted) {
        none[name] = name === "available" ? () => 0 : () => {
          throw new Error("bibun_simd." + name + " called without the SIMD kernels");
        };
      }
      return WebAssembly.instantiate(program, { ...go.importObject, [this.module]: none });
    }
    const front = await WebAssembly.instantiate(kernels, { go: { mem: new WebAssembly.Memory({ initial: 0 }) } });
    const instance = await WebAssembly.instantiate(program, { ...go.importObject, [this.module]: front.exports });
    const back = await WebAssembly.instantiate(kernels, { go: { mem: instance.exports.mem } });
    const table = front.exports.kernels;
    for (let i = 0; i < table.length; i++) {
      table.set(i, back.exports.kernels.get(i));
    }
    front.exports.attached.value = 1;
    return instance;
  },
};

if (typeof module !== "undefined") {
  module.exports = globalThis.bibunSIMD;
}
