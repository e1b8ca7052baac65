package text

import "testing"

func TestBrowser(t *testing.T) {
	for tag, want := range map[string]Lang{
		"ja": Japanese, "ja-JP": Japanese, "JA-jp": Japanese, "ja_JP": Japanese,
		"en-US": English, "en": English, "": English, "jav": English, "de-DE": English, "zh-Hans-JP": English,
	} {
		if got := Browser(tag); got != want {
			t.Errorf("Browser(%q) = %s, want %s", tag, got, want)
		}
	}
}

func TestOf(t *testing.T) {
	for _, c := range []struct {
		link    string
		browser Lang
		want    Lang
	}{
		{"", English, English}, {"", Japanese, Japanese}, {"en", Japanese, English},
		{"ja", English, Japanese}, {"fr", Japanese, Japanese}, {"", nLangs, English}, {"EN", Lang(9), English},
	} {
		if got := Of(c.link, c.browser); got != c.want {
			t.Errorf("Of(%q, %q) = %s, want %s", c.link, c.browser, got, c.want)
		}
	}
}

func TestHasJapanese(t *testing.T) {
	for s, want := range map[string]bool{
		"勾配": true, "ひらがな": true, "カタカナ": true, "ー": true, "W1": false, "gradient": false,
		"（）、。": false, "∂L/∂W1": false, "": false, "lr：学習率": true,
	} {
		if got := HasJapanese(s); got != want {
			t.Errorf("HasJapanese(%q) = %v", s, got)
		}
	}
}

func TestSymbolic(t *testing.T) {
	for s, want := range map[string]bool{
		"W1": true, "b2": true, "h": true, "∝ h²": true, "∛ε ≈ 6·10⁻⁶": true, "P = 16,578": true, "→ 97%": true,
		"step": false, "ms per gradient": false, "softmax": false, "English": false,
	} {
		if got := Symbolic(s); got != want {
			t.Errorf("Symbolic(%q) = %v", s, got)
		}
	}
}

func TestTable(t *testing.T) {
	tbl := Table[string]{English: "step", Japanese: "ステップ"}
	if tbl[Japanese] != "ステップ" || tbl[English] != "step" || len(tbl) != len(Langs) {
		t.Errorf("Table: %q %q, %d rows for %d languages", tbl[Japanese], tbl[English], len(tbl), len(Langs))
	}
}

func TestParse(t *testing.T) {
	for _, l := range Langs {
		if got, ok := Parse(l.String()); !ok || got != l {
			t.Errorf("Parse(%q) = %v, %v; want %v", l.String(), got, ok, l)
		}
	}
	for _, name := range []string{"", "EN", "ja-JP", "fr", "Lang(2)"} {
		if _, ok := Parse(name); ok {
			t.Errorf("Parse(%q) found a language", name)
		}
	}
	if English.String() != "en" || Japanese.String() != "ja" || nLangs.String() != "Lang(2)" {
		t.Errorf("String: %q %q %q", English, Japanese, nLangs)
	}
}

func TestJoin(t *testing.T) {
	if got := English.Join("One.", "Two."); got != "One. Two." {
		t.Errorf("English.Join = %q", got)
	}
	if got := Japanese.Join("一。", "二。"); got != "一。二。" {
		t.Errorf("Japanese.Join = %q", got)
	}
}
