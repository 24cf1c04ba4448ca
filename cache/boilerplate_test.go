package cache

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// An outlet's sign-off, repeated under every report of its feed ("Sign up
// for the Harbour Times morning briefing"), is not what a report is
// about: reports on unrelated events that share only it are not "like"
// each other in Related, and it does not join them into a story.
func TestFeedBoilerplateIsNotLikeness(t *testing.T) {
	s := openTemp(t)
	tail := "<p><em>Read more:</em> Sign up for the Harbour Times morning briefing, delivered to your inbox. Read more stories like this in our World section.</p>" +
		"<p>Reporting by Harbour Times staff. © 2026 Harbour Times Media Group.</p>"
	body := func(paras ...string) string { return "<p>" + strings.Join(paras, "</p><p>") + "</p>" + tail }
	arts := []struct {
		minutes int
		title   string
		body    string
	}{
		{30, "Supermarket Chain Freshway To Close 40 Stores", body("Freshway will close 40 of its 310 supermarkets next year, putting 2,200 jobs at risk, as shoppers move to discount rivals.", "Unions called the closures a blow to towns that rely on the chain.")},
		{60, "Storm Idris Floods Westmere Harbour", body("Storm Idris flooded Westmere harbour on Saturday and the coastguard evacuated 200 people from low-lying streets.", "Rail services to Ostra were suspended until Sunday.")},
		{90, "Review: The Lumo 3 Phone Has A Great Camera", body("The Lumo 3 takes superb photos in low light, but its battery barely lasts a day.", "It costs 799 euros.")},
		{120, "Calder Museum Returns Bronze Statues To Mirova", body("The Calder Museum returned six bronze statues to the island of Mirova, ending a decades-long dispute over objects taken in the 1890s.", "Islanders held a ceremony at the quay.")},
	}
	r := ok("https://harbourtimes.example/world.rss")
	for _, x := range arts {
		n := news("Harbour Times", "harbourtimes.example", x.minutes, x.title, "")
		n.Summary, n.Content = "", x.body
		r.Articles = append(r.Articles, n)
	}
	mustSave(t, s, r, "world")
	for _, x := range arts {
		a := byTitle(t, s, x.title)
		rel, err := s.Related(ctx, a.ID, 5)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range rel {
			t.Errorf("related to %q: %q (%s), which shares only the outlet's sign-off", a.Title, o.Title, o.Why)
		}
	}
}

// A wire's dateline credits the agency in every report ("PORT SALO
// (Meridian) -"): the agency's name is not a name the reports share, so
// wire reports on unrelated events are not "like" each other in Related.
// The place of the dateline stays a term: two wires' reports from Port
// Salo still share it.
func TestDatelineAgencyIsNotLikeness(t *testing.T) {
	s := openTemp(t)
	r := ok("https://meridianwire.example/world.xml")
	for i, x := range []struct{ title, body string }{
		{"Ferry Runs Aground Off Port Salo, Dozens Injured", "PORT SALO (Meridian) - A passenger ferry carrying about 300 people ran aground on a reef off Port Salo early on Thursday, injuring at least 40, the coastguard said."},
		{"Lumo Recalls Chargers Over Overheating Risk", "SAN LORENZO, Nov 28 (Meridian) – Phone maker Lumo is recalling 300,000 chargers sold with its handsets because they can overheat, the company said."},
		{"Reyes Wins Calvera Presidency By Narrow Margin", "SAN BERTO (Meridian) — Tomas Reyes won Calvera's presidential run-off with 50.8% of the vote, the electoral council said on Friday."},
		{"Brisk Raises $50 Million For Delivery Robots", "NORDHAVEN (Meridian) - Brisk, a startup building sidewalk delivery robots, raised $50 million in a round led by Alder Ventures."},
	} {
		n := news("Meridian Wire", "meridianwire.example", 30*(i+1), x.title, x.body)
		r.Articles = append(r.Articles, n)
	}
	mustSave(t, s, r, "world")
	for _, title := range []string{"Ferry Runs", "Lumo Recalls", "Reyes Wins", "Brisk Raises"} {
		a := byTitle(t, s, title)
		rel, err := s.Related(ctx, a.ID, 5)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range rel {
			t.Errorf("related to %q: %q (%s), which shares only the agency's credit", a.Title, o.Title, o.Why)
		}
	}
}

func TestWithoutDatelineCredit(t *testing.T) {
	for _, c := range [][2]string{
		{"PORT SALO (Meridian) - A ferry ran aground.", "PORT SALO - A ferry ran aground."},
		{"SAN LORENZO, Nov 28 (Meridian Wire) – Lumo is recalling chargers.", "SAN LORENZO, Nov 28 – Lumo is recalling chargers."},
		{"Summary.\n\nWASHINGTON (AP) — The Senate voted.", "Summary.\n\nWASHINGTON — The Senate voted."},
		{"SÃO PAULO (Agência) - Chuva.", "SÃO PAULO - Chuva."},
		// Not datelines: the brackets say something of the event.
		{"The Bank of Norland (BoN) - a note.", "The Bank of Norland (BoN) - a note."},
		{"Shares rose (up 3%) - a record.", "Shares rose (up 3%) - a record."},
		{"GDP (2025) - figures.", "GDP (2025) - figures."},
		{"A ferry ran aground off PORT SALO (Meridian) - later.", "A ferry ran aground off PORT SALO (Meridian) - later."},
	} {
		if got := withoutDatelineCredit(c[0]); got != c[1] {
			t.Errorf("withoutDatelineCredit(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// What is a feed's boilerplate: a paragraph in half its reports or more,
// or one naming the outlet in three of them; not a paragraph a few
// reports of one event share (a live blog's standing intro names the
// event, and is what ties its updates together).
func TestFeedBoilerplate(t *testing.T) {
	const (
		intro  = "Our reporters are following Storm Idris across the coast. This page is updated as news comes in."
		tail   = "Read more: Sign up for our morning briefing."
		credit = "Photo: Pool/Harbour Times"
	)
	var texts, names []string
	for i := range 12 {
		paras := []string{"Report number " + strings.Repeat("x", i+1) + "."}
		if i < 4 {
			paras = append(paras, intro)
		}
		if i%4 == 1 {
			paras = append([]string{credit}, paras...)
		}
		if i < 7 {
			paras = append(paras, tail)
		}
		texts = append(texts, strings.Join(paras, "\n\n"))
		names = append(names, "Harbour Times - World")
	}
	got := feedBoilerplate(texts, names)
	if !got[tail] || !got[credit] || got[intro] || len(got) != 2 {
		t.Errorf("boilerplate %v, want the tail (7 of 12) and the credit naming the outlet (3 of 12), not the live blog's intro (4 of 12)", got)
	}
	if got := feedBoilerplate(texts[:2], names[:2]); got != nil {
		t.Errorf("two reports: boilerplate %v", got)
	}
}

// withoutDatelineCredit tries its expression only on lines that can
// open with a dateline: it must cut exactly what the expression cuts
// over the whole text.
func TestDatelineCreditLinesAsTheWholeText(t *testing.T) {
	lines := []string{
		"PORT SALO (Meridian) - The board met.", "SAN LORENZO, Nov 28 (Meridian Wire) – Talks ended.",
		"ZÜRICH (Alpen Press) — Prices fell.", "The council (which met on Tuesday) said so.",
		"NEW YORK (AP) — x", "A (B) - c", "UN (Geneva) - talks", "Ñ. ÓRDENES, 3 de mayo (Agencia) - y",
		"ST. JOHN'S (Wire) -- z", "PORT SALO (Meridian 2) - digits in the credit", "lower (Case) - no",
		"É\u0301COLE (Presse) - mark", "  PORT SALO (Meridian) - indented", "PORT SALO(Meridian) - no space",
		strings.Repeat("LONGPLACE", 6) + " (Wire) - too long a place", "", "BERLIN, 1. Juni (dpa) - Regen.",
	}
	rng := rand.New(rand.NewPCG(3, 5))
	for i := range 3000 {
		n := 1 + rng.IntN(5)
		var parts []string
		for range n {
			parts = append(parts, lines[rng.IntN(len(lines))])
		}
		sep := []string{"\n", "\n\n", " "}[i%3]
		text := strings.Join(parts, sep)
		if got, want := withoutDatelineCredit(text), datelineCredit.ReplaceAllString(text, "$1$2"); got != want {
			t.Fatalf("%q:\n got %q\nwant %q", text, got, want)
		}
	}
}

func BenchmarkDatelineCredit(b *testing.B) {
	prose := strings.Repeat("The council (which met on Tuesday) said the plan would go ahead.\n\n", 30)
	wire := "PORT SALO (Meridian) - " + strings.Repeat("The board voted (five to two) to hold rates. ", 40)
	b.Run("prose", func(b *testing.B) {
		for b.Loop() {
			withoutDatelineCredit(prose)
		}
	})
	b.Run("wire", func(b *testing.B) {
		for b.Loop() {
			withoutDatelineCredit(wire)
		}
	})
}
