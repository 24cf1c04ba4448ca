package cache

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"strings"
	"sync"

	"modernc.org/sqlite"

	"newsreader/cache/stories"
	"newsreader/feed"
)

// maxIndexedText caps the plain text the full-text index keeps of one
// article; the rest of a very long body adds size and little recall.
const maxIndexedText = 20000

func init() {
	// newsreader_plain(summary, content) is the plain text the full-text
	// index holds: the content, or the summary when the content is empty
	// or shorter (feeds that put the summary in both, or only a teaser in
	// content).
	sqlite.MustRegisterDeterministicScalarFunction("newsreader_plain", 2, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		sum, _ := args[0].(string)
		con, _ := args[1].(string)
		text := feed.PlainText(con)
		if s := feed.PlainText(sum); len(s) > len(text) || !strings.Contains(text, firstWords(s)) {
			if len(s) > len(text) {
				text = s
			} else {
				text = s + "\n\n" + text
			}
		}
		if len(text) > maxIndexedText {
			cut := maxIndexedText
			for cut > 0 && text[cut]&0xC0 == 0x80 {
				cut--
			}
			text = text[:cut]
		}
		return text, nil
	})
}

// firstWords is the start of a text, to tell whether a summary is just
// the opening of the content.
func firstWords(s string) string {
	if len(s) > 60 {
		s = s[:60]
		for len(s) > 0 && s[len(s)-1]&0xC0 == 0x80 {
			s = s[:len(s)-1]
		}
	}
	return s
}

// discoState is the story assigner's memory in one process: document
// frequencies and the terms of recent articles, loaded on first use and
// reloaded when another process has saved since.
type discoState struct {
	mu      sync.Mutex
	loaded  bool
	gen     int64
	docs    int
	df      map[string]int
	from    int64 // earliest publication time loaded into recent
	recent  map[int64]*recentDoc
	byTerm  map[string][]*recentDoc
	byStory map[int64][]*recentDoc
	fifo    []*recentDoc // recent in the order added, for eviction
}

// maxRecent is how many articles the assigner keeps in memory: a new
// article is compared with the latest of them only. The oldest are
// dropped beyond it (their terms freed), which bounds a huge first
// refresh's memory.
const maxRecent = 12000

type recentDoc struct {
	id, story, published int64
	gone                 bool // evicted: no longer compared
	doc                  stories.Doc
	w                    stories.Weighed // doc weighed when the cache held wAt articles
	wAt                  int
}

// weigh is doc with IDF applied, weighed again once the cache has grown
// by a tenth since.
func (d *discoState) weigh(doc *recentDoc) stories.Weighed {
	if doc.w.All == nil || d.docs > doc.wAt+doc.wAt/10+20 {
		doc.w, doc.wAt = doc.doc.Weigh(d.idf), d.docs
	}
	return doc.w
}

func (d *discoState) idf(term string) float64 { return stories.IDF(d.df[term], d.docs) }

// known says whether the cache has seen term written as a name (inside a
// sentence, capitalised) in at least half the articles that use it. The
// counts live in term_df under "^term".
func (d *discoState) known(term string) bool {
	p := d.df["^"+term]
	return p > 0 && 2*p >= d.df[term]
}

func (d *discoState) add(doc *recentDoc) {
	d.recent[doc.id] = doc
	d.byStory[doc.story] = append(d.byStory[doc.story], doc)
	for t := range doc.doc.Terms {
		if l := d.byTerm[t]; len(l) <= maxPostings { // longer lists are never followed
			d.byTerm[t] = append(l, doc)
		}
	}
	d.fifo = append(d.fifo, doc)
	for len(d.recent) > maxRecent && len(d.fifo) > 0 {
		old := d.fifo[0]
		d.fifo[0] = nil
		d.fifo = d.fifo[1:]
		delete(d.recent, old.id)
		old.gone, old.doc, old.w = true, stories.Doc{}, stories.Weighed{}
		if m := d.byStory[old.story]; len(m) > 0 && m[0] == old {
			d.byStory[old.story] = m[1:]
		}
	}
}

// load reads the document frequencies and the terms of every article
// published from `from` on.
func (d *discoState) load(ctx context.Context, tx *sql.Tx, gen int64, from int64) error {
	d.df, d.recent, d.byTerm, d.byStory = map[string]int{}, map[int64]*recentDoc{}, map[string][]*recentDoc{}, map[int64][]*recentDoc{}
	d.fifo = nil
	if err := tx.QueryRowContext(ctx, "SELECT value FROM discover_meta WHERE key = 'docs'").Scan(&d.docs); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "SELECT term, df FROM term_df")
	if err != nil {
		return err
	}
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			rows.Close()
			return err
		}
		d.df[t] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	d.from = from
	if err := d.loadRecent(ctx, tx, from, 1<<62); err != nil {
		return err
	}
	d.gen, d.loaded = gen, true
	return nil
}

func (d *discoState) loadRecent(ctx context.Context, tx *sql.Tx, from, to int64) error {
	rows, err := tx.QueryContext(ctx, `
SELECT a.id, a.story, a.published, t.terms FROM articles a JOIN article_terms t ON t.article_id = a.id
WHERE a.published >= ? AND a.published < ? AND a.story != 0 ORDER BY a.published, a.id`, from, to)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		doc := &recentDoc{}
		var terms string
		if err := rows.Scan(&doc.id, &doc.story, &doc.published, &terms); err != nil {
			return err
		}
		doc.doc = stories.DecodeDoc(terms)
		d.add(doc)
	}
	return rows.Err()
}

// Bounds on the work of placing one article: terms used by more recent
// articles than maxPostings are not followed, at most maxCandidates
// stories are compared, against their latest maxMembers reports.
const (
	maxPostings   = 400
	maxCandidates = 8
	maxMembers    = 4
)

type pendingArticle struct {
	id, published      int64
	link, source, text string
	title              string
}

// assignStories gives every article that has no story yet one, inside the
// save's transaction: it compares each with the articles published within
// stories.WindowHours of it that share its most distinctive terms, joins
// the story of the most similar one when they are alike enough, else
// starts a story of its own. It also records the article's terms, its
// outlet and the document frequencies.
func (s *Store) assignStories(ctx context.Context, tx *sql.Tx) error {
	// New articles (those without a story yet) enter the full-text index
	// together: one statement, one flush of the index.
	if _, err := tx.ExecContext(ctx, `
INSERT INTO articles_fts(rowid, title, body, author, source, categories)
SELECT a.id, a.title, newsreader_plain(a.summary, a.content), a.author, a.source, replace(a.categories, char(31), ' ')
FROM articles a WHERE a.story = 0 AND NOT EXISTS (SELECT 1 FROM articles_fts f WHERE f.rowid = a.id)`); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `
SELECT a.id, a.published, a.link, a.source, a.title, coalesce(f.body, '')
FROM articles a LEFT JOIN articles_fts f ON f.rowid = a.id
WHERE a.story = 0 ORDER BY a.published, a.id`)
	if err != nil {
		return err
	}
	var pending []pendingArticle
	for rows.Next() {
		var p pendingArticle
		if err := rows.Scan(&p.id, &p.published, &p.link, &p.source, &p.title, &p.text); err != nil {
			rows.Close()
			return err
		}
		pending = append(pending, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(pending) == 0 {
		return err
	}

	d := &s.disc
	d.mu.Lock()
	defer d.mu.Unlock()
	var gen int64
	if err := tx.QueryRowContext(ctx, "SELECT value FROM discover_meta WHERE key = 'gen'").Scan(&gen); err != nil {
		return err
	}
	window := int64(stories.WindowHours * 3600)
	from := pending[0].published - window
	if !d.loaded || gen != d.gen {
		if err := d.load(ctx, tx, gen, from); err != nil {
			d.loaded = false
			return err
		}
	} else if from < d.from {
		if err := d.loadRecent(ctx, tx, from, d.from); err != nil {
			d.loaded = false
			return err
		}
		d.from = from
	}
	ok := false
	defer func() {
		if !ok { // the transaction rolls back: forget what this save taught
			d.loaded = false
		}
	}()

	// What the loop decides is written in a few statements at the end:
	// each article's [id, story, outlet, terms].
	var placed [][4]any
	dfDelta := map[string]int{}
	for _, p := range pending {
		doc := stories.NewDocKnown(p.title, p.text, d.known)
		d.docs++
		for t := range doc.Terms {
			d.df[t]++
			dfDelta[t]++
		}
		for _, t := range doc.Proper {
			d.df["^"+t]++
			dfDelta["^"+t]++
		}
		w := doc.Weigh(d.idf)
		// Candidate stories: those of recent articles sharing one of
		// this one's most distinctive terms; every report of each counts.
		// Terms in very many recent articles are skipped (they say
		// little and would make this quadratic), and so are stories
		// beyond the first maxCandidates.
		var cands []stories.Candidate
		seen := map[int64]bool{}
	terms:
		for _, t := range append(stories.Top(w.All, 8), stories.Top(w.Names, 4)...) {
			list := d.byTerm[t]
			if len(list) > maxPostings || stories.IsNumber(t) {
				continue // common words and bare numbers link nothing on their own
			}
			for i := len(list) - 1; i >= 0; i-- {
				c := list[i]
				if c.gone || seen[c.story] || c.published < p.published-window || c.published > p.published+window {
					continue
				}
				if len(seen) == maxCandidates {
					break terms
				}
				seen[c.story] = true
				members := d.byStory[c.story]
				for _, doc := range members[max(0, len(members)-maxMembers):] {
					if doc.gone {
						continue
					}
					dw := d.weigh(doc)
					cands = append(cands, stories.Candidate{Story: doc.story, Sim: stories.Similarity(w, dw), Hours: float64(p.published-doc.published) / 3600})
				}
			}
		}
		story, _ := stories.Match(cands)
		if story == 0 {
			story = p.id
		}
		kept := doc.Trim(d.idf)
		placed = append(placed, [4]any{p.id, story, stories.Outlet(p.link, p.source), kept.Encode()})
		d.add(&recentDoc{id: p.id, story: story, published: p.published, doc: kept})
	}
	js, err := json.Marshal(placed)
	if err != nil {
		return err
	}
	for _, q := range []string{
		`UPDATE articles SET story = j.value ->> 1, outlet = j.value ->> 2 FROM json_each(?1) j WHERE articles.id = j.value ->> 0`,
		`INSERT OR REPLACE INTO article_terms(article_id, terms) SELECT value ->> 0, value ->> 3 FROM json_each(?1)`,
		`INSERT OR IGNORE INTO stories(id, first, last) SELECT DISTINCT value ->> 1, 0, 0 FROM json_each(?1)`,
		`UPDATE stories SET outlets = x.outlets, articles = x.n, first = x.first, last = x.last FROM (
	SELECT story, count(DISTINCT outlet) AS outlets, count(*) AS n, min(published) AS first, max(published) AS last
	FROM articles WHERE story IN (SELECT DISTINCT value ->> 1 FROM json_each(?1)) GROUP BY story
) x WHERE stories.id = x.story`,
	} {
		if _, err := tx.ExecContext(ctx, q, string(js)); err != nil {
			return err
		}
	}
	delta, err := json.Marshal(dfDelta)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `
INSERT INTO term_df(term, df) SELECT key, value FROM json_each(?) WHERE true
ON CONFLICT(term) DO UPDATE SET df = df + excluded.df`, string(delta)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE discover_meta SET value = value + ? WHERE key = 'docs'", len(pending)); err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, "UPDATE discover_meta SET value = value + 1 WHERE key = 'gen' RETURNING value").Scan(&d.gen); err != nil {
		return err
	}
	ok = true
	return nil
}
