package feed

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// Section is one part of the site: a key for --section, a title for the
// header, the feeds it draws on and an optional most-read feed.
type Section struct {
	Key     string   `toml:"key"`
	Title   string   `toml:"title"`
	Feeds   []string `toml:"feeds"`
	Ranking string   `toml:"ranking,omitempty"`
	// FullText fetches each new article's page during refresh and keeps
	// its readable text (politely: a small budget per refresh).
	FullText bool `toml:"full_text,omitempty"`
	// FullTextFeeds turns the same on for some of the section's feeds only.
	FullTextFeeds []string `toml:"full_text_feeds,omitempty"`
}

// Config is the whole config file.
type Config struct {
	Site           string    `toml:"site"`
	MarkReadOnOpen *bool     `toml:"mark_read_on_open,omitempty"` // default true
	Sections       []Section `toml:"sections"`
	// Sync is the [sync] table (see syncconfig.go); nil when absent.
	Sync *SyncConfig `toml:"sync,omitempty"`
	// KeepDays: read articles older than this many days are pruned after a
	// refresh (starred ones never; unread ones once older than the limit).
	// Default 30; 0 keeps everything.
	KeepDays *int `toml:"keep_days,omitempty"`
	// RefreshEvery is how often the open reader refreshes, e.g. "15m";
	// "off" or "0" turns it off. Default 30m. Feeds' own hints (ttl,
	// Cache-Control, Retry-After, back-off) can push a feed later.
	RefreshEvery string `toml:"refresh_every,omitempty"`
	// KeyTable is the [keys] table: action name -> key or list of keys.
	KeyTable map[string]any `toml:"keys,omitempty"`

	KeyBindings []KeyBinding `toml:"-"` // KeyTable, checked, with their lines (see keys.go)
	Path        string       `toml:"-"` // the file it came from
}

// DefaultKeepDays and DefaultRefreshEvery apply when the config is silent.
const (
	DefaultKeepDays     = 30
	DefaultRefreshEvery = 30 * time.Minute
)

// Keep is the retention limit in days (0: keep everything).
func (c Config) Keep() int {
	if c.KeepDays == nil {
		return DefaultKeepDays
	}
	return *c.KeepDays
}

// RefreshInterval is the open reader's auto-refresh period (0: off).
func (c Config) RefreshInterval() time.Duration {
	d, _ := parseEvery(c.RefreshEvery)
	return d
}

func parseEvery(s string) (time.Duration, error) {
	switch strings.TrimSpace(strings.ToLower(s)) {
	case "":
		return DefaultRefreshEvery, nil
	case "off", "0", "never", "false":
		return 0, nil
	}
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("refresh_every %q is not a duration like \"15m\" or \"off\"", s)
	}
	if d < time.Minute {
		return 0, fmt.Errorf("refresh_every %q is under a minute", s)
	}
	return d, nil
}

// MarkOnOpen reports whether opening an article marks it read.
func (c Config) MarkOnOpen() bool { return c.MarkReadOnOpen == nil || *c.MarkReadOnOpen }

// Section returns the section whose key matches (case-insensitively).
func (c Config) Section(key string) (Section, bool) {
	for _, s := range c.Sections {
		if strings.EqualFold(s.Key, key) {
			return s, true
		}
	}
	return Section{}, false
}

// Keys lists the section keys in config order.
func (c Config) Keys() []string {
	keys := make([]string, len(c.Sections))
	for i, s := range c.Sections {
		keys[i] = s.Key
	}
	return keys
}

// UnknownSectionError is returned when --section names no section.
type UnknownSectionError struct {
	Key  string
	Keys []string
}

func (e *UnknownSectionError) Error() string {
	return fmt.Sprintf("unknown section %q (sections: %s)", e.Key, strings.Join(e.Keys, ", "))
}

// Pick returns the sections named by key, or all of them when key is "".
func (c Config) Pick(key string) ([]Section, error) {
	if key == "" {
		return c.Sections, nil
	}
	s, ok := c.Section(key)
	if !ok {
		return nil, &UnknownSectionError{Key: key, Keys: c.Keys()}
	}
	return []Section{s}, nil
}

// DefaultConfigPath is $XDG_CONFIG_HOME/newsreader/config.toml, falling
// back to os.UserConfigDir.
func DefaultConfigPath() (string, error) {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		var err error
		if dir, err = os.UserConfigDir(); err != nil {
			return "", err
		}
	}
	return filepath.Join(dir, "newsreader", "config.toml"), nil
}

// LoadConfig reads path. A missing file gives Default(); a file that does
// not parse, has unknown keys or bad values is an error naming the file
// and line.
func LoadConfig(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return Default(), nil
	}
	if err != nil {
		return Config{}, err
	}
	return ParseConfig(path, data)
}

// LoadConfigFile reads a config the user named (--config): unlike the
// default path, a missing file is an error, never the built-in site.
func LoadConfigFile(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return Config{}, fmt.Errorf("config %s does not exist (--init-config --config %s writes a starting one)", path, path)
	}
	if err != nil {
		return Config{}, err
	}
	return ParseConfig(path, data)
}

// ParseConfig decodes and validates config text; name labels errors.
func ParseConfig(name string, data []byte) (Config, error) {
	if err := checkTableArrays(name, data); err != nil {
		return Config{}, err
	}
	var c Config
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		var strict *toml.StrictMissingError
		if errors.As(err, &strict) && len(strict.Errors) > 0 {
			e := strict.Errors[0]
			row, _ := e.Position()
			return Config{}, fmt.Errorf("%s:%d: unknown key %q", name, row, strings.Join(e.Key(), "."))
		}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, _ := de.Position()
			return Config{}, fmt.Errorf("%s:%d: %s", name, row, typeError(de))
		}
		return Config{}, fmt.Errorf("%s: %w", name, err)
	}
	if err := c.validate(); err != nil {
		line := lineOf(data, err.key, err.nth)
		if err.find != "" {
			line = lineFrom(data, line, err.find)
		}
		return Config{}, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	if err := c.validateExtras(name, data); err != nil {
		return Config{}, err
	}
	return c, nil
}

type configError struct {
	key  string // what to look for in the file to find the line
	nth  int    // which occurrence of key
	find string // then the first line from there holding this text (a bad value)
	msg  string
}

func (e *configError) Error() string { return e.msg }

func (c Config) validate() *configError {
	if c.Sync != nil {
		if err := c.Sync.validate(); err != nil {
			return err
		}
	}
	if c.KeepDays != nil && *c.KeepDays < 0 {
		return &configError{key: "keep_days", msg: fmt.Sprintf("keep_days = %d is negative (0 keeps everything)", *c.KeepDays)}
	}
	if _, err := parseEvery(c.RefreshEvery); err != nil {
		return &configError{key: "refresh_every", msg: err.Error()}
	}
	// No sections is valid: the cache holds the subscriptions, and a new
	// user may start from --add or --import-opml.
	seen := map[string]bool{}
	for i, s := range c.Sections {
		bad := func(msg string, a ...any) *configError {
			return &configError{key: "[[sections]]", nth: i, msg: fmt.Sprintf("section %d: ", i+1) + fmt.Sprintf(msg, a...)}
		}
		switch {
		case s.Key == "":
			return bad("key is empty")
		case strings.ContainsAny(s.Key, " \t/"):
			return bad("key %q has spaces or slashes", s.Key)
		case CheckKeyLength(s.Key) != nil:
			return bad("%v", CheckKeyLength(s.Key))
		case seen[strings.ToLower(s.Key)]:
			return bad("key %q is used twice", s.Key)
		case len(s.Feeds) == 0:
			return bad("%q has no feeds", s.Key)
		}
		seen[strings.ToLower(s.Key)] = true
		urls := s.Feeds
		if s.Ranking != "" {
			urls = append(urls[:len(urls):len(urls)], s.Ranking)
		}
		for _, f := range urls {
			if err := checkFeedURL(f); err != nil {
				e := bad("%v", err)
				e.find = f // the URL's own line, not its section's
				return e
			}
		}
		for _, f := range s.FullTextFeeds {
			if !slices.Contains(s.Feeds, f) {
				return bad("full_text_feeds: %q is not one of the section's feeds", f)
			}
		}
	}
	return nil
}

func checkFeedURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("feed %q is not an http(s) URL", raw)
	}
	return nil
}

// lineOf finds the 1-based line of the nth occurrence of key in data (1
// when key is empty or absent).
func lineOf(data []byte, key string, nth int) int {
	if key == "" {
		return 1
	}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), key) {
			if nth == 0 {
				return i + 1
			}
			nth--
		}
	}
	return 1
}

// lineFrom finds the first line at or after line (1-based) that contains
// text; line itself when none does.
func lineFrom(data []byte, line int, text string) int {
	lines := strings.Split(string(data), "\n")
	for i := max(line-1, 0); i < len(lines); i++ {
		if strings.Contains(lines[i], text) {
			return i + 1
		}
	}
	return line
}

// DisplayTitle returns the section's title, or its key when untitled.
func (s Section) DisplayTitle() string {
	if s.Title != "" {
		return s.Title
	}
	return s.Key
}

// WriteConfig writes c to path (creating folders), refusing to overwrite.
func WriteConfig(path string, c Config) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	data, err := toml.Marshal(c)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
