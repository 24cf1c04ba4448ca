package cache

import (
	"context"
	"strings"

	"newsreader/cache/recommend"
	"newsreader/cache/stories"
	"newsreader/feed"
)

// Reasons of the discovery lists, in the articles' own words: what two
// articles share is named by the phrases of their titles and summaries
// that hold a telling term (see recommend.Subjects), so a place reads
// "Port Alder", not "port, alder", and a verb both happen to use is never
// the reason.

// rare says whether a term is found in few articles of the cache: at most
// one in share of them (and never fewer than 3 articles count as few).
func (ts termStats) rare(share int) func(string) bool {
	limit := stories.IDF(max(ts.docs/share, 3), ts.docs)
	return func(t string) bool { return ts.idf(t) >= limit }
}

// notPublisher returns up to n of subjects that are not the name of the
// publisher of one of the articles: a wire's dateline ("PORT SALO
// (Meridian Wire) -") or a sign-off puts the outlet's name in every one of
// its reports, and "more on Meridian Wire" says nothing of the subject.
// A subject is the publisher's name when its words appear, in order, in
// the feed's title or the outlet of either article.
func notPublisher(subjects []string, n int, arts ...Article) []string {
	var out []string
	for _, s := range subjects {
		if len(out) == n {
			break
		}
		words := strings.Join(queryWords(s), " ")
		publisher := false
		for _, a := range arts {
			for _, name := range []string{a.Source, a.Outlet} {
				if w := strings.Join(queryWords(name), " "); words != "" && (w == words || strings.HasPrefix(w, words+" ") || strings.HasSuffix(w, " "+words) || strings.Contains(w, " "+words+" ")) {
					publisher = true
				}
			}
		}
		if !publisher {
			out = append(out, s)
		}
	}
	return out
}

// texts is what a reason may quote of an article: its title and summary.
func texts(a Article) []string { return []string{a.Title, feed.PlainText(a.Summary)} }

// relatedWhy is the reason of a Related row o for article a (whose
// texts are at) that is not of its story: the subjects they share,
// heaviest first.
func relatedWhy(a Article, at []string, o Article, shared []string, ts termStats) string {
	ot := texts(o)
	// Names and rare terms; else terms a fifth of the cache holds at most
	// ("interest rates" among many rate decisions).
	for _, share := range []int{20, 5} {
		if subj := notPublisher(recommend.Subjects(ot, at, shared, ts.rare(share), ts.isName, 5), 3, a, o); len(subj) > 0 {
			return "shares " + strings.Join(subj, ", ")
		}
	}
	return "alike in content"
}

// recommendWhy writes the reasons of the picked recommendations, with the
// subjects each shares with the article it follows when it is only a
// little like it (recommend.Why).
func (s *Store) recommendWhy(ctx context.Context, picked []recommend.Candidate, seeds []recommend.Seed, sv, cv map[int64]stories.Doc, meta map[int64]Article, ts termStats) error {
	var need []int64
	for _, c := range picked {
		if c.Sim < 0.15 {
			need = append(need, seeds[c.Seed].ID)
		}
	}
	if len(need) == 0 {
		return nil
	}
	seedArts, err := s.byIDs(ctx, need)
	if err != nil {
		return err
	}
	for i, c := range picked {
		if c.Sim >= 0.15 {
			continue
		}
		sd := seeds[c.Seed]
		c.Title = meta[c.ID].Title
		shared := stories.Shared(sv[sd.ID].Weigh(ts.idf).All, cv[c.ID].Weigh(ts.idf).All)
		c.Subjects = notPublisher(recommend.Subjects(texts(meta[c.ID]), texts(seedArts[sd.ID]), shared, ts.rare(20), ts.isName, 4), 2, meta[c.ID], seedArts[sd.ID])
		picked[i].Title, picked[i].Subjects, picked[i].Why = c.Title, c.Subjects, recommend.Why(c, seeds)
	}
	return nil
}
