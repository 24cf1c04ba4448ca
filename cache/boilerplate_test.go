package cache

import (
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
