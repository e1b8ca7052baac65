package link

import "errors"

// The link's own percent-encoding, as net/url's PathUnescape and
// QueryEscape do it: net/url would bring net/netip and unique into the
// page's program, 30 kB gzipped, for these two loops. escape_test.go holds
// them to net/url's.

// errEscape is a '%' not followed by two hexadecimal digits.
var errEscape = errors.New("invalid percent-escape")

// unescape percent-decodes s as url.PathUnescape does: %XX is the byte XX
// (either case), a '+' stays a plus sign; it fails when a '%' is not
// followed by two hexadecimal digits.
func unescape(s string) (string, error) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '%' {
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return "", errEscape
			}
			n++
			i += 2
		}
	}
	if n == 0 {
		return s, nil
	}
	b := make([]byte, 0, len(s)-2*n)
	for i := 0; i < len(s); i++ {
		if s[i] == '%' {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		} else {
			b = append(b, s[i])
		}
	}
	return string(b), nil
}

// Escape percent-encodes s for a key or value of a link, as Format writes
// them and Parse reads them back: letters, digits,
// "-_.~" and the comma (which separates lock's and hide's names) stay as
// they are, a space is %20 (a '+' would read back as a plus), every other
// byte %XX in capitals: url.QueryEscape, but for the space and the comma.
func Escape(s string) string {
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if plain(c) {
			if b != nil {
				b = append(b, c)
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(s)+16), s[:i]...)
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	if b == nil {
		return s
	}
	return string(b)
}

// plain reports whether c stands for itself in an escaped value.
func plain(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '~' || c == ','
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
