package bench

// Discovery at 100,000 articles: the queries behind Related, Ranking,
// Recommended and search, and the whole --related/--search/... processes,
// over a cache of invented news (stories told by one to four of twenty
// outlets, names, numbers, topic words) built through the ordinary Save
// path, so stories and the index are what a real refresh makes.
//
//	go test ./bench -run '^$' -bench Discovery -benchtime 200x -count 5
//
// The cache takes a few minutes to build; it is kept in the system's
// temporary directory (newsreader-discovery-100k-*.db, one per source
// tree) and reused by later runs.

import (
	"context"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsreader/cache"
	"newsreader/feed"
)

// syllables build invented words; names are capitalised.
var syllables = strings.Fields("ka lo mi ren to sha vel dor an te bri sol mar qui ne zu pa gor lin ost fen ra wy del cor tha mun ib es")

func word(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return b.String()
}

var fillers = strings.Fields("the a of in on to and for with after over as said by its has from at that was were is are will new first more than about")

// newsArticles invents n articles over 30 days, newest first: stories of
// one to four outlets, each outlet wording it its own way.
func newsArticles(n int) [][]feed.Article {
	r := rand.New(rand.NewPCG(7, 11))
	names := make([]string, 3000)
	for i := range names {
		w := word(r, 2+r.IntN(2))
		names[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	vocab := make([]string, 4000)
	for i := range vocab {
		vocab[i] = word(r, 2+r.IntN(2))
	}
	const outlets = 20
	perOutlet := make([][]feed.Article, outlets)
	base := time.Now()
	span := 30 * 24 * time.Hour
	k := 0
	for story := 0; k < n; story++ {
		who := []string{names[r.IntN(len(names))], names[r.IntN(len(names))]}
		what := make([]string, 8)
		for i := range what {
			what[i] = vocab[r.IntN(len(vocab))]
		}
		num := fmt.Sprint(10 + r.IntN(990))
		at := base.Add(-time.Duration(r.Int64N(int64(span))))
		tellers := 1 + r.IntN(4)
		first := r.IntN(outlets)
		for t := 0; t < tellers && k < n; t++ {
			o := (first + t*7) % outlets
			pick := func(m int) []string {
				out := make([]string, m)
				for i := range out {
					out[i] = what[r.IntN(len(what))]
				}
				return out
			}
			title := fmt.Sprintf("%s %s %s %s %s", who[0], strings.Join(pick(2), " "), fillers[r.IntN(len(fillers))], num, strings.Join(pick(2), " "))
			var body strings.Builder
			for s := range 6 {
				fmt.Fprintf(&body, "<p>%s %s %s %s in %s, %s %s.</p>", strings.ToUpper(fillers[r.IntN(len(fillers))][:1])+fillers[r.IntN(len(fillers))][1:],
					strings.Join(pick(3), " "), who[s%2], vocab[r.IntN(len(vocab))], names[r.IntN(len(names))], strings.Join(pick(2), " "), num)
			}
			p := at.Add(time.Duration(r.IntN(600)) * time.Minute)
			perOutlet[o] = append(perOutlet[o], feed.Article{
				ID: fmt.Sprintf("news-%d", k), Link: fmt.Sprintf("https://www.outlet%d.example/story/%d", o, k),
				Source: fmt.Sprintf("Outlet %d", o), Title: title, Author: names[r.IntN(len(names))],
				Published: p, Updated: p, Summary: body.String(), Comments: r.IntN(50), Views: r.IntN(20000),
			})
			k++
		}
	}
	return perOutlet
}

// NewsCache returns a 100,000-article cache of invented news, building it
// through Save (100 articles a feed, oldest first) unless a previous run
// left one.
func NewsCache(b *testing.B) string {
	// One cache per source tree: another tree's schema may be newer.
	wd, _ := os.Getwd()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("newsreader-discovery-100k-%x.db", crc32.ChecksumIEEE([]byte(wd))))
	if s, err := cache.Open(path); err == nil {
		arts, err := s.Articles(context.Background(), "news", 0, 1)
		n, _ := s.Count(context.Background(), "news")
		s.Close()
		if err == nil && len(arts) == 1 && n == 100_000 && arts[0].Story != 0 {
			return path
		}
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	s, err := cache.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	per := newsArticles(100_000)
	// Deliver in time order, a hundred at a time per outlet, as refreshes would.
	// One clock for every day's bounds, so no article falls between two.
	now := time.Now()
	for day := 30; day >= 0; day-- {
		for o, arts := range per {
			var batch []feed.Article
			lo, hi := now.Add(-time.Duration(day+1)*24*time.Hour), now.Add(-time.Duration(day)*24*time.Hour)
			if day == 0 {
				// The last day's stories run on for a few hours: deliver
				// those too, or the cache holds fewer than 100,000 and
				// the next run builds it again.
				hi = hi.Add(24 * time.Hour)
			}
			for _, a := range arts {
				if !a.Published.Before(lo) && a.Published.Before(hi) {
					batch = append(batch, a)
				}
			}
			for i := 0; i < len(batch); i += 100 {
				res := feed.Result{URL: fmt.Sprintf("https://www.outlet%d.example/feed", o), Status: feed.StatusOK,
					Title: fmt.Sprintf("Outlet %d", o), Articles: batch[i:min(i+100, len(batch))]}
				if err := s.Save(context.Background(), res, cache.Membership{Sections: []string{"news"}}); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.Logf("built %s in %s", path, time.Since(start).Round(time.Second))
	return path
}

func BenchmarkDiscoveryQueries(b *testing.B) {
	path := NewsCache(b)
	s, err := cache.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	arts, err := s.Articles(ctx, "news", 0, 5000)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Related", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if _, err := s.Related(ctx, arts[(i*97)%len(arts)].ID, 20); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("Ranking", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Ranking(ctx, "news", 20); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Recommended", func(b *testing.B) {
		for i := range 30 {
			s.SetRead(ctx, arts[i*50].ID, true)
		}
		for i := range 5 {
			s.SetStarred(ctx, arts[i*300+7].ID, true)
		}
		b.Cleanup(func() {
			for i := range 30 {
				s.SetRead(ctx, arts[i*50].ID, false)
			}
			for i := range 5 {
				s.SetStarred(ctx, arts[i*300+7].ID, false)
			}
		})
		for b.Loop() {
			if _, fb, err := s.Recommended(ctx, "", 20); err != nil || fb {
				b.Fatal(fb, err)
			}
		}
	})
	// A name (a few dozen articles), two topic words, a word being typed,
	// and text full of query syntax.
	name := strings.Fields(arts[10].Title)[0]
	topic := strings.Fields(arts[20].Title)
	for _, q := range []struct{ label, text string }{
		{"Name", name},
		{"TwoWords", topic[1] + " " + topic[2]},
		{"Prefix", topic[1][:3]},
		{"Syntax", `"` + name + ` AND (` + topic[1] + ` -x*:`},
	} {
		b.Run("Search"+q.label, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := s.Search(ctx, "", q.text, 0, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDiscoveryProcess(b *testing.B) {
	path := NewsCache(b)
	dir := b.TempDir()
	cfg := writeConfig(b, dir, map[string][]string{"news": {"https://www.outlet1.example/feed"}})
	s, err := cache.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	arts, err := s.Articles(context.Background(), "news", 0, 100)
	s.Close()
	if err != nil {
		b.Fatal(err)
	}
	name := strings.Fields(arts[10].Title)[0]
	for _, v := range []struct {
		label string
		args  []string
	}{
		{"Related", []string{"--related", arts[5].UID}},
		{"Ranking", []string{"--ranking", "--section", "news"}},
		{"Recommended", []string{"--recommended"}},
		{"Search", []string{"--search", name}},
	} {
		b.Run(v.label, func(b *testing.B) {
			args := append([]string{"--config", cfg, "--cache", path, "--offline", "--json", "--limit", "20"}, v.args...)
			runBinary(b, args...) // warm the page cache
			for b.Loop() {
				runBinary(b, args...)
			}
		})
	}
}
