package ledger

import (
	_ "embed"
	"strings"
	"sync"
)

// The official chart is data of the books' rules (only these accounts and
// their subdivisions may be used), so it lives here rather than in assets.
//
//go:embed chart_fr.txt
var chartText string

// ChartEntry is one account of the official chart.
type ChartEntry struct {
	Number string // official number, as printed in the arrêté ("1031")
	Code   string // stored code, padded to 6 characters ("103100")
	Label  string
}

var chartOnce = sync.OnceValue(func() []ChartEntry {
	var out []ChartEntry
	for _, line := range strings.Split(chartText, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		num, label, ok := strings.Cut(line, "\t")
		if !ok {
			panic("chart_fr.txt: line without TAB: " + line)
		}
		out = append(out, ChartEntry{Number: num, Code: PadAccount(num), Label: label})
	}
	return out
})

// OfficialChart returns the accounts a new residence starts with.
func OfficialChart() []ChartEntry { return chartOnce() }

// PadAccount pads an account number with zeros to the 6 characters stored
// (701 → 701000); longer numbers are returned unchanged.
func PadAccount(n string) string {
	for len(n) < 6 {
		n += "0"
	}
	return n
}

// CheckAccountCode says whether code may be an account of a residence: six
// digits or capital letters, below a number of the official chart (owners
// are 450001–450999).
func CheckAccountCode(code string) error {
	if len(code) != 6 {
		return Errorf(Invalid, "Le compte « %s » doit avoir 6 caractères", code)
	}
	for _, r := range code {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z') {
			return Errorf(Invalid, "Le compte « %s » ne peut contenir que des chiffres et des lettres majuscules", code)
		}
	}
	if code[0] < '1' || code[0] > '7' || code[0] == '2' || code[0] == '3' {
		return Errorf(Invalid, "Le compte « %s » n'appartient pas au plan comptable des copropriétés (classes 1, 4, 5, 6 et 7)", code)
	}
	if InOwnersRange(code) {
		if !IsOwnerAccount(code) {
			return Errorf(Invalid, "Un compte de copropriétaire va de 450001 à 450999 (« %s » ne convient pas)", code)
		}
		return nil
	}
	if strings.HasPrefix(code, "1032") {
		return Errorf(Invalid, "Le compte 1032 a été supprimé du plan comptable en 2020 (« %s » ne convient pas) : utilisez 1031 ou 1033", code)
	}
	for _, c := range OfficialChart() {
		if strings.HasPrefix(code, strings.TrimRight(c.Number, "0")) || strings.HasPrefix(code, c.Number) {
			return nil
		}
	}
	return Errorf(Invalid, "Le compte « %s » n'est pas une subdivision d'un compte du plan comptable des copropriétés", code)
}

// AccountClass is the first digit of the code (1, 4, 5, 6 or 7).
func AccountClass(code string) int {
	if code == "" {
		return 0
	}
	return int(code[0] - '0')
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
