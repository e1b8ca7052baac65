// Command serve serves the built site for development and for the browser
// tests' manual twin:
//
//	go run ./cmd/serve -dir site -addr localhost:8080
//
// It serves dir with the headers of bibun/internal/static (the page's
// Content Security Policy, gzip, no-cache), and refuses to start on a site
// that has not been built.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"bibun/internal/static"
)

func main() {
	dir := flag.String("dir", "site", "directory of the built site")
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	flag.Parse()
	if err := run(*dir, *addr); err != nil {
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

func run(dir, addr string) error {
	for _, name := range []string{"index.html", "bibun.wasm"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%s has no %s: run make build first", dir, name)
			}
			return err
		}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Printf("serving %s at http://%s/\n", dir, addr)
	srv := &http.Server{Handler: static.Handler(dir), ReadHeaderTimeout: 10 * time.Second}
	return srv.Serve(ln)
}
