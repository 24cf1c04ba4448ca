package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Japanese and Chinese lines never start with a closing mark (。、」…) nor
// end with an opening one (「…): at any width, the character before
// goes down with the mark (Japanese typesetting's oidashi), no line
// grows past the width, and nothing is lost.
func TestWrapKeepsPunctuationOffLineStarts(t *testing.T) {
	texts := []string{
		"続きは湾岸新報デジタルで。会員登録はこちら。",
		"台風12号による沖浜県の農業被害額は30億円を超える見通しとなった。サトウキビ畑の被害が大きい。",
		"市長は「避難所を開設した」と述べ、「高齢者の安否確認を進めている」と説明した。",
		"东方快讯报道，日本青滨市发生大规模停电，约12万户受影响。",
	}
	for _, text := range texts {
		for width := 6; width <= 44; width++ {
			lines := wrapLines(text, width, "")
			if got := strings.Join(lines, ""); got != text {
				t.Errorf("width %d: %q, lost text of %q", width, lines, text)
				continue
			}
			for i, l := range lines {
				if ansi.StringWidth(l) > width {
					t.Errorf("width %d: line %q is %d wide", width, l, ansi.StringWidth(l))
				}
				if r := []rune(l); i > 0 && len(r) > 0 && strings.ContainsRune("、。，．・：；？！）］｝」』】〕〉》〙〗〟’”｠ヽヾゝゞ々…‥", r[0]) {
					t.Errorf("width %d: line %d %q starts with %q", width, i, l, r[0])
				}
				if r := []rune(l); i < len(lines)-1 && len(r) > 0 && strings.ContainsRune("（［｛「『【〔〈《〘〖〝‘“｟", r[len(r)-1]) {
					t.Errorf("width %d: line %d %q ends with %q", width, i, l, r[len(r)-1])
				}
			}
		}
	}
	// English wraps as before: at spaces, words whole.
	if got := wrapLines("Storm Idris slams the coast, cutting power.", 20, ""); strings.Join(got, "|") != "Storm Idris slams|the coast, cutting|power." {
		t.Errorf("english: %q", got)
	}
}

// Spaces stay as written (an ideographic space is two cells) except where
// a line breaks; Latin words in Japanese text are not cut.
func TestWrapKeepsSpacesAndWords(t *testing.T) {
	for _, c := range []struct {
		text  string
		width int
		want  string
	}{
		{"台風12号、沖浜県に上陸　5万戸が停電", 30, "台風12号、沖浜県に上陸　5万戸|が停電"},
		{"台風12号、沖浜県に上陸　5万戸が停電", 22, "台風12号、沖浜県に上陸|5万戸が停電"},
		{"米Apple社は新型iPhone 17を発表した。", 16, "米Apple社は新型|iPhone 17を発表|した。"},
	} {
		if got := strings.Join(wrapLines(c.text, c.width, ""), "|"); got != c.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}
