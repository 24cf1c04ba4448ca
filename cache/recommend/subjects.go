package recommend

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsreader/cache/stories"
)

// common holds words that pass as rare in a small cache but never say what
// an article is about: the verbs, adjectives and plain nouns of any report
// ("chose", "rise", "big", "group"). A reason never names them alone.
var common = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
accept accepted add added agree agreed allow allowed announce announced appear appeared approve approved argue argued ask asked
become began begin believe believed bring brought build built buy bought call called came carry carried change changed choose chose chosen
claim claimed close closed come consider considered continue continued create created cut decide decided deliver delivered describe described
drop dropped ease eased end ended expect expected explain explained face faced fail failed fall fell fallen feel felt find found follow followed
gain gained gave grow grew grown happen happened help helped hit hold held hope hoped include included increase increased join joined
keep kept know knew known launch launched lead led learn learned leave left let lift lifted lose lost mean meant meet met move moved
name named need needed offer offered open opened pass passed pay paid plan planned point pointed promise promised prove proved push pushed
raise raised reach reached receive received remain remained remove removed rise rose risen run ran saw seek sought seen sell sold send sent
serve served set share shared sign signed speak spoke stand stood start started stay stayed stop stopped suggest suggested talk talked
think thought try tried turn turned understand understood use used wait waited want wanted warn warned watch watched win won work worked write wrote written
big small large great good bad high low higher lower major minor top key early old long short full free best worst better worse biggest largest latest
main certain clear possible real recent strong weak whole sure able due
losing rising falling growing getting making taking saying showing leading following cutting holding keeping raising seeking facing
hitting running pushing pulling coming going looking trying using working including remaining adding calling ending starting
case cases group groups member members official officials country countries government state city area areas region side team home level issue issues
number numbers percent cent million billion thousand hundred dozen half everyone everybody everything anybody
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty first second third fourth fifth last next
pick picked picks
`) {
		common[stories.Normalize(w)] = true
		common[w] = true
	}
}

var numberWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
million millions billion billions trillion dozen dozens first second third fourth fifth sixth seventh eighth ninth tenth
twice half quarter`) {
		numberWords[stories.Normalize(w)] = true
		numberWords[w] = true
	}
}

// NumberWord says whether a normalised term is a number written as a
// word ("nine", "hundreds", "third"). Like a number in figures it may tie
// reports of one event together, but it is no subject: "nine points
// ahead" read is no interest in "nine hours without a bank".
func NumberWord(term string) bool { return numberWords[term] }

// credits are a report's credits in brackets: "(Reporting by Anya Kern;
// Editing by Tomas Reed)", "(Additional reporting by …)". A wire signs
// most of its reports with a few names, and two reports by one reporter
// share no subject by it ("more on Anya Kern").
var credits = regexp.MustCompile(`\((?:[Aa]dditional )?(?:[Rr]eporting|[Rr]eported|[Ww]riting|[Ww]ritten|[Ee]diting|[Ee]dited|[Cc]ompiled) by [^()]*\)`)

// WithoutCredits is text without its credits (see credits). The
// expression runs only on a text with a bracket opening one ("(Reporting",
// "(Additional", ...): a scan for brackets costs little, and the stories
// read every article of a refresh through it (cache's storyText).
func WithoutCredits(text string) string {
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '(')
		if j < 0 {
			return text
		}
		i += j + 1
		if opensCredit(text[i:]) {
			return credits.ReplaceAllString(text, "")
		}
	}
}

// opensCredit says whether s (what follows a bracket) starts as credits
// do.
func opensCredit(s string) bool {
	if len(s) < 8 {
		return false
	}
	switch s[0] {
	case 'R', 'r', 'W', 'w', 'E', 'e', 'C', 'c', 'A', 'a':
	default:
		return false
	}
	for _, p := range creditOpenings {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

var creditOpenings = []string{"additional ", "reporting by", "reported by", "writing by", "written by", "editing by", "edited by", "compiled by"}

// Common says whether a normalised term is too ordinary to stand as what
// two articles share, however rare it is in the cache: a stop word, a
// word of the list above, or a past tense ("edged", "slipped"; not
// "speed" or "seed").
func Common(term string) bool {
	if common[term] || stories.IsStop(term) {
		return true
	}
	return utf8.RuneCountInString(term) > 4 && strings.HasSuffix(term, "ed") && !strings.HasSuffix(term, "eed")
}

// word is one word of a text as written, with its normalised term.
type word struct {
	text, term string
	capital    bool
	initial    bool // first word of a sentence or of the text
	mid        bool // capitalised inside a sentence (set by Subjects)
}

// words splits a text into runs of adjacent words: punctuation other than
// a hyphen or an apostrophe inside a word ends a run (so a phrase never
// spans a comma or a sentence end). A possessive "'s" is dropped.
func words(text string) [][]word {
	var runs [][]word
	var run []word
	initial := true
	flush := func() {
		if len(run) > 0 {
			runs = append(runs, run)
			run = nil
		}
	}
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if !unicode.IsSpace(r) {
				flush()
				if strings.ContainsRune(".!?:;|\u2014\u2013\"\u201c\u201d", r) {
					initial = true
				}
			}
			i += n
			continue
		}
		start := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				i += n
				continue
			}
			if (r == '-' || r == '\'' || r == '\u2019') && i+n < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[i+n:]); unicode.IsLetter(next) || unicode.IsDigit(next) {
					i += n
					continue
				}
			}
			break
		}
		w := text[start:i]
		for _, p := range []string{"'s", "\u2019s", "'S", "\u2019S"} {
			w = strings.TrimSuffix(w, p)
		}
		first, _ := utf8.DecodeRuneInString(w)
		run = append(run, word{text: w, term: stories.Normalize(w), capital: unicode.IsUpper(first), initial: initial})
		initial = false
	}
	flush()
	return runs
}

// titleCase says whether most words of a run of texts are capitalised
// (a Title Case headline), where capitals say nothing about names.
func titleCase(runs [][]word) bool {
	caps, n := 0, 0
	for _, r := range runs {
		for _, w := range r {
			if !stories.IsStop(w.term) {
				n++
				if w.capital {
					caps++
				}
			}
		}
	}
	return n > 0 && float64(caps)/float64(n) >= 0.6
}

// joiners may stand inside a name between two capitalised words
// ("Bank of Tirrenia", "Costa del Sol").
var joiners = map[string]bool{"of": true, "de": true, "del": true, "da": true, "di": true, "la": true, "le": true, "van": true, "von": true, "al": true, "el": true}

// Subjects names what two articles share, for a reason a reader can take
// in: up to n phrases from texts (the candidate's title first, then its
// summary), each a run of adjacent words that other (the article it is
// compared with) also holds, starting and ending on a telling word: a
// term of shared (the two articles' common terms, heaviest first) that is
// a name (name) or rare (rare) and not a common word. Adjacent name words
// stay together as written ("Port Alder", "Olmsted Motors"); other words
// are shown in lower case. A phrase inside a longer one is not repeated;
// a bare number or a stop word never makes a phrase.
func Subjects(texts, other []string, shared []string, rare, name func(term string) bool, n int) []string {
	rank := make(map[string]int, len(shared))
	for i, t := range shared {
		if _, ok := rank[t]; !ok {
			rank[t] = i
		}
	}
	// Which terms are names on their own: those name says are, and those
	// the articles capitalise inside a sentence (not in a Title Case
	// headline, the first of each article's texts) and never write in
	// lower case. A word capitalised only as part of a name ("Reserve
	// Bank" beside "the central bank") joins that name in a phrase
	// (mid) but is no subject alone.
	all := append(append([]string{}, other...), texts...)
	for k, t := range all {
		all[k] = WithoutCredits(t)
	}
	runsOf := make([][][]word, len(all))
	inOther, capMid, lower := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for k, t := range all {
		runsOf[k] = words(t)
		tc := (k == 0 || k == len(other)) && titleCase(runsOf[k])
		for _, r := range runsOf[k] {
			for i := range r {
				w := &r[i]
				if k < len(other) {
					inOther[w.term] = true
				}
				w.mid = w.capital && !tc && !w.initial && !stories.IsStop(w.term)
				if w.mid {
					capMid[w.term] = true
				}
				if !w.capital {
					lower[w.term] = true
				}
			}
		}
	}
	named := func(t string) bool { return name(t) || capMid[t] && !lower[t] }
	nameLike := func(w word) bool { return w.capital && (w.mid || named(w.term)) }
	key := func(w word) bool {
		_, ok := rank[w.term]
		if !ok || !inOther[w.term] || !hasLetter(w.term) || stories.IsStop(w.term) {
			return false
		}
		return named(w.term) || !Common(w.term) && rare(w.term)
	}
	type phrase struct {
		words []word
		shown []string
		rank  int
		order int
	}
	var found []phrase
	for _, runs := range runsOf[len(other):] {
		for _, r := range runs {
			member := func(i int) bool {
				w := r[i]
				if inOther[w.term] && hasLetter(w.term) && !stories.IsStop(w.term) {
					return true
				}
				// "of" between two capitalised shared words
				return joiners[w.term] && !w.capital && i > 0 && i+1 < len(r) && r[i-1].capital && r[i+1].capital && inOther[r[i-1].term] && inOther[r[i+1].term]
			}
			for i := 0; i < len(r); {
				if !member(i) {
					i++
					continue
				}
				j := i
				for j < len(r) && member(j) {
					j++
				}
				from, to := i, j
				i = j
				// Trim to start and end on a telling word or a name.
				for from < to && !key(r[from]) && !(nameLike(r[from]) && containsKey(r[from:to], key)) {
					from++
				}
				for from < to && !key(r[to-1]) && !(nameLike(r[to-1]) && containsKey(r[from:to], key)) {
					to--
				}
				seg := r[from:to]
				if len(seg) == 0 || len(seg) > 4 {
					continue
				}
				// A piece of a longer name ("Bank" of "Reserve Bank", the
				// other article saying "Central Bank") is no subject unless
				// it is rare in itself.
				if (from > 0 && nameLike(r[from-1]) && nameLike(r[from]) || to < len(r) && nameLike(r[to]) && nameLike(r[to-1])) &&
					!containsKey(seg, func(w word) bool { return key(w) && !Common(w.term) && rare(w.term) }) {
					continue
				}
				best := len(shared)
				for _, w := range seg {
					if key(w) && rank[w.term] < best {
						best = rank[w.term]
					}
				}
				shown := make([]string, len(seg))
				for k, w := range seg {
					shown[k] = w.text
					if !nameLike(w) {
						shown[k] = strings.ToLower(w.text)
					}
				}
				found = append(found, phrase{seg, shown, best, len(found)})
			}
		}
	}
	terms := func(p phrase) map[string]bool {
		m := map[string]bool{}
		for _, w := range p.words {
			m[w.term] = true
		}
		return m
	}
	// A phrase whose words all sit in a longer one goes.
	var kept []phrase
	for i, p := range found {
		pt := terms(p)
		inside := false
		for j, q := range found {
			if i == j || len(q.words) < len(p.words) || len(q.words) == len(p.words) && j > i {
				continue
			}
			qt := terms(q)
			all := true
			for t := range pt {
				all = all && qt[t]
			}
			if all && (len(q.words) > len(p.words) || j < i) {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, p)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		return kept[i].rank < kept[j].rank || kept[i].rank == kept[j].rank && kept[i].order < kept[j].order
	})
	var out []string
	for _, p := range kept[:min(n, len(kept))] {
		out = append(out, strings.Join(p.shown, " "))
	}
	if len(out) == 0 && len(texts) > 0 && len(other) > 0 {
		out = unspacedSubjects(texts[0], other[0], shared, rare, name, n)
	}
	return out
}

// unspacedSubjects names what two titles in an unspaced script (Chinese,
// Japanese) share, where words are not written apart: the longest runs of
// letters both hold (沖浜県, 台風), longest first, each of two letters or
// more, holding a letter other than hiragana (a run of particles and
// endings, した or には, says nothing) and a bigram of shared that is a
// name or rare.
func unspacedSubjects(title, other string, shared []string, rare, name func(string) bool, n int) []string {
	inShared := make(map[string]bool, len(shared))
	for _, t := range shared {
		inShared[t] = true
	}
	letter := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	t := []rune(title)
	var found []string
	for i := 0; i < len(t); {
		if !stories.Unspaced(t[i]) {
			i++
			continue
		}
		// The longest run from i that other holds.
		l := 0
		for j := i + 2; j <= len(t) && letter(t[j-1]) && strings.Contains(other, string(t[i:j])); j++ {
			l = j - i
		}
		if l < 2 {
			i++
			continue
		}
		r := t[i : i+l]
		telling, kana := false, true
		for k := range r {
			if !unicode.Is(unicode.Hiragana, r[k]) {
				kana = false
			}
			if k+1 < len(r) {
				bg := stories.Normalize(string(r[k : k+2]))
				if inShared[bg] && (name(bg) || rare(bg)) {
					telling = true
				}
			}
		}
		if telling && !kana && !slices.Contains(found, string(r)) {
			found = append(found, string(r))
		}
		i += l
	}
	sort.SliceStable(found, func(a, b int) bool {
		return utf8.RuneCountInString(found[a]) > utf8.RuneCountInString(found[b])
	})
	return found[:min(n, len(found))]
}

func containsKey(seg []word, key func(word) bool) bool {
	for _, w := range seg {
		if key(w) {
			return true
		}
	}
	return false
}

func hasLetter(t string) bool { return strings.IndexFunc(t, unicode.IsLetter) >= 0 }
