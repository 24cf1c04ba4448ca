package cache

import (
	"strings"
	"testing"

	"newsreader/feed"
)

// A wire's credits ("(Reporting by …; Editing by …)") are no words of its
// reports for the stories, Related and Recommended: two reports of
// unrelated events signed by the same reporters share nothing by them.
func TestStoryTermsLeaveCreditsOut(t *testing.T) {
	s := openTemp(t)
	a := art("w1", "https://wire.test/1", "Brannock profit falls on price war", 10)
	a.Content = "<p>Brannock Motors said quarterly profit fell 18 pct as a price war hit margins.</p><p>(Reporting by Anya Kern in Lisk; Writing by Tomas Reed; Editing by Mina Calloway)</p>"
	b := art("w2", "https://wire.test/2", "Storm cuts power to 300,000 homes", 20)
	b.Content = "<p>A storm cut power to 300,000 homes on the coast overnight.</p><p>(Additional reporting by Anya Kern; Editing by Tomas Reed)</p>"
	if err := s.Save(ctx, feed.Result{URL: "https://wire.test/f", Status: feed.StatusOK, Title: "Wire", Articles: []feed.Article{a, b}}, Membership{Sections: []string{"news"}}); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	rows, err := s.db.Query("SELECT id FROM articles")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	vs, err := s.vectors(ctx, ids)
	if err != nil || len(vs) != 2 {
		t.Fatalf("%d vectors, %v", len(vs), err)
	}
	for id, d := range vs {
		var terms []string
		for term := range d.Terms {
			terms = append(terms, term)
		}
		for term := range d.Names {
			terms = append(terms, term)
		}
		if len(terms) == 0 {
			t.Errorf("article %d has no terms", id)
		}
		for _, term := range terms {
			for _, credit := range []string{"anya", "kern", "tomas", "reed", "mina", "calloway", "reporting", "writing", "editing"} {
				if strings.Contains(term, credit) {
					t.Errorf("article %d: term %q from its credits", id, term)
				}
			}
		}
	}
}
