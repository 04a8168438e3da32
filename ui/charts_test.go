package ui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/ledger"
)

// Graphiques: the four charts of the exercise in tabs, each bar with its
// figure (the ones app.Charts reads); « Imprimer » writes the PDF into the
// documents folder and registers it.
func TestChartsScreen(t *testing.T) {
	s, c := openDemoOn[*chartsScreen](t, 2025, "charts")
	if len(c.tabs.Items) != 4 {
		t.Fatalf("%d tabs", len(c.tabs.Items))
	}
	mustContain(t, "the first tab", windowText(s), "Budget et réalisé par compte de charges", "Budget", "Réalisé")
	g := c.data.Keys.Groups[0]
	c.tabs.SelectIndex(1)
	mustContain(t, "the keys' tab", windowText(s), "Budget et réalisé par clé", g.Values[0].String(), g.Values[1].String())
	c.tabs.SelectIndex(3)
	mustContain(t, "the owners' tab", windowText(s), "Soldes des copropriétaires au")
	test.Tap(c.print)
	s.jobs.Wait()
	var docs []ledger.Document
	s.res.View(func(tx *ledger.Tx) (err error) {
		docs, err = tx.Documents(ledger.DocumentFilter{Kind: "charts"})
		return err
	})
	if len(docs) != 1 {
		t.Fatalf("%d charts registered; window: %s", len(docs), overlayText(s))
	}
	root, _ := s.res.DocumentsFolder()
	if _, err := os.Stat(app.DocumentPath(root, docs[0])); err != nil {
		t.Errorf("registered file not written: %v", err)
	}
}
