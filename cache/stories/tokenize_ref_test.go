package stories

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenizeRef is tokenize as first written (every rune decoded, the
// unicode tables asked for ASCII too), with its own reading of unspaced
// runs: the reference FuzzRead and TestTokenizeMatchesReference hold
// tokenize to.
func tokenizeRef(text string, limit int) []token {
	var out []token
	initial := true
	i, line := 0, 0
	for i < len(text) && (limit <= 0 || len(out) < limit) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if r == '\n' {
				line++
			}
			if r == '.' || r == '!' || r == '?' || r == ':' || r == '\n' || r == '"' || r == '\u201c' || r == '|' || r == '\u2014' {
				initial = true
			}
			i += n
			continue
		}
		if UnspacedUnit(r) {
			// A run, read here on its own (not by appendRun): its letters,
			// the combining marks among them left out, taken two by two
			// (one letter alone as itself).
			var units []rune
			for i < len(text) {
				r, n := utf8.DecodeRuneInString(text[i:])
				if !UnspacedUnit(r) && !unicode.In(r, unicode.Mn, unicode.Mc) {
					break
				}
				if UnspacedUnit(r) {
					units = append(units, r)
				}
				i += n
			}
			terms := []string{string(units)}
			if len(units) > 1 {
				terms = terms[:0]
				for k := 0; k+1 < len(units); k++ {
					terms = append(terms, string(units[k:k+2]))
				}
			}
			for _, term := range terms {
				if limit > 0 && len(out) >= limit {
					break
				}
				out = append(out, token{term: term, initial: initial, line: line})
				initial = false
			}
			initial = false
			continue
		}
		start, first := i, len(out)
		digits, letters := 0, 0
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			switch {
			case UnspacedUnit(r):
				goto done
			case unicode.IsLetter(r):
				letters++
			case unicode.IsDigit(r):
				digits++
			case r == '\'' || r == '\u2019':
				if i+n < len(text) && (text[i+n] == 's' || text[i+n] == 'S') && (i+n+1 == len(text) || !isWordByte(text[i+n+1])) {
					w := text[start:i]
					out = appendTokenRef(out, w, initial, digits, letters)
					initial = false
					i += n + 1
					goto next
				}
				goto done
			case (r == '.' || r == ',') && digits > 0 && letters == 0 && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9':
			default:
				goto done
			}
			i += n
		}
	done:
		out = appendTokenRef(out, text[start:i], initial, digits, letters)
		initial = false
	next:
		for k := first; k < len(out); k++ {
			out[k].line = line
		}
	}
	return out
}

func appendTokenRef(out []token, w string, initial bool, digits, letters int) []token {
	if w == "" {
		return out
	}
	r, _ := utf8.DecodeRuneInString(w)
	t := token{capital: unicode.IsUpper(r), initial: initial, number: digits > 0 && letters == 0}
	t.term = Normalize(w)
	if t.number {
		t.term = strings.ReplaceAll(w, ",", "")
	}
	return append(out, t)
}

// checkTokenize fails t when tokenize and tokenizeRef cut text apart
// differently.
func checkTokenize(t *testing.T, text string, limit int) {
	t.Helper()
	got, want := tokenize(text, limit), tokenizeRef(text, limit)
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("tokenize(%q, %d):\n got %+v\nwant %+v", text, limit, got, want)
	}
}

func TestTokenizeMatchesReference(t *testing.T) {
	for _, text := range []string{
		"", "plain ascii words, 12,000.5 and 2.6% at 4.75%.", "Tirrenia's bank: \"Rates\" stay — ‘quoted’ O’Neill’s 3d 1990s",
		"Ünïcode Ärger in Zürich\nÉLODIE\u00a0x ǅ ﬁ ٢٠٢٠ ⅷ ²³ Ⅻ", "broken \xc3( utf-8 \xff\n\n\nTitle Case Line Here", "a'b c's d'S e’s f'",
		"Rates rates RATES rAtes companies COMPANIES Companies's boxes BOXES 5s 1,000s Ünits ünits écoles",
		"東京の天気は晴れ。雨\n新型iPhone15を発売 か\u3099き", "서울에서 비 กรุงเทพ ข้าว ๆ", "x東y 一 二三",
	} {
		for _, limit := range []int{0, 3, bodyTokenCap} {
			checkTokenize(t, text, limit)
		}
	}
}

// A Reader reading many articles in a row (more distinct words than it
// keeps, and a title too long to keep its scratch) reads each as a fresh
// Read does, and ReadInterned interns each as InternAll does.
func TestReaderMatchesRead(t *testing.T) {
	word := func(n int) string { // distinct letters-only words
		var b []byte
		for n >= 0 {
			b = append(b, byte('a'+n%26))
			n = n/26 - 1
		}
		return string(b)
	}
	var arts [][2]string
	for k := range 300 {
		var title, body strings.Builder
		title.WriteString("Storm closes the Port of " + strings.ToUpper(word(k)[:1]) + word(k)[1:])
		if k == 150 {
			for j := range 6000 {
				title.WriteString(" " + word(j))
			}
		}
		for j := range 320 {
			if j%9 == 0 {
				body.WriteString(". The Harbour Master said ")
			}
			body.WriteString(word(k*200+j) + " ")
			if j%40 == 0 {
				body.WriteString("\nRead More: Harbour Lights Festival\n")
			}
		}
		arts = append(arts, [2]string{title.String(), body.String()})
	}
	var r, ri Reader
	id1, _ := interner()
	id2, _ := interner()
	batch := func(id func(string) int32) func([]string, []int32) {
		return func(words []string, out []int32) {
			for i, w := range words {
				out[i] = id(w)
			}
		}
	}
	for round := range 2 {
		for k, a := range arts {
			got, want := r.Read(a[0], a[1]), Read(a[0], a[1])
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d article %d: Reader read %d terms %d proper, Read %d %d", round, k, len(got.terms), len(got.proper), len(want.terms), len(want.proper))
			}
			// ReadInterned gives the IDs InternAll gives, with a
			// dictionary fed the same words in the same order.
			in := ri.ReadInterned(a[0], a[1], batch(id1))
			want.InternAll(batch(id2))
			if len(want.flat) != len(want.terms) || !reflect.DeepEqual(in.flat, want.flat) || !reflect.DeepEqual(in.properIDs, want.properIDs) || in.terms != nil {
				t.Fatalf("round %d article %d: ReadInterned %v %v, Read and InternAll %v %v", round, k, in.flat, in.properIDs, want.flat, want.properIDs)
			}
		}
	}
	if len(r.sc.info) > maxKnown+400 {
		t.Errorf("the Reader keeps %d terms, more than maxKnown %d", len(r.sc.info), maxKnown)
	}
}
