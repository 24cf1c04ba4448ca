package stories

import (
	"net/url"
	"strings"
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
// <name>" in several languages, each with the word before the name.
var commentOn = []struct{ open, by string }{
	{"comment on ", " by "}, {"comment by ", " on "},
	{"kommentar zu ", " von "}, {"kommentar von ", " zu "},
	{"commentaire sur ", " par "}, {"commentaires sur ", " par "},
	{"comentario en ", " por "}, {"comentario sobre ", " por "}, {"comentário sobre ", " por "}, {"comentário em ", " por "},
	{"commento su ", " di "}, {"commento su ", " da "}, {"commento a ", " di "},
	{"reactie op ", " door "}, {"kommentar til ", " av "}, {"kommentar till ", " av "}, {"komentarz do ", " "},
	{"new comment by ", " in "}, {"new reply by ", " in "},
}

// byPrefixes open the items of WordPress's per-post comment feeds: "By:
// <name>".
var byPrefixes = []string{"by:", "von:", "par :", "par:", "por:", "door:", "di:", "da:", "av:", "przez:"}

func replyTitle(title string) bool {
	t := strings.TrimSpace(title)
	if t == "" {
		return false
	}
	low := strings.ToLower(t)
	// phpBB's feeds put the forum first: "Town hall • Re: <topic>".
	if i := strings.LastIndex(low, " • "); i >= 0 {
		low = strings.TrimSpace(low[i+len(" • "):])
	}
	// "Re: …", "AW: …", "Re[2]: …", "Re^3: …", "Réponse à : …", "回复：…"
	if i := strings.IndexAny(low, ":："); i > 0 && i <= 24 {
		head := strings.TrimSpace(low[:i])
		if j := strings.IndexAny(head, "[^("); j > 0 {
			if rest := strings.Trim(head[j:], "[]^() 0123456789"); rest == "" {
				head = head[:j]
			}
		}
		if replyPrefixes[head] && strings.TrimSpace(low[i+len(":"):]) != "" {
			return true
		}
	}
	for _, p := range byPrefixes {
		if rest, ok := strings.CutPrefix(low, p); ok {
			// a name: one to five words, no sentence
			if n := len(strings.Fields(rest)); n >= 1 && n <= 5 && !strings.ContainsAny(rest, ".:!?") {
				return true
			}
		}
	}
	for _, c := range commentOn {
		if rest, ok := strings.CutPrefix(low, c.open); ok && strings.Contains(rest, c.by) {
			return true
		}
	}
	// Reddit's comment feeds: "/u/name on <post title>".
	if strings.HasPrefix(low, "/u/") || strings.HasPrefix(low, "u/") {
		if _, rest, ok := strings.Cut(low, " on "); ok && rest != "" {
			return true
		}
	}
	return false
}

// replyLink says whether a link points at a comment or a reply rather than
// an article or a topic's first post.
func replyLink(link string) bool {
	if link == "" {
		return false
	}
	u, err := url.Parse(link)
	if err != nil {
		return false
	}
	if f := strings.ToLower(u.Fragment); f != "" {
		for _, p := range []string{"comment-", "comment_", "comment", "comments-", "reply-", "reply", "msg", "p", "post"} {
			if rest, ok := strings.CutPrefix(f, p); ok && rest != "" && allDigits(rest) {
				return true
			}
		}
	}
	q := u.Query()
	if q.Get("replytocom") != "" || q.Get("commentid") != "" || q.Get("comment_id") != "" {
		return true
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	for i, p := range parts {
		switch p {
		case "t": // Discourse: /t/slug/ID/N, N > 1
			if i+3 == len(parts)-1 && allDigits(parts[i+2]) && allDigits(parts[i+3]) && parts[i+3] != "1" {
				return true
			}
		case "comments": // Reddit: /r/x/comments/ID/slug/COMMENT
			if i+3 < len(parts) && parts[i+3] != "" && strings.Contains(u.Hostname(), "reddit") {
				return true
			}
		case "comment", "comments.php":
			if i+1 < len(parts) && allDigits(parts[i+1]) {
				return true
			}
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
	low := strings.ToLower(strings.TrimSpace(source))
	for _, p := range commentFeeds {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}
