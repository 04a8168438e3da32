package templates

import (
	"strings"
	"testing"
)

func TestDefaultsRender(t *testing.T) {
	f := Sample()
	for _, i := range All() {
		out, err := Render(i.Name, Default(i.Name), f)
		if err != nil {
			t.Fatalf("%s: %v", i.Name, err)
		}
		if strings.Contains(out, "{{") || strings.Contains(out, "<no value>") || out == "" {
			t.Errorf("%s renders %q", i.Name, out)
		}
		if strings.HasPrefix(out, "\n") || strings.HasSuffix(out, "\n") || strings.Contains(out, "\n\n\n") {
			t.Errorf("%s is not tidy: %q", i.Name, out)
		}
	}
	header, _ := Render(Header, Default(Header), f)
	if want := "Syndicat des copropriétaires\nRésidence Les Tilleuls\n14 rue des Tilleuls\n69003 Lyon\nSyndic bénévole : Mme Hélène Lefèvre\nTél. 04 65 71 20 31\nsyndic@example.org"; header != want {
		t.Errorf("header:\n%s\nwant:\n%s", header, want)
	}
	opening, _ := Render(Opening, Default(Opening), f)
	for _, want := range []string{"Madame, Monsieur,", "appel de fonds du 01/01/2025 pour la période du 01/01/2025 au 31/03/2025", "(lots 9, 14 et 19)"} {
		if !strings.Contains(opening, want) {
			t.Errorf("opening lacks %q:\n%s", want, opening)
		}
	}
	reminder, _ := Render(Reminder, Default(Reminder), f)
	for _, want := range []string{"au 30/11/2025 un solde débiteur de 1 251,08 €", "avant le 15/12/2025"} {
		if !strings.Contains(reminder, want) {
			t.Errorf("reminder lacks %q:\n%s", want, reminder)
		}
	}
	if n := len(Paragraphs(reminder)); n != 4 {
		t.Errorf("reminder has %d paragraphs, want 4", n)
	}
}

// Empty fields leave no blank line nor dangling text.
func TestEmptyFieldsLeaveNoHole(t *testing.T) {
	f := Sample()
	f.Residence.Address, f.Syndic.Phone, f.Syndic.Email, f.Syndic.Name = "", "", "", ""
	header, err := Render(Header, Default(Header), f)
	if err != nil {
		t.Fatal(err)
	}
	if header != "Syndicat des copropriétaires\nRésidence Les Tilleuls\n69003 Lyon" {
		t.Errorf("header with empty fields: %q", header)
	}
	footer, _ := Render(Footer, Default(Footer), f)
	if strings.Contains(footer, "syndic bénévole") || strings.Contains(footer, "()") {
		t.Errorf("footer with no syndic: %q", footer)
	}
}

func TestCheckSaysWhatIsWrong(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"Bonjour {{.Owner.Nom}}", "Modèle « Texte de l'avis d'appel » (ligne 1) : le champ de fusion « Nom » n'existe pas (champs possibles : Owner.Account"},
		{"Ligne 1\nÉchéance {{.Echeance}}", "(ligne 2) : le champ de fusion « Echeance » n'existe pas (champs possibles : CallDate"},
		{"Bonjour {{.Owner.Name", "une accolade {{ n'est pas refermée par }}"},
		{"{{if .DueDate}}payez", "n'est pas fermé par {{end}}"},
		{"{{end}}", "un {{end}} ne ferme aucun"},
		{"{{DueDate}}", "« DueDate » n'est pas un champ de fusion (écrivez {{.DueDate}} avec un point)"},
	}
	for _, tt := range tests {
		err := Check(Opening, tt.text)
		if err == nil {
			t.Errorf("%q accepted", tt.text)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %q, want %q", tt.text, err, tt.want)
		}
	}
	if err := Check(Footer, "Réglez avant le {{.DueDate}}, {{upper .Owner.Name}}."); err != nil {
		t.Errorf("a good text refused: %v", err)
	}
}

func TestSalutation(t *testing.T) {
	for civ, want := range map[string]string{"M.": "Monsieur", "Mme": "Madame", "M. et Mme": "Madame, Monsieur", "SCI": "Madame, Monsieur", "": "Madame, Monsieur", "Mmes": "Mesdames"} {
		if got := Salutation(civ, false); got != want {
			t.Errorf("Salutation(%q) = %q, want %q", civ, got, want)
		}
	}
	if got := Salutation("Mme", true); got != "Madame, Monsieur" {
		t.Errorf("a company represented by a woman is greeted %q", got)
	}
}

func TestKnownAndDefaults(t *testing.T) {
	for _, i := range All() {
		if !Known(i.Name) || Default(i.Name) == "" || i.Label == "" || i.Help == "" {
			t.Errorf("%+v", i)
		}
	}
	if Known("autre") {
		t.Error("an unknown name is known")
	}
}

// A works notice cites the AG decision and the instalment, not the budget;
// an unknown AG date leaves no hole.
func TestWorksOpening(t *testing.T) {
	for _, c := range []struct {
		agDate, resolution string
		want               string
	}{
		{"12/06/2025", "", "L'assemblée générale du 12/06/2025 a voté les travaux « Modernisation de l'ascenseur » pour un montant de 24 000,00 €, appelé en 4 échéances (01/01/2026, 01/04/2026, 01/07/2026 et 01/10/2026). Nous vous adressons l'échéance 2 sur 4, exigible le 01/01/2025."},
		{"12/06/2025", "résolution n° 12", "L'assemblée générale du 12/06/2025 (résolution n° 12) a voté"},
		{"", "", "L'assemblée générale a voté les travaux"},
	} {
		f := Sample()
		f.Works.AGDate, f.Works.Resolution = c.agDate, c.resolution
		out, err := Render(WorksOpening, Default(WorksOpening), f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, c.want) || strings.Contains(out, "budget") || strings.Contains(out, "période") {
			t.Errorf("works opening with AG date %q:\n%s", c.agDate, out)
		}
	}
}
