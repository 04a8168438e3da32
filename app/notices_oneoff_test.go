package app

import (
	"strings"
	"testing"

	"tantieme/ledger"
)

// An advance and a one-off call due the same day print on one notice per
// owner: the advance first, as « Avance / fonds de roulement », its rows
// pro rata of the owner's shares with what he has advanced in all, then
// the one-off call; the opening names the AG decision, not a budget
// period. Owner 450005 (95 tantièmes of 1 000): 1 000,00 € × 95 / 1 000 =
// 95,00 € of advance; 333,33 € × 95 / 1 000 = 31,66635, rounded up to
// 31,67 € by the largest remainder (TestOneOffCallSplitsExactly).
func TestOneOffNoticesSections(t *testing.T) {
	r := tenOwners(t)
	due := ledger.Date(2025, 2, 1)
	var posted []ledger.Call
	var preview []NoticeFiles
	for _, req := range []OneOffRequest{
		{Key: "001", Amount: ledger.MustAmount("1000.00"), Due: due, Label: "Fonds de roulement (AG du 05/01/2025)", Account: "103100"},
		{Key: "001", Amount: ledger.MustAmount("333.33"), Due: due, Label: "Remplacement de l'interphone", Account: "701000"},
	} {
		plan, err := r.PlanOneOffCall(req)
		must(t, err)
		if req.Account == "103100" {
			preview, err = r.WritePreviewNotices(t.TempDir(), plan, NoticeOptions{Printed: letterDate})
			must(t, err)
		}
		p, err := r.PostCalls(plan)
		must(t, err)
		posted = append(posted, p...)
	}
	files, err := r.WriteCallNotices(t.TempDir(), posted, NoticeOptions{Printed: letterDate})
	must(t, err)
	if len(files) != 1 || len(files[0].Owners) != 10 {
		t.Fatalf("notices %+v", files)
	}
	text := fileText(t, files[0].Owners[4])
	for _, w := range []string{
		"Appel du 01/02/2025 – Fonds de roulement (AG du 05/01/2025) et Remplacement de l'interphone",
		"Conformément à la décision de l'assemblée générale, nous vous adressons l'appel « Fonds de roulement (AG du 05/01/2025) » et « Remplacement de l'interphone » du 01/02/2025",
		"Avance / fonds de roulement – Fonds de roulement (AG du 05/01/2025)",
		"Vos avances au syndicat après cet appel : 95,00 €",
		"Appel ponctuel – Remplacement de l'interphone",
		"95,00 €", "31,67 €", "126,67 €",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("the notice of 450005 lacks %q:\n%s", w, text)
		}
	}
	if a, d := strings.Index(text, "Avance / fonds de roulement"), strings.Index(text, "Appel ponctuel –"); a < 0 || d < a {
		t.Errorf("sections out of order (advance at %d, one-off at %d)", a, d)
	}
	if strings.Contains(text, "budget prévisionnel voté") || strings.Contains(text, "pour la période") {
		t.Errorf("a one-off notice speaks of the budget's period:\n%s", text)
	}
	// The preview, not posted, counts its own advance.
	if pt := fileText(t, preview[0].Owners[4]); !strings.Contains(pt, "Vos avances au syndicat après cet appel : 95,00 €") {
		t.Errorf("preview notice:\n%s", pt)
	}
	docs, err := r.DocumentRegister(ledger.DocumentFilter{Kind: "notice"})
	must(t, err)
	if len(docs) != 10 {
		t.Errorf("%d notices registered, want 10", len(docs))
	}
}
