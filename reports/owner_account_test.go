package reports

import (
	"fmt"
	"strings"
	"testing"
)

// An owner's account on a décompte prints every label and piece whole,
// wrapped in its column, and keeps its three balances on one page with
// its notes however many lines come before them.
func TestDecompteAccountWrapsAndKeepsBalances(t *testing.T) {
	const long = "Règlement chèque n° 4517786 de M. et Mme Wolfgang-Maximilien Dupré-Wéry et Compagnie Générale, solde vendeur"
	const piece = "MLA-MRI-4471-2025-XYZ"
	for _, n := range []int{1, 18, 24, 30, 36} {
		d := Decompte{Letter: sampleNotice("M. Moreau Stéphane", 0).Letter, Title: "Décompte individuel de charges – exercice 2025",
			Sections: []DecompteSection{{Title: "Charges courantes (budget prévisionnel)",
				Rows:  []DecompteRow{{Label: "Provisions reportées sur l'acquéreur d'un lot vendu pendant l'exercice", Provisions: "-1 756,12"}},
				Total: DecompteRow{Label: "Total", Part: "0,00", Provisions: "0,00"}}},
			AccountTitle: "Votre compte de l'exercice 2025 : des appels au solde",
			Account:      []AccountRow{{Date: "01/01/2025", Label: "À nouveau : solde de l'exercice 2024 (en votre faveur)", Balance: "-10,00"}},
			AccountNotes: []string{"Les cotisations au fonds de travaux figurent à votre compte mais ne sont pas réparties en fin d'exercice."},
			ResultLabel:  "Solde après répartition", Result: "0,00 €"}
		for i := 0; i < n; i++ {
			d.Account = append(d.Account, AccountRow{Date: "05/01/2025", Piece: piece, Label: long, Credit: "1,00", Balance: fmt.Sprintf("%d,00", -11-i)})
		}
		d.Account = append(d.Account, AccountRow{Date: "31/12/2025", Label: "Solde avant répartition (en votre faveur)", Balance: "-99,00", Strong: true},
			AccountRow{Date: "31/12/2025", Label: "Régularisation de l'exercice (ci-dessus)", Debit: "99,00", Balance: "0,00"},
			AccountRow{Date: "31/12/2025", Label: "Solde après répartition", Balance: "0,00", Strong: true})
		set, err := Decomptes([]Decompte{d}, printed)
		if err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, set.Each[0])
		if strings.Contains(text, "…") {
			t.Errorf("%d lines: a text is cut:\n%s", n, text)
		}
		words := strings.Fields(text)
		count := func(w string) int {
			c := 0
			for _, x := range words {
				if x == w {
					c++
				}
			}
			return c
		}
		for _, w := range append(strings.Fields(long), "l'acquéreur", "vendu", "(en", "votre", "faveur)") {
			if count(w) == 0 {
				t.Errorf("%d lines: the word %q is not printed", n, w)
			}
		}
		// The piece wraps after its hyphens in its narrow column: joined
		// back, its parts give the whole piece on every line, none cut.
		var parts []string
		for _, w := range words {
			if strings.HasPrefix(piece, w) || strings.Contains(piece, "-"+w) && strings.HasSuffix(w, "-") || strings.HasSuffix(piece, "-"+w) {
				parts = append(parts, w)
			}
		}
		if got := strings.Count(strings.Join(parts, ""), piece); got != n {
			t.Errorf("%d lines: the piece %s printed whole %d times (parts %q)", n, piece, got, parts)
		}
		for _, p := range pages(text) {
			before, note := strings.Contains(p, "Solde avant répartition"), strings.Contains(p, "fonds de travaux figurent")
			if before != note || before && !strings.Contains(p, "Régularisation de l'exercice") {
				t.Errorf("%d lines: the balances and their note are split across pages:\n%s", n, p)
			}
		}
	}
}
