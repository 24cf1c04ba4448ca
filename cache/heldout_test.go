package cache

// The held-out labelled evaluation: a second labelled corpus, written
// apart from the demo and never tuned on alone (cache/testdata/heldout,
// made by its gen program from stories.txt), in the styles of real news
// feeds: four outlets on their own domains, a wire service with
// datelines and "UPDATE 1-" headlines, a paper with Title Case headlines
// and long HTML bodies full of boilerplate (photo credits, "Read more",
// newsletter sign-ups), an Atom magazine with feature headlines, a site
// with one-sentence summaries only; look-alike events, running stories
// and items carried in two sections. The feeds are served over loopback
// and saved through Save like the demo's (go test -v -run Evaluation).

import (
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"newsreader/feed"
)

const heldoutDir = "testdata/heldout"

// heldoutTruth is one line of testdata/heldout/truth.json.
type heldoutTruth struct {
	Link, Feed, Section, Outlet, Story, Topic string
}

// heldoutSections orders the corpus's sections.
var heldoutSections = []string{"top", "politics", "business", "tech", "sport", "world"}

// serveHeldout serves the corpus's feeds, their {{ago N}} and {{iso N}}
// markers replaced by the date N minutes before now.
func serveHeldout(t *testing.T) *httptest.Server {
	marker := regexp.MustCompile(`\{\{(ago|iso) (\d+)\}\}`)
	now := time.Now().Truncate(time.Minute)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, err := os.ReadFile(filepath.Join(heldoutDir, path.Base(r.URL.Path)))
		if err != nil || path.Ext(r.URL.Path) != ".xml" {
			http.NotFound(w, r)
			return
		}
		data = marker.ReplaceAllFunc(data, func(m []byte) []byte {
			sub := marker.FindSubmatch(m)
			mins, _ := strconv.Atoi(string(sub[2]))
			at := now.Add(-time.Duration(mins) * time.Minute)
			if string(sub[1]) == "iso" {
				return []byte(at.Format(time.RFC3339))
			}
			return []byte(at.Format(time.RFC1123Z))
		})
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func loadHeldout(t *testing.T, reorder func([]feed.Result)) *evalSet {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(heldoutDir, "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truths []heldoutTruth
	if err := json.Unmarshal(data, &truths); err != nil {
		t.Fatal(err)
	}
	srv := serveHeldout(t)
	byLink := map[string]itemTruth{}
	feeds := map[string][]string{}
	seen := map[string]bool{}
	for _, tr := range truths {
		byLink[tr.Link] = itemTruth{tr.Story, tr.Topic, tr.Outlet}
		if u := srv.URL + tr.Feed; !seen[u] {
			seen[u] = true
			feeds[tr.Section] = append(feeds[tr.Section], u)
		}
	}
	var sections []feed.Section
	for _, key := range heldoutSections {
		if len(feeds[key]) == 0 {
			t.Fatalf("section %s has no feed", key)
		}
		sections = append(sections, feed.Section{Key: key, Title: key, Feeds: feeds[key]})
	}
	return loadLabelled(t, sections, 100, reorder, func(link string) (itemTruth, bool) {
		tr, ok := byLink[link]
		return tr, ok
	})
}

// TestHeldoutEvaluation scores the held-out corpus saved in three feed
// orders: stories are assigned as articles arrive, so the order a
// refresh happens to save feeds in moves the figures (by about 0.02 here,
// and up to 0.04 in F1 and 0.1 in Related on the demo).
func TestHeldoutEvaluation(t *testing.T) {
	orders := []struct {
		name    string
		reorder func([]feed.Result)
	}{
		{"by URL", nil},
		{"reversed", func(rs []feed.Result) { slices.Reverse(rs) }},
		{"shuffled", func(rs []feed.Result) {
			rand.New(rand.NewPCG(7, 11)).Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
		}},
	}
	var sum figures
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			e := loadHeldout(t, o.reorder)
			// Floors a little under what the code scores today (see the
			// closing note of issue 7): Related 0.95-0.98, Recommended
			// 0.475-0.575 over the save orders.
			fig := e.evaluate(t, floors{f1: 0.86, related: 0.9, ndcg: 0.9, recommended: 0.4, searchPairs: 500})
			if fig.f1 < 1 {
				e.logStoryErrors(t)
			}
			sum.f1 += fig.f1 / float64(len(orders))
			sum.related += fig.related / float64(len(orders))
			sum.ndcg += fig.ndcg / float64(len(orders))
			sum.rec += fig.rec / float64(len(orders))
		})
	}
	t.Logf("mean over %d save orders: story F1 %.3f, Related %.3f, NDCG %.3f, Recommended %.3f", len(orders), sum.f1, sum.related, sum.ndcg, sum.rec)
}
