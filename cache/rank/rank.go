// Package rank scores a section's stories for the Ranking list: how widely
// a story is covered, how fresh it is, where the site's most-read feed puts
// it, its readers' reactions, and whether this reader has read it.
package rank

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Signals is what the cache knows of one story.
type Signals struct {
	Outlets  int           // distinct outlets covering it
	Age      time.Duration // since its newest report
	MostRead int           // best position in the section's most-read feed; 0 = not there
	// MostReadIn names the section whose most-read feed MostRead is from,
	// when the list spans sections ("" when it is the list's own section).
	MostReadIn string
	Comments   int // the most any of its reports has
	Views      int
	Rating     float64 // 0..5; 0 = unknown
	Read       bool    // the reader has read every report of it in the section
}

// HalfLife is how long a story takes to lose half its freshness.
const HalfLife = 18 * time.Hour

// Score rates a story and says why in a few words ("5 outlets · 2h",
// "#2 most read · 40 min"). Coverage counts most: each outlet beyond the
// first adds as much as a fresh story is worth, so a story five outlets
// carry outranks a lone report of an hour ago, but an old story fades.
func Score(s Signals) (float64, string) {
	outlets := max(s.Outlets, 1)
	age := max(s.Age, 0)
	fresh := math.Exp2(-age.Hours() / HalfLife.Hours())
	score := float64(outlets) * (0.35 + 0.65*fresh)
	var why []string
	if s.MostRead > 0 {
		score += 4 / math.Sqrt(float64(s.MostRead))
		if s.MostReadIn != "" {
			why = append(why, fmt.Sprintf("#%d most read in %s", s.MostRead, s.MostReadIn))
		} else {
			why = append(why, fmt.Sprintf("#%d most read", s.MostRead))
		}
	}
	if outlets > 1 {
		why = append(why, fmt.Sprintf("%d outlets", outlets))
	}
	if pop := popularity(s); pop > 0 {
		score += pop
		if len(why) < 2 {
			switch {
			case s.Views >= 1000:
				why = append(why, compact(s.Views)+" views")
			case s.Comments > 0:
				why = append(why, fmt.Sprintf("%d comments", s.Comments))
			}
		}
	}
	if s.Read {
		score *= 0.4
	}
	why = append(why, Age(age))
	if s.Read {
		why = append(why, "read")
	}
	return score, strings.Join(why, " · ")
}

// popularity turns reaction counts into a small bonus: at most about one
// extra outlet's worth for a very widely viewed or discussed story.
func popularity(s Signals) float64 {
	p := 0.0
	if s.Views > 0 {
		p += math.Log10(1+float64(s.Views)) / 6
	}
	if s.Comments > 0 {
		p += math.Log10(1+float64(s.Comments)) / 4
	}
	if s.Rating > 0 {
		p += (s.Rating - 2.5) / 10
	}
	return max(p, 0)
}

// Age writes a duration the way a list shows it: "now", "12 min", "5h", "3d".
func Age(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	default:
		return fmt.Sprintf("%dd", int(d.Hours()/24))
	}
}

func compact(n int) string {
	switch {
	case n >= 1_000_000:
		return fmt.Sprintf("%.1fM", float64(n)/1e6)
	case n >= 1000:
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}
