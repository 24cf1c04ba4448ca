package cache

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"newsreader/cache/rank"
	"newsreader/cache/recommend"
	"newsreader/cache/stories"
)

// Scored is an article in a discovery list with its score and the reason
// it is there; Why is never empty.
type Scored struct {
	Article
	Score float64
	Why   string
}

// Hit is a search result: the article, a snippet of its text around the
// matches, and the byte ranges of the matches in its title.
type Hit struct {
	Scored
	Snippet    string
	TitleMarks [][2]int
}

// ErrNotFound is returned for an article ID the cache does not hold.
var ErrNotFound = errors.New("no such article")

// NewestUnread returns a section's newest unread articles.
func (s *Store) NewestUnread(ctx context.Context, section string, limit int) ([]Article, error) {
	return collect(s.query(ctx, `
SELECT `+listColumns+` FROM article_sections s JOIN articles a ON a.id = s.article_id
WHERE s.section = ? AND a.read = 0 ORDER BY s.published DESC, s.article_id DESC LIMIT ?`,
		strings.ToLower(section), limit))
}

// Lookup finds an article by the id --list --json prints (its feed ID),
// or by its number in the cache.
func (s *Store) Lookup(ctx context.Context, id string) (Article, error) {
	a, err := scanArticle(s.queryRow(ctx, "SELECT "+listColumns+" FROM articles a WHERE a.uid = ?", id), false)
	if err == sql.ErrNoRows {
		if n, perr := strconv.ParseInt(id, 10, 64); perr == nil {
			a, err = scanArticle(s.queryRow(ctx, "SELECT "+listColumns+" FROM articles a WHERE a.id = ?", n), false)
		}
	}
	if err == sql.ErrNoRows {
		return a, unknownArticle(id)
	}
	return a, err
}

// StoryArticles returns every article of a story: one per outlet first
// (each outlet's earliest report, oldest first), then the rest.
func (s *Store) StoryArticles(ctx context.Context, story int64) ([]Article, error) {
	return collect(s.query(ctx, `
SELECT `+listColumns+` FROM articles a JOIN (
	SELECT id, row_number() OVER (PARTITION BY outlet ORDER BY published, id) AS rn FROM articles WHERE story = ?1
	UNION ALL SELECT id, 1 FROM articles WHERE id = ?1 AND story = 0
) o ON o.id = a.id ORDER BY o.rn, a.published, a.id`, story))
}

// byIDs reads articles by ID, in the order given.
func (s *Store) byIDs(ctx context.Context, ids []int64) (map[int64]Article, error) {
	if len(ids) == 0 {
		return map[int64]Article{}, nil
	}
	js, _ := json.Marshal(ids)
	arts, err := collect(s.query(ctx, "SELECT "+listColumns+" FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))", string(js)))
	if err != nil {
		return nil, err
	}
	out := make(map[int64]Article, len(arts))
	for _, a := range arts {
		out[a.ID] = a
	}
	return out, nil
}

// briefs reads what choosing among articles needs of them: ID, story,
// date and whether read.
func (s *Store) briefs(ctx context.Context, ids []int64) (map[int64]Article, error) {
	js, _ := json.Marshal(ids)
	rows, err := s.query(ctx, `SELECT id, CASE story WHEN 0 THEN id ELSE story END, published, read
FROM articles WHERE id IN (SELECT value FROM json_each(?))`, string(js))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64]Article, len(ids))
	for rows.Next() {
		var a Article
		var pub int64
		if err := rows.Scan(&a.ID, &a.Story, &pub, &a.Read); err != nil {
			return nil, err
		}
		a.Published = time.Unix(pub, 0)
		out[a.ID] = a
	}
	return out, rows.Err()
}

// termStats are the document frequencies of some terms, and of their
// use as names ("^term"), among docs articles.
type termStats struct {
	df   map[string]int
	docs int
}

func (ts termStats) idf(t string) float64 { return stories.IDF(ts.df[t], ts.docs) }

// isName says whether most articles using term write it as a name.
func (ts termStats) isName(t string) bool {
	p := ts.df["^"+t]
	return p > 0 && 2*p >= ts.df[t]
}

// dfCache keeps the document frequencies the queries have read, for as
// long as no save has changed them (discover_meta's gen): Related and
// Recommended weigh every term of dozens of articles, and reading those
// from term_df was 40 % of their time.
type dfCache struct {
	mu   sync.Mutex
	gen  int64
	docs int
	df   map[string]int // absent from term_df: 0
}

// maxCachedTerms bounds dfCache (about 20 MB); past it, it starts over.
const maxCachedTerms = 300_000

// stats reads the document frequencies of terms and of their use as
// names.
func (s *Store) stats(ctx context.Context, terms map[string]bool) (termStats, error) {
	ts := termStats{df: make(map[string]int, 2*len(terms))}
	var gen int64
	if err := s.queryRow(ctx, `SELECT coalesce((SELECT value FROM discover_meta WHERE key = 'docs'), 0),
	coalesce((SELECT value FROM discover_meta WHERE key = 'gen'), 0)`).Scan(&ts.docs, &gen); err != nil {
		return ts, err
	}
	c := &s.qdf
	c.mu.Lock()
	if c.df == nil || c.gen != gen || c.docs != ts.docs || len(c.df) > maxCachedTerms {
		c.df, c.gen, c.docs = map[string]int{}, gen, ts.docs
	}
	var missing []string
	for t := range terms {
		for _, k := range [2]string{t, "^" + t} {
			if n, ok := c.df[k]; ok {
				if n > 0 {
					ts.df[k] = n
				}
			} else {
				missing = append(missing, k)
			}
		}
	}
	c.mu.Unlock()
	if len(missing) == 0 {
		return ts, nil
	}
	js, _ := json.Marshal(missing)
	rows, err := s.query(ctx, "SELECT term, df FROM term_df WHERE term IN (SELECT value FROM json_each(?))", string(js))
	if err != nil {
		return ts, err
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return ts, err
		}
		ts.df[t] = n
	}
	if err := rows.Err(); err != nil {
		return ts, err
	}
	c.mu.Lock()
	if c.gen == gen && c.docs == ts.docs {
		for _, k := range missing {
			c.df[k] = ts.df[k]
		}
	}
	c.mu.Unlock()
	return ts, nil
}

// vectors reads the stored terms of articles.
func (s *Store) vectors(ctx context.Context, ids []int64) (map[int64]stories.Doc, error) {
	js, _ := json.Marshal(ids)
	rows, err := s.query(ctx, "SELECT article_id, terms FROM article_terms WHERE article_id IN (SELECT value FROM json_each(?))", string(js))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64]stories.Doc, len(ids))
	for rows.Next() {
		var id int64
		var terms string
		if err := rows.Scan(&id, &terms); err != nil {
			return nil, err
		}
		out[id] = stories.DecodeDoc(terms)
	}
	return out, rows.Err()
}

// ftsPhrase quotes a term for an FTS5 query.
func ftsPhrase(t string) string { return `"` + strings.ReplaceAll(t, `"`, `""`) + `"` }

// perTerm is how many of the newest articles holding a term the
// more-like-this search reads: reading a term's newest postings in
// rowid order costs little however common it is, where ranking every
// article that holds any of the terms (bm25 over an OR) does not.
const perTerm = 80

// postings finds, for each term, the newest articles that hold it in
// their title or text (with IDs up to maxID when it is above 0), and
// returns the n whose matched terms weigh most together, heaviest first.
func (s *Store) postings(ctx context.Context, terms map[string]float64, n int, maxID int64) ([]int64, error) {
	if len(terms) == 0 {
		return nil, nil
	}
	if maxID <= 0 {
		maxID = 1 << 62
	}
	st, err := s.prepared(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid <= ? ORDER BY rowid DESC LIMIT ?`)
	if err != nil {
		return nil, err
	}
	score := map[int64]float64{}
	for t, w := range terms {
		// A term the index holds as several ("2.6") would be a phrase,
		// which an index without positions cannot look up.
		one := queryWords(t)
		if len(one) != 1 {
			continue
		}
		rows, err := st.QueryContext(ctx, "{title body} : "+ftsPhrase(one[0]), maxID, perTerm)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			score[id] += w
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	ids := make([]int64, 0, len(score))
	for id := range score {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		return score[ids[i]] > score[ids[j]] || score[ids[i]] == score[ids[j]] && ids[i] > ids[j]
	})
	return ids[:min(n, len(ids))], nil
}

// moreLikeTerms is how many of an article's distinctive terms pick
// Related's candidates: 8, a word each; an article in an unspaced script
// (Chinese, Japanese …) is read as bigrams, a word being two or three of
// them (被害額: 被害, 害額), so 8 named a word or two of it and missed
// reports of its subject; it gets three times as many.
func moreLikeTerms(w stories.Vector) int {
	top := stories.Top(w, 8)
	n := 0
	for _, t := range top {
		if r, _ := utf8.DecodeRuneInString(t); unspaced(r) {
			n++
		}
	}
	if 2*n > len(top) {
		return 24
	}
	return 8
}

// distinctive is the n terms of a weighed vector that say most about it,
// leaving out terms found in more than a twentieth of the cache.
func distinctive(w stories.Vector, n int, idf func(string) float64, docs int) []string {
	var out []string
	limit := stories.IDF(max(docs/20, 3), docs)
	for _, t := range stories.Top(w, len(w)) {
		if idf(t) >= limit || docs < 60 {
			out = append(out, t)
		}
		if len(out) == n {
			break
		}
	}
	return out
}

func union(docs ...stories.Doc) map[string]bool {
	out := map[string]bool{}
	for _, d := range docs {
		for t := range d.Terms {
			out[t] = true
		}
		for t := range d.Names {
			out[t] = true
		}
	}
	return out
}

// Related returns other coverage of article id's story first (the
// reports most like the article first), then the articles most like it:
// those the full-text index finds for its most distinctive terms, ordered
// by the similarity of their terms, one per story unless the story is
// close enough to be the same event (relatedSplit). Never the article
// itself.
func (s *Store) Related(ctx context.Context, id int64, limit int) ([]Scored, error) {
	a, err := scanArticle(s.queryRow(ctx, "SELECT "+listColumns+" FROM articles a WHERE a.id = ?", id), false)
	if err == sql.ErrNoRows {
		return nil, fmt.Errorf("%w: %d", ErrNotFound, id)
	}
	if err != nil {
		return nil, err
	}
	var out []Scored
	same, err := s.StoryArticles(ctx, a.Story)
	if err != nil {
		return nil, err
	}
	// The article's terms and those of the first reports of its story:
	// the likeness order decides which come when they do not all fit, and
	// which the reader sees first when they do (today's report of a
	// running story by another outlet before yesterday's).
	vids := []int64{id}
	for _, o := range same {
		if o.ID != id && len(vids) <= relatedStoryMax {
			vids = append(vids, o.ID)
		}
	}
	vecs, err := s.vectors(ctx, vids)
	if err != nil {
		return nil, err
	}
	docs := make([]stories.Doc, 0, len(vecs))
	for _, v := range vecs {
		docs = append(docs, v)
	}
	ts, err := s.stats(ctx, union(docs...))
	if err != nil {
		return nil, err
	}
	w := vecs[id].Weigh(ts.idf)
	// The story's reports most like the article first: where the story
	// joins two events by mistake, the article's own comes first.
	if len(w.All) > 0 && len(vids) > 1 {
		like := map[int64]float64{}
		for _, o := range same {
			if v, ok := vecs[o.ID]; ok && o.ID != id {
				cw := v.Weigh(ts.idf)
				like[o.ID] = stories.Similarity(w, cw) + 0.3*stories.Cosine(w.All, cw.All)
				if relatedApart(vecs[id].Marks, v.Marks) {
					like[o.ID] -= 2 // after the reports of the article's own event
				}
			}
		}
		sort.SliceStable(same, func(i, j int) bool { return like[same[i].ID] > like[same[j].ID] })
	}
	for _, o := range same {
		if o.ID == id || len(out) >= limit {
			continue
		}
		why := "same story"
		if o.Outlet != a.Outlet {
			why = "same story, other outlet"
		}
		out = append(out, Scored{Article: o, Score: 2 - float64(len(out))/100, Why: why})
	}
	if len(out) >= limit || len(w.All) == 0 {
		return out, nil
	}
	terms := map[string]float64{}
	for _, t := range distinctive(w.All, moreLikeTerms(w.All), ts.idf, ts.docs) {
		terms[t] = w.All[t]
	}
	// Articles near it in time first: those saved up to a while after it.
	ids, err := s.postings(ctx, terms, 61, id+5000)
	if err != nil || len(ids) == 0 {
		return out, err
	}
	cv, err := s.vectors(ctx, ids)
	if err != nil {
		return nil, err
	}
	all := []stories.Doc{vecs[id]}
	for _, v := range cv {
		all = append(all, v)
	}
	if ts, err = s.stats(ctx, union(all...)); err != nil {
		return nil, err
	}
	w = vecs[id].Weigh(ts.idf)
	type cand struct {
		id     int64
		sim    float64
		shared []string
		apart  bool // a reply, for an article that is not one: listed after the others
	}
	var cands []cand
	for _, cid := range ids {
		v, ok := cv[cid]
		if !ok || cid == id {
			continue
		}
		// Same event first (a report the story assignment left apart),
		// then plain likeness.
		cw := v.Weigh(ts.idf)
		if sim := stories.Similarity(w, cw) + 0.3*stories.Cosine(w.All, cw.All); sim > 0.02 {
			reply := v.Marks.Reply && !vecs[id].Marks.Reply
			if !reply && instanceApart(vecs[id].Marks, v.Marks) {
				sim /= 2 // another instance of the event (stage 4 for stage 5): still like it, less so
			}
			cands = append(cands, cand{cid, sim, stories.Shared(w.All, cw.All), reply})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].apart != cands[j].apart {
			return !cands[i].apart
		}
		return cands[i].sim > cands[j].sim
	})
	ids = ids[:0]
	for _, c := range cands {
		ids = append(ids, c.id)
	}
	// Chosen by story and likeness; only the chosen are read whole.
	brief, err := s.briefs(ctx, ids)
	if err != nil {
		return nil, err
	}
	// The closest report of each story listed: a story whose closest is as
	// close as relatedSplit is the other half of the article's event, and
	// its other reports come too.
	closest := map[int64]float64{}
	var chosen []cand
	for _, c := range cands {
		o, ok := brief[c.id]
		if !ok || len(out)+len(chosen) >= limit || o.Story == a.Story {
			continue
		}
		if best, seen := closest[o.Story]; seen && best < relatedSplit {
			continue
		} else if !seen {
			closest[o.Story] = c.sim
		}
		chosen = append(chosen, c)
	}
	ids = ids[:0]
	for _, c := range chosen {
		ids = append(ids, c.id)
	}
	arts, err := s.byIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	at := texts(a)
	for _, c := range chosen {
		if o, ok := arts[c.id]; ok {
			out = append(out, Scored{Article: o, Score: c.sim, Why: relatedWhy(a, at, o, c.shared, ts)})
		}
	}
	return out, nil
}

// relatedApart says whether candidate b is apart from article a for
// Related: b is a reader's reply and a is not (a comment never crowds out
// coverage: replies come after the other articles; a reply's own Related
// still lists the article it answers first), or b reports another instance
// of a recurring event (stage 6 for stage 5; see stories.Marks): in a's
// story it comes after a's own event's reports, among the articles like
// a it counts half.
func relatedApart(a, b stories.Marks) bool {
	return b.Reply && !a.Reply || instanceApart(a, b)
}

// instanceApart says whether b reports another instance of a recurring
// event than a (their replies aside).
func instanceApart(a, b stories.Marks) bool {
	return stories.Apart(stories.Marks{Instance: a.Instance}, stories.Marks{Instance: b.Instance})
}

// relatedStoryMax is how many reports of the article's story Related
// orders by likeness to it (the rest follow in StoryArticles' order).
const relatedStoryMax = 40

// relatedSplit is how like the article the closest report of another
// story must be for Related to list that story's other reports too: half
// the likeness that joins an article to a story, close enough to be the
// same event told in a story the assignment left apart; a story less
// like it gives one report, for variety.
const relatedSplit = stories.Threshold / 2

// recommendTerms is how many of the interests' most distinctive terms
// find Recommended's candidates (each the newest perTerm articles holding
// it). With 16, most articles of a reader's topics were never scored: a
// reader of three stories had 20 to 40 candidates among the held-out
// corpus's 127 articles, and on the third corpus precision@5 was 0.317
// where scoring every article gave 0.425; 24 gives 0.408 there (held-out
// 0.533 -> 0.542, demo unchanged) for half as many index look-ups again.
const recommendTerms = 24

// interestNear is the least likeness of a new article to an interest
// for the interest to take in its words (see Recommended).
const interestNear = 0.2

// rankWindow is how many of a section's newest articles Ranking weighs.
const rankWindow = 2000

// Ranking returns a section's stories ("" = all sections), one row per
// story, best first, each with its reason: see cache/rank.
func (s *Store) Ranking(ctx context.Context, section string, limit int) ([]Scored, error) {
	section = strings.ToLower(section)
	var rows *sql.Rows
	var err error
	const cols = `a.id, CASE a.story WHEN 0 THEN a.id ELSE a.story END, a.published, a.read, a.views, a.comments, a.rating,
	coalesce(st.outlets, 1), coalesce(st.last, a.published)`
	if section == "" {
		rows, err = s.query(ctx, "SELECT "+cols+` FROM (SELECT id, story, published, read, views, comments, rating FROM articles ORDER BY published DESC LIMIT ?) a
LEFT JOIN stories st ON st.id = a.story ORDER BY a.published DESC, a.id DESC`, rankWindow)
	} else {
		rows, err = s.query(ctx, "SELECT "+cols+` FROM (SELECT article_id FROM article_sections WHERE section = ?
	ORDER BY published DESC, article_id DESC LIMIT ?) s
JOIN articles a ON a.id = s.article_id LEFT JOIN stories st ON st.id = a.story ORDER BY a.published DESC, a.id DESC`, section, rankWindow)
	}
	if err != nil {
		return nil, err
	}
	type story struct {
		id       int64
		pick     int64 // the article shown: the newest unread one, else the newest
		pickRead bool
		sig      rank.Signals
		allRead  bool
	}
	now := time.Now().Unix()
	byStory := map[int64]*story{}
	var order []*story
	for rows.Next() {
		var id, st, pub, last int64
		var read bool
		var views, comments, outlets int
		var rating float64
		if err := rows.Scan(&id, &st, &pub, &read, &views, &comments, &rating, &outlets, &last); err != nil {
			rows.Close()
			return nil, err
		}
		x := byStory[st]
		if x == nil {
			x = &story{id: st, pick: id, pickRead: read, allRead: true}
			x.sig.Outlets = outlets
			x.sig.Age = time.Duration(max(now-max(last, pub), 0)) * time.Second
			byStory[st] = x
			order = append(order, x)
		} else if x.pickRead && !read {
			x.pick, x.pickRead = id, false
		}
		x.allRead = x.allRead && read
		x.sig.Views, x.sig.Comments = max(x.sig.Views, views), max(x.sig.Comments, comments)
		x.sig.Rating = max(x.sig.Rating, rating)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// The site's most-read feed, where configured, places stories too.
	// Across all sections each section's list has its own #1, so the
	// reason names the section the position is from.
	mr, err := s.query(ctx, `SELECT r.rank, CASE a.story WHEN 0 THEN a.id ELSE a.story END,
	coalesce(nullif(sec.title, ''), r.section) FROM rankings r JOIN articles a ON a.id = r.article_id
LEFT JOIN sections sec ON sec.key = r.section
WHERE r.section = ?1 OR ?1 = '' ORDER BY r.rank, r.section`, section)
	if err != nil {
		return nil, err
	}
	for mr.Next() {
		var r int
		var st int64
		var in string
		if err := mr.Scan(&r, &st, &in); err != nil {
			mr.Close()
			return nil, err
		}
		if x := byStory[st]; x != nil && (x.sig.MostRead == 0 || r < x.sig.MostRead) {
			x.sig.MostRead = r
			if section == "" {
				x.sig.MostReadIn = in
			}
		}
	}
	mr.Close()
	if err := mr.Err(); err != nil {
		return nil, err
	}
	// Sorted as pointer-free pairs: moving 2,000 structs holding a pointer
	// and a string through a stable sort was a tenth of a --ranking run.
	type scored struct {
		i     int
		score float64
	}
	list := make([]scored, len(order))
	whys := make([]string, len(order))
	for i, x := range order {
		x.sig.Read = x.allRead
		list[i].i = i
		list[i].score, whys[i] = rank.Score(x.sig)
	}
	slices.SortStableFunc(list, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	// Readers' replies (a comment feed's, a forum's) come after the
	// stories: those ranked among the first twice the limit (and 8) make
	// room for the stories after them.
	n := min(max(limit, 0), len(list))
	list = list[:min(2*n+8, len(list))]
	if n == 0 {
		list = nil
	}
	ids := make([]int64, len(list))
	for i, x := range list {
		ids[i] = order[x.i].pick
	}
	arts, err := s.byIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Scored, 0, n)
	var replies []Scored
	for _, x := range list {
		a, ok := arts[order[x.i].pick]
		switch {
		case !ok:
		case stories.IsReply(a.Title, a.Link, a.Source):
			replies = append(replies, Scored{Article: a, Score: x.score, Why: whys[x.i]})
		case len(out) < n:
			out = append(out, Scored{Article: a, Score: x.score, Why: whys[x.i]})
		}
	}
	for _, r := range replies {
		if len(out) == n {
			break
		}
		out = append(out, r)
	}
	return out, nil
}

// Recommended picks unread articles for this reader from what they have
// read and starred (see cache/recommend), in a section or, with "", all.
// With no history it returns Ranking's top stories and fallback = true.
func (s *Store) Recommended(ctx context.Context, section string, limit int) ([]Scored, bool, error) {
	section = strings.ToLower(section)
	now := time.Now()
	rows, err := s.query(ctx, `
SELECT a.id, a.title, a.starred, a.read_at, CASE a.story WHEN 0 THEN a.id ELSE a.story END FROM articles a
WHERE a.id IN (SELECT id FROM articles WHERE read = 1 ORDER BY read_at DESC LIMIT 60)
   OR a.id IN (SELECT id FROM articles WHERE starred = 1 ORDER BY id DESC LIMIT 60)`)
	if err != nil {
		return nil, false, err
	}
	var seeds []recommend.Seed
	readStories := map[int64]bool{}
	seedStory := map[int64]int64{}
	for rows.Next() {
		var sd recommend.Seed
		var readAt, st int64
		if err := rows.Scan(&sd.ID, &sd.Title, &sd.Starred, &readAt, &st); err != nil {
			rows.Close()
			return nil, false, err
		}
		since := now.Sub(time.Unix(readAt, 0))
		if readAt == 0 {
			since = 0
		}
		sd.Weight = recommend.SeedWeight(sd.Starred, since)
		seeds = append(seeds, sd)
		readStories[st] = true
		seedStory[sd.ID] = st
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	if len(seeds) == 0 {
		recs, err := s.Ranking(ctx, section, limit)
		for i := range recs {
			recs[i].Why = "top story: " + recs[i].Why
		}
		return recs, true, err
	}
	sort.SliceStable(seeds, func(i, j int) bool { return seeds[i].Weight > seeds[j].Weight })
	seeds = seeds[:min(len(seeds), 12)]
	seedIDs := make([]int64, len(seeds))
	for i, sd := range seeds {
		seedIDs[i] = sd.ID
	}
	sv, err := s.vectors(ctx, seedIDs)
	if err != nil {
		return nil, false, err
	}
	// Stories read lately are not recommended again.
	rs, err := s.query(ctx, `SELECT story FROM articles WHERE read = 1 AND read_at > ? ORDER BY read_at DESC LIMIT 2000`, now.Add(-30*24*time.Hour).Unix())
	if err != nil {
		return nil, false, err
	}
	for rs.Next() {
		var st int64
		if err := rs.Scan(&st); err != nil {
			rs.Close()
			return nil, false, err
		}
		readStories[st] = true
	}
	rs.Close()
	vs := make([]stories.Doc, 0, len(sv))
	for _, v := range sv {
		vs = append(vs, v)
	}
	ts, err := s.stats(ctx, union(vs...))
	if err != nil {
		return nil, false, err
	}
	// The reader's interests: one per story read (its reports together
	// say more about the subject than any one of them, each outlet telling
	// it in its own words, and a story read in four versions is one
	// interest, not four), weighed by its heaviest read: how recent, and
	// whether starred.
	groups := recommend.Group(seeds, func(id int64) int64 { return seedStory[id] })
	// The places each interest's reports name as places count less in it
	// (recommend.PlaceWeight).
	seedArts, err := s.byIDs(ctx, seedIDs)
	if err != nil {
		return nil, false, err
	}
	places := make([]map[string]bool, len(groups))
	for i, g := range groups {
		var txt, lines []string
		for _, k := range g {
			t := texts(seedArts[seeds[k].ID])
			txt = append(txt, t...)
			lines = append(lines, datelinePlaces(t[1])...)
		}
		places[i] = recommend.Places(txt, lines, ts.isName)
	}
	interests := func(ts termStats) []stories.Vector {
		out := make([]stories.Vector, len(groups))
		for i, g := range groups {
			v := stories.Vector{}
			for _, k := range g {
				for t, x := range subject(sv[seeds[k].ID].Weigh(ts.idf), ts.isName) {
					if places[i][t] {
						x *= recommend.PlaceWeight
					}
					v[t] += x
				}
			}
			out[i] = stories.Unit(v)
		}
		return out
	}
	// Candidates are found for each interest's most distinctive terms in
	// turn, so that one heavy interest does not leave the others none.
	var lists [][]string
	profile := stories.Vector{}
	for i, v := range interests(ts) {
		// A term that only the story's reports read and one or two more
		// articles hold names that event (its people, its figures), not a
		// subject: it finds the story itself, which is not recommended.
		beyond := make(stories.Vector, len(v))
		for t, x := range v {
			if ts.df[t] > len(groups[i])+2 {
				beyond[t] = x
			}
		}
		// Those terms still come after the others, for a cache too small
		// to have others.
		l := distinctive(beyond, recommendTerms, ts.idf, ts.docs)
		for _, t := range distinctive(v, recommendTerms, ts.idf, ts.docs) {
			if _, ok := beyond[t]; !ok {
				l = append(l, t)
			}
		}
		lists = append(lists, l)
		for t, x := range v {
			profile[t] += x * seeds[groups[i][0]].Weight
		}
	}
	terms := map[string]float64{}
	for k := 0; len(terms) < recommendTerms; k++ {
		more := false
		for _, l := range lists {
			if k < len(l) && len(terms) < recommendTerms {
				terms[l[k]], more = profile[l[k]], true
			}
		}
		if !more {
			break
		}
	}
	ids, err := s.postings(ctx, terms, 150, 0)
	if err != nil {
		return nil, false, err
	}
	// What choosing needs of the candidates; the picked are read whole
	// below (reading 150 articles whole was a tenth of the time).
	meta, err := s.briefs(ctx, ids)
	if err != nil {
		return nil, false, err
	}
	// The sections of the candidates and of the history (see
	// recommend.InSections).
	sections, err := s.sectionsOf(ctx, append(append(make([]int64, 0, len(ids)+len(seedIDs)), ids...), seedIDs...))
	if err != nil {
		return nil, false, err
	}
	keep := ids[:0]
	for _, id := range ids {
		if a, ok := meta[id]; ok && !a.Read && !readStories[a.Story] && (section == "" || slices.Contains(sections[id], section)) {
			keep = append(keep, id)
		}
	}
	ids = keep
	cv, err := s.vectors(ctx, ids)
	if err != nil {
		return nil, false, err
	}
	all := append([]stories.Doc{}, vs...)
	for _, v := range cv {
		all = append(all, v)
	}
	if ts, err = s.stats(ctx, union(all...)); err != nil {
		return nil, false, err
	}
	// Each interest speaks through its heaviest read.
	seedC := interests(ts)
	gseeds := make([]recommend.Seed, len(groups))
	for i, g := range groups {
		gseeds[i] = seeds[g[0]]
	}
	origSeeds := seeds
	seeds = gseeds
	// Readers' replies (comment feeds, forums) are recommended only to a
	// reader who reads them: they repeat the headlines of what was read.
	readsReplies := false
	for _, v := range sv {
		readsReplies = readsReplies || v.Marks.Reply
	}
	subj := make(map[int64]stories.Vector, len(ids))
	for _, id := range ids {
		if v, ok := cv[id]; ok && (readsReplies || !v.Marks.Reply) {
			subj[id] = subject(v.Weigh(ts.idf), ts.isName)
		}
	}
	// Each interest also takes in, at half weight, the words of the new
	// article closest to it: a story read as "ransomware" then finds the
	// other reports that say "cyberattack" (pseudo-relevance feedback).
	// Too faint a likeness (under interestNear) adds nothing.
	expanded := make([]stories.Vector, len(seedC))
	for i, q := range seedC {
		var near stories.Vector
		nearSim := interestNear
		for _, id := range ids {
			if cw, ok := subj[id]; ok {
				if c := stories.Cosine(q, cw); c > nearSim {
					near, nearSim = cw, c
				}
			}
		}
		e := make(stories.Vector, len(q)+len(near))
		for t, x := range q {
			e[t] += x
		}
		for t, x := range near {
			e[t] += x / 2
		}
		expanded[i] = stories.Unit(e)
	}
	// The sections each interest was read in.
	readIn := make([]map[string]bool, len(groups))
	for i, g := range groups {
		readIn[i] = map[string]bool{}
		for _, k := range g {
			for _, sec := range sections[origSeeds[k].ID] {
				readIn[i][sec] = true
			}
		}
	}
	var cands []recommend.Candidate
	for _, id := range ids {
		cw, ok := subj[id]
		if !ok {
			continue
		}
		best, bestSim, sim := -1, 0.0, 0.0
		for i := range seeds {
			c := recommend.InSections(stories.Cosine(expanded[i], cw), sections[id], readIn[i])
			if c*seeds[i].Weight > bestSim {
				best, bestSim, sim = i, c*seeds[i].Weight, c
			}
		}
		if best < 0 {
			continue
		}
		a := meta[id]
		c := recommend.Candidate{ID: id, Story: a.Story, Seed: best, Sim: stories.Cosine(seedC[best], cw), Like: sim,
			Age: now.Sub(a.Published), Shared: stories.Shared(seedC[best], cw)}
		c.Score, c.Why = recommend.Score(c, seeds)
		cands = append(cands, c)
	}
	picked := recommend.Pick(cands, limit)
	pids := make([]int64, len(picked))
	for i, c := range picked {
		pids[i] = c.ID
	}
	whole, err := s.byIDs(ctx, pids)
	if err != nil {
		return nil, false, err
	}
	for id, a := range whole {
		meta[id] = a
	}
	if err := s.recommendWhy(ctx, picked, seeds, sv, cv, meta, ts); err != nil {
		return nil, false, err
	}
	out := make([]Scored, 0, len(picked))
	used := map[int64]bool{}
	for _, c := range picked {
		out = append(out, Scored{Article: meta[c.ID], Score: c.Score, Why: c.Why})
		used[meta[c.ID].Story] = true
	}
	if len(out) < limit {
		// Too little is like what was read (a first day, a small cache):
		// the top stories not read fill the list, labelled as such, as
		// for a reader with no history.
		top, err := s.Ranking(ctx, section, limit+len(out)+len(readStories))
		if err != nil {
			return nil, false, err
		}
		for _, r := range top {
			if len(out) == limit {
				break
			}
			if r.Read || r.Story != 0 && (readStories[r.Story] || used[r.Story]) {
				continue
			}
			used[r.Story] = true
			r.Score, r.Why = 0, "top story: "+r.Why
			out = append(out, r)
		}
	}
	return out, false, nil
}

// sectionsOf reads the sections each of some articles is in.
func (s *Store) sectionsOf(ctx context.Context, ids []int64) (map[int64][]string, error) {
	js, _ := json.Marshal(ids)
	rows, err := s.query(ctx, "SELECT article_id, section FROM article_sections WHERE article_id IN (SELECT value FROM json_each(?))", string(js))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64][]string, len(ids))
	for rows.Next() {
		var id int64
		var sec string
		if err := rows.Scan(&id, &sec); err != nil {
			return nil, err
		}
		out[id] = append(out[id], sec)
	}
	return out, rows.Err()
}

// searchWindow is how many of the newest matches a search ranks (bm25
// and the article's date cost about 3 µs a match at 100,000 articles, so
// this keeps a common word under a few milliseconds), and maxCount how
// many it counts at most (the total says "at least" then).
const (
	searchWindow = 1000
	maxCount     = 10000
)

// queryWords splits what a person typed into words the index knows:
// every run of letters and digits (ftsWordRune), with the marks inside a
// run of unspaced letters (splitQuery). Quotes, operators and brackets
// are not syntax here, so no input is an error; and each word is asked
// as one term of the index, or the bigrams of its unspaced runs
// (searchTerm), never a phrase of several (which the index, keeping no
// positions, would refuse).
func queryWords(q string) []string { return splitQuery(q) }

// QueryWords are the words of what was typed as Search takes them, for
// highlighting its matches (TitleMarks): with no word, its emoji and
// other symbols (symbolTerms), which Search then looks for in titles.
func QueryWords(q string) []string {
	if w := splitQuery(q); len(w) > 0 {
		return w
	}
	return symbolTerms(q)
}

// ftsWordRune says whether r is part of a word both here and for the
// index's tokenizer (unicode61): a letter or digit, but for the few that
// SQLite's older Unicode tables take for marks (New Tai Lue vowel signs,
// two Vedic signs; TestQueryWordsAreSingleTerms checks every rune).
func ftsWordRune(r rune) bool {
	switch {
	case r >= 0x19B0 && r <= 0x19C0, r == 0x19C8, r == 0x19C9, r == 0x1CF2, r == 0x1CF3:
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Search finds articles matching every word of query (or, when none
// matches all, any word), in a section or, with "", all of them, ranked by
// relevance (the title counting most) discounted by age; the last
// word also matches as a prefix, for typing. It returns a page of hits
// and how many there are.
func (s *Store) Search(ctx context.Context, section, query string, offset, limit int) ([]Hit, int, error) {
	words := queryWords(query)
	section = strings.ToLower(section)
	if len(words) == 0 {
		if syms := symbolTerms(query); len(syms) > 0 { // emoji, which the index has no words for
			return s.searchSymbols(ctx, section, syms, offset, limit)
		}
		return nil, 0, nil
	}
	phrases := make([]string, len(words))
	checks := make([]bool, len(words))
	for i, w := range words {
		phrases[i], checks[i] = searchTerm(w)
	}
	// The last word is also a prefix while it is being typed, once it has
	// three letters (or is the only word): a shorter one would expand to
	// most of the index. The index keeps no prefixes (they tripled the
	// cost of indexing an article), so the prefix stands for the word
	// itself and its commonest completions (completions). A word of
	// Chinese, Japanese, Korean or Thai is no prefix: it is looked for
	// anywhere in a run (searchTerm), whatever its length.
	last := words[len(words)-1]
	trailing := query[len(query)-1] != ' ' && (len(words) == 1 || utf8.RuneCountInString(last) >= 3) && !hasUnspaced(last)
	if trailing {
		more, err := s.completions(ctx, last, maxCompletions)
		if err != nil {
			return nil, 0, err
		}
		if v := sharpS(last); v != "" { // "strasse" being typed completes to "straßenbahn" too
			other, err := s.completions(ctx, v, maxCompletions)
			if err != nil {
				return nil, 0, err
			}
			more = append(more, other...)
		}
		alts := []string{phrases[len(phrases)-1]}
		for _, c := range more {
			if c != last {
				alts = append(alts, ftsPhrase(c))
			}
		}
		if len(alts) > 1 {
			phrases[len(phrases)-1] = "(" + strings.Join(alts, " OR ") + ")"
		}
	}
	join, secArg := "", []any{}
	if section != "" {
		join = "JOIN article_sections s ON s.article_id = f.rowid AND s.section = ?2"
		secArg = append(secArg, section)
	}
	now := time.Now().Unix()
	// page reads a page of the matches of parts joined by op, ranked by
	// relevance discounted by age, among the newest searchWindow matches:
	// reading matches in rowid order and stopping there keeps a common
	// word as cheap as a rare one. It also says how many matches that
	// window holds: the total, when it is not full.
	//
	// Relevance is what the index can tell without the text: an article
	// counts 1, and up to 10 as more of the parts are in its title (the
	// weight bm25 gave the title). SQLite's bm25 cannot rank here: on a
	// contentless index without positions it reads each hit's text to
	// count the words in it, finds none, and scores every hit 0, which
	// left the order to the date alone.
	page := func(parts []string, op string) ([]Hit, int, error) {
		expr := strings.Join(parts, op)
		args := []any{expr, section, now, limit, offset}
		inTitle := make([]string, len(parts))
		for i, p := range parts {
			// With the whole query, so a common part ("and") is read only
			// where the rare ones are, as in m.
			args = append(args, "("+expr+") AND {title} : "+p)
			inTitle[i] = "(m.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?" + strconv.Itoa(len(args)) + " AND rowid >= (SELECT min(id) FROM m)))"
		}
		rows, err := s.query(ctx, `
WITH m AS MATERIALIZED (
	SELECT f.rowid AS id FROM articles_fts f `+join+`
	WHERE articles_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT `+strconv.Itoa(searchWindow)+`
), top AS (
	SELECT m.id, (1.0 + 9.0 * (`+strings.Join(inTitle, " + ")+`) / `+strconv.Itoa(len(parts))+`.0) / (1.0 + max(?3 - a.published, 0) / 604800.0) AS score, a.published
	FROM m JOIN articles a ON a.id = m.id ORDER BY score DESC, a.published DESC, a.id DESC LIMIT ?4 OFFSET ?5
)
SELECT `+listColumns+`, top.score, (SELECT count(*) FROM m)
FROM top JOIN articles a ON a.id = top.id ORDER BY top.score DESC, top.published DESC, a.id DESC`,
			args...)
		if err != nil {
			return nil, 0, err
		}
		return scanHits(rows)
	}
	// total counts expr's matches, up to maxCount.
	total := func(expr string) (int, error) {
		var n int
		err := s.queryRow(ctx, "SELECT count(*) FROM (SELECT 1 FROM articles_fts f "+join+" WHERE articles_fts MATCH ?1 LIMIT "+strconv.Itoa(maxCount)+")",
			append([]any{expr}, secArg...)...).Scan(&n)
		return n, err
	}
	search := func(parts []string, op string, pw []string, check []bool) ([]Hit, int, error) {
		if slices.Contains(check, true) {
			return s.checkedPage(ctx, join, section, now, parts, op, pw, check, offset, limit, total)
		}
		hits, n, err := page(parts, op)
		if err == nil && (n >= searchWindow || len(hits) == 0 && offset > 0) {
			n, err = total(strings.Join(parts, op)) // the window is full, or the page past the end
		}
		return hits, n, err
	}
	hits, n, err := search(phrases, " AND ", words, checks)
	if err != nil {
		return nil, 0, err
	}
	if n == 0 && trailing && utf8.RuneCountInString(last) >= 3 {
		// term_df holds the words of titles and of the start of texts
		// only: a word being typed that only a later paragraph holds is
		// looked for as a prefix in the index itself (which keeps no
		// prefixes, so only when the completions found nothing).
		phrases[len(phrases)-1] = ftsPhrase(last) + "*"
		if hits, n, err = search(phrases, " AND ", words, checks); err != nil {
			return nil, 0, err
		}
	}
	if n == 0 && len(phrases) > 1 {
		// Any word will do, but not a word every article has ("and").
		var some, someWords []string
		var someChecks []bool
		for i, w := range words {
			if !stories.IsStop(w) && !stories.IsStop(stories.Normalize(w)) {
				some = append(some, phrases[i])
				someWords = append(someWords, w)
				someChecks = append(someChecks, checks[i])
			}
		}
		if len(some) == 0 {
			some, someWords, someChecks = phrases, words, checks
		}
		if hits, n, err = search(some, " OR ", someWords, someChecks); err != nil {
			return nil, 0, err
		}
	}
	if n == 0 {
		return nil, 0, nil
	}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	snippets, err := s.snippets(ctx, ids, words, trailing)
	if err != nil {
		return nil, 0, err
	}
	for i := range hits {
		h := &hits[i]
		h.Snippet = snippets[h.ID]
		h.TitleMarks = TitleMarks(h.Title, words, trailing)
		h.Why = "matches the text"
		if len(h.TitleMarks) > 0 {
			h.Why = "matches the title"
		}
		h.Why += " · " + rank.Age(time.Since(h.Published))
	}
	return hits, n, nil
}

// snippets makes the snippets of the articles ids: the part of each one's
// indexed text (indexText) with the most of the query's words (see
// Snippet, hitSnippet). The index keeps no copy of the text, so it is
// flattened again from the article's HTML, for the page of hits only.
func (s *Store) snippets(ctx context.Context, ids []int64, words []string, lastIsPrefix bool) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	js, _ := json.Marshal(ids)
	rows, err := s.query(ctx, `SELECT id, title, summary, content FROM articles WHERE id IN (SELECT value FROM json_each(?))`, string(js))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var title, sum, con string
		if err := rows.Scan(&id, &title, &sum, &con); err != nil {
			return nil, err
		}
		out[id] = hitSnippet(title, sum, con, words, lastIsPrefix)
	}
	return out, rows.Err()
}

// maxCompletions is how many completions of a word being typed a search
// tries beside the word itself, and maxCompletionPostings how many
// articles they may hold together (by term_df): ranking the matches reads
// every article of each term, so a short prefix, whose commonest
// completions are common words, takes fewer of them.
const (
	maxCompletions        = 24
	maxCompletionPostings = 20000
)

// maxCompletionScan is how many words of the vocabulary completions reads
// at most (about 4 ms).
const maxCompletionScan = 20000

// completions returns up to n words of the cache's vocabulary (term_df:
// the terms of titles and of the start of texts, as cache/stories reads
// them) that begin with prefix, the most common first, as many as
// maxCompletionPostings allows (at least one). Only plain words are taken
// (runs of letters and digits), so each is one term of the index.
func (s *Store) completions(ctx context.Context, prefix string, n int) ([]string, error) {
	// A short prefix spans much of the vocabulary: its first
	// maxCompletionScan words (in order) are weighed, which bounds the cost.
	st, err := s.prepared(ctx, `SELECT term, df FROM (SELECT term, df FROM term_df WHERE term >= ?1 AND term < ?2 LIMIT `+strconv.Itoa(maxCompletionScan)+`)
ORDER BY df DESC, term LIMIT ?3`)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, prefix, prefix+string(utf8.MaxRune), 2*n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	postings := 0
	for rows.Next() {
		var t string
		var df int
		if err := rows.Scan(&t, &df); err != nil {
			return nil, err
		}
		if w := queryWords(t); len(w) != 1 || w[0] != t {
			continue
		}
		if postings += df; len(out) == n || len(out) > 0 && postings > maxCompletionPostings {
			break
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// extraScanner appends more destinations after the article's columns.
type extraScanner struct {
	rows  *sql.Rows
	extra []any
}

func (e extraScanner) Scan(dest ...any) error { return e.rows.Scan(append(dest, e.extra...)...) }

// TitleMarks returns the byte ranges of the title's words that match
// the query's words (case and accents aside, as in the index): the same
// word, the same word but for a plural "s",
// or, for the last word while it is being typed, a word it begins.
func TitleMarks(title string, words []string, lastIsPrefix bool) [][2]int {
	if len(words) > 0 && !strings.ContainsFunc(strings.Join(words, ""), ftsWordRune) {
		return symbolMarks(title, words) // emoji and symbols (QueryWords)
	}
	var marks [][2]int
	// A word with Chinese, Japanese, Korean or Thai letters is marked
	// wherever the title holds it, inside a run as much as on its own.
	unspacedWords := false
	for _, w := range words {
		if hasUnspaced(w) {
			unspacedWords = true
			for at := indexFold(title, w, 0); at >= 0; {
				end := at + matchFold(title[at:], w)
				for end < len(title) { // the marks on its last letter too
					r, n := utf8.DecodeRuneInString(title[end:])
					if !runMark(r) {
						break
					}
					end += n
				}
				marks = append(marks, [2]int{at, end})
				at = indexFold(title, w, end)
			}
		}
	}
	words = foldAll(words)
	i := 0
	for i < len(title) {
		r, n := utf8.DecodeRuneInString(title[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		// A word ends where letters of an unspaced script meet others
		// ("iPhone15を発売": iPhone15, を発売), as the index splits it.
		start, unit := i, unspacedUnit(r)
		for i < len(title) {
			r, n := utf8.DecodeRuneInString(title[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) || unspacedUnit(r) != unit {
				break
			}
			i += n
		}
		w := fold(title[start:i])
		for k, q := range words {
			if q == "" || hasUnspaced(q) {
				continue
			}
			if w == q || stories.Normalize(w) == stories.Normalize(q) ||
				(k == len(words)-1 && lastIsPrefix && strings.HasPrefix(w, q)) {
				marks = append(marks, [2]int{start, i})
				break
			}
		}
	}
	if unspacedWords {
		marks = mergeMarks(marks)
	}
	return marks
}

// mergeMarks sorts byte ranges and joins those that overlap.
func mergeMarks(marks [][2]int) [][2]int {
	slices.SortFunc(marks, func(a, b [2]int) int { return a[0] - b[0] })
	out := marks[:0]
	for _, m := range marks {
		if k := len(out) - 1; k >= 0 && m[0] < out[k][1] {
			out[k][1] = max(out[k][1], m[1])
			continue
		}
		out = append(out, m)
	}
	return out
}

// nameWeight is how much a name (a person, company, team or place)
// counts in what an article is about for Recommended, against a content
// word. A name is often the interest itself (a company, a team), but a
// place or a country alone is no subject: "floods in X" read is no
// interest in "stocks in X".
const nameWeight = 0.5

// subject is what an article is about for Recommended: its terms, names
// at nameWeight, without bare numbers or numbers written as words, of
// unit length. A number ties reports of one event together, but "6
// years" read is no interest in "36 minutes ... 6 weeks", nor "nine
// points ahead" in "nine hours".
func subject(w stories.Weighed, isName func(string) bool) stories.Vector {
	v := make(stories.Vector, len(w.All))
	for t, x := range w.All {
		if strings.IndexFunc(t, unicode.IsLetter) < 0 || recommend.NumberWord(t) {
			continue
		}
		if _, ok := w.Names[t]; ok || isName(t) {
			x *= nameWeight
		}
		v[t] = x
	}
	return stories.Unit(v)
}

// scanHits reads a search's rows: an article's list columns, its score,
// and the count of all hits (the same on every row); it closes rows.
func scanHits(rows *sql.Rows) ([]Hit, int, error) {
	defer rows.Close()
	var hits []Hit
	n := 0
	for rows.Next() {
		var h Hit
		a, err := scanArticle(extraScanner{rows, []any{&h.Score, &n}}, false)
		if err != nil {
			return nil, 0, err
		}
		h.Article = a
		hits = append(hits, h)
	}
	return hits, n, rows.Err()
}
