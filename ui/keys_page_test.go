package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The key shown with what is typed is computed once per state of the grid
// (issue 22): it still follows every keystroke, and the key shown.
func TestLiveKeyFollowsTyping(t *testing.T) {
	s, k := openScreen[*keysScreen](t, "keys")
	k.showKey("002") // lots 1 and 2: 100 + 150, lot 3 none
	three := gridRow(t, k, "3")
	for _, c := range []struct {
		typed string
		sum   string // 100 + 150 + what lot 3 has typed
		lots  int
	}{
		{"", "250", 2},
		{"50", "300", 3},    // 100 + 150 + 50
		{"60", "310", 3},    // 100 + 150 + 60
		{"0", "250", 2},     // no share: lot 3 out of the key
		{"7,5", "257.5", 3}, // 100 + 150 + 7.5
	} {
		s.win.Canvas().Focus(three.entry)
		three.entry.SetText("")
		test.Type(three.entry, c.typed)
		live := k.liveKey()
		if live.Code != "002" || live.SumOfShares.String() != c.sum || live.Lots != c.lots {
			t.Errorf("typed %q: key %s, sum %s in %d lots, want 002, %s in %d", c.typed, live.Code, live.SumOfShares, live.Lots, c.sum, c.lots)
		}
	}
	press(s, fyne.KeyEscape) // nothing saved
	k.showKey("001")
	if live := k.liveKey(); live.Code != "001" || live.SumOfShares.String() != "1000" {
		t.Errorf("key 001 after key 002: key %s, sum %s", live.Code, live.SumOfShares)
	}
}

// A grid shows its first lines, then « Afficher plus »; the lines not shown
// count in the totals, the search finds them, and the button shows them.
func TestShareGridShowsMore(t *testing.T) {
	defer func(n int) { shareGridPage = n }(shareGridPage)
	shareGridPage = 3
	s, k := openScreen[*keysScreen](t, "keys")
	k.showKey("001") // four lots, 1 000 shares in all
	if got := len(k.grid.page()); got != 3 {
		t.Fatalf("%d lines shown, want 3", got)
	}
	body := k.grid.grid.Body.Objects
	more, ok := body[len(body)-1].(*widget.Button)
	if !ok || more.Text != "Afficher plus — 3 lignes affichées sur 4, la recherche trouve les autres" {
		t.Fatalf("the grid ends with %T %v", body[len(body)-1], body[len(body)-1])
	}
	last := k.grid.shown[3]
	if last.entry != nil {
		t.Errorf("lot %s, not shown, has its widgets made", last.id)
	}
	mustContain(t, "the totals", windowText(s), "4 lots dans la clé", "1 000")
	if live := k.liveKey(); live.SumOfShares.String() != "1000" {
		t.Errorf("the live key counts %s shares, want 1000 (the lot not shown too)", live.SumOfShares)
	}
	test.Tap(more)
	if got := len(k.grid.grid.Body.Objects); got != 4 {
		t.Errorf("after « Afficher plus »: %d objects in the grid, want the 4 lines alone", got)
	}
	if last.entry == nil || last.labels[0].Text != last.id {
		t.Errorf("lot %s shown without its cells written", last.id)
	}
	// A search starts at its first page again.
	k.search.SetText(last.id)
	if len(k.grid.shown) == 0 || k.grid.shown[0].id != last.id {
		t.Errorf("the search for lot %s shows %d lines", last.id, len(k.grid.shown))
	}
}
