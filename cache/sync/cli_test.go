package sync_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	gosync "sync"
	"sync/atomic"
	"testing"
	"time"

	mf "miniflux.app/v2/client"

	"newsreader/cache"
)

var (
	binOnce gosync.Once
	binPath string
	binErr  error
)

// newsreaderBin builds the reader once per test run.
func newsreaderBin(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "newsreader-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "newsreader")
		cmd := exec.Command("go", "build", "-o", binPath, "newsreader")
		cmd.Dir = "../.."
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// device is the reader's config and cache on one machine.
type device struct {
	dir, config, cache string
}

func newDevice(t testing.TB, feedURL, syncTable string) *device {
	t.Helper()
	d := &device{dir: t.TempDir()}
	d.config = filepath.Join(d.dir, "config.toml")
	d.cache = filepath.Join(d.dir, "cache.db")
	cfg := fmt.Sprintf("[[sections]]\nkey = \"news\"\nfeeds = [%q]\n\n[sync]\n%s\n", feedURL, syncTable)
	if err := os.WriteFile(d.config, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return d
}

func (d *device) run(t testing.TB, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(newsreaderBin(t), append([]string{"--config", d.config, "--cache", d.cache}, args...)...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code = cmd.ProcessState.ExitCode()
	if err != nil && code < 0 {
		t.Fatalf("run %v: %v", args, err)
	}
	return o.String(), e.String(), code
}

func (d *device) store(t testing.TB) *cache.Store {
	t.Helper()
	st, err := cache.Open(d.cache)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func syncTable(kind, url string, u interface{ creds() string }) string {
	return fmt.Sprintf("kind = %q\nurl = %q\nsubscriptions = \"off\"\n%s", kind, url, u.creds())
}

type tokenCreds struct{ token string }

func (c tokenCreds) creds() string { return fmt.Sprintf("token = %q", c.token) }

type commandCreds struct{ user, pw string }

func (c commandCreds) creds() string {
	return fmt.Sprintf("username = %q\npassword_command = %q", c.user, "printf '%s\\n' '"+c.pw+"'")
}

func credsFor(a *account) interface{ creds() string } {
	if a.kind == "miniflux" {
		return tokenCreds{a.user.Token}
	}
	return commandCreds{a.user.Name, a.user.Password}
}

// holdingProxy forwards to Miniflux; once armed, it holds the holdAt'th push
// request (REST PUT /v1/entries, or Google Reader edit-tag) unanswered and
// says so on held.
type holdingProxy struct {
	*httptest.Server
	armed  atomic.Bool
	pushes atomic.Int32
	holdAt int32 // which push request to hold
	held   chan struct{}
}

func newHoldingProxy(t testing.TB, holdAt int32) *holdingProxy {
	target, _ := url.Parse(env.URL)
	p := &holdingProxy{held: make(chan struct{}, 1), holdAt: holdAt}
	rp := httputil.NewSingleHostReverseProxy(target)
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		push := (r.Method == "PUT" && r.URL.Path == "/v1/entries") || strings.HasSuffix(r.URL.Path, "/edit-tag")
		if push && p.armed.Load() && p.pushes.Add(1) == p.holdAt {
			// Read the body so the server notices the client dying.
			io.Copy(io.Discard, r.Body)
			p.held <- struct{}{}
			select {
			case <-r.Context().Done():
			case <-time.After(3 * time.Second):
			}
			http.Error(w, "held", http.StatusServiceUnavailable)
			return
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(p.Server.Close)
	return p
}

func TestCLISync(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			site := newSite(t)
			name := "cli-" + kind
			u := site.add(name, 5)
			a := newAccount(t, kind, u)
			d := newDevice(t, u, syncTable(kind, env.URL, credsFor(a)))
			if _, stderr, code := d.run(t, "--refresh"); code != 0 {
				t.Fatalf("--refresh: %d %s", code, stderr)
			}
			link := func(i int) string { return site.srv.URL + "/" + name + "/" + itoa(i) }
			st := d.store(t)
			arts := articles(t, st)
			ctx := context.Background()
			st.SetRead(ctx, arts[link(0)].ID, true)
			st.SetStarred(ctx, arts[link(1)].ID, true)
			if err := a.user.Client.UpdateEntries(a.ids(t, link(3)), mf.EntryStatusRead); err != nil {
				t.Fatal(err)
			}
			out, stderr, code := d.run(t, "--sync")
			if code != 0 {
				t.Fatalf("--sync exit %d: %s", code, stderr)
			}
			for _, want := range []string{"pushed: 1 read, 1 starred", "pulled: 1 read"} {
				if !strings.Contains(out, want) {
					t.Errorf("--sync printed %q, want %q in it", out, want)
				}
			}
			sv := serverStates(t, a)
			if !sv[link(0)].read || !sv[link(1)].starred {
				t.Errorf("server after --sync: %+v", sv)
			}
			if !articles(t, st)[link(3)].Read {
				t.Error("the server's read did not reach the cache")
			}
			out, _, code = d.run(t, "--sync", "--json")
			if code != 0 || !strings.HasPrefix(out, `{"server":`) || strings.Count(out, "\n") != 1 {
				t.Errorf("--sync --json: exit %d, %q", code, out)
			}
			secret := a.user.Token
			if kind == "greader" {
				secret = a.user.Password
			}
			if strings.Contains(out, secret) {
				t.Error("--json output holds the secret")
			}

			// Server down: exit 1 with the reason, the change kept.
			st.SetRead(ctx, arts[link(4)].ID, true)
			env.StopMiniflux()
			t.Cleanup(func() { ensureMiniflux(t) })
			out, stderr, code = d.run(t, "--sync")
			if code != 1 || !strings.Contains(stderr, "connection refused") || !strings.Contains(stderr, "1 local change kept") {
				t.Errorf("--sync with the server down: exit %d, stdout %q, stderr %q", code, out, stderr)
			}
			if strings.Contains(stderr, secret) {
				t.Error("the error holds the secret")
			}
			ensureMiniflux(t)
			if _, stderr, code = d.run(t, "--sync"); code != 0 {
				t.Fatalf("--sync after restart: %d %s", code, stderr)
			}
			if !serverStates(t, a)[link(4)].read {
				t.Error("the change kept through the outage did not reach the server")
			}
		})
	}
}

func TestCLIWrongCredentialsKeepSecrets(t *testing.T) {
	needEnv(t)
	site := newSite(t)
	u := site.add("wrongcreds", 1)
	for _, table := range []string{
		fmt.Sprintf("kind = \"miniflux\"\nurl = %q\ntoken = \"tok-SECRET-123456\"", env.URL),
		fmt.Sprintf("kind = \"greader\"\nurl = %q\nusername = \"nobody\"\npassword = \"pw-SECRET-123456\"", env.URL),
		fmt.Sprintf("kind = \"greader\"\nurl = %q\nusername = \"nobody\"\npassword_command = \"echo pw-SECRET-123456; exit 3\"", env.URL),
	} {
		d := newDevice(t, u, table)
		out, stderr, code := d.run(t, "--sync")
		if code != 1 || strings.Contains(out+stderr, "SECRET") {
			t.Errorf("bad credentials: exit %d, stdout %q, stderr %q", code, out, stderr)
		}
		if !strings.Contains(stderr, "unauthorized") && !strings.Contains(stderr, "password_command failed (exit status 3)") {
			t.Errorf("stderr %q does not say why", stderr)
		}
		st := d.store(t)
		var last string
		st.DB().QueryRow("SELECT coalesce((SELECT value FROM sync_meta WHERE key = 'last_error'), '')").Scan(&last)
		if strings.Contains(last, "SECRET") {
			t.Errorf("recorded error holds the secret: %q", last)
		}
	}
	// A password in a file others can read is worth a warning.
	d := newDevice(t, u, fmt.Sprintf("kind = \"greader\"\nurl = %q\nusername = \"nobody\"\npassword = \"pw-SECRET-123456\"", env.URL))
	os.Chmod(d.config, 0o644)
	_, stderr, _ := d.run(t, "--sync")
	if !strings.Contains(stderr, "readable by other users") || strings.Contains(stderr, "SECRET") {
		t.Errorf("no warning for a world-readable password: %q", stderr)
	}
}

// kill -9 in the middle of a push: the next sync completes and no change
// is lost.
func TestCLIKilledMidSync(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			site := newSite(t)
			name := "kill-" + kind
			u := site.add(name, 1200)
			a := newAccount(t, kind, u)
			// Hold the request after the first acknowledged batch of 1,000:
			// one REST request, or four Google Reader ones of 250.
			holdAt := int32(2)
			if kind == "greader" {
				holdAt = 5
			}
			proxy := newHoldingProxy(t, holdAt)
			d := newDevice(t, u, syncTable(kind, proxy.URL, credsFor(a)))
			if _, stderr, code := d.run(t, "--refresh"); code != 0 {
				t.Fatalf("--refresh: %s", stderr)
			}
			if _, stderr, code := d.run(t, "--sync"); code != 0 {
				t.Fatalf("first --sync: %s", stderr)
			}
			st := d.store(t)
			ctx := context.Background()
			if _, err := st.MarkSectionRead(ctx, "news"); err != nil {
				t.Fatal(err)
			}
			arts := articles(t, st)
			for i := 0; i < 30; i++ {
				st.SetStarred(ctx, arts[site.srv.URL+"/"+name+"/"+itoa(i)].ID, true)
			}
			proxy.armed.Store(true)
			cmd := exec.Command(newsreaderBin(t), "--config", d.config, "--cache", d.cache, "--sync")
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			select {
			case <-proxy.held:
			case <-time.After(60 * time.Second):
				cmd.Process.Kill()
				t.Fatal("the sync never reached its second push")
			}
			cmd.Process.Kill() // SIGKILL
			cmd.Wait()
			left := pending(t, st)
			if left == 0 || left >= 1230 {
				t.Fatalf("outbox holds %d after the kill, want what was not acknowledged", left)
			}
			proxy.armed.Store(false)
			out, stderr, code := d.run(t, "--sync")
			if code != 0 {
				t.Fatalf("--sync after kill -9: exit %d %s", code, stderr)
			}
			if n := pending(t, st); n != 0 {
				t.Errorf("outbox holds %d after the next sync (%s)", n, out)
			}
			starred, unread := 0, 0
			for _, s := range serverStates(t, a) {
				if s.starred {
					starred++
				}
				if !s.read {
					unread++
				}
			}
			if unread != 0 || starred != 30 {
				t.Errorf("server after kill and resync: %d unread, %d starred; want 0 and 30", unread, starred)
			}
		})
	}
}

// The reader in tmux: it syncs after its startup refresh (the status line
// says so) and once more on quit, so a star made just before q reaches
// the server.
func TestReaderSyncsAfterRefreshAndOnQuit(t *testing.T) {
	needEnv(t)
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is required in CI")
		}
		t.Skip("tmux not installed")
	}
	site := newSite(t)
	name := "tmux-sync"
	u := site.add(name, 3)
	a := newAccount(t, "miniflux", u)
	d := newDevice(t, u, syncTable("miniflux", env.URL, credsFor(a)))
	link := func(i int) string { return site.srv.URL + "/" + name + "/" + itoa(i) }
	if err := a.user.Client.UpdateEntries(a.ids(t, link(0)), mf.EntryStatusRead); err != nil {
		t.Fatal(err)
	}
	bin := newsreaderBin(t)
	sock := filepath.Join(t.TempDir(), "tmux.sock")
	marker := filepath.Join(t.TempDir(), "exit")
	tmux := func(args ...string) string {
		out, err := exec.Command("tmux", append([]string{"-S", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	cmdline := fmt.Sprintf("%s --config %s --cache %s; echo $? > %s; sleep 30", bin, d.config, d.cache, marker)
	tmux("new-session", "-d", "-s", "nr", "-x", "160", "-y", "40", cmdline)
	t.Cleanup(func() { exec.Command("tmux", "-S", sock, "kill-server").Run() })
	waitScreen := func(what string, want string) string {
		deadline := time.Now().Add(30 * time.Second)
		var scr string
		for time.Now().Before(deadline) {
			if scr = tmux("capture-pane", "-p", "-t", "nr"); strings.Contains(scr, want) {
				return scr
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("%s: screen never showed %q:\n%s", what, want, scr)
		return ""
	}
	waitScreen("sync after the startup refresh", "synced ")
	waitScreen("the list", name+" story 2")
	tmux("send-keys", "-t", "nr", "*")
	time.Sleep(300 * time.Millisecond)
	tmux("send-keys", "-t", "nr", "q")
	deadline := time.Now().Add(30 * time.Second)
	for {
		if b, err := os.ReadFile(marker); err == nil {
			if strings.TrimSpace(string(b)) != "0" {
				t.Fatalf("reader exited %s", b)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the reader did not quit")
		}
		time.Sleep(100 * time.Millisecond)
	}
	st := d.store(t)
	arts := articles(t, st)
	if !arts[link(0)].Read {
		t.Error("the server's read did not reach the reader")
	}
	var starredHere []string
	for l, a := range arts {
		if a.Starred {
			starredHere = append(starredHere, l)
		}
	}
	if len(starredHere) != 1 {
		t.Fatalf("starred in the cache: %v, want the one article starred with *", starredHere)
	}
	if !serverStates(t, a)[starredHere[0]].starred {
		t.Error("the star made just before quitting did not reach the server")
	}
	if n := pending(t, st); n != 0 {
		t.Errorf("%d changes left in the outbox after quit", n)
	}
}
