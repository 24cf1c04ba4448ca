package stories

import "testing"

// The marks are read once per article placed: headline, link, feed title
// and the text's first sentence.
func BenchmarkArticleMarks(b *testing.B) {
	title := "Stage 5 of the Tour of Valmora: Ferran Ilic wins the sprint in Caldon"
	link := "https://www.fenwickcourier.example/sport/stage-5-of-the-tour-of-valmora-7397"
	text := "Ferran Ilic of Team Brightwater won a second straight bunch sprint to take stage 5 of the Tour of Valmora on Caldon's seafront, with Owain Pask again third. Race leader Mikkel Sorvad keeps the yellow jersey."
	b.ReportAllocs()
	for b.Loop() {
		m := Marks{Reply: IsReply(title, link, "The Fenwick Courier - Sport"), Instance: InstanceMarks(title, text)}
		if m.Reply || len(m.Instance) != 1 {
			b.Fatal(m)
		}
	}
}

func BenchmarkApart(b *testing.B) {
	x := Marks{Instance: []Mark{{KindStage, 5}, {KindMonth, 3}}}
	y := Marks{Instance: []Mark{{KindStage, 5}}}
	b.ReportAllocs()
	for b.Loop() {
		if Apart(x, y) {
			b.Fatal("apart")
		}
	}
}
