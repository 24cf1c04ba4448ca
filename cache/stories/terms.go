// Package stories turns an article's text into weighted terms and decides
// which story a new article belongs to. Everything here is pure: the cache
// feeds it text, document frequencies and candidates, and stores what it
// returns.
package stories

import (
	"math"
	"net"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Vector maps a term to its raw weight in one article: how often it
// occurs (title occurrences count more), boosted for names and numbers.
// Multiply by IDF before comparing.
type Vector map[string]float64

// Weights of where and what a term is.
const (
	titleWeight  = 3.0
	nameBoost    = 1.6
	numberBoost  = 1.4
	bodyTokenCap = 300 // only the first words of the body describe the event
	// MaxStored is how many terms of an article are kept.
	MaxStored = 40
)

// token is one word of a text with what its spelling says about it.
type token struct {
	term    string
	capital bool // starts with an upper-case letter
	initial bool // first word of a sentence (or of the text)
	number  bool
	line    int // which line of the text
}

// tokenize splits text into words: runs of letters and digits, where a
// '.' or ',' between two digits stays inside the number ("2.6", "12,000").
func tokenize(text string, limit int) []token { return tokenizeInto(nil, text, limit) }

// tokenizeInto is tokenize appending to out.
func tokenizeInto(out []token, text string, limit int) []token {
	if out == nil {
		out = make([]token, 0, min(len(text)/5+1, 512))
	}
	initial := true
	i, line := 0, 0
	for i < len(text) && (limit <= 0 || len(out) < limit) {
		r, n := runeAt(text, i)
		if !isLetter(r) && !isDigit(r) {
			if r == '\n' {
				line++
			}
			if r == '.' || r == '!' || r == '?' || r == ':' || r == '\n' || r == '"' || r == '\u201c' || r == '|' || r == '\u2014' {
				initial = true
			}
			i += n
			continue
		}
		if r >= 0x0E00 && UnspacedUnit(r) {
			out, i = appendRun(out, text, i, initial, limit, line)
			initial = false
			continue
		}
		start, first := i, len(out)
		digits, letters := 0, 0
		lower := true // ToLower would not change the word: ASCII, no capital
		for i < len(text) {
			if c := text[i]; 'a' <= c && c <= 'z' {
				letters++
				i++
				continue
			} else if 'A' <= c && c <= 'Z' {
				letters++
				lower = false
				i++
				continue
			} else if '0' <= c && c <= '9' {
				digits++
				i++
				continue
			}
			r, n := runeAt(text, i)
			if r >= utf8.RuneSelf {
				lower = false
			}
			switch {
			case r >= 0x0E00 && UnspacedUnit(r):
				goto done // a run of unspaced letters is read apart ("iPhone発売")
			case isLetter(r):
				letters++
			case isDigit(r):
				digits++
			case r == '\'' || r == '\u2019':
				// possessive or contraction: keep the stem, drop "'s"
				if i+n < len(text) && (text[i+n] == 's' || text[i+n] == 'S') && (i+n+1 == len(text) || !isWordByte(text[i+n+1])) {
					w := text[start:i]
					out = appendToken(out, w, initial, digits, letters, lower)
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
		out = appendToken(out, text[start:i], initial, digits, letters, lower)
		initial = false
	next:
		for k := first; k < len(out); k++ {
			out[k].line = line
		}
	}
	return out
}

// runeAt is utf8.DecodeRuneInString(text[i:]), quicker for ASCII.
func runeAt(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// isLetter is unicode.IsLetter, quicker for ASCII.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// isDigit is unicode.IsDigit, quicker for ASCII.
func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// appendToken adds word w; lower says ToLower would leave it as it is.
func appendToken(out []token, w string, initial bool, digits, letters int, lower bool) []token {
	if w == "" {
		return out
	}
	t := token{initial: initial, number: digits > 0 && letters == 0}
	if c := w[0]; c < utf8.RuneSelf {
		t.capital = 'A' <= c && c <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(w)
		t.capital = unicode.IsUpper(r)
	}
	if lower {
		t.term = stripSuffix(w)
	} else {
		t.term = Normalize(w)
	}
	if t.number {
		t.term = strings.ReplaceAll(w, ",", "")
	}
	return append(out, t)
}

// Normalize lower-cases a word and strips a plural or verb "s" and a few
// suffixes, so "rates" and "rate", "cuts" and "cut" meet.
func Normalize(w string) string { return stripSuffix(strings.ToLower(w)) }

// stripSuffix is Normalize of a word in lower case.
func stripSuffix(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// Text is an article's words, read and counted: the part of building its
// Doc that needs nothing from the cache, so it can run beside the save
// (on another core). Doc finishes it.
type Text struct {
	terms  []termStat // in order of first use
	proper []string
	// IDs of terms and proper, once Intern has run, and the indexes of
	// terms in the order of their IDs.
	ids, properIDs, byID []int32
	// flat is the kept terms once interned, in the order of their IDs,
	// as FlatIDs needs them. A Text from ReadInterned has only flat and
	// properIDs: it waits in the save's read-ahead for the assigner, and
	// holding no strings it costs the collector nothing to scan.
	flat []flatStat
	// instances are the instances of recurring events the title and the
	// opening sentence number (InstanceMarks): read here, beside the
	// save, rather than by the assigner.
	instances []Mark
}

// Instances are the instances of recurring events the article's title
// and opening sentence number (see InstanceMarks).
func (x Text) Instances() []Mark { return x.instances }

// flatStat is an interned kept term: termStat without its text, its
// counts as integers (they are sums of whole weights), 20 bytes rather
// than 40: a refresh's read-ahead holds one for every term of every
// article waiting for the assigner.
type flatStat struct {
	tf, lead, leadNum uint32
	id                int32
	flags             uint8 // sure, maybe, number, year
}

const (
	flatSure = 1 << iota
	flatMaybe
	flatNumber
	flatYear
)

func (st *termStat) flatStat(id int32) flatStat {
	f := flatStat{tf: count32(st.tf), lead: count32(st.lead), leadNum: count32(st.leadNum), id: id}
	for i, b := range [...]bool{st.sure, st.maybe, st.number, st.year} {
		if b {
			f.flags |= 1 << i
		}
	}
	return f
}

// count32 is a whole count as a uint32 (saturating).
func count32(x float64) uint32 { return uint32(min(x, math.MaxUint32)) }

// logTab[n] is 1 + log(n), for the counts of most terms.
var logTab = func() (t [1024]float64) {
	for n := range t {
		t[n] = 1 + math.Log(float64(n))
	}
	return
}()

// logCount is 1 + log(n) for n > 0.
func logCount(n uint32) float64 {
	if n < uint32(len(logTab)) {
		return logTab[n]
	}
	return 1 + math.Log(float64(n))
}

// weights is termStat.weights, with known asked by ID.
func (st *flatStat) weights(known func(int32) bool) (w, n float64, named bool) {
	return st.weigh(st.flags&flatSure != 0 || st.flags&flatMaybe != 0 && known != nil && known(st.id))
}

// weigh is the term's raw weight in Terms and, when it has one (named),
// in Names, name saying whether it is a name.
func (st *flatStat) weigh(name bool) (w, n float64, named bool) {
	w = logCount(st.tf)
	number, year := st.flags&flatNumber != 0, st.flags&flatYear != 0
	if name {
		w *= nameBoost
	} else if number && !year {
		w *= numberBoost
	}
	// A name's every use in the lead counts; otherwise its figures.
	switch {
	case name:
		if st.lead == 0 {
			return w, 0, false
		}
		return w, logCount(st.lead), true
	case year:
		return w, 0, false
	}
	if st.leadNum == 0 {
		return w, 0, false
	}
	return w, logCount(st.leadNum), true
}

// FlatIDs is Flat for an interned Text, with known asked by ID: the
// same FlatDoc Flat gives when known(id(t)) is known(t).
func (x Text) FlatIDs(known func(int32) bool) FlatDoc {
	f := FlatDoc{
		Terms: FlatVec{IDs: make([]int32, 0, len(x.flat)), W: make([]float64, 0, len(x.flat))},
		Names: FlatVec{IDs: make([]int32, 0, 8), W: make([]float64, 0, 8)},
		Named: make([]bool, 0, len(x.flat)),
	}
	x.FlatIDsInto(known, &f)
	return f
}

// FlatIDsInto is FlatIDs, reusing the arrays *f holds.
func (x Text) FlatIDsInto(known func(int32) bool, into *FlatDoc) {
	f := FlatDoc{
		Terms: FlatVec{IDs: into.Terms.IDs[:0], W: into.Terms.W[:0]},
		Names: FlatVec{IDs: into.Names.IDs[:0], W: into.Names.W[:0]},
		Named: into.Named[:0],
	}
	for i := range x.flat {
		st := &x.flat[i]
		w, n, named := st.weights(known)
		f.Terms.IDs, f.Terms.W = append(f.Terms.IDs, st.id), append(f.Terms.W, w)
		if named {
			f.Names.IDs, f.Names.W = append(f.Names.IDs, st.id), append(f.Names.W, n)
		}
	}
	f.name()
	*into = f
}

// Intern gives every term and proper word its ID by id ahead of Flat
// (which then looks nothing up).
func (x *Text) Intern(id func(string) int32) {
	x.ids = make([]int32, len(x.terms))
	for i, st := range x.terms {
		x.ids[i] = id(st.term)
	}
	x.properIDs = make([]int32, len(x.proper))
	for i, t := range x.proper {
		x.properIDs[i] = id(t)
	}
	x.orderIDs()
}

// InternAll is Intern with one call for every word: ids(words, out)
// sets out[i] to the ID of words[i] as id would, in order (so a
// dictionary gives new words the IDs Intern would have given them).
func (x *Text) InternAll(ids func(words []string, out []int32)) {
	words := make([]string, 0, len(x.terms)+len(x.proper))
	for _, st := range x.terms {
		words = append(words, st.term)
	}
	words = append(words, x.proper...)
	all := make([]int32, len(words))
	ids(words, all)
	x.ids, x.properIDs = all[:len(x.terms):len(x.terms)], all[len(x.terms):]
	x.orderIDs()
}

// ProperIDs is Proper interned (nil before Intern).
func (x Text) ProperIDs() []int32 { return x.properIDs }

// termStat is what an article's text says of one kept term.
type termStat struct {
	term    string
	tf      float64 // raw weight (title counts titleWeight)
	lead    float64 // in the title (2 each) and the lead (1 each)
	leadNum float64 // the same, of the tokens written as numbers ("000" but not "000s")
	sure    bool    // a name: capitalised inside a sentence here
	maybe   bool    // capitalised only where a sentence starts, never in lower case: a name if known
	number  bool    // isNumber(term): weighs numberBoost
	year    bool
}

// Read reads an article's title and plain-text body: what read and doc
// do token by token, with one lookup a token (it runs for every article
// of a refresh).
func Read(title, body string) Text {
	r := Reader{oneOff: true}
	return r.Read(title, body)
}

// Reader reads articles as Read does, reusing its working memory from one
// article to the next: the token slices, and what it knows of every term
// it has met (whether it is a stop word, whether it is longer than one
// letter), so each token costs one lookup. The zero Reader is ready; it
// is not for concurrent use.
type Reader struct {
	sc     readScratch
	oneOff bool // reads one article: no need to copy the terms it keeps
}

// Read is Read.
func (r *Reader) Read(title, body string) Text {
	x := r.read(title, body, false)
	r.sc.reset()
	return x
}

// ReadInterned is Read with its words interned as InternAll(ids) does,
// for a Reader that is only ever used with one dictionary whose IDs never
// change: it remembers the ID of every word it has met and hands ids only
// the words it has not (in the order InternAll would, so new words get
// the IDs InternAll would give them).
func (r *Reader) ReadInterned(title, body string, ids func(words []string, out []int32)) Text {
	x := r.read(title, body, true)
	sc := &r.sc
	defer sc.reset()
	all := make([]int32, len(x.terms)+len(x.proper))
	words, at := sc.words[:0], sc.at[:0]
	give := func(i int, k int32, w string) {
		if id1 := sc.info[k].id1; id1 != 0 {
			all[i] = id1 - 1
			return
		}
		words, at = append(words, w), append(at, [2]int32{int32(i), k})
	}
	for i, st := range x.terms {
		give(i, sc.statInfo[i], st.term)
	}
	for j, w := range x.proper {
		k, _ := sc.known.get(w)
		give(len(x.terms)+j, k, w)
	}
	if len(words) > 0 {
		got := make([]int32, len(words))
		ids(words, got)
		for m, a := range at {
			all[a[0]] = got[m]
			sc.info[a[1]].id1 = got[m] + 1
		}
	}
	clear(words)
	sc.words, sc.at = words[:0], at[:0]
	// Only the interned form is kept: the terms stay in the scratch.
	// In ID order: the IDs sorted with each term's index beside it (a
	// sort of plain integers, about four times cheaper than sorting the
	// stats themselves), the stats then made in that order.
	keys := sc.keys[:0]
	for i := range x.terms {
		keys = append(keys, uint64(uint32(all[i])^1<<31)<<32|uint64(i))
	}
	sc.radix = sortByID(keys, sc.radix)
	x.flat = make([]flatStat, len(x.terms))
	for j, k := range keys {
		i := uint32(k)
		x.flat[j] = x.terms[i].flatStat(all[i])
	}
	sc.keys = keys[:0]
	x.properIDs = all[len(x.terms):]
	x.terms = nil
	return x
}

// read reads an article, leaving what ReadInterned needs in the scratch;
// the caller resets it.
// With interned, Text.terms is the scratch's, for ReadInterned to read
// before the next article.
func (r *Reader) read(title, body string, interned bool) Text {
	sc := &r.sc
	sc.epoch++
	sc.tt, sc.bt = tokenizeInto(sc.tt[:0], title, 0), tokenizeInto(sc.bt[:0], body, bodyTokenCap)
	tt, bt := sc.tt, sc.bt
	if sc.info == nil {
		n := len(tt) + len(bt)/2 + 8 // about the distinct terms of an article
		sc.info = make([]termInfo, 0, n)
		sc.seen = make([]seen, 0, n)
		sc.statInfo = make([]int32, 0, n)
	}
	// What is known of each term, found once for every token.
	lookup := func(ts []token, es []int32) []int32 {
		for _, t := range ts {
			k, ok := sc.known.get(t.term)
			if !ok {
				k = int32(len(sc.info))
				sc.info = append(sc.info, termInfo{long: utf8.RuneCountInString(t.term) > 1, stop: stop[t.term]})
				if r.oneOff {
					sc.known.put(t.term, k)
				} else { // kept for later articles: not a slice of this one's text
					sc.known.putCopy(t.term, k)
				}
			}
			in := &sc.info[k]
			if in.epoch != sc.epoch { // first use in this article
				in.epoch, in.local = sc.epoch, int32(len(sc.seen))
				sc.seen = append(sc.seen, seen{term: t.term, stat: -1, info: k, long: in.long, stop: in.stop})
			}
			es = append(es, in.local)
		}
		return es
	}
	sc.te, sc.be = lookup(tt, sc.te[:0]), lookup(bt, sc.be[:0])
	te, be, all := sc.te, sc.be, sc.seen
	// titleCase, with the stop words known.
	titled := func(ts []token, es []int32) (int, float64) {
		return titleCaseBy(ts, func(i int) bool { return all[es[i]].stop })
	}
	// The kept terms are gathered in the scratch and copied out at their
	// number (far fewer than the distinct words, stop words included).
	out := Text{terms: sc.stats[:0]}
	visit := func(t *token, e *seen, marked bool, w, lw float64) {
		if marked && !t.number { // as read's mark
			switch {
			case !t.capital:
				e.lower = true
			case !t.initial:
				e.proper, e.capital = true, true
			default:
				e.capital = true
			}
		}
		// keep, per token: a term may be written both ways ("5" and "5s").
		if t.number && t.term == "0" || t.number && t.term == "1" || !t.number && (!e.long || e.stop) {
			return
		}
		if e.stat < 0 {
			e.stat = int32(len(out.terms))
			out.terms = append(out.terms, termStat{term: t.term, number: isNumber(t.term), year: isYear(t.term)})
			sc.statInfo = append(sc.statInfo, e.info)
		}
		st := &out.terms[e.stat]
		st.tf += w
		st.lead += lw
		if t.number {
			st.leadNum += lw
		}
		if !t.number && t.capital {
			e.capAt = true
		}
	}
	words, caps := titled(tt, te)
	for i := range tt {
		visit(&tt[i], &all[te[i]], words == 0 || caps < 0.6, titleWeight, 2)
	}
	var ends []bool
	for lo := 0; lo < len(bt); {
		hi := lo + 1
		for hi < len(bt) && bt[hi].line == bt[lo].line {
			hi++
		}
		marked := true
		if words, caps := titled(bt[lo:hi], be[lo:hi]); words >= 2 && words <= 14 && caps >= 0.6 && sentences(bt[lo:hi]) <= 1 {
			marked = endsSentence(&ends, body, bt[lo].line) // a headline or a credit, unless it ends like prose
		}
		for i := lo; i < hi; i++ {
			lw := 0.0
			if i < leadTokens {
				lw = 1
			}
			visit(&bt[i], &all[be[i]], marked, 1, lw)
		}
		lo = hi
	}
	for i := range all {
		e := &all[i]
		if e.stat >= 0 {
			st := &out.terms[e.stat]
			st.sure = e.proper // only words that start with a letter are capitalised
			st.maybe = !e.proper && e.capAt && !e.lower
		}
		if e.capital && !e.lower && !e.stop {
			out.proper = append(out.proper, e.term)
		}
	}
	sort.Strings(out.proper)
	out.instances = InstanceMarks(title, body)
	sc.stats = out.terms[:0]
	if !interned {
		out.terms = slices.Clone(out.terms)
	}
	return out
}

// seen is what Read knows of one distinct term of an article.
type seen struct {
	term                          string
	stat                          int32 // index in Text.terms, -1 for a term not kept
	info                          int32 // index in readScratch.info
	long, stop                    bool  // more than one letter; a stop word
	lower, proper, capital, capAt bool
}

// termInfo is what a Reader knows of a term it has met.
type termInfo struct {
	long, stop bool   // more than one letter; a stop word
	epoch      uint32 // the article that last used it
	local      int32  // its index in seen in that article
	id1        int32  // its ID + 1 in ReadInterned's dictionary; 0 not known yet
}

// readScratch is Read's working memory: the tokens of title and body,
// every term met (info, indexed through known), the distinct terms of
// the article being read (seen) and each token's index in seen.
type readScratch struct {
	tt, bt []token
	known  termIndex
	info   []termInfo
	epoch  uint32 // counts the articles read
	seen   []seen
	te, be []int32
	// statInfo is the index in info of each of the article's kept terms
	// (Text.terms); words and at, ReadInterned's words to intern and
	// where each goes ([index in its IDs, index in info]).
	statInfo []int32
	stats    []termStat // Text.terms while it is being read
	words    []string
	at       [][2]int32
	keys     []uint64 // ReadInterned's sort keys
	radix    []uint64 // sortByID's scratch
}

// maxKnown bounds the terms a Reader remembers; beyond it, it starts
// afresh.
const maxKnown = 1 << 15

// reset prepares the scratch for the next article: all of it afresh when
// a huge title made it too big to keep or it knows too many terms.
func (sc *readScratch) reset() {
	if len(sc.seen) > 4096 || len(sc.tt) > 4096 || len(sc.info) > maxKnown || sc.epoch == math.MaxUint32 {
		*sc = readScratch{}
		return
	}
	sc.tt, sc.bt, sc.seen, sc.statInfo = sc.tt[:0], sc.bt[:0], sc.seen[:0], sc.statInfo[:0]
}

// each calls f with every term's raw weight in Terms and, when it has
// one, in Names.
func (x Text) each(known func(string) bool, f func(term string, w float64, n float64, named bool)) {
	for i := range x.terms {
		st := &x.terms[i]
		w, n, named := st.weights(known)
		f(st.term, w, n, named)
	}
}

// weights is a term's raw weight in Terms and, when it has one (named),
// in Names.
func (st *termStat) weights(known func(string) bool) (w, n float64, named bool) {
	f := st.flatStat(0)
	return f.weigh(st.sure || st.maybe && known != nil && known(st.term))
}

// orderIDs sorts the terms by ID once they are interned (byID), so Flat,
// which runs where the story assigner works alone, need not.
func (x *Text) orderIDs() {
	x.byID = make([]int32, len(x.terms))
	for i := range x.byID {
		x.byID[i] = int32(i)
	}
	slices.SortFunc(x.byID, func(a, b int32) int { return int(x.ids[a]) - int(x.ids[b]) })
	x.flat = make([]flatStat, len(x.byID))
	for k, i := range x.byID {
		x.flat[k] = x.terms[i].flatStat(x.ids[i])
	}
}

// Flat is Doc with its terms interned by id (see Flatten).
func (x Text) Flat(known func(string) bool, id func(string) int32) FlatDoc {
	if x.byID != nil {
		f := FlatDoc{
			Terms: FlatVec{IDs: make([]int32, 0, len(x.terms)), W: make([]float64, 0, len(x.terms))},
			Names: FlatVec{IDs: make([]int32, 0, 8), W: make([]float64, 0, 8)},
		}
		for _, i := range x.byID {
			w, n, named := x.terms[i].weights(known)
			f.Terms.IDs, f.Terms.W = append(f.Terms.IDs, x.ids[i]), append(f.Terms.W, w)
			if named {
				f.Names.IDs, f.Names.W = append(f.Names.IDs, x.ids[i]), append(f.Names.W, n)
			}
		}
		f.name()
		return f
	}
	terms := make([]idw, 0, len(x.terms))
	var names []idw
	i := 0
	x.each(known, func(t string, w, n float64, named bool) {
		var k int32
		if x.ids != nil {
			k = x.ids[i]
		} else {
			k = id(t)
		}
		i++
		terms = append(terms, idw{k, w})
		if named {
			names = append(names, idw{k, n})
		}
	})
	f := FlatDoc{Terms: sortedFlat(terms), Names: sortedFlat(names)}
	f.name()
	return f
}

// text is an article's words, read once.
type text struct {
	title, body []token
	proper      map[string]bool // capitalised inside a sentence somewhere
	lower       map[string]bool // written in lower case somewhere
	capital     map[string]bool // capitalised somewhere
}

// titleCase counts the words of ts that are not numbers or stop words,
// and the share of them capitalised.
func titleCase(ts []token) (words int, caps float64) {
	return titleCaseBy(ts, func(i int) bool { return stop[ts[i].term] })
}

// titleCaseBy is titleCase where isStop(i) says whether ts[i] is a stop
// word.
func titleCaseBy(ts []token, isStop func(int) bool) (words int, caps float64) {
	n := 0
	for i, t := range ts {
		if !t.number && !isStop(i) {
			words++
			if t.capital {
				n++
			}
		}
	}
	if words == 0 {
		return 0, 0
	}
	return words, float64(n) / float64(words)
}

// endsSentence says whether line n of text ends like a sentence of prose
// (headlines and credits do not); *ends holds the answer for every line,
// worked out on first use.
func endsSentence(ends *[]bool, text string, n int) bool {
	if *ends == nil {
		*ends = []bool{}
		for line := range strings.SplitSeq(text, "\n") {
			line = strings.TrimRight(line, " \t\r\"'\u201d\u2019)")
			*ends = append(*ends, strings.HasSuffix(line, ".") || strings.HasSuffix(line, "!") || strings.HasSuffix(line, "?"))
		}
	}
	return n < len(*ends) && (*ends)[n]
}

// headline says whether a line of text reads as a headline or a credit
// rather than prose: a few words, mostly capitalised, at most two
// sentences.
func headline(ts []token) bool {
	words, caps := titleCase(ts)
	return words >= 2 && words <= 14 && caps >= 0.6 && sentences(ts) <= 1
}

// sentences counts the sentences that start after the first token.
func sentences(ts []token) int {
	n := 0
	for _, t := range ts[1:] {
		if t.initial {
			n++
		}
	}
	return n
}

func read(title, body string) text {
	x := text{title: tokenize(title, 0), body: tokenize(body, bodyTokenCap), proper: map[string]bool{}, lower: map[string]bool{}, capital: map[string]bool{}}
	mark := func(ts []token) {
		for _, t := range ts {
			switch {
			case t.number:
			case !t.capital:
				x.lower[t.term] = true
			case !t.initial:
				x.proper[t.term] = true
				x.capital[t.term] = true
			default:
				x.capital[t.term] = true
			}
		}
	}
	if words, caps := titleCase(x.title); words == 0 || caps < 0.6 { // a Title Case title says nothing
		mark(x.title)
	}
	var ends []bool
	// Nor does a line of the body in Title Case (a photo credit, another
	// article's headline in a "Read more" box).
	for lo := 0; lo < len(x.body); {
		hi := lo + 1
		for hi < len(x.body) && x.body[hi].line == x.body[lo].line {
			hi++
		}
		if !headline(x.body[lo:hi]) || endsSentence(&ends, body, x.body[lo].line) {
			mark(x.body[lo:hi])
		}
		lo = hi
	}
	return x
}

// isName says whether a token is a name: capitalised inside a sentence
// in this text, or capitalised at the start of one, known as a name
// elsewhere (through known) and never written in lower case here.
func (x text) isName(t token, known func(string) bool) bool {
	if t.number {
		return false
	}
	if x.proper[t.term] {
		return true
	}
	return t.capital && !x.lower[t.term] && known != nil && known(t.term)
}

// Terms builds the vector of an article from its title and plain-text
// body; names and numbers weigh more.
func Terms(title, body string) Vector { return NewDocKnown(title, body, nil).Terms }

// leadTokens is how much of the body, after the title, says who and
// what the event is about.
const leadTokens = 45

// NewDocKnown reads an article; known says which words the rest of the
// cache has seen written as names (nil: none).
func NewDocKnown(title, body string, known func(string) bool) Doc {
	return Read(title, body).Doc(known)
}

// Doc builds the article's vectors from its words; known says which words
// the rest of the cache has seen written as names (nil: none).
func (x Text) Doc(known func(string) bool) Doc {
	d := Doc{Terms: make(Vector, len(x.terms)), Names: Vector{}, Proper: x.proper}
	x.each(known, func(t string, w, n float64, named bool) {
		d.Terms[t] = w
		if named {
			d.Names[t] = n
		}
	})
	return d
}

// doc is Doc as first written, token by token: the reference the tests
// hold Read and Doc to.
func (x text) doc(known func(string) bool) Doc {
	v := Vector{}
	names := map[string]bool{}
	add := func(ts []token, w float64) {
		for _, t := range ts {
			if !keep(t) {
				continue
			}
			v[t.term] += w
			if x.isName(t, known) {
				names[t.term] = true
			}
		}
	}
	add(x.title, titleWeight)
	add(x.body, 1)
	for term, tf := range v {
		w := 1 + math.Log(tf)
		if names[term] {
			w *= nameBoost
		} else if isNumber(term) && !isYear(term) {
			w *= numberBoost
		}
		v[term] = w
	}
	n := Vector{}
	lead := func(ts []token, w float64) {
		for _, t := range ts {
			if keep(t) && (names[t.term] || t.number && !isYear(t.term)) {
				n[t.term] += w
			}
		}
	}
	lead(x.title, 2)
	lead(x.body[:min(len(x.body), leadTokens)], 1)
	for t, tf := range n {
		n[t] = 1 + math.Log(tf)
	}
	var proper []string
	for t := range x.capital {
		if !x.lower[t] && !stop[t] {
			proper = append(proper, t)
		}
	}
	sort.Strings(proper)
	return Doc{Terms: v, Names: n, Proper: proper}
}

func keep(t token) bool {
	if t.number {
		return len(t.term) > 1 || t.term != "0" && t.term != "1"
	}
	return utf8.RuneCountInString(t.term) > 1 && !stop[t.term]
}

// IsNumber says whether a term is a number.
func IsNumber(term string) bool { return isNumber(term) }

func isNumber(term string) bool {
	r, _ := utf8.DecodeRuneInString(term)
	return unicode.IsDigit(r)
}

func isYear(term string) bool {
	// Only strconv.Atoi's input can be a year: at least four bytes that
	// start with a digit or a sign. Words never are; skipping Atoi for
	// them saves the error it allocates.
	if len(term) < 4 || (term[0] < '0' || term[0] > '9') && term[0] != '+' && term[0] != '-' {
		return false
	}
	n, err := strconv.Atoi(term)
	return err == nil && n >= 1900 && n <= 2100
}

// IDF is the inverse document frequency of a term among docs articles,
// df of which contain it. The +20 keeps weights sane while the cache is
// nearly empty.
func IDF(df, docs int) float64 {
	return math.Log(1 + float64(docs+20)/float64(df+1))
}

// Weigh multiplies a raw vector by IDF and scales it to unit length.
func Weigh(v Vector, idf func(string) float64) Vector {
	out := make(Vector, len(v))
	for t, w := range v {
		out[t] = w * idf(t)
	}
	return Unit(out)
}

// Cosine is the dot product of two weighed (unit) vectors.
func Cosine(a, b Vector) float64 {
	if len(b) < len(a) {
		a, b = b, a
	}
	var s float64
	for t, w := range a {
		s += w * b[t]
	}
	return s
}

// Shared lists the terms two weighed vectors share, heaviest first.
func Shared(a, b Vector) []string {
	type tw struct {
		t string
		w float64
	}
	var out []tw
	for t, w := range a {
		if x, ok := b[t]; ok {
			out = append(out, tw{t, w * x})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].w > out[j].w || out[i].w == out[j].w && out[i].t < out[j].t })
	terms := make([]string, len(out))
	for i, x := range out {
		terms[i] = x.t
	}
	return terms
}

// Top returns the n terms of a weighed vector that weigh most (ties by
// term).
func Top(v Vector, n int) []string {
	type tw struct {
		t string
		w float64
	}
	all := make([]tw, 0, len(v))
	for t, w := range v {
		all = append(all, tw{t, w})
	}
	before := func(a, b tw) bool { return a.w > b.w || a.w == b.w && a.t < b.t }
	n = min(n, len(all))
	if n > 0 && n < len(all) && n <= 48 {
		// Keep the n best in all[:n], sorted, with one pass over the rest.
		slices.SortFunc(all[:n], func(a, b tw) int { return cmpBy(before, a, b) })
		for _, x := range all[n:] {
			if !before(x, all[n-1]) {
				continue
			}
			i := n - 1
			for i > 0 && before(x, all[i-1]) {
				all[i] = all[i-1]
				i--
			}
			all[i] = x
		}
	} else {
		slices.SortFunc(all, func(a, b tw) int { return cmpBy(before, a, b) })
	}
	out := make([]string, n)
	for i := range out {
		out[i] = all[i].t
	}
	return out
}

func cmpBy[T any](before func(a, b T) bool, a, b T) int {
	switch {
	case before(a, b):
		return -1
	case before(b, a):
		return 1
	}
	return 0
}

// Encode writes a raw vector as "term weight term weight ...".
func Encode(v Vector) string {
	terms := make([]string, 0, len(v))
	for t := range v {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	var b strings.Builder
	for i, t := range terms {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		b.WriteByte(' ')
		b.WriteString(strconv.FormatFloat(v[t], 'g', 4, 64))
	}
	return b.String()
}

// Decode reads what Encode wrote; malformed pairs are skipped.
func Decode(s string) Vector {
	f := strings.Fields(s)
	v := make(Vector, len(f)/2)
	for i := 0; i+1 < len(f); i += 2 {
		if w, err := strconv.ParseFloat(f[i+1], 64); err == nil {
			v[f[i]] = w
		}
	}
	return v
}

// Outlet names who published an article, so an outlet with several feeds
// counts once: the site's domain (without "www."), or, for a link with no
// real domain (a bare IP address or localhost, as in the demo), the feed's
// title without a section suffix ("Harbor Post — Markets" → "harbor post").
func Outlet(link, source string) string {
	if u, err := url.Parse(link); err == nil {
		h := strings.ToLower(u.Hostname())
		if h != "" && net.ParseIP(h) == nil && h != "localhost" && strings.Contains(h, ".") && !strings.HasSuffix(h, ".localhost") {
			return registrable(h)
		}
	}
	s := source
	for _, sep := range []string{" \u2014 ", " \u2013 ", " - ", " | ", ": ", " > ", " :: "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return strings.ToLower(strings.TrimSpace(s))
}

// registrable drops sub-domains: the last two labels, or three when the
// second-level label is a generic one (bbc.co.uk, abc.net.au).
func registrable(h string) string {
	h = strings.TrimPrefix(h, "www.")
	labels := strings.Split(h, ".")
	n := 2
	if len(labels) >= 3 {
		switch labels[len(labels)-2] {
		case "co", "com", "net", "org", "gov", "ac", "edu", "ne", "or":
			n = 3
		}
	}
	if len(labels) <= n {
		return h
	}
	return strings.Join(labels[len(labels)-n:], ".")
}

// Doc is what is kept of an article to compare it: its terms and, apart,
// the names and numbers of its title and opening (raw weights).
type Doc struct {
	Terms, Names Vector
	Proper       []string // words this article capitalises and never writes in lower case (not stored)
	Marks        Marks    // set by the caller (see Marks)
}

// NewDoc reads an article's title and plain-text body.
func NewDoc(title, body string) Doc { return NewDocKnown(title, body, nil) }

// Weighed is a Doc with IDF applied, each vector of unit length; Content
// is All without the names the article leads with.
type Weighed struct {
	All, Names, Content Vector
}

// Weigh applies IDF to both vectors of a Doc.
func (d Doc) Weigh(idf func(string) float64) Weighed {
	w := Weighed{All: Weigh(d.Terms, idf), Names: Weigh(d.Names, idf)}
	w.Content = Content(w, nil)
	return w
}

// Similarity says how likely two articles tell the same event: the
// geometric mean of how much they share in names and numbers (who, where,
// how much) and in the rest of their words (what happened). A look-alike
// event shares only one of the two. When either article names nothing,
// the plain cosine of all terms, discounted, stands in.
func Similarity(a, b Weighed) float64 {
	if len(a.Names) == 0 || len(b.Names) == 0 {
		return 0.8 * Cosine(a.All, b.All)
	}
	e := Cosine(a.Names, b.Names)
	if e <= 0 {
		return 0
	}
	return math.Sqrt(e * Cosine(a.Content, b.Content))
}

// Content is a weighed vector without its names (those the article leads
// with, and those name says are names), of unit length: what the article
// is about, whoever it concerns. name may be nil.
func Content(w Weighed, name func(string) bool) Vector {
	out := Vector{}
	for t, x := range w.All {
		if _, ok := w.Names[t]; !ok && (name == nil || !name(t)) {
			out[t] = x
		}
	}
	return Unit(out)
}

// Encode writes a Doc as its terms, " | ", its names, and when it has
// marks, " | " and its marks (Marks.Encode).
func (d Doc) Encode() string {
	s := Encode(d.Terms) + " | " + Encode(d.Names)
	if m := d.Marks.Encode(); m != "" {
		s += " | " + m
	}
	return s
}

// DecodeDoc reads what Doc.Encode wrote.
func DecodeDoc(s string) Doc {
	terms, rest, _ := strings.Cut(s, " | ")
	names, marks, _ := strings.Cut(rest, " | ")
	return Doc{Terms: Decode(terms), Names: Decode(names), Marks: DecodeMarks(marks)}
}
