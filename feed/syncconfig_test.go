package feed

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const syncSections = "[[sections]]\nkey = \"news\"\nfeeds = [\"https://example.test/feed.xml\"]\n\n"

func TestSyncConfig(t *testing.T) {
	for _, tc := range []struct {
		name, table, err string
	}{
		{"token", "kind = \"miniflux\"\nurl = \"https://mf.test\"\ntoken = \"abc\"", ""},
		{"command", "kind = \"greader\"\nurl = \"https://fr.test/api/greader.php\"\nusername = \"me\"\npassword_command = \"pass show rss\"", ""},
		{"server source", "kind = \"miniflux\"\nurl = \"https://mf.test\"\ntoken = \"abc\"\nsource = \"server\"\nsubscriptions = \"add\"", ""},
		{"no kind", "url = \"https://mf.test\"\ntoken = \"abc\"", "kind is missing"},
		{"bad kind", "kind = \"fever\"\nurl = \"https://mf.test\"\ntoken = \"abc\"", `kind "fever"`},
		{"bad url", "kind = \"miniflux\"\nurl = \"mf.test\"\ntoken = \"abc\"", "url is not"},
		{"url with password", "kind = \"miniflux\"\nurl = \"https://me:hunter22@mf.test\"\ntoken = \"abc\"", "must not hold credentials"},
		{"no creds", "kind = \"miniflux\"\nurl = \"https://mf.test\"", "needs token"},
		{"user no password", "kind = \"greader\"\nurl = \"https://mf.test\"\nusername = \"me\"", "needs password_command"},
		{"token for greader", "kind = \"greader\"\nurl = \"https://mf.test\"\ntoken = \"abc\"", "needs username"},
		{"both", "kind = \"miniflux\"\nurl = \"https://mf.test\"\ntoken = \"abc\"\nusername = \"me\"\npassword = \"x\"", "not both"},
		{"bad source", "kind = \"miniflux\"\nurl = \"https://mf.test\"\ntoken = \"abc\"\nsource = \"cloud\"", `source "cloud"`},
		{"unknown key", "kind = \"miniflux\"\nurl = \"https://mf.test\"\ntoken = \"abc\"\npasword = \"x\"", "unknown key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseConfig("c.toml", []byte(syncSections+"[sync]\n"+tc.table+"\n"))
			switch {
			case tc.err == "" && err != nil:
				t.Fatal(err)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Fatalf("error %v, want one with %q", err, tc.err)
			case err != nil && (strings.Contains(err.Error(), "hunter22") || strings.Contains(err.Error(), "abc")):
				t.Fatalf("error %q holds a secret", err)
			case err != nil && !strings.HasPrefix(err.Error(), "c.toml:"):
				t.Fatalf("error %q does not name the file and line", err)
			}
		})
	}
}

func TestSyncSecret(t *testing.T) {
	ctx := context.Background()
	c := &SyncConfig{PasswordCommand: "printf 'pw with spaces\\n'"}
	if pw, err := c.Secret(ctx); err != nil || pw != "pw with spaces" {
		t.Errorf("Secret = %q, %v", pw, err)
	}
	c = &SyncConfig{PasswordCommand: "echo leaked-secret; exit 4"}
	if _, err := c.Secret(ctx); err == nil || strings.Contains(err.Error(), "leaked") || !strings.Contains(err.Error(), "exit status 4") {
		t.Errorf("failing command: %v", err)
	}
	c = &SyncConfig{PasswordCommand: "true"}
	if _, err := c.Secret(ctx); err == nil {
		t.Error("empty output accepted as a password")
	}
	c = &SyncConfig{Password: "in-file"}
	if pw, _ := c.Secret(ctx); pw != "in-file" {
		t.Errorf("password from the file: %q", pw)
	}
}

func TestSyncWarnsWhenPasswordFileIsReadable(t *testing.T) {
	p := filepath.Join(t.TempDir(), "c.toml")
	os.WriteFile(p, []byte("x"), 0o644)
	c := &SyncConfig{Password: "pw"}
	if w := c.Warnings(p); len(w) != 1 || !strings.Contains(w[0], "readable by other users") || strings.Contains(w[0], "pw\"") {
		t.Errorf("warnings for a 0644 file: %q", w)
	}
	os.Chmod(p, 0o600)
	if w := c.Warnings(p); len(w) != 0 {
		t.Errorf("warnings for a 0600 file: %q", w)
	}
	c = &SyncConfig{PasswordCommand: "pass rss"}
	os.Chmod(p, 0o644)
	if w := c.Warnings(p); len(w) != 0 {
		t.Errorf("warnings with password_command: %q", w)
	}
}
