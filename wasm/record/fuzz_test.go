package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse holds the JSON reader to encoding/json: on any input it
// accepts only what json.Valid accepts, and reads the same values; it may
// refuse more, but only for its stated reasons (invalid UTF-8, a key
// twice, nesting deeper than maxDepth).
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{}`, `[]`, `""`, `0`, `-0.5e+10`, `true`, `null`, ` {"a": [1, "x", {"b": null}]} `,
		`"\u00e9\ud83d\ude00\ud800x\n\/"`, `{"a":1,"a":2}`, `[1,]`, `01`, `1.`, `"\x"`, "\"\xff\"", `{"a" 1}`,
		strings.Repeat("[", 20) + strings.Repeat("]", 20),
	} {
		f.Add([]byte(s))
	}
	f.Add(Encode(Record{Run: Run{Status: Done}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := parse(data)
		valid := json.Valid(data)
		if err == nil {
			if !valid {
				t.Fatalf("parse accepted %q, which encoding/json refuses", data)
			}
			var want any
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.UseNumber()
			if err := dec.Decode(&want); err != nil {
				t.Fatalf("encoding/json: %v", err)
			}
			if got := plain(v); !reflect.DeepEqual(got, want) {
				t.Fatalf("parse(%q) = %#v, encoding/json reads %#v", data, got, want)
			}
			return
		}
		if !errors.Is(err, errSyntax) {
			t.Fatalf("parse(%q): %v is not a syntax error", data, err)
		}
		if valid && utf8.Valid(data) && !strings.Contains(err.Error(), "twice") && !strings.Contains(err.Error(), "deeply") {
			t.Fatalf("parse refused %q, which encoding/json reads: %v", data, err)
		}
	})
}

// plain returns v as encoding/json decodes into an any with UseNumber.
func plain(v value) any {
	switch v.kind {
	case jsonBool:
		return v.b
	case jsonNumber:
		return json.Number(v.text)
	case jsonString:
		return v.text
	case jsonArray:
		out := make([]any, len(v.items))
		for i, x := range v.items {
			out[i] = plain(x)
		}
		return out
	case jsonObject:
		out := make(map[string]any, len(v.keys))
		for i, k := range v.keys {
			out[k] = plain(v.vals[i])
		}
		return out
	}
	return nil
}

// FuzzDecode feeds Decode anything, starting from saved runs: it never
// panics, refuses with an *Error, and what it accepts is a run that
// encodes back to a file it reads the same.
func FuzzDecode(f *testing.F) {
	r := sample(f)
	f.Add(Encode(r))
	r.Pins, r.Check, r.Sweep, r.Cost = nil, nil, nil, nil
	f.Add(Encode(r))
	f.Add(CSV(r.Rows))
	f.Add([]byte(`{"format": "bibun-run", "version": 1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Decode(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Decode refused with %T %v, not an *Error", err, err)
			}
			if !reflect.DeepEqual(got, Record{}) {
				t.Fatalf("Decode refused the file but returned a record")
			}
			return
		}
		if err := got.Config.Validate(); err != nil {
			t.Fatalf("Decode accepted an invalid Config: %v", err)
		}
		again, err := Decode(Encode(got))
		if err != nil {
			t.Fatalf("Decode(Encode(Decode(data))): %v", err)
		}
		if !reflect.DeepEqual(again, got) {
			t.Fatalf("the record changes through Encode: %+v, then %+v", got, again)
		}
	})
}
