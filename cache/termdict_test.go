package cache

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
	"unsafe"

	"newsreader/cache/stories"
	"newsreader/feed"
	"newsreader/feed/sitetext"
)

// idsOf gives every word the ID id would, one word after the other: known
// words keep theirs, new ones are numbered in order of first use, a word
// repeated within one call gets one ID.
func TestTermDictIdsOfMatchesId(t *testing.T) {
	batches := [][]string{
		{"harbour", "storm", "port", "storm", "ferry"},
		{},
		{"port", "harbour"},
		{"crane", "port", "crane", "dock", "harbour", "quay"},
		{"quay", "quay"},
	}
	var one, all termDict
	for _, words := range batches {
		want := make([]int32, len(words))
		for i, w := range words {
			want[i] = one.id(w)
		}
		got := make([]int32, len(words))
		all.idsOf(words, got)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("idsOf(%q) = %v, id gives %v", words, got, want)
		}
	}
	if !reflect.DeepEqual(one.terms, all.terms) || !reflect.DeepEqual(one.ids, all.ids) {
		t.Errorf("dictionaries differ:\n%v\n%v", one.terms, all.terms)
	}
}

// Workers interning at once agree on every word's ID, and the dictionary
// reads each ID back as its word.
func TestTermDictIdsOfConcurrent(t *testing.T) {
	var d termDict
	const workers, words = 4, 500
	got := make([][]int32, workers)
	var wg sync.WaitGroup
	step := []int{1, 3, 7, 9} // coprime with words: each worker sees every word, in its own order
	for w := range workers {
		wg.Go(func() {
			batch := make([]string, words)
			for i := range batch {
				batch[i] = fmt.Sprintf("w%d", (i*step[w])%words)
			}
			out := make([]int32, words)
			d.idsOf(batch, out)
			got[w] = make([]int32, words)
			for i, id := range out {
				got[w][(i*step[w])%words] = id
			}
		})
	}
	wg.Wait()
	if len(d.terms) != words {
		t.Fatalf("%d terms, want %d", len(d.terms), words)
	}
	for w := range workers {
		for i, id := range got[w] {
			if want := fmt.Sprintf("w%d", i); d.terms[id] != want || got[0][i] != id {
				t.Fatalf("worker %d: w%d has ID %d (%q), worker 0 gave %d", w, i, id, d.terms[id], got[0][i])
			}
		}
	}
}

// The read-ahead workers' words carry the IDs interning them one by one
// gives, article after article: a Reader remembers IDs it has seen, and
// hands the dictionary only the words it has not.
func TestPrepareArticleInternsAsOneByOne(t *testing.T) {
	s := &Store{}
	var one termDict
	for k := range 400 {
		a := feed.Article{Title: sitetext.Title(k), Summary: sitetext.Site(k)}
		if k%2 == 1 {
			a.Summary = sitetext.News(k)
		}
		if k%7 == 0 {
			a.Content = "<p>Ünïcode Ärger in Zürich: Élodie Brun &amp; the <a href=\"/x\">Harbour Board</a> said so.</p>"
		}
		got := s.prepareArticle(a)
		want := stories.Read(a.Title, storyText(indexText(a.Summary, a.Content), nil))
		want.Intern(one.id)
		if got.text != indexText(a.Summary, a.Content) {
			t.Fatalf("article %d: text differs from indexText", k)
		}
		if g, w := got.words.FlatIDs(nil), want.Flat(nil, nil); !reflect.DeepEqual(g, w) || !reflect.DeepEqual(got.words.ProperIDs(), want.ProperIDs()) {
			t.Fatalf("article %d: IDs differ:\n got %v %v\nwant %v %v", k, g.Terms.IDs, got.words.ProperIDs(), w.Terms.IDs, want.ProperIDs())
		}
	}
	if !reflect.DeepEqual(s.disc.dict.terms, one.terms) {
		t.Errorf("the dictionaries differ: %d terms, want %d", len(s.disc.dict.terms), len(one.terms))
	}
}

// The dictionary keeps copies of its words, never slices of the texts
// they were read from: an article read and then dropped must not stay in
// memory for as long as the dictionary (the whole refresh, or the
// reader's session) because one of its words was new.
func TestTermDictKeepsNoSliceOfTheText(t *testing.T) {
	text := "the harbour crane lifted a quayside container while ferries waited at the dock"
	var d termDict
	d.id(text[4:11])
	d.idsOf([]string{text[12:17], text[18:24]}, make([]int32, 2))
	within := func(term, in string) bool {
		p, lo := uintptr(unsafe.Pointer(unsafe.StringData(term))), uintptr(unsafe.Pointer(unsafe.StringData(in)))
		return p >= lo && p < lo+uintptr(len(in))
	}
	if len(d.terms) != 3 {
		t.Fatalf("%d words interned, want 3", len(d.terms))
	}
	for _, term := range d.terms {
		if within(term, text) {
			t.Errorf("the dictionary's %q is a slice of the article's text", term)
		}
	}
}
