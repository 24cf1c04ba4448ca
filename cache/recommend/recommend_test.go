package recommend

import (
	"math"
	"strings"
	"testing"
	"time"

	"newsreader/cache/stories"
)

func TestSeedWeight(t *testing.T) {
	now := SeedWeight(false, 0)
	week := SeedWeight(false, HalfLife)
	if now != 1 || week < 0.49 || week > 0.51 {
		t.Errorf("decay: now %.2f, a half-life on %.2f", now, week)
	}
	if s := SeedWeight(true, 10*HalfLife); s < 1.5 || s <= week {
		t.Errorf("an old star should still weigh: %.2f", s)
	}
	if SeedWeight(true, 0) <= now {
		t.Error("starred should weigh more than read")
	}
}

func TestScoreAndReason(t *testing.T) {
	seeds := []Seed{{ID: 1, Title: "Tessaract Chips to cut 746 jobs in a restructuring that reaches every office", Weight: 1}, {ID: 2, Title: "Stars", Starred: true, Weight: 3}}
	c := Candidate{ID: 9, Story: 9, Seed: 0, Sim: 0.4, Age: time.Hour}
	s, why := Score(c, seeds)
	if s <= 0 || !strings.HasPrefix(why, "because you read \u201cTessaract Chips") || !strings.HasSuffix(why, "\u2026\u201d") {
		t.Errorf("score %.3f why %q", s, why)
	}
	old := c
	old.Age = 10 * FreshHalfLife
	if so, _ := Score(old, seeds); so >= s {
		t.Errorf("an old candidate should score less: %.3f vs %.3f", so, s)
	}
	// Within the last few days the hour does not matter: the closest to
	// the reader's interests comes first.
	day, twoDays := c, c
	day.Age, twoDays.Age = 24*time.Hour, Fresh-time.Hour
	if sd, _ := Score(day, seeds); sd != s {
		t.Errorf("a day-old candidate scores %.3f, an hour-old one %.3f", sd, s)
	}
	if s2, _ := Score(twoDays, seeds); s2 != s {
		t.Errorf("a candidate just inside Fresh scores %.3f, an hour-old one %.3f", s2, s)
	}
	closer := twoDays
	closer.Sim = 0.5
	if sc, _ := Score(closer, seeds); sc <= s {
		t.Errorf("a closer but older candidate should win among fresh ones: %.3f vs %.3f", sc, s)
	}
	// The score weighs the likeness to the widened interest (Like); the
	// reason goes by the likeness to the story read itself (Sim), so a
	// candidate only the widening brought near is "more on" what it
	// shares, never "because you read".
	widened := Candidate{Seed: 0, Sim: 0.05, Like: 0.4, Title: "Northwind layoffs reach its warehouses", Subjects: []string{"layoffs"}}
	if sw, why := Score(widened, seeds); sw != s || why != "more on layoffs" {
		t.Errorf("widened: score %.3f (want %.3f), why %q", sw, s, why)
	}
	c.Seed = 1
	if _, why := Score(c, seeds); why != "because you starred \u201cStars\u201d" {
		t.Errorf("why %q", why)
	}
	weak := Candidate{Seed: 0, Sim: 0.05, Title: "Northwind layoffs reach its warehouses", Subjects: []string{"layoffs", "restructuring", "office"}}
	if _, why := Score(weak, seeds); why != "more on layoffs, restructuring" {
		t.Errorf("weak likeness why %q", why)
	}
	// A number shared with the history is no topic: "more on 6" told the
	// reader nothing (seen in the demo's Recommended tab); nor is a common
	// verb ("more on chose").
	num := Candidate{Seed: 0, Sim: 0.05, Title: "Nine apps for better sleep and walking", Subjects: []string{"6", "sleep", "nine", "4.75", "chose", "second", "picks", "walking"}}
	if _, why := Score(num, seeds); why != "more on sleep, walking" {
		t.Errorf("numbers in the reason: %q", why)
	}
	// A lone lower-case word is named only when a title holds it: one
	// both bodies use in passing is no subject ("more on forcing"). A
	// name or a phrase needs no title; a dateline's capitals read as a
	// name.
	for _, tc := range []struct {
		title    string
		subjects []string
		want     string
	}{
		{"Kellin council hit by cyberattack", []string{"forcing", "cyberattack"}, "more on cyberattack"},
		{"Kellin council services offline", []string{"forcing", "summer"}, ""},
		{"Kellin council services offline", []string{"forcing", "Civic Union", "interest rates"}, "more on Civic Union, interest rates"},
		{"Moravec wins the final", []string{"PORT SALO", "KELLIN", "NATO"}, "more on Port Salo, Kellin"},
		{"Moravec wins the final", []string{"NATO"}, "more on NATO"},
		{"Lessons from the restructurings", []string{"restructurings"}, "more on restructurings"},
	} {
		c := Candidate{Seed: 0, Sim: 0.05, Title: tc.title, Subjects: tc.subjects}
		_, why := Score(c, seeds)
		if tc.want == "" && !strings.HasPrefix(why, "because you read") || tc.want != "" && why != tc.want {
			t.Errorf("%q with %q: why %q, want %q", tc.subjects, tc.title, why, tc.want)
		}
	}
	for _, only := range [][]string{{"6"}, {"chose"}, {"Rises"}, nil} {
		c := Candidate{Seed: 0, Sim: 0.05, Subjects: only}
		if _, why := Score(c, seeds); !strings.HasPrefix(why, "because you read") {
			t.Errorf("%q alone should name the article read: %q", only, why)
		}
	}
}

// Subjects come from the articles' own words: names whole, as written,
// rare terms in lower case, never a common verb or a stop word.
func TestSubjects(t *testing.T) {
	rare := func(string) bool { return true } // a small cache: every word is rare
	noName := func(string) bool { return false }
	for _, tc := range []struct {
		texts, other, shared []string
		want                 string
	}{
		{ // a two-word place stays whole; "cases" and "rise" are common words
			[]string{"Measles cases rise in Port Alder", "Health officials in Port Alder counted 21 new measles cases."},
			[]string{"Port Alder clinics run short of measles vaccine", "Clinics in Port Alder ran out of measles vaccine as cases rise."},
			[]string{"port", "alder", "measle", "case", "rise"}, "Port Alder|measles",
		},
		{ // only a common verb in common: nothing to name
			[]string{"Harbor council chose Velmar architects for library", "The council chose a design by Velmar."},
			[]string{"Club chose Brenholt as captain", "The players chose their captain."},
			[]string{"chose", "council"}, "",
		},
		{ // the name the body spells out wins over its part in the title
			[]string{"Faulty brake software forces Olmsted to call back cars", "Olmsted Motors will recall 882,000 cars to fix brake software."},
			[]string{"Olmsted profit jumps 32% as demand stays strong", "Olmsted Motors reported quarterly profit up 32%."},
			[]string{"olmsted", "motor", "32"}, "Olmsted Motors",
		},
		{ // "of" inside a name; a Title Case headline's capitals are no names
			[]string{"Central Bank Of Tirrenia Holds Rates", "The Bank of Tirrenia kept rates on hold."},
			[]string{"Bank of Tirrenia governor speaks", "Governor Ines Morel of the Bank of Tirrenia spoke on rates."},
			[]string{"tirrenia", "bank", "rate"}, "Bank of Tirrenia|rates",
		},
		{ // a sentence's first word is no name; a past tense is no subject
			[]string{"Estmark central bank cuts its key rate", "Critics edged away. Critics of the bank said it acted late."},
			[]string{"Valmont eases policy", "Critics edged closer, said economist Elias Forsberg."},
			[]string{"critic", "edged"}, "critics",
		},
		{ // the reporters who credit both reports are no subject of either
			[]string{"Brannock profit falls on price war", "Brannock Motors said profit fell 18%. (Reporting by Anya Kern; Editing by Tomas Reed)"},
			[]string{"Orrin picks Lisk for plant", "Orrin Systems chose Lisk for its plant. (Reporting by Anya Kern in Lisk; Writing by Tomas Reed)"},
			[]string{"anya", "kern", "tomas", "reed"}, "",
		},
		{ // numbers alone never make a subject
			[]string{"882,000 cars recalled", "Some 882,000 cars."}, []string{"882,000 vehicles", "882,000 in all."}, []string{"882000", "882"}, "",
		},
	} {
		got := strings.Join(Subjects(tc.texts, tc.other, tc.shared, rare, noName, 3), "|")
		if got != tc.want {
			t.Errorf("Subjects(%q):\n got %q\nwant %q", tc.texts[0], got, tc.want)
		}
	}
	// A term the cache finds common is not named, whatever the texts say.
	notRare := func(t string) bool { return t != "measle" }
	if got := Subjects([]string{"Measles cases rise in Port Alder", "Clinics in Port Alder report more measles."}, []string{"Measles in Port Alder"}, []string{"measle", "port", "alder"}, notRare, noName, 3); strings.Join(got, "|") != "Port Alder" {
		t.Errorf("common in the cache: %q", got)
	}
	// A name the cache knows stays written as one at the head of a title,
	// and is named however common its word ("United").
	known := func(t string) bool { return t == "valmont" || t == "united" }
	if got := Subjects([]string{"Valmont and United sign a deal"}, []string{"United leaves Valmont"}, []string{"valmont", "united"}, func(string) bool { return false }, known, 3); strings.Join(got, "|") != "Valmont|United" {
		t.Errorf("known names: %q", got)
	}
	// "Bank" is a name to the cache (most articles write "Reserve Bank",
	// "Central Bank"), but a piece of two different names is no subject.
	bank := func(t string) bool { return t == "bank" }
	if got := Subjects([]string{"Tirrenia holds rates", "The Tirrenian Central Bank kept its key rate."}, []string{"Norvania holds rates", "The Norvanian Reserve Bank kept its rate."}, []string{"bank", "rate"}, func(string) bool { return false }, bank, 3); len(got) != 0 {
		t.Errorf("a piece of a name: %q", got)
	}
}

func TestPickIsDiverse(t *testing.T) {
	var cands []Candidate
	// Seed 0 has many strong candidates, two of one story; seed 1 weaker ones.
	for i := range 6 {
		cands = append(cands, Candidate{ID: int64(i + 1), Story: int64(i/2*2 + 1), Seed: 0, Score: 1 - float64(i)*0.01})
	}
	for i := range 3 {
		cands = append(cands, Candidate{ID: int64(100 + i), Story: int64(100 + i), Seed: 1, Score: 0.5 - float64(i)*0.01})
	}
	got := Pick(cands, 5)
	stories, perSeed := map[int64]bool{}, map[int]int{}
	for _, c := range got {
		if stories[c.Story] {
			t.Errorf("two picks of story %d", c.Story)
		}
		stories[c.Story] = true
		perSeed[c.Seed]++
	}
	if len(got) != 5 || perSeed[1] < 2 {
		t.Errorf("picks %+v: per seed %v", got, perSeed)
	}
	if got[0].ID != 1 {
		t.Errorf("best first: %+v", got[0])
	}
}

func TestPickNeverFollowsOneArticleOnly(t *testing.T) {
	var cands []Candidate
	for i := range 8 {
		cands = append(cands, Candidate{ID: int64(i + 1), Story: int64(i + 1), Seed: 0, Score: 1 - float64(i)*0.01})
	}
	cands = append(cands, Candidate{ID: 50, Story: 50, Seed: 1, Score: 0.05})
	got := Pick(cands, 5)
	if len(got) != 5 || got[4].Seed != 1 || got[0].ID != 1 {
		t.Errorf("picks %+v", got)
	}
	// With no other subject left, the list still fills.
	if got := Pick(cands[:8], 5); len(got) != 5 {
		t.Errorf("picks %+v", got)
	}
}

// Group makes one interest per story read, in the order of each story's
// first (heaviest) seed, with every seed of the story in it.
func TestGroup(t *testing.T) {
	seeds := []Seed{{ID: 10}, {ID: 11}, {ID: 12}, {ID: 13}, {ID: 14}}
	story := map[int64]int64{10: 7, 11: 3, 12: 7, 13: 9, 14: 3}
	got := Group(seeds, func(id int64) int64 { return story[id] })
	want := [][]int{{0, 2}, {1, 4}, {3}}
	if len(got) != len(want) {
		t.Fatalf("groups %v, want %v", got, want)
	}
	for i := range want {
		if len(got[i]) != len(want[i]) {
			t.Fatalf("groups %v, want %v", got, want)
		}
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Fatalf("groups %v, want %v", got, want)
			}
		}
	}
	if g := Group(nil, func(int64) int64 { return 0 }); len(g) != 0 {
		t.Errorf("no seeds, groups %v", g)
	}
}

// In Chinese and Japanese titles, what two share is the longest runs of
// letters both hold that carry a telling bigram; never a run of hiragana
// alone (particles, endings).
func TestUnspacedSubjects(t *testing.T) {
	yes := func(string) bool { return true }
	no := func(string) bool { return false }
	shared := []string{"台風", "沖浜", "浜県", "した", "には"}
	got := Subjects([]string{"台風12号、沖浜県に上陸　5万戸が停電"}, []string{"沖浜県の台風被害には上陸した"}, shared, yes, no, 3)
	if strings.Join(got, "|") != "沖浜県|台風" {
		t.Errorf("subjects %q, want 沖浜県 then 台風 (not に上陸's particles)", got)
	}
	if got := Subjects([]string{"台風12号、沖浜県に上陸"}, []string{"沖浜県の台風被害"}, shared, no, no, 3); len(got) != 0 {
		t.Errorf("no telling bigram: %q", got)
	}
}

func TestInSections(t *testing.T) {
	read := map[string]bool{"sport": true, "top": true}
	cases := []struct {
		name     string
		sections []string
		read     map[string]bool
		want     float64
	}{
		{"in a section read", []string{"sport"}, read, 0.4},
		{"in several, one of them read", []string{"business", "top"}, read, 0.4},
		{"in none read", []string{"business", "tech"}, read, 0.4 * OtherSection},
		{"article in no section", nil, read, 0.4},
		{"interest read in no section", []string{"business"}, nil, 0.4},
	}
	for _, c := range cases {
		if got := InSections(0.4, c.sections, c.read); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	if OtherSection <= 0 || OtherSection >= 1 {
		t.Errorf("OtherSection %v: another section must count for less, and still count", OtherSection)
	}
}

func TestNumberWord(t *testing.T) {
	for _, w := range []string{"nine", "Nine", "hundreds", "third", "twenty", "million", "dozen"} {
		if !NumberWord(stories.Normalize(w)) {
			t.Errorf("%q is a number word", w)
		}
	}
	for _, w := range []string{"nineteenth-century", "network", "tender", "none", "often", "striker", "cyberattack"} {
		if NumberWord(stories.Normalize(w)) {
			t.Errorf("%q is not a number word", w)
		}
	}
}
