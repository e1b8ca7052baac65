package browser

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
)

// pdfPage matches a page object of a PDF (not the /Pages tree).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// pdfObjStm matches the head of a compressed object stream, up to where
// its data begins: Firefox's PDFs keep their page objects in them.
var pdfObjStm = regexp.MustCompile(`(?s)/Type\s*/ObjStm.*?stream\r?\n`)

// PDFPages returns the number of pages of a PDF: its page objects, in the
// file as written (Chromium's) or inside its object streams (Firefox's).
func PDFPages(pdf []byte) int {
	n := len(pdfPage.FindAll(pdf, -1))
	for _, loc := range pdfObjStm.FindAllIndex(pdf, -1) {
		data := pdf[loc[1]:]
		if end := bytes.Index(data, []byte("endstream")); end >= 0 {
			data = data[:end]
		}
		r, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			continue
		}
		objects, _ := io.ReadAll(r) // what inflated before any trailing bytes
		n += len(pdfPage.FindAll(objects, -1))
	}
	return n
}
