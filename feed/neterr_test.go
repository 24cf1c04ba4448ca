package feed

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// A feed that cannot be reached says why in a user's words: the name
// that does not resolve, the address where nothing answers, the
// certificate that is not trusted. The words the back-off classes as
// the reader's own network stay in them.
func TestConnectionFailuresInUsersWords(t *testing.T) {
	// Nothing listens: a port just closed.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	f := NewFetcher(Options{})
	r := f.Fetch(context.Background(), Request{URL: "http://" + addr + "/feed.xml"})
	if r.Err == nil || r.Err.Error() != "connection refused: nothing answers at "+addr {
		t.Errorf("refused: %v", r.Err)
	}
	// A certificate from no authority this client trusts.
	tlsSrv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake
	tlsSrv.StartTLS()
	defer tlsSrv.Close()
	r = f.Fetch(context.Background(), Request{URL: tlsSrv.URL + "/feed.xml"})
	if r.Err == nil || !strings.HasPrefix(r.Err.Error(), "certificate signed by an unknown authority (TLS)") {
		t.Errorf("untrusted certificate: %v", r.Err)
	}
	// A name that does not resolve, as the resolver reports it (no
	// lookup here: the sandbox's DNS is no test fixture).
	dnsErr := &url.Error{Op: "Get", URL: "https://feeds.example/rss", Err: &net.OpError{Op: "dial", Net: "tcp",
		Err: &net.DNSError{Err: "no such host", Name: "feeds.example\x1b[2J", Server: "10.0.0.53:53", IsNotFound: true}}}
	if got := reason(dnsErr).Error(); got != "no such host: feeds.example does not resolve (offline, or a mistyped address?)" {
		t.Errorf("DNS: %q", got)
	}
	// Others pass as they were.
	other := errors.New("something else")
	if got := reason(&url.Error{Op: "Get", URL: "https://x.example/", Err: other}); got != other {
		t.Errorf("other: %v", got)
	}
}
