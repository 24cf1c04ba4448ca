// Package synctest runs a real Miniflux v2.3.5 on a throwaway PostgreSQL
// cluster for the sync tests. Miniflux is built once from the module proxy
// through the tools module in bench/miniflux (kept out of the main
// go.mod) and cached in the temp dir by version; PostgreSQL runs as the
// postgres user when the tests run as root.
package synctest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	mf "miniflux.app/v2/client"
)

// Version is the Miniflux built and run.
const Version = "v2.3.5"

// pgBin is the newest /usr/lib/postgresql/<version>/bin (Debian's layout).
var pgBin = func() string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	best, bestV := "/usr/lib/postgresql/15/bin", 0
	for _, d := range dirs {
		v, err := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(d))))
		if err == nil && v > bestV {
			best, bestV = filepath.Dir(d), v
		}
	}
	return best
}()

// ErrNoPostgres means PostgreSQL cannot be started here: the only reason
// the sync tests skip.
var ErrNoPostgres = errors.New("PostgreSQL cannot be started")

// Env is a running PostgreSQL and Miniflux.
type Env struct {
	URL        string // Miniflux base URL
	Admin      *mf.Client
	BuildTook  time.Duration // 0 when the binary was cached
	StartTook  time.Duration // Miniflux start to healthy
	pgDir      string
	pgPort     int
	mfPort     int
	bin        string
	cmd        *exec.Cmd
	log        *bytes.Buffer
	adminPass  string
	asPostgres bool
}

const adminUser, adminPass = "admin", "admin-password-123"

// Start builds (once) and starts everything. The caller must Close.
func Start() (*Env, error) {
	e := &Env{adminPass: adminPass}
	if err := e.startPostgres(); err != nil {
		e.Close()
		return nil, err
	}
	bin, took, err := Build()
	if err != nil {
		e.Close()
		return nil, err
	}
	e.bin, e.BuildTook = bin, took
	if e.mfPort, err = freePort(); err != nil {
		e.Close()
		return nil, err
	}
	e.URL = fmt.Sprintf("http://127.0.0.1:%d", e.mfPort)
	start := time.Now()
	if err := e.StartMiniflux(); err != nil {
		e.Close()
		return nil, err
	}
	e.StartTook = time.Since(start)
	e.Admin = mf.NewClient(e.URL, adminUser, adminPass)
	if _, err := e.psql("CREATE EXTENSION IF NOT EXISTS pgcrypto"); err != nil {
		e.Close()
		return nil, err
	}
	return e, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// repoRoot finds the main module's root from the working directory.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "bench", "miniflux", "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("bench/miniflux/go.mod not found above the working directory")
		}
		dir = parent
	}
}

// Build returns the Miniflux binary, building it when it is not cached
// (under the temp dir, by version and platform). A lock file serialises
// concurrent test packages.
func Build() (bin string, took time.Duration, err error) {
	dir := filepath.Join(os.TempDir(), "newsreader-miniflux-"+Version+"-"+runtime.GOOS+"-"+runtime.GOARCH)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", 0, err
	}
	bin = filepath.Join(dir, "miniflux")
	lock, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return "", 0, err
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return "", 0, err
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
	if _, err := os.Stat(bin); err == nil {
		return bin, 0, nil
	}
	root, err := repoRoot()
	if err != nil {
		return "", 0, err
	}
	start := time.Now()
	tmp := bin + ".tmp"
	cmd := exec.Command("go", "build", "-o", tmp, "miniflux.app/v2")
	cmd.Dir = filepath.Join(root, "bench", "miniflux")
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "CGO_ENABLED=0") // never rewrite the tools module
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", 0, fmt.Errorf("building miniflux %s: %v\n%s", Version, err, out)
	}
	if err := os.Rename(tmp, bin); err != nil {
		return "", 0, err
	}
	return bin, time.Since(start), nil
}

// pgCommand runs a PostgreSQL program, as the postgres user when we are root.
func (e *Env) pgCommand(name string, args ...string) *exec.Cmd {
	path := filepath.Join(pgBin, name)
	if e.asPostgres {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
	}
	return exec.Command(path, args...)
}

func (e *Env) startPostgres() error {
	if _, err := os.Stat(filepath.Join(pgBin, "initdb")); err != nil {
		return fmt.Errorf("%w: %s/initdb is missing (install postgresql)", ErrNoPostgres, pgBin)
	}
	dir, err := os.MkdirTemp("", "newsreader-pg-")
	if err != nil {
		return err
	}
	e.pgDir = dir
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return fmt.Errorf("%w: running as root and there is no postgres user", ErrNoPostgres)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return err
		}
		e.asPostgres = true
	}
	data := filepath.Join(dir, "data")
	if out, err := e.pgCommand("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8").CombinedOutput(); err != nil {
		return fmt.Errorf("%w: initdb: %v\n%s", ErrNoPostgres, err, out)
	}
	if e.pgPort, err = freePort(); err != nil {
		return err
	}
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -c unix_socket_directories=%s -c fsync=off -c synchronous_commit=off -c full_page_writes=off", e.pgPort, dir)
	if out, err := e.pgCommand("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "start").CombinedOutput(); err != nil {
		return fmt.Errorf("%w: pg_ctl start: %v\n%s", ErrNoPostgres, err, out)
	}
	if out, err := exec.Command(filepath.Join(pgBin, "createdb"), "-h", "127.0.0.1", "-p", strconv.Itoa(e.pgPort), "-U", "postgres", "miniflux2").CombinedOutput(); err != nil {
		return fmt.Errorf("createdb: %v\n%s", err, out)
	}
	return nil
}

func (e *Env) psql(sql string, args ...string) (string, error) {
	a := []string{"-h", "127.0.0.1", "-p", strconv.Itoa(e.pgPort), "-U", "postgres", "-d", "miniflux2", "-v", "ON_ERROR_STOP=1", "-tA"}
	for _, v := range args {
		a = append(a, "-v", v)
	}
	cmd := exec.Command(filepath.Join(pgBin, "psql"), a...)
	cmd.Stdin = strings.NewReader(sql)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("psql: %v: %s", err, out)
	}
	return strings.TrimSpace(string(out)), nil
}

// StartMiniflux (re)starts the Miniflux process and waits until healthy.
func (e *Env) StartMiniflux() error {
	e.log = &bytes.Buffer{}
	cmd := exec.Command(e.bin)
	cmd.Env = append(os.Environ(),
		fmt.Sprintf("DATABASE_URL=postgres://postgres@127.0.0.1:%d/miniflux2?sslmode=disable", e.pgPort),
		"RUN_MIGRATIONS=1", "CREATE_ADMIN=1", "ADMIN_USERNAME="+adminUser, "ADMIN_PASSWORD="+e.adminPass,
		fmt.Sprintf("LISTEN_ADDR=127.0.0.1:%d", e.mfPort), "FETCHER_ALLOW_PRIVATE_NETWORKS=1",
		"DISABLE_SCHEDULER_SERVICE=1", "POLLING_FREQUENCY=1", "LOG_LEVEL=error", "BASE_URL="+e.URL,
	)
	cmd.Stdout, cmd.Stderr = e.log, e.log
	if err := cmd.Start(); err != nil {
		return err
	}
	e.cmd = cmd
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(e.URL + "/healthcheck")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("miniflux did not become healthy: %s", e.log.String())
}

// StopMiniflux kills the Miniflux process (PostgreSQL keeps the data).
func (e *Env) StopMiniflux() {
	if e.cmd != nil && e.cmd.Process != nil {
		e.cmd.Process.Kill()
		e.cmd.Wait()
		e.cmd = nil
	}
}

// Close stops Miniflux and PostgreSQL and removes the cluster.
func (e *Env) Close() {
	e.StopMiniflux()
	if e.pgDir != "" {
		if e.pgPort != 0 {
			e.pgCommand("pg_ctl", "-D", filepath.Join(e.pgDir, "data"), "-m", "immediate", "-w", "stop").Run()
		}
		os.RemoveAll(e.pgDir)
	}
}

// User is a Miniflux account for one test.
type User struct {
	ID       int64
	Name     string
	Password string
	Token    string     // REST API key
	Client   *mf.Client // REST client acting as the user
}

// NewUser creates an account with an API key and the Google Reader API
// enabled (same username and password), set in the integrations table
// with a bcrypt hash made by pgcrypto: no REST endpoint does that.
func (e *Env) NewUser(ctx context.Context, name string) (*User, error) {
	pw := name + "-secret-pw"
	u, err := e.Admin.CreateUserContext(ctx, name, pw, false)
	if err != nil {
		return nil, err
	}
	c := mf.NewClient(e.URL, name, pw)
	key, err := c.CreateAPIKeyContext(ctx, "newsreader test")
	if err != nil {
		return nil, err
	}
	_, err = e.psql(`UPDATE integrations SET googlereader_enabled = true, googlereader_username = :'u',
	googlereader_password = crypt(:'p', gen_salt('bf', 10)) WHERE user_id = :'id'`,
		"u="+name, "p="+pw, "id="+strconv.FormatInt(u.ID, 10))
	if err != nil {
		return nil, err
	}
	return &User{ID: u.ID, Name: name, Password: pw, Token: key.Token, Client: mf.NewClientWithOptions(e.URL, mf.WithAPIKey(key.Token))}, nil
}

// Log is what Miniflux printed.
func (e *Env) Log() string {
	if e.log == nil {
		return ""
	}
	return e.log.String()
}

// WaitHealthy waits for the server after a restart.
func (e *Env) WaitHealthy(ctx context.Context) error {
	for {
		if err := e.Admin.HealthcheckContext(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}
