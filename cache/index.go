package cache

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

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
		return indexText(sum, con), nil
	})
}

// indexText is the plain text the full-text index and the story assigner
// read of an article (see newsreader_plain).
func indexText(sum, con string) string {
	text := feed.PlainText(con)
	if sum == con { // one HTML in both (feeds that repeat the summary): nothing to add
		sum = ""
	}
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
	return text
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
//
// Document frequencies are counted in memory as articles are placed and
// written to term_df in bulk (see dfFlushEvery), not in every save
// transaction: a refresh of thousands of articles would otherwise rewrite
// the same few thousand rows of term_df in every batch. unsaved holds the
// counts of committed saves not yet written; a crash loses at most those,
// which only nudges term weights (docs is written with them, so the two
// stay in step).
type discoState struct {
	// dict interns terms for the read-ahead workers and the assigner
	// alike; it only grows, so IDs stay valid across reloads.
	dict    termDict
	mu      sync.Mutex
	loaded  bool
	gen     int64
	docs    int
	terms   []string  // by ID: dict's terms, copied as needed
	dfs     []int32   // document frequency by ID
	props   []int32   // how many articles write it as a name ("^term" in term_df), by ID
	number  []bool    // the term is a number, by ID
	prefix  []uint64  // stories.PrefixKey of the term, by ID
	unsaved indexed   // committed counts not yet in term_df
	savedAt time.Time // when unsaved was last written
	from    int64     // earliest publication time loaded into recent
	recent  map[int64]*recentDoc
	byTerm  [][]*recentDoc // recent articles using each term, by ID
	byStory map[int64][]*recentDoc
	fifo    []*recentDoc // recent in the order added, for eviction
	idfMemo idfMemo
	// assign's scratch for the article being placed.
	scratchDoc stories.FlatDoc
	scratchW   stories.FlatWeighed
	probe      stories.Probe // scratchW's, to compare with the candidates
}

// count adds one to a term's document frequency (or, name, to its count
// as a name), in the cache's counts and in counted.
func (d *discoState) count(id int32, name bool, counted *indexed) {
	if name {
		d.props[id]++
	} else {
		d.dfs[id]++
	}
	counted.add(id, name, 1)
}

// dfFlushEvery is how often a long save writes the document frequencies it
// has counted; the rest are written when the save ends.
const dfFlushEvery = 2 * time.Second

// maxRecent is how many articles the assigner keeps in memory: a new
// article is compared with the latest of them only. The oldest are
// dropped beyond it (their terms freed), which bounds a huge first
// refresh's memory.
const maxRecent = 12000

type recentDoc struct {
	id, story, published int64
	gone                 bool // evicted: no longer compared
	doc                  stories.FlatDoc
	w                    stories.FlatWeighed // doc weighed when the cache held wAt articles
	wAt                  int
	weighed              bool
}

// termDict maps terms to IDs, safe for concurrent use.
type termDict struct {
	mu    sync.RWMutex
	ids   map[string]int32
	terms []string
	// readers are the read-ahead workers' stories.Readers, each reused
	// from one article to the next; they remember this dictionary's IDs
	// (stories.Reader.ReadInterned), which never change.
	readers sync.Pool
}

func (t *termDict) id(term string) int32 {
	t.mu.RLock()
	id, ok := t.ids[term]
	t.mu.RUnlock()
	if ok {
		return id
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if id, ok := t.ids[term]; ok {
		return id
	}
	if t.ids == nil {
		t.ids = map[string]int32{}
	}
	id = int32(len(t.terms))
	term = strings.Clone(term)
	t.ids[term] = id
	t.terms = append(t.terms, term)
	return id
}

// idsOf sets out[i] to the ID of words[i], as id would one after the
// other: every known word under one read lock, then the new ones, in
// order, under one write lock.
func (t *termDict) idsOf(words []string, out []int32) {
	missing := false
	t.mu.RLock()
	for i, w := range words {
		id, ok := t.ids[w]
		if !ok {
			id, missing = -1, true
		}
		out[i] = id
	}
	t.mu.RUnlock()
	if !missing {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.ids == nil {
		t.ids = map[string]int32{}
	}
	for i, w := range words {
		if out[i] >= 0 {
			continue
		}
		id, ok := t.ids[w]
		if !ok {
			// A word is often a slice of its article's text: kept
			// as it is, it would keep the whole text for as long as
			// the dictionary lives, and the dictionary's words would
			// lie scattered over every article that brought one
			// (the assigner, writing an article's terms out, reads
			// them by ID: a cache miss each). Copied, they lie
			// together in the order of their IDs.
			w = strings.Clone(w)
			id = int32(len(t.terms))
			t.ids[w] = id
			t.terms = append(t.terms, w)
		}
		out[i] = id
	}
}

// lookup is a term's ID, if it has one.
func (t *termDict) lookup(term string) (int32, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	id, ok := t.ids[term]
	return id, ok
}

// sync extends the assigner's copies to every term in the dictionary.
func (d *discoState) sync() {
	d.dict.mu.RLock()
	if len(d.dict.terms) > len(d.terms) {
		d.terms = append(d.terms, d.dict.terms[len(d.terms):]...)
	}
	d.dict.mu.RUnlock()
	for len(d.dfs) < len(d.terms) {
		d.dfs = append(d.dfs, 0)
		d.props = append(d.props, 0)
		d.byTerm = append(d.byTerm, nil)
	}
	for len(d.number) < len(d.terms) {
		t := d.terms[len(d.number)]
		d.number, d.prefix = append(d.number, stories.IsNumber(t)), append(d.prefix, stories.PrefixKey(t))
	}
}

// intern gives a term its ID, a new one the first time.
func (d *discoState) intern(t string) int32 {
	id := d.dict.id(t)
	if int(id) >= len(d.dfs) {
		d.sync()
	}
	return id
}

func (d *discoState) term(id int32) string { return d.terms[id] }

func (d *discoState) prefixKey(id int32) uint64 { return d.prefix[id] }

// weigh is doc with IDF applied, weighed again once the cache has grown
// by a tenth since.
func (d *discoState) weigh(doc *recentDoc) stories.FlatWeighed {
	if !doc.weighed || d.docs > doc.wAt+doc.wAt/10+20 {
		doc.doc.WeighInto(d.idf, &doc.w) // its arrays again: the same sizes
		doc.wAt, doc.weighed = d.docs, true
	}
	return doc.w
}

func (d *discoState) idf(id int32) float64 {
	df := d.dfs[id]
	if df < 0 || df >= int32(len(d.idfMemo.v)) { // below 0 only from a damaged term_df
		return stories.IDF(int(df), d.docs)
	}
	// Most terms are rare: the IDF of a small document frequency is
	// worked out once for the current number of documents.
	m := &d.idfMemo
	if m.at[df] != d.docs+1 {
		m.v[df], m.at[df] = stories.IDF(int(df), d.docs), d.docs+1
	}
	return m.v[df]
}

// idfMemo holds IDFs of small document frequencies: v[df] is valid
// while at[df] is the number of documents + 1.
type idfMemo struct {
	v  [256]float64
	at [256]int
}

// known says whether the cache has seen term written as a name (inside a
// sentence, capitalised) in at least half the articles that use it. The
// counts live in term_df under "^term".
func (d *discoState) known(term string) bool {
	id, ok := d.dict.lookup(term)
	return ok && d.knownID(id)
}

// knownID is known for a term's ID.
func (d *discoState) knownID(id int32) bool {
	if id < 0 || int(id) >= len(d.dfs) {
		return false
	}
	p := d.props[id]
	return p > 0 && 2*p >= d.dfs[id]
}

func (d *discoState) add(doc *recentDoc) {
	d.recent[doc.id] = doc
	d.byStory[doc.story] = append(d.byStory[doc.story], doc)
	for _, t := range doc.doc.Terms.IDs {
		l := d.byTerm[t]
		// Drop the evicted first: the list counts recent articles. They
		// lead it, since articles leave in the order they came.
		for len(l) > 0 && l[0].gone {
			l = l[1:]
		}
		if len(l) <= maxPostings { // longer lists are never followed
			l = append(l, doc)
		}
		d.byTerm[t] = l
	}
	d.fifo = append(d.fifo, doc)
	for len(d.recent) > maxRecent && len(d.fifo) > 0 {
		old := d.fifo[0]
		d.fifo[0] = nil
		d.fifo = d.fifo[1:]
		delete(d.recent, old.id)
		old.gone, old.doc, old.w = true, stories.FlatDoc{}, stories.FlatWeighed{}
		if m := d.byStory[old.story]; len(m) > 0 && m[0] == old {
			if len(m) == 1 {
				delete(d.byStory, old.story)
			} else {
				d.byStory[old.story] = m[1:]
			}
		}
	}
}

// load reads the document frequencies (adding the counts not yet
// written) and the terms of every article published from `from` on.
func (d *discoState) load(ctx context.Context, tx *sql.Tx, gen int64, from int64) error {
	clear(d.dfs)
	clear(d.props)
	clear(d.byTerm)
	d.recent, d.byStory = map[int64]*recentDoc{}, map[int64][]*recentDoc{}
	d.fifo = nil
	if err := tx.QueryRowContext(ctx, "SELECT value FROM discover_meta WHERE key = 'docs'").Scan(&d.docs); err != nil {
		return err
	}
	d.docs += d.unsaved.docs
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
		if p, ok := strings.CutPrefix(t, "^"); ok {
			d.props[d.intern(p)] = int32(n)
		} else {
			d.dfs[d.intern(t)] = int32(n)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	d.sync()
	for _, id := range d.unsaved.touched { // counted, not yet written
		d.dfs[id] += d.unsaved.df[id]
		d.props[id] += d.unsaved.props[id]
	}
	d.from = from
	if err := d.loadRecent(ctx, tx, from, 1<<62); err != nil {
		return err
	}
	d.gen, d.loaded = gen, true
	return nil
}

func (d *discoState) loadRecent(ctx context.Context, tx *sql.Tx, from, to int64) error {
	rows, err := readRecent(ctx, tx, from, to)
	for _, r := range rows {
		d.addRow(r)
	}
	return err
}

// addRow adds a stored article to the recent ones.
func (d *discoState) addRow(r recentRow) {
	d.add(&recentDoc{id: r.id, story: r.story, published: r.published,
		doc: stories.Flatten(stories.DecodeDoc(r.terms), d.intern)})
}

// Bounds on the work of placing one article: terms used by more recent
// articles than maxPostings are not followed, at most maxCandidates
// stories are compared, against their latest maxMembers reports.
const (
	maxPostings   = 400
	maxCandidates = 8
	maxMembers    = 4
)

// encode writes a flat Doc in stories.Doc.Encode's format, which
// DecodeDoc reads back. The terms come in the order of their IDs, not
// sorted by name as Doc.Encode writes them: the reader builds a map, and
// sorting them by name took 0.3 s of a 50,000-article refresh.
func (d *discoState) encode(f stories.FlatDoc) string {
	b := make([]byte, 0, 16*(len(f.Terms.IDs)+len(f.Names.IDs)))
	vec := func(v stories.FlatVec) {
		for i, id := range v.IDs {
			if i > 0 {
				b = append(b, ' ')
			}
			b = append(b, d.terms[id]...)
			b = append(b, ' ')
			b = strconv.AppendFloat(b, v.W[i], 'g', 4, 64)
		}
	}
	vec(f.Terms)
	b = append(b, " | "...)
	vec(f.Names)
	if m := f.Marks.Encode(); m != "" {
		b = append(append(b, " | "...), m...)
	}
	return string(b)
}

// newArticle is an article inserted by a save and not yet indexed or
// placed in a story: what the index and the assigner read of it.
type newArticle struct {
	id, published                    int64
	title, link, source, author, cat string
	text                             string        // plain text (indexText)
	fts                              string        // text each word once (ftsBody); "" if not read ahead
	words                            *stories.Text // nil: place reads text
	// What assign decided: the story, the outlet and the stored terms
	// (stories.Doc encoded); terms is "" until it has run.
	story  int64
	outlet string
	terms  string
	// stored: the insert already wrote a story of its own and guess as
	// the outlet, so setStories writes the row only if assign differs.
	stored bool
	guess  string
	// reply is stories.IsReply of the article as it was inserted, read
	// before the placer takes it: the placer reads no field the saver
	// may change meanwhile (saver.adopt sets source).
	reply bool
}

// articlePrep is what indexing reads of an article before it is saved:
// its plain text and its words.
type articlePrep struct {
	text  string
	fts   string // text each word once, for the index (ftsBody)
	words *stories.Text
	reply bool // stories.IsReply of its title, link and source
}

// prepareArticle is prepareArticles for one article (no feed
// boilerplate can be told from one).
func (s *Store) prepareArticle(a feed.Article) articlePrep {
	d := &s.disc.dict
	r, _ := d.readers.Get().(*stories.Reader)
	if r == nil {
		r = new(stories.Reader)
	}
	p := s.prepareText(r, a.Title, indexText(a.Summary, a.Content), nil)
	p.reply = stories.IsReply(a.Title, a.Link, a.Source)
	d.readers.Put(r)
	return p
}

// prepareText is what indexing reads of an article of plain text text:
// its words read by r without the feed's boilerplate paragraphs (drop)
// and dateline credits (storyText), and the text for the index.
func (s *Store) prepareText(r *stories.Reader, title, text string, drop map[string]bool) articlePrep {
	words := r.ReadInterned(title, storyText(text, drop), s.disc.dict.idsOf)
	return articlePrep{text: text, fts: ftsBody(text), words: &words}
}

// indexed counts, by term ID, the articles that use each term (df) and
// those that write it as a name (props): what a transaction's indexing
// counted, or what committed transactions counted and term_df lacks.
type indexed struct {
	df, props []int32
	touched   []int32 // IDs with a count
	docs      int
}

func (x *indexed) add(id int32, name bool, n int32) {
	if n == 0 {
		return
	}
	if int(id) >= len(x.df) {
		size := max(int(id)+1, 2*len(x.df), 1024)
		x.df = append(x.df, make([]int32, size-len(x.df))...)
		x.props = append(x.props, make([]int32, size-len(x.props))...)
	}
	if x.df[id] == 0 && x.props[id] == 0 {
		x.touched = append(x.touched, id)
	}
	if name {
		x.props[id] += n
	} else {
		x.df[id] += n
	}
}

func (x *indexed) merge(y *indexed) {
	for _, id := range y.touched {
		x.add(id, false, y.df[id])
		x.add(id, true, y.props[id])
	}
	x.docs += y.docs
}

func (x *indexed) reset() {
	for _, id := range x.touched {
		x.df[id], x.props[id] = 0, 0
	}
	x.touched, x.docs = x.touched[:0], 0
}

func (x *indexed) empty() bool { return len(x.touched) == 0 && x.docs == 0 }

// indexNew enters the articles a save transaction inserted into the
// full-text index, while the placer (see saver.stream) finishes giving
// them stories, and writes those (setStories); wait returns once the
// placer is done. Then it does the same for any other article still
// without a story (a cache from before discovery, or rows another version
// left), reading those from SQL.
func (s *Store) indexNew(ctx context.Context, q *txq, arts []*newArticle, counted *indexed, placed func() int, wait func()) error {
	tx := q.tx
	// SQLite indexes the text on this goroutine while the placer
	// finishes on its own: it reads nothing from the database.
	err := indexRows(ctx, q, arts)
	if err == nil && len(arts) > 0 {
		err = flushIndex(ctx, q)
	}
	// Then the stories of the articles placed by now (the first of arts:
	// the placer takes them in order), while it places the rest.
	done := 0
	if err == nil && len(arts) > 0 && placed != nil {
		if done = placed(); done > 0 {
			err = s.setStories(ctx, q, arts[:done], false)
		}
	}
	wait()
	if err != nil {
		return err
	}
	if len(arts) > 0 {
		if err := s.setStories(ctx, q, arts[done:], true); err != nil {
			return err
		}
	}
	var left bool
	if err := q.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM articles WHERE story = 0)").Scan(&left); err != nil || !left {
		return err
	}
	if _, err := tx.ExecContext(ctx, `
INSERT INTO articles_fts(rowid, title, body, author, source, categories)
SELECT a.id, newsreader_terms(a.title), newsreader_fts(a.summary, a.content), newsreader_terms(a.author),
	newsreader_terms(a.source), newsreader_terms(replace(a.categories, char(31), ' '))
FROM articles a WHERE a.story = 0 AND NOT EXISTS (SELECT 1 FROM articles_fts f WHERE f.rowid = a.id)`); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `
SELECT a.id, a.published, a.link, a.source, a.title, newsreader_plain(a.summary, a.content)
FROM articles a WHERE a.story = 0 ORDER BY a.published, a.id`)
	if err != nil {
		return err
	}
	var pending []*newArticle
	for rows.Next() {
		p := new(newArticle)
		if err := rows.Scan(&p.id, &p.published, &p.link, &p.source, &p.title, &p.text); err != nil {
			rows.Close()
			return err
		}
		p.reply = stories.IsReply(p.title, p.link, p.source)
		pending = append(pending, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return s.place(ctx, q, pending, counted)
}

// place gives every pending article a story (assign) and writes it
// (setStories): the articles of a cache from before discovery.
func (s *Store) place(ctx context.Context, q *txq, pending []*newArticle, counted *indexed) error {
	if len(pending) == 0 {
		return nil
	}
	if err := s.assign(ctx, q.tx, slices.Clone(pending), counted); err != nil {
		return err
	}
	return s.setStories(ctx, q, pending, true)
}

// setStories writes the stories assign gave articles into their rows, then
// the rest (record).
func (s *Store) setStories(ctx context.Context, q *txq, placed []*newArticle, bump bool) error {
	set, err := q.PrepareContext(ctx, "UPDATE articles SET story = ?, outlet = ? WHERE id = ?")
	if err != nil {
		return err
	}
	for _, p := range placed {
		// The outlet is worked out here, not by the placer: the source
		// may change after it placed the article (saver.adopt).
		p.outlet = stories.Outlet(p.link, p.source)
		if p.stored && p.story == p.id && p.outlet == p.guess {
			continue
		}
		if _, err := set.ExecContext(ctx, p.story, p.outlet, p.id); err != nil {
			return err
		}
	}
	return s.record(ctx, q, placed, bump)
}

// assign gives every article (taken in publication order) a story, inside
// the save's transaction: it compares each with the articles published
// within stories.WindowHours of it that share its most distinctive terms,
// joins the story of the most similar one when they are alike enough,
// else starts a story of its own (the article's ID). It fills each one's
// story, outlet and terms, and counts the document frequencies into
// counted. What it learns stays in memory: if the transaction does not
// commit, forget must be called (saver.abandon does).
func (s *Store) assign(ctx context.Context, tx *sql.Tx, pending []*newArticle, counted *indexed) error {
	if len(pending) == 0 {
		return nil
	}
	sortByPublished(pending)
	if err := s.disc.ready(ctx, tx, pending[0].published); err != nil {
		return err
	}
	d := &s.disc
	d.mu.Lock()
	defer d.mu.Unlock()
	d.assign(pending, counted)
	return nil
}

// sortByPublished puts articles in the order assign takes them.
func sortByPublished(arts []*newArticle) {
	slices.SortFunc(arts, func(a, b *newArticle) int {
		if a.published != b.published {
			return cmp.Compare(a.published, b.published)
		}
		return cmp.Compare(a.id, b.id)
	})
}

// ready makes the assigner's memory current for placing articles
// published from `from` on: it reads it again when another process has
// saved since, or the articles before `from` it lacks.
func (d *discoState) ready(ctx context.Context, tx *sql.Tx, from int64) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	var gen int64
	if err := tx.QueryRowContext(ctx, "SELECT value FROM discover_meta WHERE key = 'gen'").Scan(&gen); err != nil {
		return err
	}
	from -= int64(stories.WindowHours * 3600)
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
	return nil
}

// placer runs discoState.assign on its own goroutine over the jobs a save
// transaction sends it (saver.stream).
type placer struct {
	jobs chan placeJob
	done chan struct{}
	// placed counts the jobs done; sent holds, by job, how many of the
	// transaction's fresh articles had been sent once it was (the
	// saver's).
	placed atomic.Int32
	sent   []int
	// from is the earliest publication time the assigner's memory will
	// cover once the jobs sent are done; the saver's copy.
	from int64
}

// placeJob is articles to place, after adding the stored articles
// (recent) published from `from` on that the assigner's memory lacked.
type placeJob struct {
	recent []recentRow
	from   int64
	arts   []*newArticle
}

// recentRow is a stored article's story and terms, read by readRecent.
type recentRow struct {
	id, story, published int64
	terms                string
}

// startPlacer starts placing, counting document frequencies into counted
// (the placer's until finish returns), holding a slot of gate for each
// job; ready must have run.
func (d *discoState) startPlacer(counted *indexed, gate *feed.Gate) *placer {
	d.mu.Lock()
	p := &placer{jobs: make(chan placeJob, 64), done: make(chan struct{}), from: d.from}
	d.mu.Unlock()
	go func() {
		defer close(p.done)
		for job := range p.jobs {
			// The saver waits for the placer before it commits: the
			// placer goes ahead of the work that feeds them, like the
			// saver.
			gate.Hold()
			d.mu.Lock()
			for _, r := range job.recent {
				d.addRow(r)
			}
			if job.recent != nil {
				d.from = job.from
			}
			d.assign(job.arts, counted)
			d.mu.Unlock()
			p.placed.Add(1)
			gate.Release()
		}
	}()
	return p
}

// placedFresh is how many of the transaction's fresh articles, from the
// first, the placer has placed: those of the jobs it has done.
func (p *placer) placedFresh() int {
	if n := int(p.placed.Load()); n > 0 {
		return p.sent[n-1]
	}
	return 0
}

// finish waits until every article sent is placed.
func (p *placer) finish() {
	close(p.jobs)
	<-p.done
}

// readRecent reads the stored articles published in [from, to) with their
// stories and terms, oldest first.
func readRecent(ctx context.Context, tx *sql.Tx, from, to int64) ([]recentRow, error) {
	rows, err := tx.QueryContext(ctx, `
SELECT a.id, a.story, a.published, t.terms FROM articles a JOIN article_terms t ON t.article_id = a.id
WHERE a.published >= ? AND a.published < ? AND a.story != 0 ORDER BY a.published, a.id`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []recentRow{}
	for rows.Next() {
		var r recentRow
		if err := rows.Scan(&r.id, &r.story, &r.published, &r.terms); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// assign is Store.assign after ready, in memory only, with d.mu held:
// articles sorted by publication.
func (d *discoState) assign(pending []*newArticle, counted *indexed) {
	window := int64(stories.WindowHours * 3600)
	for _, p := range pending {
		words := p.words
		if words == nil {
			x := stories.Read(p.title, storyText(p.text, nil))
			x.Intern(d.dict.id)
			words = &x
		}
		d.docs++
		counted.docs++
		d.sync() // the words' IDs may be newer than the last sync
		// The article's whole vectors live in the assigner's scratch
		// until TrimTo copies out what is kept.
		words.FlatIDsInto(d.knownID, &d.scratchDoc)
		fd := d.scratchDoc
		for _, id := range fd.Terms.IDs {
			d.count(id, false, counted)
		}
		for _, id := range words.ProperIDs() {
			d.count(id, true, counted)
		}
		// What the headline, link and feed say beyond the words: a
		// reply, the instance of a recurring event (stories.Marks).
		marks := stories.Marks{Reply: p.reply, Instance: words.Instances()}
		fd.WeighInto(d.idf, &d.scratchW)
		w := d.scratchW
		d.probe.Reset(w)
		topAll, topNames := stories.TopFlat(w.All, stories.MaxStored, d.term, d.prefixKey), stories.TopFlat(w.Names, stories.MaxStored/2, d.term, d.prefixKey)
		// Candidate stories: those of recent articles sharing one of
		// this one's most distinctive terms; every report of each counts.
		// Terms in very many recent articles are skipped (they say
		// little and would make this quadratic), and so are stories
		// beyond the first maxCandidates.
		var cands []stories.Candidate
		var seen []int64
		// A term no recent article holds yet links nothing either: the
		// eight are the most distinctive that some recent article holds
		// (the bigrams of an unspaced script, most of them met once, would
		// otherwise take every place).
		var linking []int32
		for _, t := range topAll {
			if len(linking) == 8 {
				break
			}
			if n := len(d.byTerm[t]); n > 0 && n <= maxPostings && !d.number[t] {
				linking = append(linking, t)
			}
		}
	terms:
		for _, t := range append(linking, topNames[:min(4, len(topNames))]...) {
			list := d.byTerm[t]
			if len(list) > maxPostings || d.number[t] {
				continue // common words and bare numbers link nothing on their own
			}
			for i := len(list) - 1; i >= 0; i-- {
				c := list[i]
				if c.gone || slices.Contains(seen, c.story) || c.published < p.published-window || c.published > p.published+window {
					continue
				}
				if len(seen) == maxCandidates {
					break terms
				}
				seen = append(seen, c.story)
				members := d.byStory[c.story]
				for _, doc := range members[max(0, len(members)-maxMembers):] {
					if doc.gone {
						continue
					}
					dw := d.weigh(doc)
					cands = append(cands, stories.Candidate{Story: doc.story, Sim: d.probe.SimilarityAt(dw, float64(p.published-doc.published)/3600, d.term), Hours: float64(p.published-doc.published) / 3600,
						Apart: stories.Apart(marks, doc.doc.Marks)})
				}
			}
		}
		story, _ := stories.Match(cands)
		if story == 0 {
			story = p.id
		}
		kept := fd.TrimTo(topAll, topNames)
		kept.Marks = marks
		p.story, p.terms = story, d.encode(kept)
		d.add(&recentDoc{id: p.id, story: story, published: p.published, doc: kept})
	}
}

// forget drops the assigner's memory, to be read again from the cache:
// a transaction that assigned stories did not commit.
func (d *discoState) forget() {
	d.mu.Lock()
	d.loaded = false
	d.mu.Unlock()
}

// record writes what assign decided for articles already carrying their
// story: their terms, the new stories with their counts, and the stories
// they joined counted again; then, with bump, it moves the generation
// on, so other processes reload. A transaction's articles may be recorded
// in parts (see indexNew); the last part bumps.
func (s *Store) record(ctx context.Context, q *txq, placed []*newArticle, bump bool) error {
	terms, err := q.PrepareContext(ctx, "INSERT INTO article_terms(article_id, terms) VALUES (?1, ?2) ON CONFLICT(article_id) DO UPDATE SET terms = ?2")
	if err != nil {
		return err
	}
	newStory, err := q.PrepareContext(ctx, "INSERT OR IGNORE INTO stories(id, outlets, articles, first, last) VALUES (?1, 1, 1, ?2, ?2)")
	if err != nil {
		return err
	}
	// A story of its own is new: one article, one outlet. The stories
	// an article joined are counted again below.
	recount := map[int64]bool{}
	any := false
	for _, p := range placed {
		if p.terms == "" {
			continue // not assigned (indexing is off)
		}
		any = true
		if _, err := terms.ExecContext(ctx, p.id, p.terms); err != nil {
			return err
		}
		if p.id != p.story {
			recount[p.story] = true
			continue
		}
		r, err := newStory.ExecContext(ctx, p.story, p.published)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			recount[p.story] = true
		}
	}
	if !any && !bump {
		return nil
	}
	// Each story touched, counted again over its articles (one indexed
	// lookup each; a join over the batch made SQLite walk every story).
	sum, err := q.PrepareContext(ctx, `UPDATE stories SET (outlets, articles, first, last) =
	(SELECT count(DISTINCT outlet), count(*), min(published), max(published) FROM articles WHERE story = ?1) WHERE id = ?1`)
	if err != nil {
		return err
	}
	for st := range recount {
		if _, err := sum.ExecContext(ctx, st); err != nil {
			return err
		}
	}
	if !bump {
		return nil
	}
	d := &s.disc
	d.mu.Lock()
	defer d.mu.Unlock()
	return q.QueryRowContext(ctx, "UPDATE discover_meta SET value = value + 1 WHERE key = 'gen' RETURNING value").Scan(&d.gen)
}

// indexRows enters new articles into the full-text index, many rows to a
// statement: FTS5 writes its pending terms out as a new segment at the
// end of every statement (and the rows of one large JSON argument cost
// SQLite more the longer the whole text is). A thousand rows (6,000
// parameters) rather than 200 make most save transactions one segment:
// a third less of the index's flushing and merging in a 500x100 refresh.
//
// The statements are kept (txq) for a few row counts, each twice the
// last, up to indexPer: a chunk takes the smallest that holds it and
// leaves its other rows NULL, which the statement skips. Compiling a
// statement of the chunk's own size in every transaction cost more than
// the binding of those NULLs.
func indexRows(ctx context.Context, q *txq, arts []*newArticle) error {
	for lo := 0; lo < len(arts); lo += indexPer {
		chunk := arts[lo:min(lo+indexPer, len(arts))]
		rows := indexRowsFor(len(chunk))
		st, err := q.PrepareContext(ctx, indexStatement(rows))
		if err != nil {
			return err
		}
		args := make([]any, 6*rows)
		for i, a := range chunk {
			body := a.fts
			if body == "" {
				body = ftsBody(a.text)
			}
			// The same terms as newsreader_terms gives the catch-up above
			// and the trigger articles_fts_changed.
			row := args[6*i : 6*i+6]
			row[0], row[1], row[2], row[3], row[4], row[5] = a.id, ftsColumn(a.title), body, ftsColumn(a.author), ftsColumn(a.source), ftsColumn(a.cat)
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return err
		}
	}
	return nil
}

// flushIndex writes the index's pending terms out as the transaction's
// segment now. FTS5 does it at the next savepoint, which the first write
// of setStories would open after the wait for the placer: flushing (and
// the merging it starts) is a fifth of the writer's work, and done before
// the wait it gives the placer that much longer to finish first.
func flushIndex(ctx context.Context, q *txq) error {
	if _, err := q.ExecContext(ctx, "SAVEPOINT index_flush"); err != nil {
		return err
	}
	_, err := q.ExecContext(ctx, "RELEASE index_flush")
	return err
}

// indexPer is the most rows indexRows enters with one statement.
const indexPer = 1024

// indexRowsFor is the row count of the statement that enters n rows
// (1 <= n <= indexPer): a power of two from 16.
func indexRowsFor(n int) int {
	rows := 16
	for rows < n {
		rows *= 2
	}
	return min(rows, indexPer)
}

// indexStatement is indexRows' statement for rows rows; a row whose ID
// is NULL is skipped.
func indexStatement(rows int) string {
	return `
INSERT INTO articles_fts(rowid, title, body, author, source, categories)
SELECT column1, column2, column3, column4, column5, column6 FROM (VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?), ", rows), ", ") + `) v
WHERE v.column1 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM articles_fts f WHERE f.rowid = v.column1)`
}

// saveCounts writes document frequencies counted by committed saves
// (d.unsaved) and by the transaction about to commit (now), inside tx.
func (d *discoState) saveCounts(ctx context.Context, tx *sql.Tx, now *indexed) error {
	d.mu.Lock()
	d.sync()
	delta := make(map[string]int, len(d.unsaved.touched)+len(now.touched))
	for _, x := range []*indexed{&d.unsaved, now} {
		for _, id := range x.touched {
			if n := x.df[id]; n != 0 {
				delta[d.terms[id]] += int(n)
			}
			if n := x.props[id]; n != 0 {
				delta["^"+d.terms[id]] += int(n)
			}
		}
	}
	docs := d.unsaved.docs + now.docs
	d.mu.Unlock()
	if len(delta) == 0 && docs == 0 {
		return nil
	}
	js, err := json.Marshal(delta)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `
INSERT INTO term_df(term, df) SELECT key, value FROM json_each(?) WHERE true
ON CONFLICT(term) DO UPDATE SET df = df + excluded.df`, string(js)); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE discover_meta SET value = value + ? WHERE key = 'docs'", docs)
	return err
}

// committed records, after a commit, the counts of that transaction:
// written says whether it also wrote every unsaved count (saveCounts).
func (d *discoState) committed(now *indexed, written bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if written {
		d.unsaved.reset()
		d.savedAt = time.Now()
		return
	}
	d.unsaved.merge(now)
}

// countsDue says whether unsaved counts have waited dfFlushEvery.
func (d *discoState) countsDue() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.savedAt.IsZero() {
		d.savedAt = time.Now()
	}
	return time.Since(d.savedAt) > dfFlushEvery
}

// hasUnsaved says whether some counts wait to be written.
func (d *discoState) hasUnsaved() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return !d.unsaved.empty()
}
