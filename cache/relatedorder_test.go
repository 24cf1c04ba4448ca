package cache

import (
	"strings"
	"testing"
)

// A running story told over two days: Related of today's report lists the
// other outlet's report of today's news before the same outlet's report
// of yesterday's, however few reports the story holds (they all fit in
// the list, yet their order is what the reader sees first).
func TestRelatedListsTheClosestReportOfTheStoryFirst(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, ok("https://meridianwire.example/world.xml",
		news("Meridian Wire", "meridianwire.example", 35*60, "UN Envoy Arrives In Dessa For Ceasefire Talks", "A United Nations envoy arrived in Dessa on Thursday to begin talks on extending the ceasefire between the Dessan government and rebel groups. The truce expires next week, and both sides have accused each other of violations."),
		news("Meridian Wire", "meridianwire.example", 120, "Dessa Ceasefire Extended By 60 Days After UN-Brokered Talks", "Dessa's government and rebel groups agreed to extend their ceasefire by 60 days and to begin prisoner exchanges next week, the UN envoy said on Saturday after talks in the capital."),
	), "world")
	mustSave(t, s, ok("https://harbourtimes.example/world.rss",
		news("Harbour Times", "harbourtimes.example", 60, "Dessa Truce Extended, Raising Hopes Of Lasting Peace", "The ceasefire in Dessa has been extended for another 60 days after UN-brokered talks, with the government and rebel groups agreeing to exchange prisoners from next week."),
	), "world")
	truce, extended, envoy := byTitle(t, s, "Dessa Truce"), byTitle(t, s, "Dessa Ceasefire Extended"), byTitle(t, s, "UN Envoy")
	if truce.Story != extended.Story || truce.Story != envoy.Story {
		t.Fatalf("the running story is not one story: %d %d %d", truce.Story, extended.Story, envoy.Story)
	}
	rel, err := s.Related(ctx, truce.ID, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(rel) < 2 || rel[0].ID != extended.ID || rel[1].ID != envoy.ID || !strings.HasPrefix(rel[0].Why, "same story") {
		var got []string
		for _, r := range rel {
			got = append(got, r.Title+" ("+r.Why+")")
		}
		t.Errorf("related to %q: %q, want today's other report first, then yesterday's", truce.Title, got)
	}
}
