package recommend

import (
	"strings"
	"testing"
	"time"
)

func TestSeedWeight(t *testing.T) {
	now := SeedWeight(false, 0)
	week := SeedWeight(false, HalfLife)
	if now != 1 || week < 0.49 || week > 0.51 {
		t.Errorf("decay: now %.2f, a half-life on %.2f", now, week)
	}
	if s := SeedWeight(true, 10*HalfLife); s < 1.5 || s <= week {
		t.Errorf("an old star should still weigh: %.2f", s)
	}
	if SeedWeight(true, 0) <= now {
		t.Error("starred should weigh more than read")
	}
}

func TestScoreAndReason(t *testing.T) {
	seeds := []Seed{{ID: 1, Title: "Tessaract Chips to cut 746 jobs in a restructuring that reaches every office", Weight: 1}, {ID: 2, Title: "Stars", Starred: true, Weight: 3}}
	c := Candidate{ID: 9, Story: 9, Seed: 0, Sim: 0.4, Age: time.Hour}
	s, why := Score(c, seeds)
	if s <= 0 || !strings.HasPrefix(why, "because you read \u201cTessaract Chips") || !strings.HasSuffix(why, "\u2026\u201d") {
		t.Errorf("score %.3f why %q", s, why)
	}
	old := c
	old.Age = 10 * FreshHalfLife
	if so, _ := Score(old, seeds); so >= s {
		t.Errorf("an old candidate should score less: %.3f vs %.3f", so, s)
	}
	c.Seed = 1
	if _, why := Score(c, seeds); why != "because you starred \u201cStars\u201d" {
		t.Errorf("why %q", why)
	}
	weak := Candidate{Seed: 0, Sim: 0.05, Shared: []string{"layoff", "restructuring", "office"}}
	if _, why := Score(weak, seeds); why != "more on layoff, restructuring" {
		t.Errorf("weak likeness why %q", why)
	}
	// A number shared with the history is no topic: "more on 6" told the
	// reader nothing (seen in the demo's Recommended tab).
	num := Candidate{Seed: 0, Sim: 0.05, Shared: []string{"6", "sleep", "4.75", "walking"}}
	if _, why := Score(num, seeds); why != "more on sleep, walking" {
		t.Errorf("numbers in the reason: %q", why)
	}
	onlyNum := Candidate{Seed: 0, Sim: 0.05, Shared: []string{"6"}}
	if _, why := Score(onlyNum, seeds); !strings.HasPrefix(why, "because you read") {
		t.Errorf("a number-only likeness should name the article read: %q", why)
	}
}

func TestPickIsDiverse(t *testing.T) {
	var cands []Candidate
	// Seed 0 has many strong candidates, two of one story; seed 1 weaker ones.
	for i := range 6 {
		cands = append(cands, Candidate{ID: int64(i + 1), Story: int64(i/2*2 + 1), Seed: 0, Score: 1 - float64(i)*0.01})
	}
	for i := range 3 {
		cands = append(cands, Candidate{ID: int64(100 + i), Story: int64(100 + i), Seed: 1, Score: 0.5 - float64(i)*0.01})
	}
	got := Pick(cands, 5)
	stories, perSeed := map[int64]bool{}, map[int]int{}
	for _, c := range got {
		if stories[c.Story] {
			t.Errorf("two picks of story %d", c.Story)
		}
		stories[c.Story] = true
		perSeed[c.Seed]++
	}
	if len(got) != 5 || perSeed[1] < 2 {
		t.Errorf("picks %+v: per seed %v", got, perSeed)
	}
	if got[0].ID != 1 {
		t.Errorf("best first: %+v", got[0])
	}
}

func TestPickNeverFollowsOneArticleOnly(t *testing.T) {
	var cands []Candidate
	for i := range 8 {
		cands = append(cands, Candidate{ID: int64(i + 1), Story: int64(i + 1), Seed: 0, Score: 1 - float64(i)*0.01})
	}
	cands = append(cands, Candidate{ID: 50, Story: 50, Seed: 1, Score: 0.05})
	got := Pick(cands, 5)
	if len(got) != 5 || got[4].Seed != 1 || got[0].ID != 1 {
		t.Errorf("picks %+v", got)
	}
	// With no other subject left, the list still fills.
	if got := Pick(cands[:8], 5); len(got) != 5 {
		t.Errorf("picks %+v", got)
	}
}
