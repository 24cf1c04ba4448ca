package feed

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// moved records the redirects of one feed request, as the client's
// CheckRedirect sees them: where its chain of permanent redirects (301,
// 308) from the start leads. A temporary one (302, 303, 307), or one
// that may not move the feed (trustedMove), ends the chain: the address
// before it is the one to keep.
type moved struct {
	permanent bool   // every redirect so far was permanent
	to        string // the address the permanent ones lead to
}

type movedKey struct{}

// withMoved is ctx recording the redirects of the request made with it.
func withMoved(ctx context.Context) (context.Context, *moved) {
	mv := &moved{permanent: true}
	return context.WithValue(ctx, movedKey{}, mv), mv
}

// checkRedirect follows at most max redirects, to http(s) only, and
// refuses a loop (no cookies are kept, so a redirect back to an address
// already visited would go round until the limit). It notes permanent
// redirects for the request's moved record.
func checkRedirect(max int) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		for _, v := range via {
			if v.URL.String() == req.URL.String() {
				return fmt.Errorf("redirect loop: %s redirects back to %s", via[len(via)-1].URL, req.URL)
			}
		}
		if len(via) > max {
			return fmt.Errorf("more than %d redirects", max)
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("redirect to %s: scheme", req.URL.Scheme)
		}
		if mv, _ := req.Context().Value(movedKey{}).(*moved); mv != nil {
			code := 0
			if req.Response != nil {
				code = req.Response.StatusCode
			}
			if mv.permanent && (code == http.StatusMovedPermanently || code == http.StatusPermanentRedirect) && trustedMove(via[len(via)-1].URL, req.URL) {
				mv.to = req.URL.String()
			} else {
				mv.permanent = false
			}
		}
		return nil
	}
}

// movedTo is the new address of the feed requested at from, if its
// redirects were permanent from the start, or "".
func (mv *moved) movedTo(from string) string {
	if mv.to == "" || mv.to == from {
		return ""
	}
	return Link(mv.to)
}

// trustedMove says whether a permanent redirect from one address to
// another may move a feed for good: over HTTPS to any https address, over
// plain HTTP only within its site (a new path, its own https, www. or
// another name under the same registered domain), since anyone on the
// network path can forge a plain HTTP answer. Never from https to http.
func trustedMove(from, to *url.URL) bool {
	switch {
	case to.Scheme != "https" && to.Scheme != "http", from.Scheme == "https" && to.Scheme != "https":
		return false
	case from.Scheme == "https":
		return true
	}
	return sameSite(from.Hostname(), to.Hostname())
}

// sameSite says whether two host names are one site: equal, or under
// the same registered domain (public suffix list: a.example.co.uk and
// example.co.uk are, alice.github.io and bob.github.io are not). An IP
// address is only itself.
func sameSite(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == b {
		return true
	}
	if net.ParseIP(a) != nil || net.ParseIP(b) != nil {
		return false
	}
	da, err := publicsuffix.EffectiveTLDPlusOne(a)
	if err != nil {
		return false
	}
	db, err := publicsuffix.EffectiveTLDPlusOne(b)
	return err == nil && da == db
}
