// Package static serves the built site: the files of one directory, with the
// headers the page needs (exact MIME types, no-cache, a strict Content
// Security Policy) and gzip for the large text and wasm files.
package static

import (
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// CSP is the Content-Security-Policy of every response. The page runs only
// its own scripts and wasm ('wasm-unsafe-eval' allows WebAssembly.instantiate,
// nothing else) and starts workers, the service worker included, from its
// own origin.
//
// Any page may frame it, so that a class's learning platform or a blog can
// embed it: it has no login, no cookies and no private data, so a framing
// page can trick a visitor into nothing worse than training a network. The
// policy says so by having no frame-ancestors directive (nor an
// X-Frame-Options header) rather than "frame-ancestors *": the wildcard
// matches only ancestors with a network scheme, so a framing page with an
// opaque origin (a sandboxed frame, as some platforms use) or a file: page
// would still be refused, and browsers have not always agreed on those.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data:; worker-src 'self'; connect-src 'self'; object-src 'none'; " +
	"base-uri 'none'"

// types fixes the MIME type of the files the site is made of, so that the
// answer does not depend on the host's mime tables (nosniff makes a wrong
// type fatal: a .wasm served otherwise than application/wasm cannot be
// streamed-compiled, a .js cannot run).
var types = map[string]string{
	".wasm": "application/wasm",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".html": "text/html; charset=utf-8",
	".png":  "image/png",
	".svg":  "image/svg+xml",
	".json": "application/json",
	".ico":  "image/x-icon",
	".txt":  "text/plain; charset=utf-8",
}

// compressible lists the extensions worth gzipping; PNG is compressed already.
var compressible = map[string]bool{
	".wasm": true, ".js": true, ".css": true, ".html": true, ".svg": true,
	".json": true, ".txt": true,
}

// Handler returns a handler that serves the files of dir: index.html for a
// path naming a directory, 404 for anything else that is not a regular file
// inside dir (no listings, no "..", no dot files, no symlinks out of dir).
// Only GET and HEAD are allowed. Every response, errors included, carries
// the security headers; every file is sent with Cache-Control: no-cache so
// a rebuilt wasm is picked up on reload. A client that accepts gzip gets the
// compressible files gzipped, compressed once per file version.
func Handler(dir string) http.Handler {
	return &handler{dir: dir, gz: newGzipCache()}
}

type handler struct {
	dir string
	gz  *gzipCache
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", CSP)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")

	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := fileName(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	f, info, name, err := h.open(name, name == "." || strings.HasSuffix(r.URL.Path, "/"))
	if err == errIsDir {
		// As http.FileServer does: a directory's URL ends in a slash, so
		// that the relative links of its index.html resolve inside it.
		http.Redirect(w, r, path.Base(r.URL.Path)+"/", http.StatusMovedPermanently)
		return
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			http.NotFound(w, r)
			return
		}
		http.Error(w, "500 cannot read "+name, http.StatusInternalServerError)
		return
	}
	defer f.Close()

	ext := strings.ToLower(path.Ext(name))
	hdr.Set("Content-Type", contentType(ext))
	hdr.Set("Cache-Control", "no-cache")
	// The ETag names the file version; ServeContent answers a revalidation
	// (If-None-Match) with 304, which is what no-cache costs on a reload.
	etag := version(info)

	if compressible[ext] {
		hdr.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			gz, err := h.gz.get(name, info, f)
			if err != nil {
				http.Error(w, "500 cannot compress "+name, http.StatusInternalServerError)
				return
			}
			hdr.Set("Content-Encoding", "gzip")
			hdr.Set("ETag", `"`+etag+`-gzip"`)
			http.ServeContent(w, r, name, info.ModTime(), gz)
			return
		}
	}
	hdr.Set("ETag", `"`+etag+`"`)
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// fileName turns a URL path into a slash-separated name relative to the
// served directory ("." for the root). It refuses a path with a ".." or a
// dot-file element instead of cleaning it away, so a request that tries to
// climb out gets 404 rather than some other file.
func fileName(urlPath string) (string, bool) {
	for _, elem := range strings.Split(urlPath, "/") {
		if strings.HasPrefix(elem, ".") || strings.ContainsRune(elem, '\\') || strings.ContainsRune(elem, 0) {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" {
		name = "."
	}
	return name, true
}

// open opens name inside h.dir, or name/index.html when name is a
// directory, and returns the file, its info and the name actually opened.
// It returns errIsDir for a directory named without its final slash
// (name is "." for the root, whose URL always has it), and fs.ErrNotExist
// for anything but a regular file.
func (h *handler) open(name string, slash bool) (*os.File, fs.FileInfo, string, error) {
	f, info, err := openRegular(h.dir, name)
	if err == errIsDir {
		if !slash {
			return nil, nil, name, errIsDir
		}
		name = path.Join(name, "index.html")
		f, info, err = openRegular(h.dir, name)
		if err == errIsDir {
			err = fs.ErrNotExist
		}
	}
	return f, info, name, err
}

var errIsDir = errors.New("is a directory")

// openRegular opens name in dir through os.OpenInRoot, which also refuses
// symlinks that lead out of dir. Every failure to open but a permission
// error (a misconfigured server, worth a 500) reads as fs.ErrNotExist.
func openRegular(dir, name string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenInRoot(dir, filepath.FromSlash(name))
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return nil, nil, err
		}
		return nil, nil, fs.ErrNotExist
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if info.IsDir() {
		f.Close()
		return nil, nil, errIsDir
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, fs.ErrNotExist
	}
	return f, info, nil
}

// contentType returns the MIME type of a file extension (with its dot).
func contentType(ext string) string {
	if t, ok := types[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}
