package cache

import (
	"strings"
	"testing"

	"newsreader/cache/recommend"
	"newsreader/cache/stories"
)

// saveLocal is a small town's news, written for these tests: two stories
// about Port Alder ten days apart (so two stories), articles that share
// only a common verb, and others around them.
func saveLocal(t testing.TB, s *Store) {
	t.Helper()
	day := 24 * 60
	mustSave(t, s, ok("https://harbor.example/local.rss",
		news("Harbor Post", "www.harbor.example", 30, "Port Alder council votes to rebuild the ferry pier", "The council of Port Alder agreed on Tuesday to rebuild the ferry pier that winter storms wrecked."),
		news("Harbor Post", "www.harbor.example", 45, "Harbor council chose Velmar architects for the new library", "The harbor council chose a design by Velmar architects for the library on Quay Street, to open in spring."),
		news("Harbor Post", "www.harbor.example", 50, "Rowing club names Brenholt captain for the season", "Members of the rowing club chose Ilse Brenholt, a veteran sculler, to lead the crew through regattas, training camps and the autumn marathon on the estuary."),
		news("Harbor Post", "www.harbor.example", 70, "Bakery on Mill Lane wins regional bread prize", "A family bakery on Mill Lane took the regional prize for rye bread."),
		news("Harbor Post", "www.harbor.example", 80, "School choir to sing at the cathedral", "The school choir will sing carols at the cathedral on Sunday evening."),
		news("Harbor Post", "www.harbor.example", 10*day, "Ferry crossings to Port Alder cancelled for a week", "Ferry crossings between Lindqvist and Port Alder stop for a week while inspectors check the pier."),
		news("Harbor Post", "www.harbor.example", 11*day, "Storm floods the seafront road in Lindqvist", "High tides and wind flooded the seafront road in Lindqvist overnight."),
	), "local")
}

// Related names what two stories share as written: a place of two words
// stays one ("Port Alder"), not "port, alder".
func TestRelatedReasonKeepsNamesWhole(t *testing.T) {
	s := openTemp(t)
	saveLocal(t, s)
	pier, ferry := byTitle(t, s, "Port Alder council"), byTitle(t, s, "Ferry crossings")
	if pier.Story == ferry.Story {
		t.Fatalf("ten days apart, one story: %d", pier.Story)
	}
	rel, err := s.Related(ctx, pier.ID, 5)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rel {
		checkSubjects(t, "related", r.Why, "shares ")
		if r.ID == ferry.ID {
			found = true
			if !strings.Contains(r.Why, "Port Alder") {
				t.Errorf("the ferry story's reason %q does not name Port Alder", r.Why)
			}
		}
	}
	if !found {
		t.Errorf("the other Port Alder story is not related: %+v", rel)
	}
}

// Recommended never gives a common verb as the subject read ("more on
// chose"): with nothing telling in common it names the article read.
func TestRecommendedReasonNeverACommonWord(t *testing.T) {
	s := openTemp(t)
	saveLocal(t, s)
	lib := byTitle(t, s, "Harbor council chose")
	if err := s.SetRead(ctx, lib.ID, true); err != nil {
		t.Fatal(err)
	}
	recs, fallback, err := s.Recommended(ctx, "", 5)
	if err != nil || fallback || len(recs) == 0 {
		t.Fatalf("recommended: %v %v %+v", fallback, err, recs)
	}
	club := false
	for _, r := range recs {
		if strings.HasPrefix(r.Why, "because you read") {
			if !strings.Contains(r.Why, "Harbor council chose") {
				t.Errorf("%q: %q names another article", r.Title, r.Why)
			}
		} else {
			checkSubjects(t, "recommended", r.Why, "more on ")
		}
		if strings.HasPrefix(r.Title, "Rowing club") {
			club = true
			if !strings.HasPrefix(r.Why, "because you read") {
				t.Errorf("the rowing club shares only \"chose\" with what was read: %q", r.Why)
			}
		}
	}
	if !club {
		t.Errorf("the article sharing a verb with the history was not recommended at all: %+v", recs)
	}
}

// checkSubjects checks a reason "PREFIXa, b" names only telling subjects:
// none a stop word, a common word or a bare number.
func checkSubjects(t *testing.T, list, why, prefix string) {
	t.Helper()
	if !strings.HasPrefix(why, prefix) {
		if why == "" {
			t.Errorf("%s: empty reason", list)
		}
		return
	}
	for _, subj := range strings.Split(strings.TrimPrefix(why, prefix), ", ") {
		if !strings.Contains(subj, " ") && (recommend.Common(stories.Normalize(subj)) || stories.IsNumber(subj)) {
			t.Errorf("%s: reason %q names %q", list, why, subj)
		}
	}
}

// A wire's dateline puts its own name in every report; the name of
// either article's publisher (feed title or outlet) is never a subject,
// nor a word of it alone ("business" of "Business News"); a subject that
// only shares a word with it ("wire transfers", "Times Square") still is.
func TestNotPublisher(t *testing.T) {
	a := Article{Source: "Meridian Wire: Business News", Outlet: "meridian.example"}
	o := Article{Source: "Northgate Times - World", Outlet: "northgate.example"}
	for _, tc := range []struct {
		in   []string
		n    int
		want string
	}{
		{[]string{"Meridian Wire", "Storm Idris", "Brennmark"}, 2, "Storm Idris|Brennmark"},
		{[]string{"Northgate Times", "PORT SALO"}, 3, "PORT SALO"},
		{[]string{"wire transfers", "business", "Times Square"}, 3, "wire transfers|Times Square"},
		{[]string{"Meridian Wire"}, 2, ""},
		{[]string{"Brennmark", "Storm Idris", "Skarre"}, 2, "Brennmark|Storm Idris"},
	} {
		if got := strings.Join(notPublisher(tc.in, tc.n, a, o), "|"); got != tc.want {
			t.Errorf("notPublisher(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
