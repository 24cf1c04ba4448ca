package feed

import (
	"bufio"
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
)

// rawServer answers every connection with response, written byte for
// byte (no net/http on the server side to tidy a hostile status line).
func rawServer(t testing.TB, response string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				if _, err := http.ReadRequest(bufio.NewReader(c)); err != nil {
					return
				}
				c.Write([]byte(response))
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

// HostileStatus is a reason phrase carrying an OSC 8 link to a local
// file, a raw C1 CSI and a blink.
const HostileStatus = "HTTP/1.1 500 \x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\ \u009b5mnow\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"

func TestHostileStatusTextIsSanitised(t *testing.T) {
	u := rawServer(t, HostileStatus)
	res := NewFetcher(Options{}).Fetch(context.Background(), Request{URL: u + "/feed.xml"})
	if res.Status != StatusError || res.Err == nil {
		t.Fatalf("status %v, err %v", res.Status, res.Err)
	}
	msg := res.Err.Error()
	if strings.IndexFunc(msg, Forbidden) >= 0 || strings.Contains(msg, "\x1b") {
		t.Errorf("error keeps control characters: %q", msg)
	}
	if !strings.HasPrefix(msg, "HTTP 500") || !strings.Contains(msg, "click") {
		t.Errorf("error lost its meaning: %q", msg)
	}
	if Line(msg) != msg {
		t.Errorf("error is not one clean line: %q", msg)
	}
}

func TestSafeErrorKeepsIdentity(t *testing.T) {
	err := SafeError(ErrOffline)
	if err.Error() != "offline" || !errors.Is(err, ErrOffline) {
		t.Errorf("SafeError(ErrOffline) = %v", err)
	}
	if SafeError(nil) != nil {
		t.Error("SafeError(nil) is not nil")
	}
}
