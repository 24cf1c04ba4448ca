package stories

import (
	"reflect"
	"testing"
)

func TestHeadlineMarksReadInstances(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  []Mark
	}{
		{"Stage 5 of the Tour of Varre: Attar wins the sprint", []Mark{{KindStage, 5}}},
		{"Attar takes fifth stage as Blum keeps the lead", []Mark{{KindStage, 5}}},
		{"Attar sprints to stage five win", []Mark{{KindStage, 5}}},
		{"Attar gewinnt die 5. Etappe", []Mark{{KindStage, 5}}},
		{"Attar remporte la 5e étape", []Mark{{KindStage, 5}}},
		{"Attar gana la quinta etapa", []Mark{{KindStage, 5}}},
		{"Brannock Motors Q3 profit falls 18 pct", []Mark{{KindQuarter, 3}}},
		{"Brannock third-quarter profit falls", []Mark{{KindQuarter, 3}}},
		{"Brannock H1 sales beat forecasts", []Mark{{KindHalf, 1}}},
		{"Week 3 round-up: Albion stay top", []Mark{{KindWeek, 3}}},
		{"Matchday 12: Albion held at home", []Mark{{KindMatchday, 12}}},
		{"Rovers win first leg 2-0", []Mark{{KindLeg, 1}}},
		{"Harbour Lights, part II: the keeper's daughter", []Mark{{KindPart, 2}}},
		{"Valdor adds 180,000 jobs in March", []Mark{{KindMonth, 3}}},
		{"Jobs report for April: hiring slows", []Mark{{KindMonth, 4}}},
		{"Rail strike called for 3 March", []Mark{{KindMonth, 3}, {KindDate, 3*32 + 3}}},
		{"Rail strike on March 4th goes ahead", []Mark{{KindMonth, 3}, {KindDate, 3*32 + 4}}},
		{"Morning briefing: May 5, 2026", []Mark{{KindMonth, 5}, {KindDate, 5*32 + 5}}},
		// Lists and ranges: each instance in them.
		{"Rail strikes on 3 and 4 March", []Mark{{KindMonth, 3}, {KindDate, 3*32 + 4}, {KindDate, 3*32 + 3}}},
		{"Rail strikes 3-4 March confirmed", []Mark{{KindMonth, 3}, {KindDate, 3*32 + 4}, {KindDate, 3*32 + 3}}},
		{"Rail strikes set for March 3 and 4", []Mark{{KindMonth, 3}, {KindDate, 3*32 + 3}, {KindDate, 3*32 + 4}}},
		{"Rail strikes March 3 – 5", []Mark{{KindMonth, 3}, {KindDate, 3*32 + 3}, {KindDate, 3*32 + 4}, {KindDate, 3*32 + 5}}},
		{"Stages 4-6 preview: the Alps", []Mark{{KindStage, 4}, {KindStage, 5}, {KindStage, 6}}},
		{"Rail strike March 3, 4 hours of talks", []Mark{{KindMonth, 3}, {KindDate, 3*32 + 3}}},
		// Words that only look like instances.
		{"Rates may rise again, bank warns", nil},
		{"Thousands march on parliament over fuel prices", nil},
		{"Lannock reach the fourth round with 1-0 win", []Mark{{KindRound, 4}}},
		{"Lannock through to round four after upset", nil},
		{"Albion into the fourth round", nil},
		{"Solvane's election will go to a second round", nil},
		{"The race heads to stage 6 in the mountains", nil},
		{"Blum takes the lead ahead of stage 6", nil},
		{"Three stages remain as Blum leads", nil},
		{"Blum wins 2 stages in a row", nil},
		{"Halden X9 review: a week-long battery", nil},
		{"Council budget: 4.9% rise in council tax", nil},
		{"Fashion week 2026 opens in Caldon", nil},
		{"", nil},
	} {
		if got := HeadlineMarks(tc.title); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.title, got, tc.want)
		}
	}
}

func TestLeadMarksReadTheFirstSentenceOnly(t *testing.T) {
	got := LeadMarks("ESK VALE (Meridian Wire) - Oskar Blum won the third stage of the Tour of Calvera on Saturday. He rode stage 4 in 2025.")
	if want := []Mark{{KindStage, 3}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// A month in the opening sentence is not the event's own.
	if got := LeadMarks("The council approved in March a plan that starts in April."); len(got) != 0 {
		t.Errorf("months from the lead: %v", got)
	}
	// Title and lead together, each mark once.
	got = InstanceMarks("Stage 3: Blum takes the lead", "Oskar Blum won stage three on Saturday.")
	if want := []Mark{{KindStage, 3}}; !reflect.DeepEqual(got, want) {
		t.Errorf("InstanceMarks: got %v, want %v", got, want)
	}
}

func TestApartKeepsInstancesAndRepliesApart(t *testing.T) {
	m := func(title string) Marks { return Marks{Instance: HeadlineMarks(title)} }
	for _, tc := range []struct {
		a, b  Marks
		apart bool
	}{
		{m("Stage 5: Attar wins in Corran"), m("Stage 6: Attar wins again"), true},
		{m("Stage 5: Attar wins in Corran"), m("Attar takes fifth stage in Corran"), false},
		{m("Stage 5: Attar wins in Corran"), m("Attar wins the sprint in Corran"), false}, // one names no stage
		{m("Brannock Q2 profit falls"), m("Brannock Q3 profit falls"), true},
		{m("Brannock Q3 profit falls"), m("Brannock third-quarter profit slides 18 pct"), false},
		{m("Valdor adds 180,000 jobs in March"), m("Valdor adds 150,000 jobs in April"), true},
		{m("Valdor adds 180,000 jobs in March"), m("Hiring in Valdor beats forecasts"), false},
		{m("Rail strike called for 3 March"), m("Rail strike on March 4 goes ahead"), true},
		{m("Rail strike called for 3 March"), m("Unions confirm rail strike in March"), false},
		{m("Week 3 round-up: Albion top"), m("Week 4 round-up: Albion top"), true},
		{m("Stage 5 and 6 preview"), m("Stage 6: Attar wins again"), false},              // a number in common
		{m("Rail strike called for 3 March"), m("Rail strikes on 3 and 4 March"), false}, // one of its days
		{m("Rail strike on March 4"), m("Rail strikes March 3-5"), false},
		{m("Rail strike on March 6"), m("Rail strikes March 3-5"), true},
		{m("Stage 5: Attar wins"), m("Stages 4-6 preview"), false},
		{m("Stage 5: Attar wins"), m("Q3: Attar's sponsor profits"), false}, // different kinds
		{Marks{Reply: true}, Marks{}, true},
		{Marks{Reply: true}, Marks{Reply: true}, false},
	} {
		if got := Apart(tc.a, tc.b); got != tc.apart {
			t.Errorf("Apart(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.apart)
		}
		if got := Apart(tc.b, tc.a); got != tc.apart {
			t.Errorf("Apart(%v, %v) = %v, want %v (not symmetric)", tc.b, tc.a, got, tc.apart)
		}
	}
}

func TestMarksEncodeReadsBackInADoc(t *testing.T) {
	d := NewDoc("Stage 5: Attar wins in Corran", "Remy Attar won the sprint.")
	d.Marks = Marks{Reply: true, Instance: []Mark{{KindStage, 5}, {KindDate, 3*32 + 4}}}
	got := DecodeDoc(d.Encode())
	if !reflect.DeepEqual(got.Marks, d.Marks) || !reflect.DeepEqual(got.Terms, DecodeDoc(Doc{Terms: d.Terms, Names: d.Names}.Encode()).Terms) {
		t.Errorf("read back %+v from %q", got.Marks, d.Encode())
	}
	if len(got.Names) != len(d.Names) {
		t.Errorf("names %v, want %v", got.Names, d.Names)
	}
	// A doc without marks is written as before, and reads back without.
	plain := Doc{Terms: d.Terms, Names: d.Names}
	if s := plain.Encode(); DecodeDoc(s).Marks.IsZero() == false || s != Encode(d.Terms)+" | "+Encode(d.Names) {
		t.Errorf("plain doc written as %q", s)
	}
	if m := DecodeMarks("reply stage:x bogus week:3"); !m.Reply || !reflect.DeepEqual(m.Instance, []Mark{{KindWeek, 3}}) {
		t.Errorf("malformed marks read as %+v", m)
	}
}

func TestMatchSkipsStoriesWhoseClosestReportIsApart(t *testing.T) {
	// Story 1's closest report is another instance: no match, though its
	// other report alone would join. Story 2's closest report is not, so
	// its report of another instance only leaves the average.
	st, _ := Match([]Candidate{{1, 0.9, 1, true}, {1, 0.5, 1, false}})
	if st != 0 {
		t.Errorf("story %d joined through a report apart from the article", st)
	}
	st, score := Match([]Candidate{{2, 0.8, 1, false}, {2, 0.6, 1, true}, {2, 0.4, 1, false}})
	if want := MaxWeight*0.8 + (1-MaxWeight)*0.6; st != 2 || score < want-1e-9 || score > want+1e-9 {
		t.Errorf("got story %d at %.3f, want 2 at %.3f (apart report left out)", st, score, want)
	}
	if st, _ := Match([]Candidate{{3, 0.9, 1, true}}); st != 0 {
		t.Errorf("only reports apart: story %d", st)
	}
}

func TestIsReplyReadsCommentAndForumFeeds(t *testing.T) {
	for _, tc := range []struct {
		title, link, source string
		reply               bool
	}{
		{"Re: Caldon moves to fortnightly bin collections", "https://forum.example/viewtopic.php?t=12", "Caldon Talk", true},
		{"RE: Caldon moves to fortnightly bins", "", "", true},
		{"Town hall • Re: Caldon moves to fortnightly bins", "", "", true},
		{"Re[2]: Caldon bins", "", "", true},
		{"AW: Neue Müllabfuhr in Caldon", "", "", true},
		{"SV: Caldon sophämtning", "", "", true},
		{"回复：Caldon 垃圾收集", "", "", true},
		{"Reply To: Fenwick parking charges scrapped", "", "", true},
		{"Antwort auf: Parkgebühren in Fenwick", "", "", true},
		{"Réponse à : Stationnement à Fenwick", "", "", true},
		{"Comment on Fenwick councillors back 4.9% council tax rise by Hettie Marr", "", "", true},
		{"Kommentar zu Fenwick erhöht die Steuer von Hettie Marr", "", "", true},
		{"Commentaire sur Fenwick augmente la taxe par Hettie Marr", "", "", true},
		{"Comentario en Fenwick sube el impuesto por Hettie Marr", "", "", true},
		{"Reactie op Fenwick verhoogt belasting door Hettie Marr", "", "", true},
		{"By: Hettie Marr", "", "", true},
		{"New comment by hmarr in \"Fenwick raises council tax\"", "", "", true},
		{"/u/hmarr on Fenwick raises council tax", "", "", true},
		{"Fenwick raises council tax", "https://www.fenwickcourier.example/news/tax/#comment-4412", "", true},
		{"Fenwick raises council tax", "https://www.fenwickcourier.example/news/tax/?replytocom=4412", "", true},
		{"Fenwick raises council tax", "https://talk.example/t/fenwick-raises-council-tax/381/7", "", true},
		{"Fenwick raises council tax", "https://forum.example/viewtopic.php?p=991#p991", "", true},
		{"Fenwick raises council tax", "https://www.fenwickcourier.example/comment/4412", "", true},
		{"Comment on Fenwick raises council tax by Jan de Vries", "", "", true},
		{"Komentarz do Fenwick podnosi podatek autorstwa Hettie Marr", "", "", true},
		{"Fenwick raises council tax", "https://www.reddit.com/r/fenwick/comments/abc12/fenwick_raises_tax/kx9zz/", "", true},
		{"Fenwick raises council tax", "https://www.fenwickcourier.example/news/tax/", "Comments on: Fenwick raises council tax", true},
		{"Hettie Marr", "https://www.fenwickcourier.example/news/tax/", "Comments for The Fenwick Courier", true},
		{"Hettie Marr", "", "Kommentare zu: Fenwick erhöht die Steuer", true},
		// Reports, however they open.
		{"Comment: Fenwick's budget fails its families", "https://www.fenwickcourier.example/opinion/budget/", "The Fenwick Courier — Comment", false},
		{"Reply to critics: council leader defends tax rise", "", "", false},
		{"Reynolds on the budget: a tax rise by any other name", "", "", false},
		{"By the numbers: Fenwick's budget", "", "", false},
		{"Fenwick raises council tax", "https://talk.example/t/fenwick-raises-council-tax/381", "", false},
		{"Fenwick raises council tax", "https://talk.example/t/fenwick-raises-council-tax/381/1", "", false},
		{"Fenwick raises council tax", "https://www.reddit.com/r/fenwick/comments/abc12/fenwick_raises_tax/", "", false},
		{"Fenwick raises council tax", "https://www.fenwickcourier.example/news/tax/#post-4412", "", false},
		{"Fenwick raises council tax", "https://www.fenwickcourier.example/comments/2026/tax-rise/", "Comment is free", false},
		{"Residents comment on Fenwick tax rise", "", "", false},
		// Opinion columns in the comment forms' words: the part after
		// the by-word is no name.
		{"Comment on the budget by the chancellor sparks row", "", "", false},
		{"Comment on Gaza by Starmer sparks fury", "", "", false},
		{"Kommentar zu Trump: Zölle von gestern", "", "", false},
		{"Kommentar zu den Steuerplänen von Union und SPD: Wer zahlt?", "", "", false},
		{"Commentaire sur la réforme des retraites par le gouvernement", "", "", false},
		{"Commento su Meloni: la scelta di governo", "", "", false},
		{"Komentarz do wyborów prezydenckich w Polsce", "", "", false},
		// An opinion section under /comment/, dated: no Drupal comment.
		{"Why the polls were wrong", "https://www.fenwickcourier.example/comment/2016/11/08/why-the-polls-were-wrong/", "", false},
		{"Caldon • Bins: the new rota explained", "", "", false},
	} {
		if got := IsReply(tc.title, tc.link, tc.source); got != tc.reply {
			t.Errorf("IsReply(%q, %q, %q) = %v, want %v", tc.title, tc.link, tc.source, got, tc.reply)
		}
	}
}

// The instances are read with the article's words (in the save's
// read-ahead), from the title and the text's opening sentence.
func TestTextCarriesInstances(t *testing.T) {
	title, body := "Attar wins the sprint in Corran", "Remy Attar won stage four of the Tour of Varre in Corran. He also won stage 2."
	dict := map[string]int32{}
	ids := func(words []string, out []int32) {
		for i, w := range words {
			if _, ok := dict[w]; !ok {
				dict[w] = int32(len(dict))
			}
			out[i] = dict[w]
		}
	}
	var r Reader
	want := []Mark{{KindStage, 4}}
	if got := r.ReadInterned(title, body, ids).Instances(); !reflect.DeepEqual(got, want) {
		t.Errorf("ReadInterned: %v, want %v", got, want)
	}
	if got := Read(title, body).Instances(); !reflect.DeepEqual(got, want) {
		t.Errorf("Read: %v, want %v", got, want)
	}
	if got := Read("Attar wins the sprint in Corran", "Remy Attar won the sprint.").Instances(); got != nil {
		t.Errorf("no instance: %v", got)
	}
}
