package stories

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Marks are what an article's headline, link and feed say beyond its
// words: whether it is a reader's reply (a comment on an article, a forum
// answer) rather than a report, and which instance of a recurring event
// it names (stage 5 of a tour, the third quarter's results, the March jobs
// figures). Two articles whose marks are Apart never share a story,
// however many words they share: a reply repeats the headline it answers,
// and "Stage 5: Attar wins" and "Stage 6: Attar wins" are two events.
type Marks struct {
	Reply    bool
	Instance []Mark // in headline order, each once
}

// Mark is one instance a headline names: a kind of recurring event and
// its number (a month's number for KindMonth, month*32+day for KindDate).
type Mark struct {
	Kind uint8
	N    uint16
}

// Kinds of recurring events a headline may number.
const (
	KindStage uint8 = iota + 1
	KindRound
	KindWeek
	KindMatchday
	KindGame
	KindLeg
	KindQuarter
	KindHalf
	KindPart
	KindEpisode
	KindSeason
	KindTest
	KindMonth
	KindDate
)

var kindNames = [...]string{"", "stage", "round", "week", "matchday", "game", "leg", "quarter", "half", "part", "episode", "season", "test", "month", "date"}

// instanceNouns are the nouns that number a recurring event, by their
// lower-case spelling in a few languages ("Stage 5", "fifth stage",
// "5. Etappe", "5e étape", "quinta etapa").
var instanceNouns = map[string]uint8{
	"stage": KindStage, "stages": KindStage, "étape": KindStage, "etape": KindStage, "etappe": KindStage, "etapa": KindStage, "tappa": KindStage,
	"round": KindRound, "runde": KindRound, "ronda": KindRound, "turno": KindRound,
	"week": KindWeek, "gameweek": KindWeek, "matchweek": KindWeek, "woche": KindWeek, "semaine": KindWeek, "semana": KindWeek, "settimana": KindWeek,
	"matchday": KindMatchday, "spieltag": KindMatchday, "journée": KindMatchday, "journee": KindMatchday, "jornada": KindMatchday, "giornata": KindMatchday, "speelronde": KindMatchday,
	"game":    KindGame,
	"leg":     KindLeg,
	"quarter": KindQuarter, "quartal": KindQuarter, "trimestre": KindQuarter,
	"part": KindPart, "teil": KindPart, "partie": KindPart, "parte": KindPart, "deel": KindPart,
	"episode": KindEpisode, "épisode": KindEpisode, "folge": KindEpisode, "episodio": KindEpisode, "aflevering": KindEpisode,
	"season": KindSeason, "staffel": KindSeason, "saison": KindSeason, "temporada": KindSeason, "stagione": KindSeason,
	"test": KindTest,
}

// ordinalWords and numberWords give the value of a spelled-out number.
var ordinalWords = map[string]uint16{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
	"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
	"erste": 1, "ersten": 1, "erster": 1, "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3, "vierte": 4, "vierten": 4,
	"fünfte": 5, "fünften": 5, "sechste": 6, "sechsten": 6, "siebte": 7, "siebten": 7, "achte": 8, "achten": 8,
	"première": 1, "premier": 1, "deuxième": 2, "seconde": 2, "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6,
	"septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10,
	"primera": 1, "primer": 1, "primero": 1, "primo": 1, "prima": 1, "segunda": 2, "segundo": 2, "secondo": 2, "seconda": 2,
	"tercera": 3, "tercer": 3, "tercero": 3, "terzo": 3, "terza": 3, "cuarta": 4, "cuarto": 4, "quarto": 4, "quarta": 4,
	"quinta": 5, "quinto": 5, "sexta": 6, "sexto": 6, "sesto": 6, "sesta": 6, "séptima": 7, "séptimo": 7, "settimo": 7, "settima": 7,
	"octava": 8, "octavo": 8, "ottavo": 8, "ottava": 8, "novena": 9, "noveno": 9, "nono": 9, "nona": 9, "décima": 10, "décimo": 10, "decimo": 10, "decima": 10,
}

var numberWords = map[string]uint16{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20,
	"ii": 2, "iii": 3, "iv": 4, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "xi": 11, "xii": 12,
}

// months by lower-case name. Those that are also common words ("may",
// "march", "mars", "august") count only beside a number or after a
// preposition ("in May", "May 3", "March 2026").
var months = map[string]uint16{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"januar": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
	"janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
	"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8, "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}

var ambiguousMonths = []string{"may", "march", "mars", "august", "mayo"}

var monthPrepositions = []string{
	"in", "for", "from", "since", "until", "till", "by", "of", "during",
	"early", "late", "mid", "end", "im", "seit", "bis", "ab", "en", "de", "desde", "hasta", "di", "a",
}

// Words before an instance that make it the next one, not the one
// reported: "into the fourth round", "ahead of stage 6", "through to
// round 4" (but "sprints to stage 4 win" is the one reported).
var (
	towardWords = []string{"into", "toward", "towards", "before", "ahead", "for", "vor", "avant", "antes"}
	skipWords   = []string{"the", "a", "of", "la", "le", "die", "der", "den", "el"}
	andWords    = []string{"and", "or", "und", "et", "y", "e"}
)

// wordClass is what a word may say of an instance.
type wordClass struct {
	noun                                 uint8  // the kind of event it numbers (instanceNouns)
	month                                uint16 // a month's number
	ordinal, number                      uint16 // a spelled ordinal's or number's value
	ambiguous                            bool   // a month that is also a common word
	prep, toward, skip, and, to, through bool
}

// throughWords before "to" make an instance the next one: "through to
// round 4", "goes to a second round", "heads to stage 6".
var throughWords = []string{"through", "on", "go", "goes", "going", "went", "gone", "head", "heads", "heading", "headed",
	"move", "moves", "moving", "moved", "advance", "advances", "advanced", "progress", "progresses", "progressed", "forward"}

// vocab classes every word the instance reader knows, lower-case.
var vocab = func() map[string]wordClass {
	v := map[string]wordClass{}
	set := func(w string, f func(*wordClass)) {
		c := v[w]
		f(&c)
		v[w] = c
	}
	valued := func(words map[string]uint16, f func(*wordClass, uint16)) {
		for w, n := range words {
			set(w, func(c *wordClass) { f(c, n) })
		}
	}
	flagged := func(words []string, f func(*wordClass)) {
		for _, w := range words {
			set(w, f)
		}
	}
	for w, k := range instanceNouns {
		set(w, func(c *wordClass) { c.noun = k })
	}
	valued(months, func(c *wordClass, n uint16) { c.month = n })
	valued(ordinalWords, func(c *wordClass, n uint16) { c.ordinal = n })
	valued(numberWords, func(c *wordClass, n uint16) { c.number = n })
	flagged(ambiguousMonths, func(c *wordClass) { c.ambiguous = true })
	flagged(monthPrepositions, func(c *wordClass) { c.prep = true })
	flagged(towardWords, func(c *wordClass) { c.toward = true })
	flagged(skipWords, func(c *wordClass) { c.skip = true })
	flagged(andWords, func(c *wordClass) { c.and = true })
	flagged([]string{"to"}, func(c *wordClass) { c.to = true })
	flagged(throughWords, func(c *wordClass) { c.through = true })
	return v
}()

// triggerPrefix says which two-letter openings (see prefixIndex) an
// instance noun or a month has: a text is read closely only around such
// words, and around numbers with an ordinal's ending, quarters (Q3) and
// half-years (H1), which need one.
var triggerPrefix = func() (t [27 * 27]bool) {
	for w, c := range vocab {
		if i, ok := prefixIndex(w); ok && (c.noun != 0 || c.month != 0) {
			t[i] = true
		}
	}
	return t
}()

// prefixIndex is the index of a word's first two letters in
// triggerPrefix, ok false when they are not ASCII letters.
func prefixIndex(w string) (int, bool) {
	l := func(b byte) (int, bool) {
		switch {
		case b >= 'a' && b <= 'z':
			return int(b-'a') + 1, true
		case b >= 'A' && b <= 'Z':
			return int(b-'A') + 1, true
		}
		return 0, false
	}
	a, ok := l(w[0])
	if !ok {
		return 0, false
	}
	if len(w) == 1 {
		return a * 27, true
	}
	b, ok := l(w[1])
	return a*27 + b, ok
}

// mayTrigger says whether a word may be an instance noun, a month or a
// quarter: false for most words, told from their first two letters.
func mayTrigger(w string) bool {
	if len(w) == 2 && w[1] >= '1' && w[1] <= '4' {
		return true // Q3, H1
	}
	i, ok := prefixIndex(w)
	return !ok && !(w[0] >= '0' && w[0] <= '9') || ok && triggerPrefix[i]
}

// headTok is a word of a headline as the instance reader sees it.
type headTok struct {
	c         wordClass
	ord, card uint16 // as an ordinal ("5th", "5.", "fifth"), as a number after a noun ("5", "five", "II")
	day       uint16 // as a day of the month ("3", "3rd")
	year      bool
	period    Mark // "Q3", "H1"
}

// maxSpan bounds the numbers a list or a range of instances adds ("March
// 3-5", "stages 4-6").
const maxSpan = 10

// maxHeadWords bounds the words of a headline read for marks.
const maxHeadWords = 40

// HeadlineMarks reads the instances a headline names (see Marks). It
// allocates only when the headline names one.
func HeadlineMarks(title string) []Mark { return readMarks(title, true) }

// readMarks is HeadlineMarks, months and dates left out without withMonths.
func readMarks(text string, withMonths bool) []Mark {
	var buf [maxHeadWords]span
	words := headSpans(text, buf[:0])
	var out []Mark
	var low [32]byte
	// tok classes word i, an empty word outside the text.
	tok := func(i int) headTok {
		if i < 0 || i >= len(words) {
			return headTok{}
		}
		w := words[i]
		return classify(text[w.lo:w.hi], w.dot, low[:0])
	}
	// dash says whether words a and b are a range: a dash between them
	// and nothing else ("3-4", "4 – 6").
	dash := func(a, b int) bool {
		if a < 0 || b >= len(words) {
			return false
		}
		switch strings.TrimSpace(text[words[a].hi:words[b].lo]) {
		case "-", "–", "—":
			return true
		}
		return false
	}
	add := func(m Mark) {
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	toward := func(i int) bool { // the word before word i, past "the", "of"
		j := i - 1
		for k := 0; k < 2 && j >= 0 && tok(j).c.skip; k++ {
			j--
		}
		if j < 0 {
			return false
		}
		if t := tok(j); !t.c.to {
			return t.c.toward
		}
		return tok(j - 1).c.through // "through to round 4", "goes to a second round", not "sprints to stage 4 win"
	}
	for i, w := range words {
		if !mayTrigger(text[w.lo:w.hi]) {
			continue
		}
		t := tok(i)
		if t.period.Kind != 0 { // Q3, H1
			if !toward(i) {
				add(t.period)
			}
			continue
		}
		if mo := t.c.month; mo > 0 {
			if !withMonths {
				continue
			}
			prev, next := tok(i-1), tok(i+1)
			day := prev.day
			if day == 0 {
				day = next.day
			}
			if t.c.ambiguous && day == 0 && !prev.year && !next.year && !prev.c.prep {
				continue
			}
			add(Mark{KindMonth, mo})
			if day > 0 {
				add(Mark{KindDate, mo*32 + day})
				// The other days of a list or a range: "3 and 4 March",
				// "3-4 March", "March 3 and 4", "March 3-5" (an event of
				// several days is each of them).
				first, last := day, day
				if prev.day > 0 {
					if tok(i - 2).c.and {
						first = tok(i - 3).day
					} else if dash(i-2, i-1) {
						first = tok(i - 2).day
					}
				} else {
					if tok(i + 2).c.and {
						last = tok(i + 3).day
					} else if dash(i+1, i+2) {
						last = tok(i + 2).day
					}
				}
				for d := first; d > 0 && d <= last && last-first <= maxSpan; d++ {
					add(Mark{KindDate, mo*32 + d})
				}
			}
			continue
		}
		kind := t.c.noun
		if kind == 0 {
			continue
		}
		// "fifth stage", "5th stage", "5. Etappe", "5e étape"
		if prev := tok(i - 1); prev.ord > 0 && !toward(i-1) {
			add(Mark{kind, prev.ord})
			continue
		}
		// "stage 5", "stage five", "part II", "stages 5 and 6"
		if next := tok(i + 1); kind != KindTest && next.card > 0 && !toward(i) {
			add(Mark{kind, next.card})
			if tok(i + 2).c.and {
				if n := tok(i + 3).card; n > 0 {
					add(Mark{kind, n})
				}
			} else if last := tok(i + 2).card; dash(i+1, i+2) && last > next.card && last-next.card <= maxSpan {
				// "stages 4-6": each of them
				for n := next.card + 1; n <= last; n++ {
					add(Mark{kind, n})
				}
			}
		}
	}
	return out
}

// span is a word of a text: its bytes, and whether a '.' follows it at
// once ("5." is an ordinal in German).
type span struct {
	lo, hi int
	dot    bool
}

// headSpans splits a text into words: runs of letters and digits.
func headSpans(s string, out []span) []span {
	for i := 0; i < len(s) && len(out) < cap(out); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := rune(s[j]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[j:])
			}
			if !isWordRune(r) {
				break
			}
			j += n
		}
		out = append(out, span{i, j, j < len(s) && s[j] == '.' && (j+1 == len(s) || s[j+1] == ' ')})
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// classify reads one word; dot says a '.' follows it (an ordinal in
// German: "5. Etappe"); low is scratch for its lower-case form.
func classify(w string, dot bool, low []byte) headTok {
	var t headTok
	if w[0] >= '0' && w[0] <= '9' {
		d := 0
		for d < len(w) && w[d] >= '0' && w[d] <= '9' {
			d++
		}
		if d > 4 {
			return t
		}
		n, _ := strconv.Atoi(w[:d])
		if d == 4 {
			t.year = d == len(w) && isYear(w)
			return t
		}
		suffix := w[d:]
		switch {
		case suffix == "":
			t.card = uint16(n)
			if dot {
				t.ord = uint16(n)
			}
		case ordinalSuffix(suffix):
			t.ord = uint16(n)
		default:
			return t
		}
		if n >= 1 && n <= 31 {
			t.day = uint16(n)
		}
		return t
	}
	if len(w) > cap(low) {
		return t
	}
	low = lowerInto(low, w)
	if len(low) == 2 && low[1] >= '1' && low[1] <= '4' {
		switch {
		case low[0] == 'q':
			t.period = Mark{KindQuarter, uint16(low[1] - '0')}
		case low[0] == 'h' && low[1] <= '2':
			t.period = Mark{KindHalf, uint16(low[1] - '0')}
		}
		return t
	}
	t.c = vocab[string(low)]
	t.ord, t.card = t.c.ordinal, t.c.number
	return t
}

// ordinalSuffix says whether what follows a number makes it an ordinal:
// "5th", "5e", "5ème", "5ª".
func ordinalSuffix(s string) bool {
	switch strings.ToLower(s) {
	case "st", "nd", "rd", "th", "e", "er", "re", "ème", "eme", "ª", "º", "o", "a", "te", "ten":
		return true
	}
	return false
}

// Apart says whether two articles' marks keep them out of one story: one
// is a reply and the other not, or both number the same kind of event
// and no number of one is a number of the other.
func Apart(a, b Marks) bool {
	if a.Reply != b.Reply {
		return true
	}
	for i, x := range a.Instance {
		if hasKind(a.Instance[:i], x.Kind) || !hasKind(b.Instance, x.Kind) {
			continue
		}
		if !sameKindShared(a.Instance, b.Instance, x.Kind) {
			return true
		}
	}
	return false
}

func hasKind(ms []Mark, k uint8) bool {
	for _, m := range ms {
		if m.Kind == k {
			return true
		}
	}
	return false
}

// sameKindShared says whether a and b have some number of kind k in
// common.
func sameKindShared(a, b []Mark, k uint8) bool {
	for _, x := range a {
		if x.Kind != k {
			continue
		}
		for _, y := range b {
			if y.Kind == k && y.N == x.N {
				return true
			}
		}
	}
	return false
}

// IsZero says whether there is nothing to mark.
func (m Marks) IsZero() bool { return !m.Reply && len(m.Instance) == 0 }

// Encode writes marks as words: "reply", "stage:5".
func (m Marks) Encode() string {
	if m.IsZero() {
		return ""
	}
	var b []byte
	if m.Reply {
		b = append(b, "reply"...)
	}
	for _, x := range m.Instance {
		if int(x.Kind) >= len(kindNames) || x.Kind == 0 {
			continue
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, kindNames[x.Kind]...)
		b = append(b, ':')
		b = strconv.AppendUint(b, uint64(x.N), 10)
	}
	return string(b)
}

// DecodeMarks reads what Marks.Encode wrote; unknown words are skipped.
func DecodeMarks(s string) Marks {
	var m Marks
	for _, f := range strings.Fields(s) {
		if f == "reply" {
			m.Reply = true
			continue
		}
		name, num, ok := strings.Cut(f, ":")
		if !ok {
			continue
		}
		n, err := strconv.ParseUint(num, 10, 16)
		if err != nil {
			continue
		}
		for k, kn := range kindNames {
			if k > 0 && kn == name {
				m.Instance = append(m.Instance, Mark{uint8(k), uint16(n)})
				break
			}
		}
	}
	return m
}

// maxLead bounds how much of a text LeadMarks reads.
const maxLead = 320

// LeadMarks reads the instances the first sentence of an article's text
// numbers ("Oskar Blum won the third stage of the Tour on Saturday"): a
// report whose headline names no stage often does so there. Months and
// dates are left out: an opening sentence names the months of what led
// to the event and of what follows it as often as the event's own.
func LeadMarks(text string) []Mark {
	s := text[:min(len(text), maxLead)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' && i > 0 || (c == '.' || c == '!' || c == '?' || c == ';') && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n') && i > 0 && !(c == '.' && s[i-1] >= '0' && s[i-1] <= '9') {
			s = s[:i]
			break
		}
	}
	return readMarks(s, false)
}

// InstanceMarks are the instances an article's headline and the first
// sentence of its text number (HeadlineMarks, LeadMarks), each once.
func InstanceMarks(title, text string) []Mark {
	out := HeadlineMarks(title)
	for _, m := range LeadMarks(text) {
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}
