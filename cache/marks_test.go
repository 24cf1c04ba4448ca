package cache

import (
	"strings"
	"testing"

	"newsreader/feed"
)

// reply is an item of a comment or forum feed: its title and link in the
// software's form, its text a reader's comment repeating the headline's
// words.
func reply(source, link string, minutesAgo int, title, body string) feed.Article {
	a := news(source, "x.example", minutesAgo, title, body)
	a.ID, a.Link = link, link
	return a
}

// Comment-feed items and forum replies repeat the headline they answer:
// they never join its story (so never count as another outlet covering
// it), and Related lists the story's coverage and other reports before
// them, while a reply's own Related still finds the article it answers.
func TestRepliesNeverJoinNewsStories(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, ok("https://www.fenwickcourier.example/news.rss",
		news("The Fenwick Courier", "www.fenwickcourier.example", 60, "Fenwick councillors back 4.9% council tax rise but save the libraries",
			"Fenwick City Council approved a 4.9% rise in council tax after a four-hour meeting, but dropped plans to close three branch libraries. Council leader Iris Okafor blamed the cost of adult social care."),
		news("The Fenwick Courier", "www.fenwickcourier.example", 180, "Fenwick libraries campaign hands in 9,000-name petition",
			"Campaigners fighting the closure of three Fenwick branch libraries handed council leader Iris Okafor a petition signed by more than 9,000 residents."),
	), "news")
	mustSave(t, s, ok("https://newsroom.cpa-wire.example/national.atom",
		news("Continental Press Agency", "newsroom.cpa-wire.example", 50, "Fenwick raises local tax by 4.9 pct, keeps libraries open",
			"FENWICK — Fenwick City Council approved a 4.9% increase in council tax on Wednesday, reversing proposed closures of three public libraries. Council leader Iris Okafor blamed the cost of social care."),
	), "news")
	// The Courier's comment feed (WordPress style) and a town forum.
	comments := ok("https://www.fenwickcourier.example/comments/feed/",
		reply("Comments for The Fenwick Courier", "https://www.fenwickcourier.example/news/fenwick-council-tax/#comment-501", 40,
			"Comment on Fenwick councillors back 4.9% council tax rise but save the libraries by Hettie Marr",
			"A 4.9% council tax rise again. Fenwick City Council saves the libraries and we pay for it. Iris Okafor should look at the council's own spending first."),
		reply("Comments for The Fenwick Courier", "https://www.fenwickcourier.example/news/fenwick-council-tax/#comment-502", 35,
			"Comment on Fenwick councillors back 4.9% council tax rise but save the libraries by Samir Dade",
			"Glad the libraries are saved. A 4.9% council tax rise is a fair price; Fenwick City Council listened to the campaign."))
	mustSave(t, s, comments, "news")
	mustSave(t, s, ok("https://talk.fenwick.example/latest.rss",
		reply("Fenwick Talk", "https://talk.fenwick.example/t/council-tax-rise/88/4", 30,
			"Re: Fenwick councillors back 4.9% council tax rise but save the libraries",
			"The 4.9% council tax rise hits families hardest. Fenwick City Council kept the libraries open but Iris Okafor has no plan for social care costs.")), "news")

	report := byTitle(t, s, "Fenwick councillors back")
	wire := byTitle(t, s, "Fenwick raises local tax")
	if report.Story != wire.Story {
		t.Fatalf("the two reports are apart: %d %d", report.Story, wire.Story)
	}
	if report.StorySize != 2 {
		t.Errorf("story covered by %d outlets, want 2 (replies are no outlets)", report.StorySize)
	}
	arts, err := s.StoryArticles(ctx, report.Story)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if strings.HasPrefix(a.Title, "Comment on") || strings.HasPrefix(a.Title, "Re:") {
			t.Errorf("reply %q joined the story", a.Title)
		}
	}
	if len(arts) != 2 {
		t.Errorf("story has %d articles, want the 2 reports", len(arts))
	}
	// Related: the wire's report, then the Courier's petition story
	// (another report), and the replies only after those.
	rel, err := s.Related(ctx, report.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	firstReply, petition := -1, -1
	for i, r := range rel {
		isReply := strings.HasPrefix(r.Title, "Comment on") || strings.HasPrefix(r.Title, "Re:")
		if isReply && firstReply < 0 {
			firstReply = i
		}
		if strings.HasPrefix(r.Title, "Fenwick libraries campaign") {
			petition = i
		}
	}
	if len(rel) == 0 || rel[0].ID != wire.ID {
		t.Errorf("Related does not open with the other outlet's report: %+v", rel)
	}
	if petition < 0 || firstReply >= 0 && firstReply < petition {
		t.Errorf("a reply comes before the petition report (reply at %d, report at %d): %+v", firstReply, petition, rel)
	}
	// Ranking: the replies, newer than both stories and from two sites,
	// come after the stories.
	rows, err := s.Ranking(ctx, "news", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 3 {
		t.Errorf("ranking has %d rows, want the 2 stories and the replies: %+v", len(rows), rows)
	}
	for i, r := range rows {
		isReply := strings.HasPrefix(r.Title, "Comment on") || strings.HasPrefix(r.Title, "Re:")
		if isReply != (i >= 2) {
			t.Errorf("ranking row %d: %q", i, r.Title)
		}
	}
	// A reply's own Related finds what it answers.
	r := byTitle(t, s, "Re: Fenwick councillors")
	if r.Story == report.Story {
		t.Fatal("forum reply in the news story")
	}
	rel, err = s.Related(ctx, r.ID, 5)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, x := range rel {
		found = found || x.ID == report.ID || x.ID == wire.ID
	}
	if !found {
		t.Errorf("a reply's Related misses the reports it answers: %+v", rel)
	}
}

// Recurring events told in the same words are different stories when
// their headlines number different instances (stage 5 and stage 6, March
// and April); the same instance in other words is one story.
func TestInstancesKeepLookAlikeEventsApart(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, ok("https://capstone.example/sport.rss",
		news("Capstone Daily", "capstone.example", 1500, "Stage 5 of the Tour of Varre: Remy Attar wins the sprint in Corran",
			"Remy Attar of team Sollen won the bunch sprint in Corran ahead of Piet Marov, while Oskar Blum kept the Tour of Varre leader's jersey."),
		news("Capstone Daily", "capstone.example", 60, "Stage 6 of the Tour of Varre: Remy Attar wins the sprint in Dunmore",
			"Remy Attar of team Sollen won the bunch sprint in Dunmore ahead of Piet Marov, while Oskar Blum kept the Tour of Varre leader's jersey."),
	), "sport")
	mustSave(t, s, ok("https://wire.example/sport.atom",
		news("Meridian Wire", "meridian.example", 1480, "Attar takes fifth stage of Tour of Varre, Blum keeps lead",
			"CORRAN (Meridian Wire) - Remy Attar won the fifth stage of the Tour of Varre in a bunch sprint in Corran, beating Piet Marov, as Oskar Blum kept the overall lead."),
		news("Meridian Wire", "meridian.example", 40, "Attar takes sixth stage of Tour of Varre, Blum keeps lead",
			"DUNMORE (Meridian Wire) - Remy Attar won the sixth stage of the Tour of Varre in a bunch sprint in Dunmore, beating Piet Marov, as Oskar Blum kept the overall lead."),
	), "sport")
	s5, s6 := byTitle(t, s, "Stage 5 of"), byTitle(t, s, "Stage 6 of")
	w5, w6 := byTitle(t, s, "Attar takes fifth"), byTitle(t, s, "Attar takes sixth")
	if s5.Story == s6.Story || w5.Story == w6.Story || s5.Story == w6.Story {
		t.Errorf("stages 5 and 6 joined: %d %d %d %d", s5.Story, w5.Story, s6.Story, w6.Story)
	}
	if s5.Story != w5.Story || s6.Story != w6.Story {
		t.Errorf("one stage told twice is apart: stage 5 %d %d, stage 6 %d %d", s5.Story, w5.Story, s6.Story, w6.Story)
	}
	// Related of stage 6: the other report of stage 6 first, then the
	// previous stage, still like it.
	rel, err := s.Related(ctx, s6.ID, 3)
	if err != nil || len(rel) < 2 || rel[0].ID != w6.ID || rel[1].Story != s5.Story {
		t.Errorf("Related of stage 6: %+v %v", rel, err)
	}
}
