package cfonb

import (
	"math/big"
	"strings"
)

// ribIBAN turns a French RIB without its key (bank, branch and account
// number, as CFONB 240 gives the counterparty) into its IBAN, so that the
// matching can recognise a payer's known IBAN. The RIB key is computed as
// the banks do: letters of the account number replaced by digits (A and J
// are 1, B K S 2, … I R Z 9), key = 97 − (89·bank + 15·branch + 3·account)
// mod 97; then the IBAN check digits by ISO 13616 (mod 97 of the BBAN
// followed by « FR00 », letters as 10…35). "" when the zones are not a RIB.
func ribIBAN(bank, branch, number string) string {
	if len(bank) != 5 || len(branch) != 5 || len(number) != 11 || !digits(bank) || !digits(branch) {
		return ""
	}
	if strings.Trim(bank+branch+number, "0") == "" {
		return ""
	}
	var acct strings.Builder
	for _, c := range number {
		switch {
		case c >= '0' && c <= '9':
			acct.WriteRune(c)
		case c >= 'A' && c <= 'Z':
			acct.WriteByte(byte('1' + ((c-'A')%9+(c-'A')/18)%9))
		default:
			return ""
		}
	}
	b, _ := new(big.Int).SetString(bank, 10)
	g, _ := new(big.Int).SetString(branch, 10)
	a, _ := new(big.Int).SetString(acct.String(), 10)
	sum := new(big.Int).Mul(b, big.NewInt(89))
	sum.Add(sum, new(big.Int).Mul(g, big.NewInt(15)))
	sum.Add(sum, new(big.Int).Mul(a, big.NewInt(3)))
	key := 97 - new(big.Int).Mod(sum, big.NewInt(97)).Int64()
	bban := bank + branch + number + string([]byte{byte('0' + key/10), byte('0' + key%10)})
	var num strings.Builder
	for _, c := range bban + "FR00" {
		if c >= 'A' && c <= 'Z' {
			n := int(c-'A') + 10
			num.WriteByte(byte('0' + n/10))
			num.WriteByte(byte('0' + n%10))
		} else {
			num.WriteRune(c)
		}
	}
	v, _ := new(big.Int).SetString(num.String(), 10)
	check := 98 - new(big.Int).Mod(v, big.NewInt(97)).Int64()
	return "FR" + string([]byte{byte('0' + check/10), byte('0' + check%10)}) + bban
}
