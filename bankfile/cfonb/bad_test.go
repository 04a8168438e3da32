package cfonb

import (
	"os"
	"strings"
	"testing"
)

// fixtureLines returns a fixture's lines without their endings.
func fixtureLines(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.ReplaceAll(string(data), "\r", ""), "\n")
}

// set replaces positions from (1-based) of line n (1-based) by s.
func set(lines []string, n, from int, s string) []string {
	out := append([]string(nil), lines...)
	r := []rune(out[n-1])
	copy(r[from-1:], []rune(s))
	out[n-1] = string(r)
	return out
}

func TestBadInput(t *testing.T) {
	// silarhi 120: line 1 is an 01, 2 an 04, 3 an 05, 4 an 07, 5 the next 01.
	c120 := fixtureLines(t, "cfonb120_silarhi_complex.txt")
	// the amended 240 sample: 1 a 31, 2-3 34s, 4 a 39, 5 a 31, 6 a 34, 7 a 39.
	c240 := fixtureLines(t, "cfonb240_silarhi_totals_fixed.txt")
	drop := func(lines []string, n int) []string {
		return append(append([]string(nil), lines[:n-1]...), lines[n:]...)
	}
	for _, tc := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"truncated record", set(c120, 2, 1, c120[1][:100]+"\n"), "ligne 2 : enregistrement tronqué : 100 caractères au lieu de 120"},
		{"long record", append(append(append([]string(nil), c120[:3]...), c120[3]+"X"), c120[4:]...), "ligne 4 : enregistrement de 121 caractères au lieu de 120"},
		{"bad sign", set(c120, 2, 104, "X"), "ligne 2 : caractère de signe « X » illisible en position 104"},
		{"unknown code", set(c120, 3, 1, "03"), "ligne 3 : code d'enregistrement « 03 » inconnu (attendu 01, 04, 05 ou 07)"},
		{"currency", set(c120, 1, 17, "USD"), "ligne 1 : relevé en « USD » : seuls les comptes en euros (EUR) sont acceptés"},
		{"amount", set(c120, 4, 95, "12A4"), "ligne 4 : montant « 000012A466728F » illisible en positions 91 à 104"},
		{"decimals", set(c120, 2, 20, "x"), "ligne 2 : nombre de décimales « x » illisible en position 20"},
		{"finer than a cent", set(c120, 1, 20, "3"), "ligne 1 : montant « 0000000166956E » à 3 décimales : plus fin que le centime"},
		{"no such date", set(c120, 2, 35, "310220"), "ligne 2 : date de comptabilisation « 310220 » inexistante ou illisible"},
		{"value date", set(c120, 2, 43, "0704AB"), "ligne 2 : date de valeur « 0704AB » inexistante ou illisible"},
		{"old balance date", set(c120, 1, 35, "000000"), "ligne 1 : date de l'ancien solde « 000000 » inexistante"},
		{"05 without 04", drop(c120, 2), "ligne 2 : complément (05) sans mouvement (04) qui le précède"},
		{"04 outside a statement", drop(c120, 1), "ligne 1 : un mouvement (04) hors d'un relevé : il manque l'ancien solde (01) qui l'ouvre"},
		{"07 missing", drop(c120, 4), "ligne 4 : nouveau relevé (01) alors que celui ouvert ligne 1 n'est pas clos par un nouveau solde (07)"},
		{"another account", set(c120, 2, 22, "99999999999"), "ligne 2 : l'enregistrement porte sur le compte guichet 02204 n° 99999999999 alors que le relevé ouvert ligne 1 est celui du compte guichet 02204 n° 00012345603"},
		{"truncated file", c120[:3], "ligne 1 : fichier tronqué : le relevé ouvert à cette ligne (ancien solde, 01) n'est pas clos par un nouveau solde (07)"},
		{"empty", []string{"", "  "}, "le fichier ne contient aucun relevé CFONB 120"},
		{"not a statement", []string{`<?xml version="1.0"?><Document/>`}, "ligne 1 : enregistrement tronqué : 32 caractères au lieu de 120"},

		{"240 truncated", set(c240, 2, 1, c240[1][:200]+"\n"), "ligne 2 : enregistrement tronqué : 200 caractères au lieu de 240"},
		{"240 unknown record", set(c240, 2, 1, "35"), "ligne 2 : code d'enregistrement « 35 » inconnu (attendu 31, 34 ou 39)"},
		{"240 unknown operation", set(c240, 2, 9, "99"), "ligne 2 : code opération « 99 » inconnu"},
		{"240 currency", set(c240, 1, 17, "D"), "ligne 1 : indice monnaie « D » : seuls les comptes en euros (« E ») sont acceptés"},
		{"240 zone currency", set(c240, 2, 17, " 2USD"), "ligne 2 : opérations en « USD » : seuls les comptes en euros (EUR) sont acceptés"},
		{"240 amount", set(c240, 3, 229, "00000028728O"), "ligne 3 : montant « 00000028728O » illisible (12 chiffres attendus en positions 229 à 240)"},
		{"240 date", set(c240, 2, 11, "321220"), "ligne 2 : date de règlement « 321220 » inexistante ou illisible"},
		{"240 sequence number", set(c240, 2, 3, "0000A2"), "ligne 2 : numéro séquentiel « 0000A2 » illisible"},
		{"240 detail outside", drop(c240, 1), "ligne 1 : une opération (34) hors d'une séquence : il manque l'en-tête (31) qui l'ouvre"},
		{"240 total missing", drop(c240, 4), "ligne 4 : nouvel en-tête (31) alors que la séquence ouverte ligne 1 n'est pas close par un total (39)"},
		{"240 another account", set(c240, 3, 88, "99999999999"), "ligne 3 : l'opération ne porte pas sur le compte n° 00020030401 de la séquence ouverte ligne 1"},
		{"240 total of another account", set(c240, 4, 32, "99999999999"), "ligne 4 : le total porte sur le compte n° 99999999999 et non sur le compte n° 00020030401"},
		{"240 total wrong", set(c240, 7, 229, "000000011761"), "ligne 7 : le total de la séquence annonce 117,61 € mais les opérations de la séquence ouverte ligne 5 font 117,60 € (écart de 0,01 €)"},
		{"240 truncated file", c240[:3], "ligne 1 : fichier tronqué : la séquence ouverte à cette ligne (en-tête, 31) n'est pas close par un total (39)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("releve.txt", []byte(strings.Join(tc.lines, "\n")))
			want := "« releve.txt »"
			if !strings.HasPrefix(tc.want, "ligne") {
				want += " : "
			} else {
				want += ", "
			}
			want += tc.want
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("got  %v\nwant %s…", err, want)
			}
		})
	}
}

// Lines end with LF, CRLF or CR; a file that is not UTF-8 is Latin-1; a
// UTF-8 accent is one position; decimals other than 2 are scaled.
func TestEncodingsAndDecimals(t *testing.T) {
	c120 := fixtureLines(t, "cfonb120_silarhi_complex.txt")[:4]
	for _, tc := range []struct {
		name, data string
		label      string
		amount     int64
	}{
		{"CRLF", strings.Join(c120, "\r\n"), "PRLV SEPA ONLINE SAS", -2279},
		{"CR", strings.Join(c120, "\r"), "PRLV SEPA ONLINE SAS", -2279},
		{"Latin-1", strings.ReplaceAll(strings.Join(set(c120, 2, 49, "PRLV SOCIÉTÉ"), "\n"), "É", "\xc9"), "PRLV SOCIÉTÉLINE SAS", -2279},
		{"UTF-8", strings.Join(set(c120, 2, 49, "PRLV SOCIÉTÉ"), "\n"), "PRLV SOCIÉTÉLINE SAS", -2279},
	} {
		st, err := Parse(tc.name, []byte(tc.data))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if l := st[0].Lines[0]; l.Label != tc.label || l.Amount != tc.amount {
			t.Errorf("%s: %q %d", tc.name, l.Label, l.Amount)
		}
	}
	// 0 decimals: 227R reads 2279 euros; 3 decimals ending in 0: 22790 thousandths.
	lines := set(set(set(c120, 1, 20, "0"), 2, 20, "0"), 4, 20, "0")
	st, err := Parse("d0", []byte(strings.Join(lines, "\n")))
	if err != nil || st[0].Lines[0].Amount != -227900 || st[0].Opening.Amount != 166956500 {
		t.Errorf("0 decimals: %v %+v", err, st)
	}
	lines = set(set(c120, 2, 20, "3"), 2, 91, "0000000002279}")
	st, err = Parse("d3", []byte(strings.Join(lines, "\n")))
	if err != nil || st[0].Lines[0].Amount != -2279 {
		t.Errorf("3 decimals: %v %+v", err, st)
	}
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		data string
		want bool
	}{
		{strings.Join(fixtureLines(t, "cfonb120_pennylane_example.txt"), "\r\n"), true},
		{"\n\n" + strings.Join(fixtureLines(t, "cfonb240_silarhi_complex.txt"), "\n"), true},
		{`<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>`, false},
		{"OFXHEADER:100\nDATA:OFXSGML\n", false},
		{strings.Repeat("x", 120), false},
		{"01" + strings.Repeat(" ", 118), false},
		{"", false},
	} {
		if got := Sniff([]byte(tc.data)); got != tc.want {
			t.Errorf("Sniff(%.40q) = %v", tc.data, got)
		}
	}
}
