// Command newsreader is a terminal news reader: a site's sections as
// RSS/Atom/JSON feeds, cached in SQLite, read in three panes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/charmbracelet/x/term"

	"newsreader/cache"
	"newsreader/feed"
	"newsreader/feed/demo"
	"newsreader/ui"
	"newsreader/ui/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

type options struct {
	section, config, cache                       string
	demo, offline, refresh, list, asJSON, initCf bool
	resetSubs, feeds                             bool
	add, remove, importOPML, show, fullText      string
	move, removeSection                          string
	full, prune, force                           bool
	exportOPML                                   bool
	limit                                        int
	version, sync                                bool
	disc                                         cli.Discovery
}

// parseFlags reads the command line; with --help it prints the usage to
// stdout and returns flag.ErrHelp.
func parseFlags(args []string, stdout io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("newsreader", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // run prints the one error; --help prints the usage to stdout
	fs.StringVar(&o.section, "section", "", "open or list this section (key from the config, case-insensitive)")
	fs.BoolVar(&o.demo, "demo", false, "use the built-in sample site (no network)")
	fs.StringVar(&o.config, "config", "", "config file (default $XDG_CONFIG_HOME/newsreader/config.toml)")
	fs.StringVar(&o.cache, "cache", "", "cache database (default $XDG_CACHE_HOME/newsreader/cache.db; a temporary one with --demo)")
	fs.BoolVar(&o.offline, "offline", false, "never touch the network: read the cache only")
	fs.BoolVar(&o.refresh, "refresh", false, "fetch the feeds, print one line per feed and a summary, and exit")
	fs.BoolVar(&o.list, "list", false, "print the section's articles newest first and exit")
	fs.IntVar(&o.limit, "limit", 50, "with --list and the discovery verbs: how many articles")
	fs.BoolVar(&o.asJSON, "json", false, "with --list, --feeds, --sync and the discovery verbs: one JSON object per line")
	fs.BoolVar(&o.initCf, "init-config", false, "write the built-in config to the config path and exit")
	fs.StringVar(&o.add, "add", "", "subscribe to a feed, or to the feed a web page announces, in --section (a new key creates the section), fetch it and exit")
	fs.StringVar(&o.remove, "remove", "", "unsubscribe from this feed URL and exit")
	fs.StringVar(&o.move, "move", "", "move this feed URL to --section KEY (a new key creates the section) and exit")
	fs.StringVar(&o.removeSection, "remove-section", "", "delete the section with this key and its subscriptions, and exit")
	fs.BoolVar(&o.feeds, "feeds", false, "list the subscriptions with their last status (--json: one object per line) and exit")
	fs.StringVar(&o.importOPML, "import-opml", "", "subscribe to every feed of an OPML file (- for stdin), categories becoming sections, and exit")
	fs.BoolVar(&o.exportOPML, "export-opml", false, "write the sections and feeds to stdout as OPML 2.0 and exit")
	fs.StringVar(&o.show, "show", "", "print the article with this id (from --list --json) as the article pane lays it out, unstyled, and exit")
	fs.BoolVar(&o.full, "full", false, "with --show: the article's full text, extracted from its web page (cached; fetched when not yet)")
	fs.StringVar(&o.fullText, "full-text", "", "on or off: fetch each new article's full text during refresh for --section KEY (sections from the config take full_text from it), and exit")
	fs.BoolVar(&o.prune, "prune", false, "remove articles older than keep_days now (never starred ones), report what it freed, and exit")
	fs.BoolVar(&o.force, "force", false, "with --refresh: fetch every feed, even those whose ttl, max-age, Retry-After or back-off says not yet")
	fs.BoolVar(&o.resetSubs, "reset-subscriptions", false, "forget the sections and feeds kept in the cache and take them again from the config, then exit")
	fs.BoolVar(&o.sync, "sync", false, "sync reading state and subscriptions with the [sync] server, print what moved each way (--json: one object), and exit")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.StringVar(&o.disc.Related, "related", "", "print the articles related to article `ID` (the id of --list --json): its story first, then the most alike")
	fs.BoolVar(&o.disc.Ranking, "ranking", false, "print the section's stories by coverage, freshness and most-read, one row each")
	fs.BoolVar(&o.disc.Recommended, "recommended", false, "print articles picked from what you read and starred (all sections, or --section)")
	fs.Func("search", "print the articles matching `QUERY` (all sections, or --section), best first", func(q string) error {
		o.disc.Search, o.disc.SearchSet = q, true
		return nil
	})
	fs.Var(&o.disc.MarkRead, "mark-read", "mark article `ID` read (repeatable)")
	fs.Var(&o.disc.MarkUnread, "mark-unread", "mark article `ID` unread (repeatable)")
	fs.Var(&o.disc.Star, "star", "star article `ID` (repeatable)")
	fs.Var(&o.disc.Unstar, "unstar", "unstar article `ID` (repeatable)")
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			cli.Usage(stdout, fs)
		}
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if err := cli.CheckModifiers(set); err != nil {
		return o, err
	}
	if o.demo && o.initCf {
		return o, errors.New("--init-config writes your own config, --demo uses a built-in one: use one or the other")
	}
	if o.offline && o.sync {
		return o, errors.New("--sync talks to the sync server, so it cannot run with --offline")
	}
	if o.offline && o.refresh {
		return o, errors.New("--refresh fetches feeds, so it cannot run with --offline")
	}
	if o.limit < 1 {
		return o, errors.New("--limit must be at least 1")
	}
	return o, nil
}

func main() {
	// A soft memory limit: a big first refresh keeps tens of megabytes
	// live, and the collector's default (twice the live heap) let it peak
	// at 400 MB of RSS on 500 feeds x 100 items; at 128 MiB it peaks near
	// 180 MB for the same CPU. A refresh with discovery raises it by half
	// while it runs (cache/refresh.go relaxGC). GOMEMLIMIT overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const memoryLimit = 128 << 20

// run is the whole program; it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	// Whatever the cache holds, the verbs' output carries only our own
	// styling and http(s) links (the reader's screen is filtered the same way).
	stdout, stderr = ui.SafeWriter(stdout), ui.SafeWriter(stderr)
	o, err := parseFlags(args, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "newsreader:", err)
		fmt.Fprintln(stderr, "Run newsreader --help for the flags.")
		return 2
	}
	if o.version {
		fmt.Fprintln(stdout, "newsreader", cli.Version(version))
		return 0
	}
	// Closing the terminal (SIGHUP) ends the program like q or SIGTERM, so
	// that deferred clean-up (the --demo temporary directory) runs.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()

	cfg, cachePath, cleanup, err := setup(o)
	if o.initCf && errors.Is(err, os.ErrExist) {
		fmt.Fprintln(stdout, cachePath, "already exists; kept it unchanged (edit it, or delete it to write the built-in one again)")
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "newsreader:", err)
		return 2
	}
	defer cleanup()
	if o.initCf {
		fmt.Fprintln(stdout, "wrote", cachePath)
		return 0
	}
	keys, err := ui.KeyMapFor(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "newsreader:", err)
		return 2
	}
	store, err := cache.OpenUpgrading(cachePath, func() {
		fmt.Fprintln(stderr, "newsreader: updating the cache for this version (once; a large cache takes a minute)")
	})
	if errors.Is(err, cache.ErrReadOnly) && o.offline && o.list {
		store, err = cache.OpenReadOnly(cachePath) // reading needs no write access
	}
	if err != nil {
		fmt.Fprintln(stderr, "newsreader:", err)
		return 1
	}
	defer store.Close()
	store.SetRetention(cfg.Keep())
	fetcher := feed.NewFetcher(feed.Options{Offline: o.offline, UserAgent: "newsreader/" + version + " (terminal news reader)"})
	var infos []cache.SectionInfo
	if store.ReadOnly() {
		infos, err = store.Sections(ctx)
	} else {
		infos, err = cli.LoadSections(ctx, store, cfg.Sections, o.resetSubs, stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "newsreader:", err)
		return 1
	}
	if o.resetSubs {
		return 0
	}
	if o.demo && (o.show != "" || o.feeds) && !o.offline { // a fresh demo cache holds no article and has fetched no feed yet
		if code := cli.Refresh(ctx, store, fetcher, cache.ConfigSections(infos), io.Discard, stderr); code != 0 {
			return code
		}
	}
	if code, done := subscriptionVerbs(ctx, o, cfg.Site, cfg.Keep(), cfg.Sections, store, fetcher, stdout, stderr); done {
		return code
	}
	if cfg.Sync != nil {
		for _, w := range cfg.Sync.Warnings(cfg.Path) {
			fmt.Fprintln(stderr, "newsreader: warning:", w)
		}
	}
	if o.refresh && cfg.Sync.FromServer() {
		o.sync = true // source = "server": the server fetches the feeds
	}
	if o.sync {
		if err := cli.SyncVerb(ctx, store, cfg.Sync, o.asJSON, stdout); err != nil {
			fmt.Fprintln(stderr, "newsreader:", err)
			if errors.Is(err, cli.ErrNoSync) {
				return 2
			}
			return 1
		}
		return 0
	}
	picked, err := cache.PickSections(infos, o.section)
	if err != nil {
		fmt.Fprintln(stderr, "newsreader:", err)
		return 2
	}
	if o.section != "" {
		o.section = picked[0].Key // the key as stored, when another form of it was given
	}
	sections := cache.ConfigSections(picked)

	if o.refresh {
		if !o.force { // honour each feed's ttl, max-age, Retry-After and back-off
			if sections, err = cli.DueOnly(ctx, store, sections, stdout); err != nil {
				fmt.Fprintln(stderr, "newsreader:", err)
				return 1
			}
		}
		if code := cli.Refresh(ctx, store, fetcher, sections, stdout, stderr); code != 0 {
			return code
		}
	} else if o.demo && (o.list || o.disc.Any()) && !o.offline {
		if code := cli.Refresh(ctx, store, fetcher, sections, io.Discard, stderr); code != 0 {
			return code
		}
	}
	if o.list && len(sections) == 0 {
		fmt.Fprintln(stderr, "newsreader:", cli.ErrNoSections)
		return 1
	}
	if o.list {
		sec := sections[0]
		arts, err := store.Articles(ctx, sec.Key, 0, o.limit)
		if err == nil && o.asJSON {
			ui.Leads(ctx, store, arts)
		}
		if err == nil {
			err = ui.PrintList(stdout, sec.Key, arts, o.asJSON)
		}
		if err == nil && len(arts) == 0 {
			fmt.Fprintln(stderr, cli.EmptyList(sec.Key, o.offline))
		}
		if err != nil {
			fmt.Fprintln(stderr, "newsreader:", err)
			return 1
		}
	}
	if o.disc.Any() {
		def := ""
		if len(sections) > 0 {
			def = sections[0].Key
		}
		return cli.Run(ctx, stdout, stderr, store, o.disc, o.section, def, o.limit, o.asJSON)
	}
	if o.list || o.refresh {
		return 0
	}
	if !cli.HasTerminal() {
		fmt.Fprintln(stderr, "newsreader: the reader needs a terminal; to print headlines without one use --list (or --list --json)")
		return 1
	}
	acct, err := cli.SyncAccount(ctx, cfg.Sync, o.offline)
	if err != nil { // the reader still works; changes wait in the outbox
		fmt.Fprintln(stderr, "newsreader: sync is off this session:", err)
	}
	err = ui.Run(ctx, ui.Options{
		Site: cfg.Site, Sections: cache.ConfigSections(infos), Section: sectionIndex(infos, o.section),
		Store: store, Fetcher: fetcher, Offline: o.offline, MarkOnOpen: cfg.MarkOnOpen(),
		NoColor: os.Getenv("NO_COLOR") != "", Hyperlinks: os.Getenv("TERM") != "dumb", Keys: &keys,
		RefreshEvery: cfg.RefreshInterval(), Sync: acct,
	})
	if ctx.Err() != nil {
		return 1 // a signal ended the reader: nothing to add
	}
	if err != nil {
		fmt.Fprintln(stderr, "newsreader:", err)
		return 1
	}
	return 0
}

// subscriptionVerbs runs --add, --remove, --feeds, --import-opml and
// --export-opml; done says one ran.
func subscriptionVerbs(ctx context.Context, o options, site string, keepDays int, cfgSections []feed.Section, store *cache.Store, f *feed.Fetcher, stdout, stderr io.Writer) (code int, done bool) {
	var err error
	switch {
	case o.add != "":
		var p *cli.Prompt
		if term.IsTerminal(os.Stdin.Fd()) && term.IsTerminal(os.Stdout.Fd()) {
			p = &cli.Prompt{In: os.Stdin, Out: stdout}
		}
		err = cli.Add(ctx, store, f, o.add, o.section, p, stdout)
	case o.remove != "":
		err = cli.Remove(ctx, store, o.remove, stdout)
	case o.move != "":
		err = cli.Move(ctx, store, o.move, o.section, stdout)
	case o.removeSection != "":
		err = cli.RemoveSection(ctx, store, o.removeSection, stdout)
	case o.feeds:
		err = cli.Feeds(ctx, store, o.asJSON, stdout)
	case o.importOPML != "":
		err = cli.ImportOPML(ctx, store, o.importOPML, stdout)
	case o.exportOPML:
		err = cli.ExportOPML(ctx, store, site, stdout)
	case o.fullText != "":
		err = cli.SetFullText(ctx, store, cfgSections, o.section, o.fullText, stdout)
	case o.prune:
		err = cli.Prune(ctx, store, keepDays, stdout)
	case o.show != "":
		err = cli.Show(ctx, store, f, o.show, o.full, cli.Width(os.Stdout), stdout)
	default:
		return 0, false
	}
	if err != nil {
		fmt.Fprintln(stderr, "newsreader:", err)
		if errors.Is(err, cache.ErrNotFound) {
			return 2, true // an unknown article ID, as the discovery verbs
		}
		return 1, true
	}
	return 0, true
}

// sectionIndex is the position of --section among the sections (0 when unset).
func sectionIndex(infos []cache.SectionInfo, key string) int {
	for i, s := range infos {
		if strings.EqualFold(s.Key, key) {
			return i
		}
	}
	return 0
}

// setup resolves the config and cache path. With --init-config it writes
// the config and returns its path in place of the cache path.
func setup(o options) (cfg feed.Config, cachePath string, cleanup func(), err error) {
	cleanup = func() {}
	if o.demo {
		srv, err := demo.Start()
		if err != nil {
			return cfg, "", cleanup, err
		}
		cleanup = func() { srv.Close() }
		cachePath = o.cache
		if cachePath == "" {
			dir, err := os.MkdirTemp("", "newsreader-demo-")
			if err != nil {
				return cfg, "", cleanup, err
			}
			cachePath = filepath.Join(dir, "cache.db")
			cleanup = func() { srv.Close(); os.RemoveAll(dir) }
		}
		return srv.Config(), cachePath, cleanup, nil
	}
	cfgPath := o.config
	if cfgPath == "" {
		if cfgPath, err = feed.DefaultConfigPath(); err != nil {
			return cfg, "", cleanup, err
		}
	}
	if o.initCf {
		return cfg, cfgPath, cleanup, feed.WriteConfig(cfgPath, feed.Default())
	}
	load := feed.LoadConfig
	if o.config != "" {
		load = feed.LoadConfigFile // named by the user: it must exist
	}
	if cfg, err = load(cfgPath); err != nil {
		return cfg, "", cleanup, err
	}
	cachePath = o.cache
	if cachePath == "" {
		cachePath, err = cache.DefaultPath()
	}
	return cfg, cachePath, cleanup, err
}
