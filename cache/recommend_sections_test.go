package cache

import "testing"

// A reader who read a match report in Sport is recommended the other
// sport story before a business story about the town the club is named
// after, which shares that name with the report more than the sport
// story shares words with it:
// the sections the reader sorted their feeds into say what a match on a
// name is worth (recommend.InSections).
func TestRecommendedWeighsTheSectionsRead(t *testing.T) {
	s := openTemp(t)
	saveNews(t, s)
	mustSave(t, s, ok("https://terrace.example/sport.rss",
		news("Terrace Times", "terrace.example", 40, "Harbour City beat Marlow Town as Okafor scores twice",
			"Harbour City won 2-0 at the Quayside ground, with Okafor scoring twice in the second half to lift the club to third in the league. Coach Brennan praised the defence."),
		news("Terrace Times", "terrace.example", 50, "Kestrel Athletic striker ruled out for the season",
			"Kestrel Athletic will be without their striker for the rest of the league season after an ankle injury in training, coach Dunmore said. The club hopes to sign a loan striker."),
	), "sport")
	mustSave(t, s, ok("https://quay.example/business.rss",
		news("Quay Ledger", "quay.example", 45, "Harbour City port to build a second container terminal",
			"The port of Harbour City will spend 40 million on a second container terminal after handling record cargo this year. Harbour City council backed the plan."),
	), "business")
	report := byTitle(t, s, "Harbour City beat")
	if err := s.SetRead(ctx, report.ID, true); err != nil {
		t.Fatal(err)
	}
	recs, fallback, err := s.Recommended(ctx, "", 3)
	if err != nil || fallback {
		t.Fatal(fallback, err)
	}
	if len(recs) == 0 {
		t.Fatal("no recommendations")
	}
	for _, r := range recs {
		t.Logf("%s: %s", r.Title, r.Why)
	}
	if got := recs[0].Title; got != "Kestrel Athletic striker ruled out for the season" {
		t.Errorf("first recommendation %q, want the other sport story", got)
	}
}

// A town the story read happened in is no interest by itself: a reader of
// a cycling stage won "in Corran" is recommended the other race's stage
// before a football transfer from Corran's club, although the transfer
// shares the town's name with the report more than the race shares
// words with it (recommend.PlaceWeight).
func TestRecommendedLooksPastTheTownRead(t *testing.T) {
	s := openTemp(t)
	saveNews(t, s)
	mustSave(t, s, ok("https://terrace.example/sport.rss",
		news("Terrace Times", "terrace.example", 40, "Attar wins the sprint in Corran as Blum keeps the lead",
			"Remy Attar won the fourth stage of the Tour of Calvera in Corran on Tuesday, beating the bunch in the sprint as Oskar Blum kept the race lead. The riders face the mountains in Corran province on Wednesday."),
		news("Terrace Times", "terrace.example", 50, "Corran striker Lio Barrett joins Port Salo Rovers",
			"Corran's top scorer Lio Barrett has joined Port Salo Rovers for a club record fee. Corran manager Ada Kell said the striker had earned the move after 30 goals for Corran."),
		news("Terrace Times", "terrace.example", 55, "Ilic climbs to victory at Esk Vale",
			"Ilic climbed clear on the final ascent to win the stage at Esk Vale on Sunday, two days from the finish in Valmora."),
	), "sport")
	report := byTitle(t, s, "Attar wins the sprint")
	if err := s.SetRead(ctx, report.ID, true); err != nil {
		t.Fatal(err)
	}
	recs, fallback, err := s.Recommended(ctx, "", 3)
	if err != nil || fallback {
		t.Fatal(fallback, err)
	}
	if len(recs) == 0 {
		t.Fatal("no recommendations")
	}
	for _, r := range recs {
		t.Logf("%s: %s", r.Title, r.Why)
	}
	if got := recs[0].Title; got != "Ilic climbs to victory at Esk Vale" {
		t.Errorf("first recommendation %q, want the other race", got)
	}
}
