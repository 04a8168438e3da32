package reports

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"tantieme/ledger/ledgertest"
)

func packOf(owner string, items int) AssemblyPack {
	p := AssemblyPack{
		Letter: Letter{Header: []string{"Syndicat des copropriétaires", "Résidence Les Tilleuls"}, Recipient: []string{owner, "14 rue des Tilleuls", "69003 Lyon"},
			FootNote: "Convocation – " + owner},
		Title: "Assemblée générale ordinaire du 12/06/2026", Meeting: "le vendredi 12/06/2026 à 18 h 30", Place: "Salle commune",
		OwnerName: owner, OwnerAddress: "14 rue des Tilleuls, 69003 Lyon", Lots: []string{"Lot 1 (Appartement)"},
		Votes: "400 voix sur 1 000 (tantièmes de la clé 001 – Charges générales)", Deadline: "08/06/2026", Syndic: "Mme Hélène Lefèvre",
	}
	for i := 1; i <= items; i++ {
		it := AssemblyItem{Number: i, Title: fmt.Sprintf("Résolution numéro %02d sur un sujet dont le titre est assez long pour tenir deux lignes du formulaire de vote", i),
			Text: "L'assemblée générale décide ce qui est écrit ici.", Majority: "Majorité de l'article 24 (majorité des voix exprimées)", Votes: "400 / 1 000"}
		if i%5 == 0 {
			it.Key, it.Votes = "clé 002 – Ascenseur", ""
		}
		p.Agenda = append(p.Agenda, it)
	}
	return p
}

// Two owners, the second with a long agenda: each pack is cut out whole
// (its pages numbered from 1), the postal form's table goes on over a page
// with its header again, and a resolution the owner does not vote on has
// no boxes.
func TestAssemblyPacksPages(t *testing.T) {
	letters, err := AssemblyPacksPDF([]AssemblyPack{packOf("Dupont Zoé", 3), packOf("Garçon Loïc", 30)}, printedDay)
	if err != nil {
		t.Fatal(err)
	}
	if len(letters.Each) != 2 {
		t.Fatalf("%d packs", len(letters.Each))
	}
	first := ledgertest.Flat(pdfText(t, letters.Each[0]))
	if strings.Contains(first, "Garçon") || !strings.Contains(first, "Page 4 / 4") {
		t.Errorf("first pack:\n%s", first)
	}
	second := pdfText(t, letters.Each[1])
	pages := ledgertest.Pages(second)
	// Letter (1 or 2 pages with 30 titles), agenda (2 or more), the form (2), the proxy (1).
	formPages := 0
	for _, p := range pages {
		if strings.Contains(p, "Pour") && strings.Contains(p, "Contre") && strings.Contains(p, "Abstention") {
			formPages++
		}
	}
	if formPages < 2 {
		t.Errorf("the form's header is on %d pages, want it again after the break", formPages)
	}
	flat := ledgertest.Flat(second)
	if n := strings.Count(flat, "ne vote pas"); n != 6 { // resolutions 5, 10 … 30
		t.Errorf("« ne vote pas » %d times, want 6", n)
	}
	if !strings.Contains(flat, fmt.Sprintf("Page %d / %d", len(pages), len(pages))) {
		t.Errorf("the last page is not numbered « %d / %d »", len(pages), len(pages))
	}
	if dir := os.Getenv("TANTIEME_KEEP_PDF"); dir != "" {
		os.WriteFile(dir+"/pack.pdf", letters.Each[1], 0o644)
	}
}
