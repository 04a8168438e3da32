package cfonb

import "strconv"

// maxAmount bounds one amount (100 billion euros, in cents) so that the
// sum of bankfile.MaxLines of them still fits an int64: a hostile file
// must not make a total wrap around.
const maxAmount = 10_000_000_000_000

// signedAmount reads the CFONB 120 amount zone, positions 91 to 104: 13
// digits and a last character that is both the last digit and the sign
// (« {  A … I » for +0 … +9, « } J … R » for -0 … -9, the brochure's
// table), with the number of decimals at position 20. The result is in
// cents; what is finer than a cent is refused. The second result is a
// French message when the zone does not read.
func signedAmount(rec record) (int64, string) {
	dec := rec.field(20, 20)
	if !digits(dec) {
		return 0, "nombre de décimales « " + clean(dec) + " » illisible en position 20 (un chiffre attendu)"
	}
	zone, head := rec.field(91, 104), rec.field(91, 103)
	if !digits(head) || len(head) != 13 {
		return 0, "montant « " + clean(zone) + " » illisible en positions 91 à 104 (13 chiffres et un caractère de signe attendus)"
	}
	last := rec.r[103]
	var digit int64
	neg := false
	switch {
	case last == '{':
	case last == '}':
		neg = true
	case last >= 'A' && last <= 'I':
		digit = int64(last-'A') + 1
	case last >= 'J' && last <= 'R':
		digit, neg = int64(last-'J')+1, true
	default:
		return 0, "caractère de signe « " + clean(string(last)) + " » illisible en position 104 (attendu « { », A à I pour un crédit, « } », J à R pour un débit)"
	}
	v, _ := strconv.ParseInt(head, 10, 64)
	v, ok := toCents(v*10+digit, int(dec[0]-'0'))
	if !ok {
		return 0, "montant « " + clean(zone) + " » à " + dec + " décimales : plus fin que le centime"
	}
	if v > maxAmount {
		return 0, "montant « " + clean(zone) + " » démesuré pour un compte de copropriété"
	}
	if neg {
		v = -v
	}
	return v, ""
}
