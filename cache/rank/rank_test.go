package rank

import (
	"strings"
	"testing"
	"time"
)

func TestCoverageOutranksALoneFreshReport(t *testing.T) {
	wide, why := Score(Signals{Outlets: 5, Age: 2 * time.Hour})
	lone, _ := Score(Signals{Outlets: 1, Age: 10 * time.Minute})
	if wide <= lone {
		t.Errorf("5 outlets 2h %.2f <= 1 outlet 10 min %.2f", wide, lone)
	}
	if why != "5 outlets · 2h" {
		t.Errorf("why %q", why)
	}
}

func TestFreshnessDecays(t *testing.T) {
	fresh, _ := Score(Signals{Outlets: 3, Age: time.Hour})
	old, why := Score(Signals{Outlets: 3, Age: 72 * time.Hour})
	if old >= fresh {
		t.Errorf("3 days old %.2f >= 1h %.2f", old, fresh)
	}
	if why != "3 outlets · 3d" {
		t.Errorf("why %q", why)
	}
	// A wide story stays above a lone report of the same age, even old.
	lone, _ := Score(Signals{Outlets: 1, Age: 72 * time.Hour})
	if old <= lone {
		t.Errorf("coverage lost its weight with age: %.2f vs %.2f", old, lone)
	}
}

func TestMostReadIsStrongAndSaid(t *testing.T) {
	top, why := Score(Signals{Outlets: 1, Age: 5 * time.Hour, MostRead: 2})
	plain, _ := Score(Signals{Outlets: 2, Age: 5 * time.Hour})
	if top <= plain {
		t.Errorf("#2 most read %.2f <= 2 outlets %.2f", top, plain)
	}
	if !strings.HasPrefix(why, "#2 most read") {
		t.Errorf("why %q", why)
	}
	if _, why := Score(Signals{Outlets: 1, Age: 5 * time.Hour, MostRead: 1, MostReadIn: "Markets"}); !strings.HasPrefix(why, "#1 most read in Markets · ") {
		t.Errorf("a position from another section's list should name it: %q", why)
	}
	first, _ := Score(Signals{Outlets: 1, Age: 5 * time.Hour, MostRead: 1})
	tenth, _ := Score(Signals{Outlets: 1, Age: 5 * time.Hour, MostRead: 10})
	if first <= tenth {
		t.Errorf("#1 %.2f <= #10 %.2f", first, tenth)
	}
}

func TestReactionsBreakTiesAndReadSinks(t *testing.T) {
	quiet, _ := Score(Signals{Outlets: 2, Age: 3 * time.Hour})
	loud, why := Score(Signals{Outlets: 2, Age: 3 * time.Hour, Views: 50_000, Comments: 300})
	if loud <= quiet {
		t.Errorf("reactions: %.2f <= %.2f", loud, quiet)
	}
	if !strings.Contains(why, "50k views") {
		t.Errorf("why %q", why)
	}
	read, why := Score(Signals{Outlets: 2, Age: 3 * time.Hour, Read: true})
	if read >= quiet || !strings.HasSuffix(why, "· read") {
		t.Errorf("read %.2f (%q) vs unread %.2f", read, why, quiet)
	}
}

func TestAge(t *testing.T) {
	for d, want := range map[time.Duration]string{
		10 * time.Second: "now", 12 * time.Minute: "12 min", 5 * time.Hour: "5h", 47 * time.Hour: "47h", 80 * time.Hour: "3d",
	} {
		if got := Age(d); got != want {
			t.Errorf("Age(%v) = %q, want %q", d, got, want)
		}
	}
}
