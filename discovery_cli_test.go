package main

import (
	"bufio"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

type cliArticle struct {
	ID, Title, Why, Snippet string
	Read, Starred           bool
	Story                   int64
	StorySize               int `json:"story_size"`
	Score                   *float64
}

func jsonLines(t *testing.T, out string) []cliArticle {
	t.Helper()
	var as []cliArticle
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a cliArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("not JSON: %v: %s", err, sc.Text())
		}
		as = append(as, a)
	}
	return as
}

func TestDiscoveryVerbs(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cache.db")
	code, out, errOut := runArgs(t, "--demo", "--cache", db, "--list", "--json", "--section", "markets", "--limit", "100")
	if code != 0 {
		t.Fatalf("list: %d %s", code, errOut)
	}
	list := jsonLines(t, out)
	byStory := map[int64][]cliArticle{}
	for _, a := range list {
		if a.Story == 0 || a.StorySize < 1 {
			t.Errorf("%q: story %d size %d", a.Title, a.Story, a.StorySize)
		}
		byStory[a.Story] = append(byStory[a.Story], a)
	}
	var shared []cliArticle
	for _, as := range byStory {
		if len(as) > 1 && as[0].StorySize > 1 {
			shared = as
			break
		}
	}
	if shared == nil {
		t.Fatal("no story told by two outlets in markets")
	}
	off := func(args ...string) (int, string, string) {
		return runArgs(t, append([]string{"--demo", "--cache", db, "--offline"}, args...)...)
	}

	// Related: the same story first, never the article itself, each with why.
	code, out, errOut = off("--related", shared[0].ID, "--json", "--limit", "5")
	rel := jsonLines(t, out)
	if code != 0 || len(rel) == 0 {
		t.Fatalf("related: %d %s", code, errOut)
	}
	if rel[0].Story != shared[0].Story || !strings.HasPrefix(rel[0].Why, "same story") {
		t.Errorf("first related %+v, want the same story %d", rel[0], shared[0].Story)
	}
	for _, r := range rel {
		if r.ID == shared[0].ID || r.Why == "" || r.Score == nil {
			t.Errorf("related row %+v", r)
		}
	}
	if code, _, errOut := off("--related", "no-such-article"); code != 2 || !strings.Contains(errOut, "no-such-article") {
		t.Errorf("unknown ID: exit %d, %q", code, errOut)
	}

	// Ranking: one row per story, each saying why.
	code, out, _ = off("--ranking", "--section", "markets", "--json", "--limit", "10")
	rank := jsonLines(t, out)
	seen := map[int64]bool{}
	for _, r := range rank {
		if seen[r.Story] || r.Why == "" {
			t.Errorf("ranking row %+v (story seen: %v)", r, seen[r.Story])
		}
		seen[r.Story] = true
	}
	if code != 0 || len(rank) != 10 {
		t.Errorf("ranking: exit %d, %d rows", code, len(rank))
	}

	// Recommended with no history: the top stories, said so.
	code, out, errOut = off("--recommended", "--limit", "3")
	if code != 0 || !strings.Contains(errOut, "no reading history") || !strings.Contains(out, "top story") {
		t.Errorf("recommended without history: %d %q %q", code, out, errOut)
	}

	// State verbs: repeatable, offline, nothing else changes; an unknown ID
	// among them changes nothing.
	a, b, c, d := shared[0].ID, shared[1].ID, list[len(list)-1].ID, list[len(list)-2].ID
	if code, _, errOut := off("--mark-read", d, "--mark-read", "nope", "--star", d); code != 2 || !strings.Contains(errOut, "nope") {
		t.Errorf("unknown among many: exit %d %q", code, errOut)
	}
	if code, out, errOut := off("--mark-read", a, "--mark-read", b, "--star", c, "--star", a, "--unstar", a); code != 0 || out != "" {
		t.Fatalf("state verbs: exit %d %q %q", code, out, errOut)
	}
	_, out, _ = off("--list", "--json", "--section", "markets", "--limit", "100")
	for _, x := range jsonLines(t, out) {
		wantRead := x.ID == a || x.ID == b
		wantStar := x.ID == c
		if x.Read != wantRead || x.Starred != wantStar {
			t.Errorf("%s: read %v starred %v, want %v %v", x.ID, x.Read, x.Starred, wantRead, wantStar)
		}
	}
	off("--mark-unread", b)
	code, out, errOut = off("--recommended", "--json", "--limit", "5")
	recs := jsonLines(t, out)
	if code != 0 || len(recs) == 0 || strings.Contains(errOut, "no reading history") {
		t.Fatalf("recommended with history: %d %q", code, errOut)
	}
	for _, r := range recs {
		if r.Story == shared[0].Story || r.Read || r.Why == "" {
			t.Errorf("recommended %+v after reading story %d", r, shared[0].Story)
		}
	}

	// Search: any text is a query; JSON carries score, why and a snippet.
	word := strings.Fields(shared[0].Title)[len(strings.Fields(shared[0].Title))-1]
	code, out, errOut = off("--search", `"(`+word+` AND -`, "--json")
	hits := jsonLines(t, out)
	if code != 0 || len(hits) == 0 {
		t.Fatalf("search %q: %d %q", word, code, errOut)
	}
	for _, h := range hits {
		if h.Why == "" || h.Score == nil {
			t.Errorf("hit %+v", h)
		}
	}
	if code, out, _ := off("--search", "", "--json"); code != 0 || out != "" {
		t.Errorf("empty search: %d %q", code, out)
	}
	// Printing nothing says why, on stderr (it was silent).
	if code, out, errOut := off("--search", "Zqxvorth"); code != 0 || out != "" || !strings.Contains(errOut, `no article in the cache matches "Zqxvorth"`) {
		t.Errorf("search without hits: %d %q %q", code, out, errOut)
	}
	if code, out, errOut := off("--search", "Zqxvorth", "--section", "health"); code != 0 || out != "" || !strings.Contains(errOut, `no article in health matches`) {
		t.Errorf("search without hits in a section: %d %q %q", code, out, errOut)
	}
	// A pasted paragraph is said back cut, not whole.
	long := strings.Repeat("Zqxvorth ", 400)
	if code, _, errOut := off("--search", long); code != 0 || !strings.Contains(errOut, `matches "Zqxvorth Zqxvorth`) || !strings.Contains(errOut, `…"`) || len(errOut) > 200 {
		t.Errorf("long search without hits: %d, %d bytes: %.300q", code, len(errOut), errOut)
	}
	if code, _, errOut := off("--search", " "); code != 0 || !strings.Contains(errOut, "needs some words") {
		t.Errorf("blank search: %d %q", code, errOut)
	}
}
