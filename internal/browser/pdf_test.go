package browser

import (
	"bytes"
	"compress/zlib"
	"testing"
)

func TestPDFPages(t *testing.T) {
	plain := []byte("%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >> endobj\n2 0 obj << /Type /Page /Parent 1 0 R >> endobj\n3 0 obj <</Type/Page/Parent 1 0 R>> endobj\n%%EOF")
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write([]byte("5 0 6 40 << /Type /Pages /Count 3 >> << /Type /Page >> << /Type /Page >> << /Type /Page >>"))
	w.Close()
	streamed := append([]byte("%PDF-1.7\n4 0 obj\n<< /Type /ObjStm /N 4 /First 8 /Filter /FlateDecode /Length 99 >>\nstream\n"), z.Bytes()...)
	streamed = append(streamed, []byte("\nendstream\nendobj\n%%EOF")...)
	for _, c := range []struct {
		name string
		pdf  []byte
		want int
	}{
		{"pages in the file", plain, 2},
		{"pages in an object stream", streamed, 3},
		{"not a PDF", []byte("hello"), 0},
		{"a broken stream", []byte("<< /Type /ObjStm >>\nstream\nnot zlib\nendstream"), 0},
	} {
		if got := PDFPages(c.pdf); got != c.want {
			t.Errorf("%s: %d pages, want %d", c.name, got, c.want)
		}
	}
}
