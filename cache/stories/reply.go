package stories

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsReply says whether an item is a reader's reply rather than a report:
// an item of a comment feed, a forum answer. It repeats the words of the
// headline it answers, so without this it would join that headline's
// story as one more outlet covering it. It reads the item's title, its
// link and its feed's title (source), in the forms comment and forum
// software give them:
//
//   - WordPress: site comment feeds titled "Comments for <site>" with items
//     "Comment on <post> by <name>" (and its translations: "Kommentar zu …
//     von …", "Commentaire sur … par …", "Comentario en … por …",
//     "Commento su … di …", "Reactie op … door …"), per-post feeds "Comments
//     on: <post>" with items "By: <name>"; links to "#comment-123";
//   - bbPress, phpBB, vBulletin, Disqus and mail-like forums: "Re: <topic>"
//     ("AW:", "SV:", "Odp:", "RIF:", "Antw:", "Ynt:", "回复:"), "Reply To:
//     <topic>" ("Antwort auf:", "Réponse à :", "Respuesta a:"), links to
//     "#p123", "#msg123", "?replytocom=";
//   - Discourse: posts after a topic's first, linked as /t/slug/ID/N;
//   - Reddit and Hacker News comment feeds: "/u/name on <post>", "New
//     comment by name in "<post>"", links to /comments/ID/slug/COMMENT/.
func IsReply(title, link, source string) bool {
	return replyTitle(title) || replyLink(link) || replySource(source)
}

// replyPrefixes open a reply's title, before a ':' (mail and forum
// software: "Re:", "AW:", "SV:", "Odp:", "RIF:", "Antw:", "Ynt:").
var replyPrefixes = map[string]bool{
	"re": true, "aw": true, "sv": true, "odp": true, "rif": true, "antw": true, "ynt": true, "res": true,
	"reply to": true, "in reply to": true, "replying to": true, "antwort auf": true, "antwort zu": true,
	"réponse à": true, "reponse a": true, "respuesta a": true, "risposta a": true, "resposta a": true,
	"reactie op": true, "antwoord op": true, "odpowiedź na": true, "回复": true, "答复": true, "回覆": true, "返信": true,
	"ответ": true, "відповідь": true,
}

// commentOn are the openings of WordPress's "Comment on <post> by
// <name>" in several languages, each with the word before the name
// (nameFirst: the name comes before the post, "Comment by <name> on
// <post>"). The name must read as one (see nameLike): "Kommentar zu
// Trump: Zölle von gestern", "Comment on Gaza by Starmer sparks fury" and
// "Commentaire sur la réforme par le gouvernement" are opinion columns.
var commentOn = []commentOpening{
	{"comment on ", " by ", false}, {"comment by ", " on ", true},
	{"kommentar zu ", " von ", false}, {"kommentar von ", " zu ", true},
	{"commentaire sur ", " par ", false}, {"commentaires sur ", " par ", false},
	{"comentario en ", " por ", false}, {"comentario sobre ", " por ", false}, {"comentário sobre ", " por ", false}, {"comentário em ", " por ", false},
	{"commento su ", " di ", false}, {"commento su ", " da ", false}, {"commento a ", " di ", false},
	{"reactie op ", " door ", false}, {"kommentar til ", " av ", false}, {"kommentar till ", " av ", false}, {"komentarz do ", " autorstwa ", false},
	{"new comment by ", " in ", true}, {"new reply by ", " in ", true},
}

type commentOpening struct {
	open, by  string
	nameFirst bool
}

// commentForm says whether t (whose opening is c.open) is the comment
// form c: a post and a name, the name at its end (or before the post
// with nameFirst) and like one.
func commentForm(t string, c commentOpening) bool {
	rest := strings.ToLower(t[len(c.open):])
	var i int
	if c.nameFirst {
		i = strings.Index(rest, c.by)
	} else {
		i = strings.LastIndex(rest, c.by)
	}
	if i <= 0 || i+len(c.by) >= len(rest) {
		return false
	}
	// rest is t's tail in lower case: byte offsets differ where a letter
	// changes length, so the parts are cut from t by their length from
	// its end.
	tail := t[len(c.open):]
	if len(tail) != len(rest) {
		return false
	}
	if c.nameFirst {
		return nameLike(tail[:i], false)
	}
	return nameLike(tail[i+len(c.by):], true)
}

// nameLike says whether s reads as a commenter's name: one to four words,
// no sentence's punctuation; with capital, its first and last words not
// in lower case ("Hettie Marr", "Jan de Vries", not "the chancellor" or
// "Starmer sparks fury").
func nameLike(s string, capital bool) bool {
	f := strings.Fields(s)
	if len(f) < 1 || len(f) > 4 || strings.ContainsAny(s, ":;!?,\"“”«»") {
		return false
	}
	if capital {
		for _, w := range []string{f[0], f[len(f)-1]} {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// byPrefixes open the items of WordPress's per-post comment feeds: "By:
// <name>".
var byPrefixes = []string{"by:", "von:", "par :", "par:", "por:", "door:", "di:", "da:", "av:", "przez:"}

func replyTitle(title string) bool {
	t := strings.TrimSpace(title)
	// phpBB's feeds put the forum first: "Town hall • Re: <topic>".
	if i := strings.LastIndex(t, " • "); i >= 0 {
		t = strings.TrimSpace(t[i+len(" • "):])
	}
	if t == "" {
		return false
	}
	// "Re: …", "AW: …", "Re[2]: …", "Re^3: …", "Réponse à : …", "回复：…"
	if i := strings.IndexAny(t[:min(len(t), 40)], ":："); i > 0 && i <= 24 {
		head := strings.TrimSpace(t[:i])
		if j := strings.IndexAny(head, "[^("); j > 0 {
			if rest := strings.Trim(head[j:], "[]^() 0123456789"); rest == "" {
				head = head[:j]
			}
		}
		var low [32]byte
		rest := strings.TrimLeft(t[i:], ":： ")
		if replyPrefixes[string(lowerInto(low[:0], head))] && rest != "" {
			return true
		}
	}
	for _, p := range byPrefixes {
		if hasPrefixFold(t, p) {
			// a name: one to five words, no sentence
			rest := t[len(p):]
			if n := len(strings.Fields(rest)); n >= 1 && n <= 5 && !strings.ContainsAny(rest, ".:!?") {
				return true
			}
		}
	}
	for _, c := range commentOn {
		if hasPrefixFold(t, c.open) && commentForm(t, c) {
			return true
		}
	}
	// Reddit's comment feeds: "/u/name on <post title>".
	if hasPrefixFold(t, "/u/") || hasPrefixFold(t, "u/") {
		if _, rest, ok := strings.Cut(t, " on "); ok && rest != "" {
			return true
		}
	}
	return false
}

// lowerInto appends s in lower case to b.
func lowerInto(b []byte, s string) []byte {
	for _, r := range s {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// hasPrefixFold is strings.HasPrefix ignoring case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// fragmentPrefixes open the anchors of comments and forum posts:
// "#comment-123", "#p991" (phpBB), "#msg42" (SMF), "#post77" (vBulletin).
var fragmentPrefixes = []string{"comment-", "comment_", "comment", "comments-", "reply-", "reply", "msg", "p", "post"}

// replyLink says whether a link points at a comment or a reply rather than
// an article or a topic's first post. It reads the address as text: most
// links have nothing to find, and parsing each would cost more than the
// rest of the marks.
func replyLink(link string) bool {
	if i := strings.IndexByte(link, '#'); i >= 0 {
		f := link[i+1:]
		for _, p := range fragmentPrefixes {
			if hasPrefixFold(f, p) && allDigits(f[len(p):]) {
				return true
			}
		}
		link = link[:i]
	}
	if i := strings.IndexByte(link, '?'); i >= 0 {
		for q := link[i+1:]; q != ""; {
			var kv string
			kv, q, _ = strings.Cut(q, "&")
			for _, k := range []string{"replytocom=", "commentid=", "comment_id="} {
				if len(kv) > len(k) && hasPrefixFold(kv, k) {
					return true
				}
			}
		}
		link = link[:i]
	}
	host, path := "", link
	if i := strings.Index(link, "://"); i >= 0 {
		host, path, _ = strings.Cut(link[i+3:], "/")
		path = "/" + path
	}
	// Discourse: /t/slug/ID/N with N > 1 (the topic's first post is N = 1
	// or none).
	if i := strings.Index(path, "/t/"); i >= 0 {
		_, rest, _ := strings.Cut(strings.TrimSuffix(path[i+3:], "/"), "/")
		id, n, ok := strings.Cut(rest, "/")
		if ok && allDigits(id) && allDigits(n) && n != "1" {
			return true
		}
	}
	// Reddit: /r/x/comments/ID/slug/COMMENT/
	if i := strings.Index(path, "/comments/"); i >= 0 && strings.Contains(strings.ToLower(host), "reddit") {
		segs := strings.TrimSuffix(path[i+len("/comments/"):], "/")
		if strings.Count(segs, "/") >= 2 {
			return true
		}
	}
	// Drupal and others: /comment/123, the address's last part (an
	// opinion section's /comment/2016/11/08/slug is no comment).
	if i := strings.Index(path, "/comment/"); i >= 0 {
		if allDigits(strings.TrimSuffix(path[i+len("/comment/"):], "/")) {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// commentFeeds open the titles of feeds of comments (WordPress's, in
// several languages).
var commentFeeds = []string{
	"comments on:", "comments on ", "comments for ", "comments to ", "latest comments", "recent comments",
	"kommentare zu", "kommentare für", "kommentare auf", "commentaires sur", "commentaires pour", "commentaires de ",
	"comentarios en", "comentarios para", "comentarios de ", "comentarios sobre", "comentários em", "comentários sobre", "comentários de ",
	"commenti a:", "commenti su", "commenti per", "reacties op", "reacties voor", "kommentarer til", "kommentarer till", "komentarze do",
}

func replySource(source string) bool {
	s := strings.TrimSpace(source)
	for _, p := range commentFeeds {
		if hasPrefixFold(s, p) {
			return true
		}
	}
	return false
}
