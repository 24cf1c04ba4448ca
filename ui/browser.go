package ui

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"

	"newsreader/feed"
)

// Opening links. $BROWSER may hold arguments ("firefox --new-window") and,
// by the old convention, a colon-separated list of browsers to try in
// turn, with %s standing for the URL. It is split into words here (quotes
// honoured) and run directly: no shell ever sees the URL. Terminal
// browsers (w3m, lynx, elinks, links, ...) take over the terminal: the
// reader suspends while they run (tea.ExecProcess) and comes back after.

// terminalBrowsers are programs that draw in the terminal they run in.
var terminalBrowsers = map[string]bool{
	"w3m": true, "lynx": true, "elinks": true, "links": true, "links2": true, "browsh": true,
	"carbonyl": true, "cha": true, "chawan": true, "netrik": true, "retawq": true, "edbrowse": true,
	"www-browser": true, "amfora": true, "bombadillo": true,
}

// execBrowserMsg asks Update to run a terminal browser in the foreground.
type execBrowserMsg struct{ cmd *exec.Cmd }

// browserDoneMsg is the terminal browser exiting.
type browserDoneMsg struct{ err error }

// splitWords splits a command line into words the way a shell would for
// plain words and quotes ('...', "...", backslash escapes), without
// expanding anything.
func splitWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	escaped := false
	for _, r := range s {
		switch {
		case escaped:
			cur.WriteRune(r)
			escaped = false
		case quote != 0:
			if r == quote {
				quote = 0
			} else if r == '\\' && quote == '"' {
				escaped = true
			} else {
				cur.WriteRune(r)
			}
		case r == '\\':
			escaped, inWord = true, true
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t' || r == '\n':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 || escaped {
		return nil, errors.New("unterminated quote in $BROWSER")
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

// browserArgv turns one $BROWSER entry and a link into an argument list:
// %s becomes the link (%% a percent sign); with no %s the link is the last
// argument.
func browserArgv(entry, link string) ([]string, error) {
	words, err := splitWords(entry)
	if err != nil {
		return nil, err
	}
	if len(words) == 0 {
		return nil, errors.New("$BROWSER is empty")
	}
	used := false
	for i, w := range words {
		if i == 0 || !strings.Contains(w, "%") {
			continue
		}
		var b strings.Builder
		for j := 0; j < len(w); j++ {
			if w[j] == '%' && j+1 < len(w) {
				switch w[j+1] {
				case 's':
					b.WriteString(link)
					used = true
					j++
					continue
				case '%':
					b.WriteByte('%')
					j++
					continue
				}
			}
			b.WriteByte(w[j])
		}
		words[i] = b.String()
	}
	if !used {
		words = append(words, link)
	}
	return words, nil
}

// isTerminalBrowser reports whether program draws in the terminal.
func isTerminalBrowser(program string) bool {
	return terminalBrowsers[strings.ToLower(filepath.Base(program))]
}

// browserEntries are the $BROWSER entries to try in order. Without
// $BROWSER: xdg-open (open on macOS) where there is a display, else the
// first terminal browser on the PATH.
func browserEntries(env string, hasDisplay bool) []string {
	if strings.TrimSpace(env) != "" {
		var out []string
		for _, e := range strings.Split(env, ":") {
			if strings.TrimSpace(e) != "" {
				out = append(out, e)
			}
		}
		return out
	}
	if runtime.GOOS == "darwin" {
		return []string{"open"}
	}
	if hasDisplay {
		return []string{"xdg-open"}
	}
	return []string{"w3m", "lynx", "elinks", "links", "www-browser", "xdg-open"}
}

// resolveBrowser picks the first entry whose program exists and returns
// its argument list.
func resolveBrowser(env, link string, hasDisplay bool, lookPath func(string) (string, error)) ([]string, error) {
	var firstErr error
	var tried []string
	for _, e := range browserEntries(env, hasDisplay) {
		argv, err := browserArgv(e, link)
		if err != nil {
			return nil, err
		}
		if _, err := lookPath(argv[0]); err != nil {
			if firstErr == nil {
				firstErr = err
			}
			tried = append(tried, argv[0])
			continue
		}
		return argv, nil
	}
	if strings.TrimSpace(env) == "" {
		return nil, errors.New("no browser found (tried " + strings.Join(tried, ", ") + "): set $BROWSER")
	}
	if len(tried) > 1 {
		return nil, errors.New("none of the browsers in $BROWSER was found: " + strings.Join(tried, ", "))
	}
	if firstErr == nil {
		firstErr = errors.New("$BROWSER is empty")
	}
	return nil, firstErr
}

// noAddress is the note for opening an article whose feed gives it no
// address (no <link>, and a guid that is only an ID).
const noAddress = "no address to open: the feed gives this article none"

// openBrowser opens link: a graphical browser is started and left
// running; a terminal browser comes back as an execBrowserMsg for Update
// to run in the foreground.
func openBrowser(link string) tea.Cmd {
	return func() tea.Msg {
		if feed.Link(link) == "" {
			return noteMsg{text: noAddress, err: true}
		}
		hasDisplay := os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
		argv, err := resolveBrowser(os.Getenv("BROWSER"), link, hasDisplay, exec.LookPath)
		if err != nil {
			return noteMsg{text: "open: " + err.Error(), err: true}
		}
		cmd := exec.Command(argv[0], argv[1:]...)
		if isTerminalBrowser(argv[0]) {
			return execBrowserMsg{cmd: cmd}
		}
		if err := cmd.Start(); err != nil {
			return noteMsg{text: "open: " + err.Error(), err: true}
		}
		go cmd.Wait()
		return noteMsg{text: "opened in browser"}
	}
}

// runTerminalBrowser suspends the reader while the browser runs.
func runTerminalBrowser(msg execBrowserMsg) tea.Cmd {
	return tea.ExecProcess(msg.cmd, func(err error) tea.Msg { return browserDoneMsg{err: err} })
}
