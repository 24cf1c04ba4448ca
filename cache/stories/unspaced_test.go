package stories

import (
	"slices"
	"testing"
)

// An unspaced run is read as its bigrams (a lone letter as itself);
// other letters joined to it are a word of their own, and combining
// marks stay inside the run without being letters of its bigrams.
func TestUnspacedRunsReadAsBigrams(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"東京の天気は晴れ", []string{"東京", "京の", "の天", "天気", "気は", "は晴", "晴れ"}},
		{"iPhone15を発売", []string{"iphone15", "を発", "発売"}},
		{"雨。", []string{"雨"}},
		{"서울에서 비", []string{"서울", "울에", "에서", "비"}},
		{"กรุงเทพ", []string{"กร", "รง", "งเ", "เท", "ทพ"}}, // the vowel sign ุ is a mark
		{"Rates hold: 中央銀行", []string{"rate", "hold", "中央", "央銀", "銀行"}},
	} {
		var got []string
		for _, tk := range tokenize(c.text, 0) {
			got = append(got, tk.term)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
		checkTokenize(t, c.text, 0)
		checkTokenize(t, c.text, 2)
	}
	// The limit counts bigrams.
	if n := len(tokenize("一二三四五六七八九十", 4)); n != 4 {
		t.Errorf("limit 4: %d tokens", n)
	}
}
