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

// heldoutTruth is one line of a corpus's truth.json (testdata/heldout,
// testdata/third).
type heldoutTruth struct {
	Link, Feed, Section, Outlet, Story, Topic string
}

// heldoutSections orders the corpus's sections.
var heldoutSections = []string{"top", "politics", "business", "tech", "sport", "world"}

// serveCorpus serves the feeds of a corpus directory (.xml and .json),
// their {{ago N}} and {{iso N}} markers replaced by the date N minutes
// before now, and rewritten by rewrite when it is not nil.
func serveCorpus(t *testing.T, dir string, rewrite func([]byte) []byte) *httptest.Server {
	marker := regexp.MustCompile(`\{\{(ago|iso) (\d+)\}\}`)
	now := time.Now().Truncate(time.Minute)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ext := path.Ext(r.URL.Path)
		data, err := os.ReadFile(filepath.Join(dir, path.Base(r.URL.Path)))
		if err != nil || ext != ".xml" && ext != ".json" {
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
		if rewrite != nil {
			data = rewrite(data)
		}
		if ext == ".json" {
			w.Header().Set("Content-Type", "application/feed+json")
		} else {
			w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		}
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func loadHeldout(t *testing.T, reorder func([]feed.Result)) *evalSet {
	t.Helper()
	return loadCorpus(t, heldoutDir, heldoutSections, 100, reorder)
}

// loadCorpus serves the labelled corpus in dir (feeds and truth.json,
// whose sections come in the order of sections) and saves it through
// loadLabelled.
func loadCorpus(t *testing.T, dir string, sectionOrder []string, minArticles int, reorder func([]feed.Result)) *evalSet {
	t.Helper()
	return loadRewrittenCorpus(t, dir, sectionOrder, minArticles, reorder, nil)
}

// loadRewrittenCorpus is loadCorpus with the feeds' bytes rewritten by
// rewrite (see serveCorpus).
func loadRewrittenCorpus(t *testing.T, dir string, sectionOrder []string, minArticles int, reorder func([]feed.Result), rewrite func([]byte) []byte) *evalSet {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truths []heldoutTruth
	if err := json.Unmarshal(data, &truths); err != nil {
		t.Fatal(err)
	}
	srv := serveCorpus(t, dir, rewrite)
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
	for _, key := range sectionOrder {
		if len(feeds[key]) == 0 {
			t.Fatalf("section %s has no feed", key)
		}
		sections = append(sections, feed.Section{Key: key, Title: key, Feeds: feeds[key]})
	}
	if len(sections) != len(feeds) {
		t.Fatalf("truth.json has %d sections, want %v", len(feeds), sectionOrder)
	}
	return loadLabelled(t, sections, minArticles, reorder, func(link string) (itemTruth, bool) {
		tr, ok := byLink[link]
		return tr, ok
	})
}

// TestHeldoutEvaluation scores the held-out corpus saved in three feed
// orders: stories are assigned as articles arrive, so the order a
// refresh happens to save feeds in moves the figures (by about 0.02 here,
// and up to 0.04 in F1 and 0.1 in Related on the demo).
func TestHeldoutEvaluation(t *testing.T) {
	// Floors a little under what the code scores today (see the
	// closing note of issue 7): Related 0.95-0.98, Recommended
	// 0.575-0.600 over the save orders (0.575 before credits were left
	// out and places weighed less in its interests).
	evaluateOrders(t, func(t *testing.T, reorder func([]feed.Result)) *evalSet { return loadHeldout(t, reorder) },
		floors{f1: 0.86, related: 0.9, ndcg: 0.9, recommended: 0.45, searchPairs: 500})
}

// saveOrders are the feed orders a corpus is saved in: stories are
// assigned as articles arrive, so the order a refresh happens to save
// feeds in moves the figures.
var saveOrders = []struct {
	name    string
	reorder func([]feed.Result)
}{
	{"by URL", nil},
	{"reversed", func(rs []feed.Result) { slices.Reverse(rs) }},
	{"shuffled", func(rs []feed.Result) {
		rand.New(rand.NewPCG(7, 11)).Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
	}},
}

// evaluateOrders evaluates a corpus saved in each of saveOrders against
// the floors and logs and returns the mean figures.
func evaluateOrders(t *testing.T, load func(*testing.T, func([]feed.Result)) *evalSet, fl floors) figures {
	var sum figures
	n := float64(len(saveOrders))
	for _, o := range saveOrders {
		t.Run(o.name, func(t *testing.T) {
			e := load(t, o.reorder)
			fig := e.evaluate(t, fl)
			if fig.f1 < 1 {
				e.logStoryErrors(t)
			}
			sum.f1 += fig.f1 / n
			sum.related += fig.related / n
			sum.ndcg += fig.ndcg / n
			sum.rec += fig.rec / n
			sum.baseRec += fig.baseRec / n
			sum.rec1 += fig.rec1 / n
			sum.baseRec1 += fig.baseRec1 / n
		})
	}
	t.Logf("mean over %d save orders: story F1 %.3f, Related %.3f, NDCG %.3f, Recommended %.3f (baseline %.3f), for a reader of one story %.3f (baseline %.3f)",
		len(saveOrders), sum.f1, sum.related, sum.ndcg, sum.rec, sum.baseRec, sum.rec1, sum.baseRec1)
	return sum
}
