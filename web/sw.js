// The service worker: it keeps the page's files so that, after one visit,
// the page opens and trains without a network (a class on a weak school
// network loads it once).
//
// The build (cmd/sitegen) writes site/sw.js from web/sw.js: VERSION is a
// hash of every file the site has, and FILES lists them with their digests.
// A new build therefore changes this script; the browser notices on the
// next visit, installs the new worker beside the old one and fetches the new
// files, and site/app.js offers a reload, which lets it take over.
"use strict";

const VERSION = {{json .Version}};
const FILES = {{json .Files}};

// Each registration (one per folder the site is published in) keeps its
// files in one cache per version, named after its scope, so that two copies
// of the site on one host never delete each other's files.
const PREFIX = "bibun " + self.registration.scope + " ";
const CACHE = PREFIX + VERSION;

// The address each file is kept under.
const urlOf = (path) => new URL(path, self.location).href;
const INDEX = urlOf("index.html");
const KEPT = new Set(FILES.map((f) => urlOf(f.path)));

// install fetches every file past the HTTP cache, checking its digest, so
// that a stale copy from a cache or a proxy fails the install (the browser
// tries again on the next visit) instead of mixing two builds.
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(FILES.map(async (f) => {
    const response = await fetch(urlOf(f.path), { cache: "no-cache", integrity: f.integrity });
    if (!response.ok) {
      throw new Error(f.path + ": " + response.status + " " + response.statusText);
    }
    // A response that followed a redirect cannot answer a navigation.
    const kept = response.redirected
      ? new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers })
      : response;
    await cache.put(urlOf(f.path), kept);
  }))));
});

// The page asks a waiting worker to take over when the visitor accepts the
// reload (site/app.js).
self.addEventListener("message", (event) => {
  if (event.data === "skipWaiting") self.skipWaiting();
});

// activate deletes the older versions' caches and takes over the open pages
// at once; the first version thus serves the visit that installed it.
self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// fetch answers the page's files from the cache, and anything else (or a
// file the cache lost) from the network.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate") {
    // The page at any of its addresses: the folder, index.html, with a query.
    url.search = "";
    if (url.pathname.endsWith("/")) url.pathname += "index.html";
    if (url.href !== INDEX) return;
  } else if (!KEPT.has(url.href)) {
    return;
  }
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(url.href, { ignoreVary: true }))
    .then((kept) => kept || fetch(request)));
});
