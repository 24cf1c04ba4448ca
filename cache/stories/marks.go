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

var ambiguousMonths = map[string]bool{"may": true, "march": true, "mars": true, "august": true, "mayo": true}

var monthPrepositions = map[string]bool{
	"in": true, "for": true, "from": true, "since": true, "until": true, "till": true, "by": true, "of": true, "during": true,
	"early": true, "late": true, "mid": true, "end": true, "im": true, "seit": true, "bis": true, "ab": true, "en": true, "de": true, "desde": true, "hasta": true, "di": true, "a": true,
}

// Words before an instance that make it the next one, not the one
// reported: "into the fourth round", "ahead of stage 6".
var andWords = map[string]bool{"and": true, "or": true, "und": true, "et": true, "y": true, "e": true}

var skipWords = map[string]bool{"the": true, "a": true, "of": true, "la": true, "le": true, "die": true, "der": true, "den": true, "el": true}

var towardWords = map[string]bool{"into": true, "toward": true, "towards": true, "before": true, "ahead": true, "for": true, "vor": true, "avant": true, "antes": true}

// headWord is a word of a headline: its lower-case spelling and whether
// a '.' follows it at once ("5." is an ordinal in German).
type headWord struct {
	w   string
	dot bool
}

// maxHeadWords bounds the words of a headline read for marks.
const maxHeadWords = 40

// HeadlineMarks reads the instances a headline names (see Marks). It
// allocates only when the headline names one.
func HeadlineMarks(title string) []Mark {
	var buf [maxHeadWords]headWord
	words := headWords(title, buf[:0])
	var out []Mark
	add := func(m Mark) {
		for _, x := range out {
			if x == m {
				return
			}
		}
		out = append(out, m)
	}
	toward := func(i int) bool { // the word before words[i], skipping "the", "of"
		j := i - 1
		for k := 0; k < 2 && j >= 0 && skipWords[words[j].w]; k++ {
			j--
		}
		if j >= 0 && words[j].w == "to" { // "through to round 4", not "sprints to stage 4 win"
			return j > 0 && (words[j-1].w == "through" || words[j-1].w == "on")
		}
		return j >= 0 && towardWords[words[j].w]
	}
	for i, hw := range words {
		w := hw.w
		if k, ok := quarterToken(w); ok { // Q3, H1
			if !toward(i) {
				add(k)
			}
			continue
		}
		if mo, ok := months[w]; ok {
			prev, next := "", ""
			if i > 0 {
				prev = words[i-1].w
			}
			if i+1 < len(words) {
				next = words[i+1].w
			}
			day := dayOf(prev, i > 0 && words[i-1].dot)
			if day == 0 {
				day = dayOf(next, false)
			}
			if ambiguousMonths[w] && day == 0 && !isYear(prev) && !isYear(next) && !monthPrepositions[prev] {
				continue
			}
			add(Mark{KindMonth, mo})
			if day > 0 {
				add(Mark{KindDate, mo*32 + day})
			}
			continue
		}
		kind, ok := instanceNouns[w]
		if !ok {
			continue
		}
		// "fifth stage", "5th stage", "5. Etappe", "5e étape"
		if i > 0 {
			if n := ordinalOf(words[i-1]); n > 0 && !toward(i-1) {
				add(Mark{kind, n})
				continue
			}
		}
		// "stage 5", "stage five", "part II"
		if i+1 < len(words) && kind != KindTest {
			if n := cardinalOf(words[i+1].w); n > 0 && !toward(i) {
				add(Mark{kind, n})
				// "stages 5 and 6"
				if i+3 < len(words) && andWords[words[i+2].w] {
					if n := cardinalOf(words[i+3].w); n > 0 {
						add(Mark{kind, n})
					}
				}
			}
		}
	}
	return out
}

// headWords splits a headline into lower-case words: runs of letters and
// digits, a '-' between two letters splitting too ("third-round").
func headWords(s string, out []headWord) []headWord {
	lower := ""
	for i := 0; i < len(s) && len(out) < cap(out); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			j += n
		}
		w := s[i:j]
		if hasUpper(w) {
			if lower == "" {
				lower = strings.ToLower(s) // once per headline, when needed
			}
			if len(lower) == len(s) {
				w = lower[i:j]
			} else {
				w = strings.ToLower(w)
			}
		}
		out = append(out, headWord{w: w, dot: j < len(s) && s[j] == '.' && (j+1 == len(s) || s[j+1] == ' ')})
		i = j
	}
	return out
}

func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// quarterToken reads "q3" (a quarter) and "h1" (a half-year).
func quarterToken(w string) (Mark, bool) {
	if len(w) == 2 && w[1] >= '1' && w[1] <= '4' {
		switch {
		case w[0] == 'q':
			return Mark{KindQuarter, uint16(w[1] - '0')}, true
		case w[0] == 'h' && w[1] <= '2':
			return Mark{KindHalf, uint16(w[1] - '0')}, true
		}
	}
	return Mark{}, false
}

// ordinalOf is the value of an ordinal: "fifth", "5th", "5e", "5ª", or
// a number followed by a dot ("5. Etappe"); 0 if w is none.
func ordinalOf(hw headWord) uint16 {
	w := hw.w
	if n, ok := ordinalWords[w]; ok {
		return n
	}
	d := 0
	for d < len(w) && w[d] >= '0' && w[d] <= '9' {
		d++
	}
	if d == 0 || d > 3 {
		return 0
	}
	n, _ := strconv.Atoi(w[:d])
	switch w[d:] {
	case "":
		if !hw.dot {
			return 0
		}
	case "st", "nd", "rd", "th", "e", "er", "re", "ème", "eme", "ª", "º", "o", "a", "º.", "te", "ten":
	default:
		return 0
	}
	if n <= 0 {
		return 0
	}
	return uint16(n)
}

// cardinalOf is the value of a number written after an instance noun:
// "5", "five", "II"; 0 for none or a year.
func cardinalOf(w string) uint16 {
	if n, ok := numberWords[w]; ok {
		return n
	}
	if len(w) == 0 || len(w) > 3 {
		return 0
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return 0
		}
	}
	n, _ := strconv.Atoi(w)
	return uint16(n)
}

// dayOf is the day of the month w gives ("3", "3rd", "3."), or 0.
func dayOf(w string, dot bool) uint16 {
	n := ordinalOf(headWord{w: w, dot: dot})
	if n == 0 {
		n = cardinalOf(w)
		if _, spelled := numberWords[w]; spelled {
			n = 0
		}
	}
	if n > 31 {
		return 0
	}
	return n
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
	ms := HeadlineMarks(s)
	out := ms[:0]
	for _, m := range ms {
		if m.Kind != KindMonth && m.Kind != KindDate {
			out = append(out, m)
		}
	}
	return out
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
