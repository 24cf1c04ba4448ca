package cache

// The labelled evaluation of discovery (issue 7): the demo site, whose
// generator writes the story and topic of every item beside the feeds, is
// fetched over loopback and saved through the real refresh path; then
// stories, Related, Ranking, Recommended and search are scored against
// that truth. A plain TF-IDF cosine baseline is computed on the same
// articles and logged beside each figure (go test -v -run Evaluation).

import (
	"math"
	"net/url"
	"sort"
	"strings"
	"testing"
	"unicode"

	"newsreader/feed"
	"newsreader/feed/demo"
)

type labelled struct {
	id                   int64
	story                int64 // ours
	truth, topic, outlet string
	title, text, section string
	sections             map[string]bool
}

type evalSet struct {
	s        *Store
	arts     []*labelled
	byID     map[int64]*labelled
	byTruth  map[string][]*labelled
	sections []feed.Section
}

// itemTruth is the label of one feed item: its story, topic and outlet.
type itemTruth struct{ story, topic, outlet string }

func loadDemo(t *testing.T) *evalSet {
	t.Helper()
	srv, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	truths, err := demo.Truths()
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]itemTruth{}
	for _, tr := range truths {
		byPath[tr.Link] = itemTruth{tr.Story, tr.Topic, tr.Outlet}
	}
	return loadLabelled(t, srv.Config().Sections, 100, nil, func(link string) (itemTruth, bool) {
		u, _ := url.Parse(link)
		tr, ok := byPath[u.Path]
		return tr, ok
	})
}

// loadLabelled fetches every feed of sections over loopback, saves them
// through Save in a fixed order (a refresh saves feeds as they arrive,
// which would make the figures vary from run to run): by URL, then
// rearranged by reorder when it is not nil. It labels every cached
// article with truthOf its link and fails below minArticles.
func loadLabelled(t *testing.T, sections []feed.Section, minArticles int, reorder func([]feed.Result), truthOf func(link string) (itemTruth, bool)) *evalSet {
	t.Helper()
	s := openTemp(t)
	urls, where := Plan(sections)
	var results []feed.Result
	feed.NewFetcher(feed.Options{}).FetchAll(ctx, func() []feed.Request {
		reqs := make([]feed.Request, len(urls))
		for i, u := range urls {
			reqs[i].URL = u
		}
		return reqs
	}(), func(r feed.Result) { results = append(results, r) })
	sort.Slice(results, func(i, j int) bool { return results[i].URL < results[j].URL })
	if reorder != nil {
		reorder(results)
	}
	for _, r := range results {
		if r.Status != feed.StatusOK {
			t.Fatalf("fetch %s: %v", r.URL, r.Err)
		}
		if err := s.Save(ctx, r, where[r.URL]); err != nil {
			t.Fatal(err)
		}
	}
	e := &evalSet{s: s, byID: map[int64]*labelled{}, byTruth: map[string][]*labelled{}, sections: sections}
	rows, err := s.db.Query(`SELECT a.id, a.story, a.link, a.title, newsreader_plain(a.summary, a.content), (SELECT group_concat(section, ' ') FROM article_sections WHERE article_id = a.id)
FROM articles a`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		a := &labelled{sections: map[string]bool{}}
		var link string
		var secs *string
		if err := rows.Scan(&a.id, &a.story, &link, &a.title, &a.text, &secs); err != nil {
			t.Fatal(err)
		}
		tr, ok := truthOf(link)
		if !ok {
			t.Fatalf("article %q has no truth", link)
		}
		a.truth, a.topic, a.outlet = tr.story, tr.topic, tr.outlet
		if secs != nil {
			for _, sec := range strings.Fields(*secs) {
				a.sections[sec] = true
			}
		}
		e.arts = append(e.arts, a)
		e.byID[a.id] = a
		e.byTruth[a.truth] = append(e.byTruth[a.truth], a)
	}
	if len(e.arts) < minArticles {
		t.Fatalf("only %d articles cached", len(e.arts))
	}
	return e
}

// bcubed is the B-cubed F1 of a clustering (cluster of each article)
// against the truth.
func (e *evalSet) bcubed(cluster func(*labelled) int64) (p, r, f float64) {
	members := map[int64][]*labelled{}
	for _, a := range e.arts {
		members[cluster(a)] = append(members[cluster(a)], a)
	}
	for _, a := range e.arts {
		c := members[cluster(a)]
		both := 0
		for _, b := range c {
			if b.truth == a.truth {
				both++
			}
		}
		p += float64(both) / float64(len(c))
		r += float64(both) / float64(len(e.byTruth[a.truth]))
	}
	n := float64(len(e.arts))
	p, r = p/n, r/n
	return p, r, 2 * p * r / (p + r)
}

// relatedPrecision is the mean precision@k (k = min(5, story size - 1))
// of a related-articles function over every article whose story has
// other articles.
func (e *evalSet) relatedPrecision(t *testing.T, related func(a *labelled, k int) []int64) float64 {
	var sum float64
	n := 0
	for _, a := range e.arts {
		size := len(e.byTruth[a.truth])
		if size < 2 {
			continue
		}
		k := min(5, size-1)
		got := related(a, k)
		hit := 0
		for _, id := range got[:min(k, len(got))] {
			if id == a.id {
				t.Fatalf("related of %d lists itself", a.id)
			}
			if e.byID[id] != nil && e.byID[id].truth == a.truth {
				hit++
			}
		}
		sum += float64(hit) / float64(k)
		n++
	}
	return sum / float64(n)
}

// ndcg5 is NDCG@5 of a section's ranked article IDs, the gain of a row
// being the number of outlets covering its story (0 for a story already
// listed).
func (e *evalSet) ndcg5(section string, ranked []int64) float64 {
	gain := func(story string) float64 {
		outlets := map[string]bool{}
		for _, a := range e.byTruth[story] {
			outlets[a.outlet] = true
		}
		return float64(len(outlets))
	}
	var ideal []float64
	seen := map[string]bool{}
	for _, a := range e.arts {
		if a.sections[section] && !seen[a.truth] {
			seen[a.truth] = true
			ideal = append(ideal, gain(a.truth))
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(ideal)))
	dcg := func(g []float64) float64 {
		var d float64
		for i, x := range g[:min(5, len(g))] {
			d += x / math.Log2(float64(i)+2)
		}
		return d
	}
	var got []float64
	listed := map[string]bool{}
	for _, id := range ranked[:min(5, len(ranked))] {
		a := e.byID[id]
		if a == nil || listed[a.truth] {
			got = append(got, 0)
			continue
		}
		listed[a.truth] = true
		got = append(got, gain(a.truth))
	}
	return dcg(got) / dcg(ideal)
}

// readers are simulated readers: each read every version of one story in
// each of three topics. Topics are taken in turn among those with at
// least three stories, so each reader has unread stories left to find.
func (e *evalSet) readers() [][]string {
	storiesOf := map[string]map[string]bool{}
	for _, a := range e.arts {
		if storiesOf[a.topic] == nil {
			storiesOf[a.topic] = map[string]bool{}
		}
		storiesOf[a.topic][a.truth] = true
	}
	var topics []string
	for tp, st := range storiesOf {
		if len(st) >= 3 {
			topics = append(topics, tp)
		}
	}
	sort.Strings(topics)
	var out [][]string
	for i := 0; i+2 < len(topics) && len(out) < 8; i++ {
		var read []string
		for _, tp := range topics[i : i+3] {
			var sts []string
			for st := range storiesOf[tp] {
				sts = append(sts, st)
			}
			sort.Strings(sts)
			read = append(read, sts[len(out)%len(sts)])
		}
		out = append(out, read)
	}
	return out
}

// recPrecision is precision@5 of recommendations for a reader who read
// the given stories: relevant = same topic as one of them, story not read.
func (e *evalSet) recPrecision(read []string, recs []int64) float64 {
	topics, done := map[string]bool{}, map[string]bool{}
	for _, st := range read {
		done[st] = true
		topics[e.byTruth[st][0].topic] = true
	}
	hit := 0
	for _, id := range recs[:min(5, len(recs))] {
		if a := e.byID[id]; a != nil && topics[a.topic] && !done[a.truth] {
			hit++
		}
	}
	return float64(hit) / 5
}

func TestEvaluationOnLabelledDemo(t *testing.T) {
	e := loadDemo(t)
	if fig := e.evaluate(t, floors{f1: 0.9, related: 0.9, ndcg: 0.8, recommended: 0.8, searchPairs: 50}); fig.f1 < 1 {
		e.logStoryErrors(t)
	}
}

// floors are the least figures an evaluation accepts (0: no floor), and
// the least (word, article) pairs the search check must cover.
type floors struct {
	f1, related, ndcg, recommended float64
	searchPairs                    int
}

// figures are an evaluation's results, ours and the baseline's.
type figures struct {
	f1, baseF1, related, baseRelated, ndcg, baseNDCG, rec, baseRec, recall float64
	rec1, baseRec1                                                         float64
}

// singleReaders is the mean precision@2 of Recommended, and of the
// baseline listing one article per labelled story, for readers who each
// read every version of one story of a topic with at least three: a
// figure less noisy than the three-topic readers' (each story is a
// reader), for the likeness of topics alone. Relevant: same topic, story
// not read.
func (e *evalSet) singleReaders(t *testing.T, base *baseline) (rec, baseRec float64, n int) {
	t.Helper()
	storiesOf := map[string]map[string]bool{}
	for _, a := range e.arts {
		if storiesOf[a.topic] == nil {
			storiesOf[a.topic] = map[string]bool{}
		}
		storiesOf[a.topic][a.truth] = true
	}
	var truths []string
	for st, arts := range e.byTruth {
		if len(storiesOf[arts[0].topic]) >= 3 {
			truths = append(truths, st)
		}
	}
	sort.Strings(truths)
	precision := func(st string, ids []int64) float64 {
		hit := 0
		for _, id := range ids[:min(2, len(ids))] {
			if a := e.byID[id]; a != nil && a.topic == e.byTruth[st][0].topic && a.truth != st {
				hit++
			}
		}
		return float64(hit) / 2
	}
	for _, st := range truths {
		var readIDs []int64
		for _, a := range e.byTruth[st] {
			if err := e.s.SetRead(ctx, a.id, true); err != nil {
				t.Fatal(err)
			}
			readIDs = append(readIDs, a.id)
		}
		recs, _, err := e.s.Recommended(ctx, "", 2)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, r := range recs {
			ids = append(ids, r.ID)
		}
		rec += precision(st, ids)
		baseRec += precision(st, base.recommendPer(readIDs, 2, true))
		if _, err := e.s.db.Exec("UPDATE articles SET read = 0, read_at = 0"); err != nil {
			t.Fatal(err)
		}
	}
	n = len(truths)
	return rec / float64(n), baseRec / float64(n), n
}

// evaluate scores stories, Related, Ranking, Recommended and search of
// the labelled cache against its truth, logs each figure beside the
// baseline's and fails below the floors.
func (e *evalSet) evaluate(t *testing.T, fl floors) figures {
	t.Helper()
	base := newBaseline(e.arts)
	var fig figures

	// Stories.
	_, _, fig.f1 = e.bcubed(func(a *labelled) int64 { return a.story })
	bc := base.clusters(0.3)
	_, _, fig.baseF1 = e.bcubed(func(a *labelled) int64 { return bc[a.id] })
	t.Logf("story B-cubed F1 %.3f (baseline TF-IDF cosine single-link at 0.3: %.3f)", fig.f1, fig.baseF1)
	if fig.f1 < fl.f1 {
		t.Errorf("story B-cubed F1 %.3f < %.3f", fig.f1, fl.f1)
	}

	// Related.
	fig.related = e.relatedPrecision(t, func(a *labelled, k int) []int64 {
		rel, err := e.s.Related(ctx, a.id, k)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, r := range rel {
			if r.Why == "" {
				t.Fatalf("related %d without a reason", r.ID)
			}
			ids = append(ids, r.ID)
		}
		return ids
	})
	fig.baseRelated = e.relatedPrecision(t, func(a *labelled, k int) []int64 { return base.nearest(a.id, k, nil) })
	t.Logf("Related precision@k %.3f (baseline TF-IDF cosine: %.3f)", fig.related, fig.baseRelated)
	if fig.related < fl.related {
		t.Errorf("Related precision@k %.3f < %.3f", fig.related, fl.related)
	}

	// Ranking.
	var nd, bnd float64
	for _, sec := range e.sections {
		rows, err := e.s.Ranking(ctx, sec.Key, 5)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, r := range rows {
			if r.Why == "" {
				t.Fatalf("ranking row %d without a reason", r.ID)
			}
			ids = append(ids, r.ID)
		}
		nd += e.ndcg5(sec.Key, ids)
		// Baseline: the headline list, newest first.
		heads, err := e.s.Articles(ctx, sec.Key, 0, 5)
		if err != nil {
			t.Fatal(err)
		}
		ids = ids[:0]
		for _, h := range heads {
			ids = append(ids, h.ID)
		}
		bnd += e.ndcg5(sec.Key, ids)
	}
	fig.ndcg = nd / float64(len(e.sections))
	fig.baseNDCG = bnd / float64(len(e.sections))
	t.Logf("Ranking NDCG@5 %.3f (baseline headline list: %.3f)", fig.ndcg, fig.baseNDCG)
	if fig.ndcg < fl.ndcg {
		t.Errorf("Ranking NDCG@5 %.3f < %.3f", fig.ndcg, fl.ndcg)
	}

	// Recommended.
	readers := e.readers()
	if len(readers) < 2 {
		t.Fatalf("only %d simulated readers", len(readers))
	}
	var rec, brec, brec1 float64
	for _, read := range readers {
		var readIDs []int64
		for _, st := range read {
			for _, a := range e.byTruth[st] {
				if err := e.s.SetRead(ctx, a.id, true); err != nil {
					t.Fatal(err)
				}
				readIDs = append(readIDs, a.id)
			}
		}
		recs, fallback, err := e.s.Recommended(ctx, "", 5)
		if err != nil || fallback {
			t.Fatalf("recommended: fallback %v, %v", fallback, err)
		}
		var ids []int64
		for _, r := range recs {
			ids = append(ids, r.ID)
		}
		p := e.recPrecision(read, ids)
		rec += p
		brec += e.recPrecision(read, base.recommend(readIDs, 5))
		brec1 += e.recPrecision(read, base.recommendPer(readIDs, 5, true))
		if p < 1 {
			t.Logf("reader of %v: precision %.2f", read, p)
			for _, r := range recs {
				t.Logf("   %s [%s/%s] %s", r.Title, e.byID[r.ID].topic, e.byID[r.ID].truth, r.Why)
			}
		}
		if _, err := e.s.db.Exec("UPDATE articles SET read = 0, read_at = 0"); err != nil {
			t.Fatal(err)
		}
	}
	fig.rec = rec / float64(len(readers))
	fig.baseRec = brec / float64(len(readers))
	t.Logf("Recommended precision@5 %.3f over %d readers (baseline TF-IDF cosine to the read articles: %.3f; one per story, as Recommended lists: %.3f)",
		fig.rec, len(readers), fig.baseRec, brec1/float64(len(readers)))
	if fig.rec < fl.recommended {
		t.Errorf("Recommended precision@5 %.3f < %.3f", fig.rec, fl.recommended)
	}
	var n int
	fig.rec1, fig.baseRec1, n = e.singleReaders(t, base)
	t.Logf("Recommended precision@2 for a reader of one story, over %d stories (baseline TF-IDF cosine, one per story: %.3f): %.3f", n, fig.baseRec1, fig.rec1)

	// Search: every distinctive word (in the titles of one story only)
	// finds every article whose text holds it.
	found, want := 0, 0
	for word, ids := range base.distinctiveWords() {
		hits, total, err := e.s.Search(ctx, "", word, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		got := map[int64]bool{}
		for _, h := range hits {
			got[h.ID] = true
		}
		for _, id := range ids {
			want++
			if got[id] {
				found++
			} else {
				t.Errorf("search %q (%d hits) misses %q", word, total, e.byID[id].title)
			}
		}
	}
	fig.recall = float64(found) / float64(max(want, 1))
	t.Logf("search recall %.3f over %d (word, article) pairs", fig.recall, want)
	if want < fl.searchPairs || found != want {
		t.Errorf("search recall %d/%d", found, want)
	}
	return fig
}

// baseline is plain TF-IDF over lower-cased words of title and text, no
// stop words, no stemming, no boosts.
type baseline struct {
	arts []*labelled
	vec  map[int64]map[string]float64
	docs map[int64]map[string]bool
	byID map[int64]*labelled
}

func plainWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func newBaseline(arts []*labelled) *baseline {
	b := &baseline{arts: arts, vec: map[int64]map[string]float64{}, docs: map[int64]map[string]bool{}, byID: map[int64]*labelled{}}
	df := map[string]int{}
	tfs := map[int64]map[string]float64{}
	for _, a := range arts {
		b.byID[a.id] = a
		tf := map[string]float64{}
		for _, w := range plainWords(a.title + " " + a.text) {
			tf[w]++
		}
		tfs[a.id] = tf
		b.docs[a.id] = map[string]bool{}
		for w := range tf {
			df[w]++
			b.docs[a.id][w] = true
		}
	}
	for id, tf := range tfs {
		v := map[string]float64{}
		var norm float64
		for w, n := range tf {
			x := n * math.Log(float64(len(arts))/float64(df[w]))
			v[w] = x
			norm += x * x
		}
		for w := range v {
			v[w] /= math.Sqrt(norm)
		}
		b.vec[id] = v
	}
	return b
}

func (b *baseline) cos(x, y int64) float64 {
	var s float64
	for w, a := range b.vec[x] {
		s += a * b.vec[y][w]
	}
	return s
}

// clusters joins articles, in order, to the cluster of their most similar
// earlier article when the cosine reaches threshold.
func (b *baseline) clusters(threshold float64) map[int64]int64 {
	out := map[int64]int64{}
	for i, a := range b.arts {
		best, bestSim := a.id, threshold
		for _, o := range b.arts[:i] {
			if sim := b.cos(a.id, o.id); sim >= bestSim {
				best, bestSim = out[o.id], sim
			}
		}
		out[a.id] = best
	}
	return out
}

// nearest lists the k articles most similar to id, skipping those in skip.
func (b *baseline) nearest(id int64, k int, skip map[int64]bool) []int64 {
	type sc struct {
		id  int64
		sim float64
	}
	var all []sc
	for _, o := range b.arts {
		if o.id != id && !skip[o.id] {
			all = append(all, sc{o.id, b.cos(id, o.id)})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].sim > all[j].sim })
	var out []int64
	for _, x := range all[:min(k, len(all))] {
		out = append(out, x.id)
	}
	return out
}

// recommend lists the k unread articles most similar to any read one.
func (b *baseline) recommend(read []int64, k int) []int64 { return b.recommendPer(read, k, false) }

// recommendPer is recommend, with at most one article per labelled story
// when onePerStory (as Recommended lists one per story of its own).
func (b *baseline) recommendPer(read []int64, k int, onePerStory bool) []int64 {
	skip := map[int64]bool{}
	for _, id := range read {
		skip[id] = true
	}
	best := map[int64]float64{}
	for _, o := range b.arts {
		if skip[o.id] {
			continue
		}
		for _, r := range read {
			best[o.id] = max(best[o.id], b.cos(r, o.id))
		}
	}
	var ids []int64
	for id := range best {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		return best[ids[i]] > best[ids[j]] || best[ids[i]] == best[ids[j]] && ids[i] < ids[j]
	})
	var out []int64
	listed := map[string]bool{}
	for _, id := range ids {
		if len(out) == k {
			break
		}
		if st := b.byID[id].truth; !onePerStory || !listed[st] {
			listed[st] = true
			out = append(out, id)
		}
	}
	return out
}

// distinctiveWords maps each word of at least five letters found in the
// titles of one story only to every article whose title or text holds it.
func (b *baseline) distinctiveWords() map[string][]int64 {
	storiesOf := map[string]map[string]bool{}
	for _, a := range b.arts {
		for _, w := range plainWords(a.title) {
			if storiesOf[w] == nil {
				storiesOf[w] = map[string]bool{}
			}
			storiesOf[w][a.truth] = true
		}
	}
	out := map[string][]int64{}
	for w, sts := range storiesOf {
		if len(sts) != 1 || len([]rune(w)) < 5 {
			continue
		}
		for _, a := range b.arts {
			if b.docs[a.id][w] {
				out[w] = append(out[w], a.id)
			}
		}
	}
	return out
}

// logStoryErrors logs what the story assignment got wrong: every labelled
// story split over several of ours, and every one of ours joining several
// labelled stories, with the outlet and title of each member.
func (e *evalSet) logStoryErrors(t *testing.T) {
	t.Helper()
	ours := map[int64][]*labelled{}
	for _, a := range e.arts {
		ours[a.story] = append(ours[a.story], a)
	}
	line := func(a *labelled) string {
		return a.outlet + " [" + a.truth + "] " + a.title
	}
	var truths []string
	for tr := range e.byTruth {
		truths = append(truths, tr)
	}
	sort.Strings(truths)
	for _, tr := range truths {
		parts := map[int64][]*labelled{}
		for _, a := range e.byTruth[tr] {
			parts[a.story] = append(parts[a.story], a)
		}
		if len(parts) < 2 {
			continue
		}
		t.Logf("split %s into %d stories:", tr, len(parts))
		for _, a := range e.byTruth[tr] {
			t.Logf("   story %d: %s", a.story, line(a))
		}
	}
	var ids []int64
	for id := range ours {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		labels := map[string]bool{}
		for _, a := range ours[id] {
			labels[a.truth] = true
		}
		if len(labels) < 2 {
			continue
		}
		t.Logf("story %d merges %d labelled stories:", id, len(labels))
		for _, a := range ours[id] {
			t.Logf("   %s", line(a))
		}
	}
}
