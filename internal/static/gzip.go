package static

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"time"
)

// gzipCache holds the gzipped bytes of each file served compressed, for the
// version (modification time and size) it was compressed from. A rebuilt
// file replaces its entry on the next request; entries are never evicted,
// so the cache holds at most one copy of each file of the site.
type gzipCache struct {
	mu    sync.Mutex
	files map[string]gzipped
}

type gzipped struct {
	modTime time.Time
	size    int64
	data    []byte
}

func newGzipCache() *gzipCache {
	return &gzipCache{files: make(map[string]gzipped)}
}

// get returns the gzipped content of the file name, whose info is info and
// whose content r reads, compressing it unless the cache holds this version.
// Two first requests for one file may both compress it; the result is the same.
func (c *gzipCache) get(name string, info fs.FileInfo, r io.Reader) (*bytes.Reader, error) {
	c.mu.Lock()
	e, ok := c.files[name]
	c.mu.Unlock()
	if ok && e.modTime.Equal(info.ModTime()) && e.size == info.Size() {
		return bytes.NewReader(e.data), nil
	}

	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(zw, r); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	e = gzipped{modTime: info.ModTime(), size: info.Size(), data: buf.Bytes()}
	c.mu.Lock()
	c.files[name] = e
	c.mu.Unlock()
	return bytes.NewReader(e.data), nil
}

// version names a file version for an ETag: its size and modification time.
func version(info fs.FileInfo) string {
	return fmt.Sprintf("%x-%x", info.Size(), info.ModTime().UnixNano())
}

// acceptsGzip reports whether an Accept-Encoding header value admits gzip:
// it lists gzip (or *) without q=0.
func acceptsGzip(header string) bool {
	gz, star := -1.0, -1.0 // the q of "gzip" and of "*"; -1 when absent
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		q := 1.0
		for p := range strings.SplitSeq(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch strings.ToLower(strings.TrimSpace(coding)) {
		case "gzip", "x-gzip":
			gz = q
		case "*":
			star = q
		}
	}
	if gz >= 0 {
		return gz > 0
	}
	return star > 0
}
