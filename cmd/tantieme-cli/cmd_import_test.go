package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// The import's own test files (see sheet/gen_test.go).
func impTestdata(name string) string {
	return filepath.Join("..", "..", "app", "importing", "testdata", name)
}

func impNewResidence(t *testing.T) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "Import.copro")
	if code, _, stderr := cli(t, "new", f, "--name", "Les Érables", "--start", "2025-01-01"); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	return f
}

func TestImportCommand(t *testing.T) {
	f := impNewResidence(t)
	code, out, stderr := cli(t, "import", "owners", f, impTestdata("proprietaires.xlsx"))
	if code != 0 || stderr != "" {
		t.Fatalf("import owners: exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"Import des copropriétaires depuis proprietaires.xlsx, feuille « Lots » : 7 lignes lues.\n",
		"Créé : 4 copropriétaires créés, 7 lots créés, 7 tantièmes enregistrés, 1 total de clé mis à jour.\n",
		"  ligne 12 : ligne de total (« TOTAL »)\n",
		"  proprietaires.xlsx, feuille « Lots », ligne 7, colonne A (N° compte) : « 4503 » n'est pas un compte de copropriétaire (450 suivi de 3 chiffres) : le compte 450003 lui est attribué.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = cli(t, "owners", f, "--json")
	var owners []ownerJSON
	if err := json.Unmarshal([]byte(out), &owners); err != nil || len(owners) != 4 || owners[3].Account != "450004" ||
		!reflect.DeepEqual(owners[3].Lots, []string{"1", "006"}) || owners[3].Shares["001"] != "312.5" {
		t.Errorf("owners after import: %v %+v", err, owners)
	}
	for _, args := range [][]string{
		{"import", "shares", f, impTestdata("grille.xlsx")},
		{"import", "entries", f, impTestdata("ecritures.xlsx")},
		{"import", "budget", f, impTestdata("budget.xlsx"), "--year", "2026", "--map", "key=B"},
		{"import", "balance", f, impTestdata("balance.xlsx"), "--at", "opening", "--label", "Reprise"},
	} {
		code, out, stderr := cli(t, args...)
		if code != 0 || !strings.HasPrefix(out, "Import ") {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, stderr)
		}
	}
	if code, out, stderr := cli(t, "check", f); code != 0 {
		t.Errorf("check after imports: %s%s", out, stderr)
	}
}

// A refused import prints one French sentence with the first problem and
// the count of the others, exits 1 and leaves the residence unchanged;
// --dry-run lists every problem and never writes.
func TestImportRefused(t *testing.T) {
	f := impNewResidence(t)
	before, _ := os.ReadFile(f)
	for _, c := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"import", "owners", f, impTestdata("proprietaires_erreurs.xlsx")},
			"proprietaires_erreurs.xlsx, feuille « Lots », ligne 4, colonne D (Tantièmes) : les tantièmes ne peuvent pas être négatifs (et 6 autres problèmes) ; rien n'a été importé.\n"},
		{[]string{"import", "balance", f, impTestdata("balance_desequilibree.csv")},
			"balance_desequilibree.csv : la balance n'est pas équilibrée : total des débits 1 000,00 €, total des crédits 990,00 €, écart 10,00 € ; rien n'a été importé.\n"},
		{[]string{"import", "entries", f, impTestdata("ecritures_erreurs.xlsx")},
			"ecritures_erreurs.xlsx, feuille « Écritures », ligne 2 : les lignes du journal AC du 15/01/2025 (2 lignes, de la ligne 2 à la ligne 3) ne sont pas équilibrées : débit 100,00 €, crédit 90,00 €, écart 10,00 € (et 8 autres problèmes) ; rien n'a été importé.\n"},
		{[]string{"import", "owners", f, impTestdata("classeur.ods")},
			"« classeur.ods » est un classeur OpenDocument (.ods, LibreOffice), que Tantième ne sait pas lire : dans LibreOffice, enregistrez-le au format « Classeur Excel (.xlsx) » ou CSV (séparateur point-virgule), puis importez ce fichier.\n"},
		{[]string{"import", "owners", f, impTestdata("proprietaires.xlsx"), "--sheet", "Feuil1"},
			"« proprietaires.xlsx » n'a pas de feuille « Feuil1 » (feuilles : « Lots »).\n"},
		{[]string{"import", "owners", f, impTestdata("proprietaires.xlsx"), "--map", "shares=Z9"},
			"proprietaires.xlsx, feuille « Lots » : colonne « Z9 » introuvable pour le champ shares (ni un en-tête de la feuille, ni une lettre de colonne).\n"},
		{[]string{"import", "balance", f, impTestdata("balance.xlsx"), "--at", "closing"},
			"Le 31/12/2024, dernier jour de l'exercice qui précède 2025, n'appartient à aucun exercice de la résidence : importez la balance à l'ouverture (à nouveaux) ou choisissez un exercice plus récent.\n"},
		{[]string{"import", "shares", f, impTestdata("grille.xlsx")},
			"grille.xlsx, feuille « Grille », ligne 3, colonne A (N° lot) : le lot « 001 » n'existe pas dans la résidence (importez d'abord les copropriétaires et leurs lots) (et 6 autres problèmes) ; rien n'a été importé.\n"},
	} {
		code, out, stderr := cli(t, c.args...)
		if code != 1 || stderr != c.stderr || out != "" {
			t.Errorf("%v: exit %d, stdout %q\n got  %s want %s", c.args[1:4], code, out, stderr, c.stderr)
		}
		if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
			t.Fatalf("%v changed the residence", c.args)
		}
	}
	code, out, stderr := cli(t, "import", "owners", f, impTestdata("proprietaires_erreurs.xlsx"), "--dry-run")
	if code != 1 || strings.Count(out, "  erreur : ") != 7 || !strings.Contains(out, "ligne 12, colonne D (Tantièmes) : « 12,5x » n'est pas un nombre.") || stderr == "" {
		t.Errorf("dry run with errors: exit %d\n%s%s", code, out, stderr)
	}
	code, out, _ = cli(t, "import", "owners", f, impTestdata("proprietaires.xlsx"), "--dry-run")
	if code != 0 || !strings.Contains(out, "En-têtes en ligne 3.") || !regexp.MustCompile(`\n  Tantièmes \(shares\) +J — Tantièmes\n`).MatchString(out) ||
		!strings.Contains(out, "Créé : 4 copropriétaires créés") {
		t.Errorf("dry run: exit %d\n%s", code, out)
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Fatal("--dry-run changed the residence")
	}
}

func TestImportUsage(t *testing.T) {
	f := impNewResidence(t)
	x := impTestdata("proprietaires.xlsx")
	for _, args := range [][]string{
		{"import", "owners", f},
		{"import", "lots", f, x},
		{"import", "owners", f, x, "--at", "opening"},
		{"import", "balance", f, x, "--at", "milieu"},
		{"import", "budget", f, x},
		{"import", "owners", f, x, "--year", "2025"},
		{"import", "owners", f, x, "--map", "nom=B"},
		{"import", "owners", f, x, "--map", "name"},
		{"import", "owners", f, x, "--no-header", "--header-row", "2"},
	} {
		if code, _, stderr := cli(t, args...); code != 2 || !strings.Contains(stderr, "usage : tantieme-cli import") {
			t.Errorf("%v: exit %d, want 2 (%s)", args[1:], code, stderr)
		}
	}
}

// TestExportImportRoundTrip: the demo exported with `export xlsx` and
// imported into a new residence (owners, shares, entries) gives the same
// trial balance and the same owners.
func TestExportImportRoundTrip(t *testing.T) {
	src := demoFile(t)
	book := filepath.Join(t.TempDir(), "Tilleuls.xlsx")
	if code, _, stderr := cli(t, "export", src, "xlsx", "--year", "2025", "--out", book); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	dst := impNewResidence(t)
	for _, step := range [][]string{
		{"owners", "Copropriétaires"}, {"shares", "Tantièmes"}, {"entries", "Écritures"},
	} {
		if code, out, stderr := cli(t, "import", step[0], dst, book, "--sheet", step[1]); code != 0 {
			t.Fatalf("import %s: %s%s", step[0], out, stderr)
		}
	}
	for _, args := range [][]string{{"balance", "--year", "2025", "--json"}, {"owners", "--json"}} {
		_, want, _ := cli(t, append([]string{args[0], src}, args[1:]...)...)
		_, got, _ := cli(t, append([]string{args[0], dst}, args[1:]...)...)
		if got != want || len(want) < 100 {
			t.Errorf("%s differs after the round trip:\n got  %s\n want %s", args[0], got, want)
		}
	}
	if code, out, stderr := cli(t, "check", dst); code != 0 {
		t.Errorf("check: %s%s", out, stderr)
	}
}
