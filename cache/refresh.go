package cache

import (
	"context"
	"strings"
	"time"

	"newsreader/feed"
)

// Summary counts how a refresh went.
type Summary struct {
	OK, NotModified, Failed, Articles int
	FullTexts, Pruned                 int // after the fetches: full texts fetched, articles pruned
	// New and Updated count distinct articles the refresh added or
	// changed (Articles counts every item of every feed fetched, so a story
	// in two feeds counts twice there and at most once here).
	New, Updated int
}

// Total is the number of feeds the refresh covered.
func (s Summary) Total() int { return s.OK + s.NotModified + s.Failed }

// Plan maps every feed URL of the given sections to where its articles go.
func Plan(sections []feed.Section) (urls []string, where map[string]Membership) {
	where = map[string]Membership{}
	add := func(u string, f func(*Membership)) {
		m, ok := where[u]
		if !ok {
			urls = append(urls, u)
		}
		f(&m)
		where[u] = m
	}
	for _, s := range sections {
		key := strings.ToLower(s.Key)
		for _, u := range s.Feeds {
			add(u, func(m *Membership) { m.Sections = append(m.Sections, key) })
		}
		if s.Ranking != "" {
			add(s.Ranking, func(m *Membership) { m.RankFor = append(m.RankFor, key) })
		}
	}
	return urls, where
}

// Refresh fetches every feed of sections with f and saves each result as
// it arrives. progress, if not nil, sees each result after it is saved;
// a result whose save failed carries that error instead.
func (s *Store) Refresh(ctx context.Context, f *feed.Fetcher, sections []feed.Section, progress func(feed.Result)) (Summary, error) {
	// A read-only or full cache fails here, before anything is downloaded.
	if err := s.CheckWritable(ctx); err != nil {
		return Summary{}, err
	}
	urls, where := Plan(sections)
	reqs, err := s.Validators(ctx, urls)
	if err != nil {
		return Summary{}, err
	}
	var sum Summary
	start := time.Now()
	added, changed := map[int64]bool{}, map[int64]bool{}
	f.FetchAll(ctx, reqs, func(r feed.Result) {
		saved, err := s.SaveCounted(ctx, r, where[r.URL])
		if err != nil {
			r.Status, r.Err = feed.StatusError, err
			saved = Saved{} // rolled back
		} else if ctx.Err() == nil {
			s.Schedule(ctx, r, time.Now()) // next_due from the feed's hints or back-off
		}
		for _, id := range saved.New {
			added[id] = true
		}
		for _, id := range saved.Updated {
			if !added[id] && !changed[id] {
				changed[id] = true
			}
		}
		sum.New, sum.Updated = len(added), len(changed)
		switch r.Status {
		case feed.StatusOK:
			sum.OK++
			sum.Articles += len(r.Articles)
		case feed.StatusNotModified:
			sum.NotModified++
		default:
			sum.Failed++
		}
		if progress != nil {
			progress(r)
		}
	})
	sum.FullTexts, sum.Pruned = s.afterRefresh(ctx, f, sections, start)
	return sum, nil
}
