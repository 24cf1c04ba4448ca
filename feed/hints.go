package feed

import (
	"bytes"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Hints are what a feed and its server say about when to ask again.
type Hints struct {
	MaxAge     time.Duration // Cache-Control: max-age (or s-maxage)
	TTL        time.Duration // RSS <ttl> (minutes), or sy:updatePeriod/updateFrequency
	RetryAfter time.Duration // Retry-After on a 429 or 503
}

// Interval is how long a successful fetch says to wait: the longer of
// max-age and ttl.
func (h Hints) Interval() time.Duration { return max(h.MaxAge, h.TTL) }

func hintsFrom(h http.Header, body []byte, now time.Time) Hints {
	return Hints{MaxAge: maxAge(h.Get("Cache-Control")), TTL: feedTTL(body), RetryAfter: retryAfter(h.Get("Retry-After"), now)}
}

func maxAge(cc string) time.Duration {
	var age time.Duration
	for _, d := range strings.Split(strings.ToLower(cc), ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(d), "=")
		switch k {
		case "no-cache", "no-store":
			return 0
		case "max-age", "s-maxage":
			if n, err := strconv.Atoi(strings.Trim(v, `"`)); err == nil && n > 0 {
				age = max(age, time.Duration(n)*time.Second)
			}
		}
	}
	return age
}

// retryAfter reads delay-seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil {
		return max(time.Duration(n)*time.Second, 0)
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

var (
	ttlTag     = regexp.MustCompile(`<ttl>\s*(\d{1,6})\s*</ttl>`)
	syPeriod   = regexp.MustCompile(`<sy:updatePeriod>\s*(hourly|daily|weekly|monthly|yearly)\s*</sy:updatePeriod>`)
	syFreq     = regexp.MustCompile(`<sy:updateFrequency>\s*(\d{1,4})\s*</sy:updateFrequency>`)
	syPeriodOf = map[string]time.Duration{"hourly": time.Hour, "daily": 24 * time.Hour, "weekly": 7 * 24 * time.Hour, "monthly": 30 * 24 * time.Hour, "yearly": 365 * 24 * time.Hour}
)

// feedTTL finds <ttl> (minutes) or the syndication module's period in the
// feed's head (they sit before the first item).
func feedTTL(body []byte) time.Duration {
	head := body[:min(len(body), 16<<10)]
	if i := bytes.Index(head, []byte("<item")); i > 0 {
		head = head[:i]
	}
	if m := ttlTag.FindSubmatch(head); m != nil {
		n, _ := strconv.Atoi(string(m[1]))
		return time.Duration(n) * time.Minute
	}
	if m := syPeriod.FindSubmatch(head); m != nil {
		d := syPeriodOf[string(m[1])]
		if f := syFreq.FindSubmatch(head); f != nil {
			if n, _ := strconv.Atoi(string(f[1])); n > 0 {
				d /= time.Duration(n)
			}
		}
		return d
	}
	return 0
}
