package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"time"
)

// SyncConfig is the [sync] table: a Miniflux (REST) or Google Reader API
// server that keeps reading state the same on every device.
type SyncConfig struct {
	Kind            string `toml:"kind"` // "miniflux" or "greader"
	URL             string `toml:"url"`
	Token           string `toml:"token,omitempty"` // Miniflux API key
	Username        string `toml:"username,omitempty"`
	Password        string `toml:"password,omitempty"`         // works, but password_command is better
	PasswordCommand string `toml:"password_command,omitempty"` // run with sh -c; its output is the password
	Source          string `toml:"source,omitempty"`           // "feeds" (default) or "server"
	Subscriptions   string `toml:"subscriptions,omitempty"`    // "offer" (default), "add", or "off"
}

// FromServer reports whether entries come from the server instead of the feeds.
func (c *SyncConfig) FromServer() bool { return c != nil && c.Source == "server" }

func (c *SyncConfig) validate() *configError {
	bad := func(msg string, a ...any) *configError {
		return &configError{key: "[sync]", msg: "[sync]: " + fmt.Sprintf(msg, a...)}
	}
	switch c.Kind {
	case "miniflux", "greader":
	case "":
		return bad(`kind is missing ("miniflux" or "greader")`)
	default:
		return bad(`kind %q is not "miniflux" or "greader"`, Line(c.Kind))
	}
	u, err := url.Parse(c.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return bad("url is not an http(s) URL")
	}
	if u.User != nil {
		return bad("url must not hold credentials: use token, or username and password_command")
	}
	switch {
	case c.Token != "" && c.Kind == "greader":
		return bad("token works with kind = \"miniflux\"; the Google Reader API needs username and password_command")
	case c.Token != "" && (c.Username != "" || c.Password != "" || c.PasswordCommand != ""):
		return bad("give token, or username and password, not both")
	case c.Token == "" && c.Username == "":
		return bad("needs token, or username and password_command")
	case c.Token == "" && c.Password == "" && c.PasswordCommand == "":
		return bad("username %q needs password_command (or password)", Line(c.Username))
	case c.Password != "" && c.PasswordCommand != "":
		return bad("give password or password_command, not both")
	}
	switch c.Source {
	case "", "feeds", "server":
	default:
		return bad(`source %q is not "feeds" or "server"`, Line(c.Source))
	}
	switch c.Subscriptions {
	case "", "offer", "add", "off":
	default:
		return bad(`subscriptions %q is not "offer", "add" or "off"`, Line(c.Subscriptions))
	}
	return nil
}

// Warnings are problems worth telling the user that do not stop the
// reader: a password written in a config file others can read.
func (c *SyncConfig) Warnings(configPath string) []string {
	if c == nil || c.Password == "" && c.Token == "" {
		return nil
	}
	fi, err := os.Stat(configPath)
	if err != nil || fi.Mode().Perm()&0o044 == 0 {
		return nil
	}
	what := "password"
	if c.Token != "" {
		what = "token"
	}
	return []string{fmt.Sprintf("%s: the [sync] %s is readable by other users (chmod 600 it, or use password_command)", configPath, what)}
}

// Secret returns the password: the output of password_command (its last
// newline trimmed), else the one in the file. Errors never hold the
// command's output.
func (c *SyncConfig) Secret(ctx context.Context) (string, error) {
	if c.PasswordCommand == "" {
		return c.Password, nil
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", "-c", c.PasswordCommand)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stdin = os.Stdin
	cmd.Stderr = os.Stderr // a password manager may ask or explain there
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("[sync] password_command failed (exit status %d)", ee.ExitCode())
		}
		return "", errors.New("[sync] password_command could not run")
	}
	pw := strings.TrimRight(out.String(), "\r\n")
	if pw == "" {
		return "", errors.New("[sync] password_command printed nothing")
	}
	return pw, nil
}
